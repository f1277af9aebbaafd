"""The checker's texts: their keys beyond the findings, when each is shown (for editors), and
the built-in wording, which seeds the database (migrations 0005, 0012 and 0018 hold copies)
and stands in when a stored text is broken. Nothing here imports Django."""

from phases.rules import classifier

CANT_TELL = "cant-tell"
CANT_TELL_QUESTIONS = "cant-tell-questions"
CANT_TELL_NO_CANDIDATES = "cant-tell-no-candidates"  # when no phase is listed as possible
PHASE_PLACEHOLDERS = ("marrow_blasts_percent", "anc", "platelets")
# A phase's headline worded for the findings beside it: a relapse not yet confirmed, or a
# remission (or MRD) judged from a blood test with no new marrow result. Key: (phase, findings).
RELAPSED_TO_CONFIRM = "relapsed-to-confirm"
REMISSION_FROM_BLOOD_TEST = "remission-from-blood-test"
MRD_FROM_BLOOD_TEST = "minimal-residual-disease-from-blood-test"
FROM_BLOOD_TEST = (classifier.REMISSION_FROM_BLOOD_TEST, classifier.LOW_COUNTS_IN_MAINTENANCE)
HEADLINE_VARIANTS: dict[str, tuple[str, tuple[str, ...]]] = {
    RELAPSED_TO_CONFIRM: (classifier.RELAPSED, classifier.RELAPSE_NOT_YET_CONFIRMED),
    REMISSION_FROM_BLOOD_TEST: (classifier.REMISSION, FROM_BLOOD_TEST),
    MRD_FROM_BLOOD_TEST: (classifier.MINIMAL_RESIDUAL_DISEASE, FROM_BLOOD_TEST),
}
# The first sentence of the urgent box: why it is shown, by reason (Result.urgent_reasons).
URGENT_REASON_TEXTS = {
    classifier.FEVER: "urgent-fever",
    classifier.SYMPTOMS: "urgent-symptoms",
    classifier.LOW_ANC: "urgent-low-anc",
}

WHEN_SHOWN = {
    classifier.UNTREATED: "The result is Untreated: treatment has not started.",
    classifier.REMISSION: "The result is Remission.",
    classifier.MINIMAL_RESIDUAL_DISEASE: "The result is Minimal residual disease (MRD).",
    classifier.REFRACTORY: "The result is Refractory.",
    classifier.RELAPSED: "The result is Relapsed.",
    RELAPSED_TO_CONFIRM: "The result is Relapsed, but the findings say doctors usually confirm "
    "it (marrow blasts from 5% to 25%, or blasts in the blood only): the heading says “This may "
    "mean the leukemia has come back”.",
    REMISSION_FROM_BLOOD_TEST: "The result is Remission, from a blood test with no blasts and no "
    "new marrow result, after the care team said the leukemia was in remission (maintenance).",
    MRD_FROM_BLOOD_TEST: "The result is Minimal residual disease, from a blood test with no "
    "blasts and no new marrow result, after the care team said the leukemia was in remission.",
    "urgent-fever": "First sentence of the “Get help right away” box when the patient said "
    "there is a fever now or in the last 24 hours.",
    "urgent-symptoms": "First sentence of the “Get help right away” box when the patient said "
    "there are other signs that the leukemia may be active.",
    "urgent-low-anc": "First sentence of the “Get help right away” box when the ANC is below 0.5.",
    classifier.ANSWERS_CONFLICT: "No treatment ever given, yet in remission before: the answers "
    "conflict.",
    classifier.RELAPSE_OUTSIDE_MARROW: "Relapsed, decided by leukemia found outside the marrow "
    "(spinal fluid, testicles, skin...), with marrow blasts not above 5%.",
    classifier.CHILD_NOT_YET_IN_REMISSION: "A child not in remission at the end of the first "
    "round of treatment (or with MRD of 1% or more then).",
    classifier.AGE_GROUP_NEEDED: "Not in remission at the end of the first round, and the "
    "patient did not say whether a child or an adult is treated.",
    classifier.MRD_HIGH_AFTER_REMISSION: "MRD of 1% or more after remission.",
    classifier.MRD_HIGH: "An MRD result with an MRD level of 1% or more.",
    classifier.MRD_POSITIVE_NOT_RELAPSE: "MRD positive, never in remission before.",
    classifier.MRD_AFTER_REMISSION: "MRD positive after remission.",
    classifier.COUNTS_LOW_CHILD: "Remission or MRD for a child, with blood counts low.",
    classifier.COUNTS_LOW_MAINTENANCE: "Remission or MRD after an earlier remission (such as "
    "maintenance), with blood counts low.",
    classifier.REMISSION_FROM_BLOOD_TEST: "In remission before, a blood test with no blasts, and "
    "no new marrow result (as in maintenance).",
    classifier.LOW_COUNTS_IN_MAINTENANCE: "As above, but with platelets below 75 or an ANC "
    "below 0.5: instead of the text above.",
    CANT_TELL: "The answers do not decide one phase (the result says “We can't tell yet”).",
    CANT_TELL_QUESTIONS: "Questions to ask, shown with a “We can't tell yet” result.",
    CANT_TELL_NO_CANDIDATES: "The answers do not decide a phase, and no phase is listed as "
    "possible (during the first round of treatment, a child at its end, answers that conflict, "
    "or no marrow result).",
    classifier.BLASTS_BELOW_USUAL_AT_DIAGNOSIS: "Untreated, with marrow blasts below 20%.",
    classifier.RELAPSE_TO_CONFIRM: "Relapsed, with marrow blasts above 5% but "
    "below 25% and no blasts reported in the blood.",
    classifier.BLOOD_BLASTS_TO_CONFIRM: "Relapsed or Refractory, decided by blasts in the "
    "blood, with marrow blasts not above 5%.",
    classifier.REFRACTORY_JUDGED_AFTER_FULL_COURSE: "Every Refractory result.",
    classifier.TOO_EARLY_TO_JUDGE: "Leukemia found during the first round of treatment, never "
    "in remission: too early to judge.",
    classifier.FIRST_COURSE_STATUS_NEEDED: "Leukemia found after treatment, never in remission, "
    "and the patient does not know whether the first round of treatment has finished.",
    classifier.RELAPSED_OR_REFRACTORY_NEEDS_HISTORY: "Leukemia found after treatment, but the "
    "patient does not know whether it was ever in remission.",
    classifier.BLASTS_AT_BORDER: "Marrow blasts exactly 5%.",
    classifier.GOOD_EARLY_SIGN: "Marrow blasts below 5% during the first round of treatment.",
    classifier.SYMPTOMS_PRESENT: "Marrow blasts below 5%, but the patient has symptoms.",
    classifier.SYMPTOMS_NEEDED: "Remission or MRD, but the patient did not say whether there "
    "are signs of leukemia now.",
    classifier.FIRST_COURSE_PROBABLY_FINISHED: "Remission or MRD, and the patient does not know "
    "whether the first round of treatment has finished.",
    classifier.MRD_TEST_CAN_LOOK_DEEPER: "Remission, with no MRD result given.",
    classifier.COUNTS_NOT_RECOVERED: "Remission or MRD for an adult (or age not given), never in "
    "remission before, with blood counts still low (ANC below 1.0 or platelets below 100, or "
    "the report says not normal).",
    classifier.COUNTS_UNKNOWN: "Remission or MRD, with no blood counts given.",
    classifier.COUNTS_NUMBERS_CONFLICT_WITH_CBC: "The ANC and platelet numbers disagree with "
    "what the report says of the blood count overall.",
    classifier.BLOOD_BLASTS_UNKNOWN: "Remission or MRD, but the patient does not know whether "
    "the blood test found blasts.",
    classifier.OUTSIDE_MARROW_NOT_CHECKED: "Remission or MRD, unless the patient said no "
    "leukemia was found outside the blood and marrow.",
    classifier.MARROW_BLASTS_NEEDED: "Treated, but no marrow blast percentage was given.",
    classifier.MARROW_BLASTS_NOT_PRECISE: "Treated, and the report gives marrow blasts only as "
    "“below” a number above 5%, or as a range that includes 5%.",
}

# The wording patients read, and the seed of every text: migration 0005 and 0012 hold copies.
BUILT_IN = {
    classifier.UNTREATED: (
        "You said no treatment for the leukemia has been given yet. Doctors call this phase "
        "**untreated**. At this point the blood count is usually not normal. Blasts are "
        "usually more than 20% of the cells in the marrow."
    ),
    classifier.REMISSION: (
        "The bone marrow test found {marrow_blasts_percent}% blasts. That is under the 5% line "
        "for remission, and there are no signs of leukemia now. This fits **remission**: the "
        "usual tests no longer find leukemia."
    ),
    classifier.MINIMAL_RESIDUAL_DISEASE: (
        "The bone marrow test found {marrow_blasts_percent}% blasts. That is under the 5% line "
        "for remission. But a very sensitive MRD test still found a few leukemia cells. This "
        "fits **minimal residual disease (MRD)**."
    ),
    classifier.REFRACTORY: (
        "The first round of treatment has finished, but leukemia cells were still found. And "
        "it has not been in remission. This fits **refractory** leukemia."
    ),
    classifier.RELAPSED: (
        "The leukemia was in remission before. Now leukemia cells are back. This fits "
        "**relapsed** leukemia: it has come back."
    ),
    CANT_TELL: (
        "Your answers could fit more than one phase: {candidates}. The notes below say what "
        "is missing or does not fit together."
    ),
    CANT_TELL_QUESTIONS: (
        "- Which phase is the leukemia in now?\n"
        "- Which test results helped you decide?\n"
        "- Do we need more tests? When will we get the results?\n"
        "- What does this mean for the treatment plan?"
    ),
    classifier.BLASTS_BELOW_USUAL_AT_DIAGNOSIS: (
        "Your marrow blasts are {marrow_blasts_percent}%. At diagnosis they are usually above "
        "{usually_above}%. Your care team will explain your results."
    ),
    classifier.RELAPSE_TO_CONFIRM: (
        "Your marrow blasts are {marrow_blasts_percent}%. When they are between 5% and "
        "{confirm_below}%, doctors often do a second test to be sure it is a relapse."
    ),
    classifier.BLOOD_BLASTS_TO_CONFIRM: (
        "This result comes from blasts in the blood. Doctors usually confirm it with a bone "
        "marrow test. A few blasts can also show up in the blood while the marrow recovers "
        "from treatment."
    ),
    classifier.REFRACTORY_JUDGED_AFTER_FULL_COURSE: (
        "Refractory means the first round of treatment did not bring remission. It does not "
        "mean there is nothing left to do. There are other treatments to try. Ask your care "
        "team which ones fit."
    ),
    classifier.TOO_EARLY_TO_JUDGE: (
        "Leukemia cells were found, but the first round of treatment (induction) has not "
        "finished. Treatment takes time to work. Doctors judge how well it worked at the end "
        "of the first round. Ask your care team what these results mean for now."
    ),
    classifier.FIRST_COURSE_STATUS_NEEDED: (
        "Leukemia cells were found after treatment started. What this means depends on timing. "
        "Doctors judge how well treatment worked at the end of the first round (induction). "
        "Tell us if the first round has finished."
    ),
    classifier.RELAPSED_OR_REFRACTORY_NEEDS_HISTORY: (
        "Leukemia cells were found after treatment started. What this means depends on what "
        "came before. Tell us if your care team ever said the leukemia was in remission."
    ),
    classifier.BLASTS_AT_BORDER: (
        "Your marrow blasts are exactly {marrow_blasts_percent}%. That is the line between "
        "remission (below 5%) and relapse (above 5%). Only your care team can say which it is."
    ),
    classifier.GOOD_EARLY_SIGN: (
        "The marrow blasts are {marrow_blasts_percent}%, below 5%, while the first round of "
        "treatment is still going on. This is a good early sign. Remission is confirmed at the "
        "end of the first round."
    ),
    classifier.SYMPTOMS_PRESENT: (
        "New signs like these can come from an infection or from treatment. Sometimes they "
        "mean the leukemia is coming back. Your care team needs to know about them today."
    ),
    classifier.SYMPTOMS_NEEDED: (
        "Remission also means no signs of leukemia. You did not say if there are any signs now, "
        "such as new bone pain or bruising. Tell your care team about any new signs."
    ),
    classifier.FIRST_COURSE_PROBABLY_FINISHED: (
        "You did not say if the first round of treatment has finished. A marrow test after "
        "treatment is usually done at the end of it, so we took it as finished. If it is still "
        "going on, remission is confirmed at the end of it."
    ),
    classifier.MRD_TEST_CAN_LOOK_DEEPER: (
        "An MRD test can find leukemia cells too few to see under a microscope. Some tests find "
        "1 in {finds_one_cell_in} cells, and the most sensitive find 1 in "
        "{most_sensitive_finds_one_cell_in}. If you had one, add its result. If not, ask your "
        "care team about it."
    ),
    classifier.COUNTS_NOT_RECOVERED: (
        "The blood counts are still low. That is common during and after treatment. Some "
        "doctors call this remission with incomplete count recovery (CRi). Adult criteria ask "
        "for an ANC of at least {anc_at_least} and platelets of at least {platelets_at_least} "
        "(×10⁹/L)."
    ),
    classifier.COUNTS_UNKNOWN: (
        "We could not check the blood counts. For that we need the ANC and platelet numbers, or "
        "what the report says of the blood count. Counts do not change this result, but your "
        "care team watches them."
    ),
    classifier.COUNTS_NUMBERS_CONFLICT_WITH_CBC: (
        "Your ANC and platelet numbers do not agree with what you said of the blood count "
        "({cbc}). We went by the numbers. Please check them, or ask your care team."
    ),
    classifier.BLOOD_BLASTS_UNKNOWN: (
        "Remission also means no blasts in the blood. You did not say if your blood test "
        "found any, so check this with your care team."
    ),
    classifier.OUTSIDE_MARROW_NOT_CHECKED: (
        "This checks the blood and marrow only. Leukemia can also come back in the spinal "
        "fluid or the testicles. Your care team checks for that in other ways."
    ),
    classifier.MARROW_BLASTS_NEEDED: (
        "We need the blasts number from a bone marrow test. Blood counts alone can't tell "
        "remission from relapse."
    ),
    classifier.MARROW_BLASTS_NOT_PRECISE: (
        "The report gives the marrow blasts as {marrow_blasts_percent}%. Remission needs fewer "
        "than 5%, so this does not tell us enough. Ask your care team for the exact number."
    ),
    CANT_TELL_NO_CANDIDATES: (
        "We can't name a phase from these answers yet. The notes below say why, and what to "
        "ask your care team."
    ),
    RELAPSED_TO_CONFIRM: (
        "The leukemia was in remission before. Now these results show signs that it may have "
        "come back. This may fit **relapsed** leukemia. Doctors usually do another test to be "
        "sure."
    ),
    REMISSION_FROM_BLOOD_TEST: (
        "Your care team said the leukemia was in remission, and this blood test finds no "
        "blasts. This fits **remission**: the usual tests no longer find leukemia."
    ),
    MRD_FROM_BLOOD_TEST: (
        "Your care team said the leukemia was in remission, and this blood test finds no "
        "blasts. But a very sensitive MRD test found a few leukemia cells. This fits **minimal "
        "residual disease (MRD)**."
    ),
    "urgent-fever": (
        "We show this first because you said there is a fever now, or there was one in the "
        "last 24 hours. During treatment, a fever can mean a serious infection."
    ),
    "urgent-symptoms": (
        "We show this first because you said there are signs your care team needs to know about."
    ),
    "urgent-low-anc": (
        "We show this first because very few neutrophils were found: the ANC is {anc}, below "
        "{urgent_anc_below}. At this count an infection can become serious quickly."
    ),
    classifier.ANSWERS_CONFLICT: (
        "You said no treatment has ever been given. You also said the leukemia was in "
        "remission before. Remission only comes after treatment, so one of these answers may "
        "be off. Please check both questions."
    ),
    classifier.RELAPSE_OUTSIDE_MARROW: (
        "This result comes from leukemia found outside the marrow. Doctors confirm it with "
        "tests of the place where it was found, such as spinal fluid from a lumbar puncture, "
        "or a biopsy. They usually test the marrow too, to see if the leukemia is there as "
        "well."
    ),
    classifier.CHILD_NOT_YET_IN_REMISSION: (
        "The first round of treatment has finished, but the leukemia is not in remission yet. "
        "For children, teams usually give the next round and check again before they call it "
        "refractory. Some call this induction failure. Ask your care team what the plan is."
    ),
    classifier.AGE_GROUP_NEEDED: (
        "The first round of treatment has finished, but the leukemia is not in remission. "
        "Adult plans call this refractory. Children's plans usually give the next round first "
        "and check again. Tell us who is being treated."
    ),
    classifier.MRD_HIGH_AFTER_REMISSION: (
        "The MRD test found 1% or more after remission. Teams usually repeat the test soon. "
        "Two results like this can mean the leukemia has come back."
    ),
    classifier.MRD_HIGH: (
        "The MRD level is high: 1% or more. Your care team may change the treatment plan. Ask "
        "them what it means for the next steps."
    ),
    classifier.MRD_POSITIVE_NOT_RELAPSE: (
        "A positive MRD test is not a relapse. At the end of the first round it is common, "
        "most of all in children. It often changes how strong the next treatment is."
    ),
    classifier.MRD_AFTER_REMISSION: (
        "MRD that comes back after remission can be an early sign that the leukemia is "
        "returning. Teams usually repeat the test soon, and they may change treatment."
    ),
    classifier.COUNTS_LOW_CHILD: (
        "The blood counts are low. That is common during treatment. For children, remission "
        "does not depend on the counts."
    ),
    classifier.COUNTS_LOW_MAINTENANCE: (
        "The blood counts are low. During maintenance treatment, the medicines often keep "
        "counts low on purpose. Your care team watches them."
    ),
    classifier.REMISSION_FROM_BLOOD_TEST: (
        "Your care team said the leukemia was in remission, and this blood test shows no "
        "blasts. So nothing here points to a change. Only a marrow test can say for sure, and "
        "your team does one when it is needed."
    ),
    classifier.LOW_COUNTS_IN_MAINTENANCE: (
        "Counts this low during maintenance most often come from the medicines or a virus. "
        "But they can be an early sign that the leukemia is back. Make sure your care team "
        "sees these results within a day or two. They decide if a marrow test is needed."
    ),
}
