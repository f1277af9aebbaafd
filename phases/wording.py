"""The checker's explanations: which texts exist, what each may say, and the built-in wording.

Staff edit every text in the admin. A text is Markdown with named placeholders in curly
brackets, such as {marrow_blasts_percent}; each text may use only the values handed to it, and
substitution can do nothing but put those values in (no attribute access, no code). The
built-in wording below seeds the database and stands in when a stored text is broken, so a
patient always gets a result. Nothing here imports Django.
"""

import string

from phases import classifier

CANT_TELL = "cant-tell"
CANT_TELL_QUESTIONS = "cant-tell-questions"
PHASE_PLACEHOLDERS = ("marrow_blasts_percent", "anc", "platelets")

# Every text, with the placeholders it may use, and when a patient sees it (for editors).
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    **{slug: PHASE_PLACEHOLDERS for slug in classifier.PHASE_SLUGS},
    CANT_TELL: ("candidates",),
    CANT_TELL_QUESTIONS: (),
    **classifier.FINDING_VALUE_NAMES,
}

WHEN_SHOWN = {
    classifier.UNTREATED: "The result is Untreated: treatment has not started.",
    classifier.REMISSION: "The result is Remission.",
    classifier.MINIMAL_RESIDUAL_DISEASE: "The result is Minimal residual disease (MRD).",
    classifier.REFRACTORY: "The result is Refractory.",
    classifier.RELAPSED: "The result is Relapsed.",
    CANT_TELL: "The answers do not decide one phase (the result says “We can't tell yet”).",
    CANT_TELL_QUESTIONS: "Questions to ask, shown with a “We can't tell yet” result.",
    classifier.GET_HELP_NOW: "The “Get help right away” box at the top of a result: the patient "
    "has signs such as fever now, or an ANC below 0.5.",
    classifier.BLASTS_BELOW_USUAL_AT_DIAGNOSIS: "Untreated, with marrow blasts below 20%.",
    classifier.RELAPSE_CONFIRM_WITH_SECOND_TEST: "Relapsed, with marrow blasts above 5% but "
    "below 25% and no blasts reported in the blood.",
    classifier.RELAPSE_CONFIRM_WITH_MARROW_TEST: "Relapsed, decided by blasts in the blood or "
    "leukemia outside the marrow, with marrow blasts not above 5%.",
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
    classifier.SYMPTOMS_NEEDED: "Marrow blasts below 5%, but the patient did not say whether "
    "there are symptoms.",
    classifier.FIRST_COURSE_PROBABLY_FINISHED: "Remission or MRD, and the patient does not know "
    "whether the first round of treatment has finished.",
    classifier.MRD_TEST_CAN_LOOK_DEEPER: "Remission, with no MRD result given.",
    classifier.COUNTS_NOT_RECOVERED: "Remission or MRD, with blood counts still low (ANC below "
    "1.0 or platelets below 100, or the report says not normal).",
    classifier.COUNTS_UNKNOWN: "Remission or MRD, with no blood counts given.",
    classifier.COUNTS_NUMBERS_CONFLICT_WITH_CBC: "The ANC and platelet numbers disagree with "
    "what the report says of the blood count overall.",
    classifier.BLOOD_BLASTS_UNKNOWN: "Remission or MRD, but the patient does not know whether "
    "the blood test found blasts.",
    classifier.OUTSIDE_MARROW_NOT_CHECKED: "Remission or MRD, unless the patient said no "
    "leukemia was found outside the blood and marrow.",
    classifier.MARROW_BLASTS_NEEDED: "Treated, but no marrow blast percentage was given.",
    classifier.MARROW_BLASTS_NOT_PRECISE: "Treated, and the report gives marrow blasts only as "
    "“below” a number above 5%.",
}

# The wording patients read, and the seed of every text: migration 0005 and 0012 hold copies.
BUILT_IN = {
    classifier.UNTREATED: (
        "You said treatment for the leukemia has not started yet. Doctors call this phase "
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
    classifier.GET_HELP_NOW: (
        "**Call your care team's 24-hour number now, or your emergency number (911 in the "
        "US),** if you or your child has:\n\n"
        "- a temperature of 38.0 °C (100.4 °F) or higher\n"
        "- bleeding that will not stop\n"
        "- trouble breathing\n"
        "- a bad headache, or confusion\n\n"
        "We show this because you said there are signs of illness now, or the ANC is below "
        "{urgent_anc_below}. With few neutrophils, a fever can be an emergency. Do not wait for "
        "the next visit."
    ),
    classifier.BLASTS_BELOW_USUAL_AT_DIAGNOSIS: (
        "Your marrow blasts are {marrow_blasts_percent}%. At diagnosis they are usually above "
        "{usually_above}%. Your care team will explain your results."
    ),
    classifier.RELAPSE_CONFIRM_WITH_SECOND_TEST: (
        "Your marrow blasts are {marrow_blasts_percent}%. When they are between 5% and "
        "{confirm_below}%, doctors often do a second test to be sure it is a relapse."
    ),
    classifier.RELAPSE_CONFIRM_WITH_MARROW_TEST: (
        "This result comes from blasts in the blood, or leukemia found outside the marrow. "
        "Doctors usually confirm it with a bone marrow test. A few blasts can also show up in "
        "the blood while the marrow recovers from treatment."
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
        "You said there are signs such as pain, fever or bleeding. These can come from "
        "treatment or an infection, not only from leukemia. Tell your care team about them."
    ),
    classifier.SYMPTOMS_NEEDED: (
        "The marrow blasts are below 5%. To tell if this is remission, we also need to know "
        "about signs of leukemia now. These are things like bone pain, fever or bleeding."
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
        "(×10⁹/L). Children's criteria set no count limits."
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
}


class Wording(string.Template):
    """A text with {name} placeholders; {{ stands for a curly bracket."""

    delimiter = "{"  # what an escaped {{ becomes
    pattern = r"""
    \{(?:
      (?P<escaped>\{) |
      (?P<named>[a-z][a-z0-9_]*)\} |
      (?P<braced>(?!)) |
      (?P<invalid>)
    )
    """


class WordingProblem(ValueError):
    """A text that does not parse or uses a placeholder it may not; the message is for editors."""


def check(text: str, *, key: str) -> None:
    """Refuse a text the checker could not fill in, with a message an editor can act on."""
    wording = Wording(text)
    allowed = PLACEHOLDERS[key]
    if not wording.is_valid():
        raise WordingProblem(
            "A curly bracket “{” must start a placeholder such as "
            f"{_as_placeholders(allowed) or '{marrow_blasts_percent}'} and be closed with “}}”. "
            "To show a curly bracket itself, type it twice: {{."
        )
    unknown = [name for name in wording.get_identifiers() if name not in allowed]
    if unknown:
        usable = (
            f"This text can use: {_as_placeholders(allowed)}."
            if allowed
            else "This text cannot use placeholders."
        )
        raise WordingProblem(f"Unknown placeholder {_as_placeholders(unknown)}. {usable}")


def fill(text: str, *, key: str, values: dict[str, str]) -> str:
    """The text with its placeholders filled in; raises ValueError or KeyError if it is broken."""
    check(text, key=key)
    return Wording(text).substitute(values)


def _as_placeholders(names) -> str:
    return ", ".join("{" + name + "}" for name in names)
