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
    classifier.BLASTS_BELOW_USUAL_AT_DIAGNOSIS: "Untreated, with marrow blasts below 20%.",
    classifier.RELAPSE_CONFIRM_WITH_SECOND_TEST: "Relapsed, with marrow blasts above 5% but "
    "below 25% and no blasts reported in the blood.",
    classifier.REFRACTORY_JUDGED_AFTER_FULL_COURSE: "Every Refractory result.",
    classifier.RELAPSED_OR_REFRACTORY_NEEDS_HISTORY: "Leukemia found after treatment, but the "
    "patient does not know whether it was ever in remission.",
    classifier.BLASTS_AT_BORDER: "Marrow blasts exactly 5%.",
    classifier.COUNTS_AND_SYMPTOMS_NEEDED: "Marrow blasts below 5%, but the blood count or the "
    "symptoms are unknown.",
    classifier.COUNTS_NOT_RECOVERED: "Marrow blasts below 5%, but blood counts have not come "
    "back (ANC below 1.0 or platelets below 100, or the report says abnormal).",
    classifier.SYMPTOMS_PRESENT: "Marrow blasts below 5%, but the patient has symptoms.",
    classifier.COUNTS_NUMBERS_CONFLICT_WITH_CBC: "The ANC and platelet numbers disagree with "
    "what the report says of the blood count overall.",
    classifier.MRD_TEST_CAN_LOOK_DEEPER: "Remission, with no MRD result given.",
    classifier.BLOOD_BLASTS_UNKNOWN: "Remission or MRD, but the patient does not know whether "
    "the blood test found blasts.",
    classifier.MARROW_BLASTS_NEEDED: "Treated, but no marrow blast percentage was given.",
}

BUILT_IN = {
    classifier.UNTREATED: (
        "You said treatment for the leukemia has not started yet. Doctors call this phase "
        "**untreated**. At this point the blood count is usually not normal, and blasts are "
        "usually more than 20% of the cells in the marrow."
    ),
    classifier.REMISSION: (
        "Your marrow blasts ({marrow_blasts_percent}%) are below 5%. Your blood counts are back "
        "and you have no signs of leukemia. This fits **remission**."
    ),
    classifier.MINIMAL_RESIDUAL_DISEASE: (
        "Your marrow blasts ({marrow_blasts_percent}%) are below 5%, and your blood counts are "
        "back. But a very sensitive MRD test still found leukemia cells. This fits "
        "**minimal residual disease (MRD)**."
    ),
    classifier.REFRACTORY: (
        "You have had treatment, but leukemia cells are still there. And it has not been in "
        "remission. This fits **refractory** leukemia: it has not gone away with treatment."
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
    classifier.RELAPSE_CONFIRM_WITH_SECOND_TEST: (
        "Your marrow blasts are {marrow_blasts_percent}%. When blasts are above 5% but below "
        "{confirm_below}%, doctors usually confirm a relapse with a second test."
    ),
    classifier.REFRACTORY_JUDGED_AFTER_FULL_COURSE: (
        "Doctors most often call leukemia refractory at the end of a full round of "
        "treatment. If your treatment is still going on, ask your care team how it is working."
    ),
    classifier.RELAPSED_OR_REFRACTORY_NEEDS_HISTORY: (
        "Leukemia cells were found after treatment. If the leukemia was in remission before, "
        "this is a relapse. If it never was, it is called refractory. Tell us if your care "
        "team ever said it was in remission."
    ),
    classifier.BLASTS_AT_BORDER: (
        "Your marrow blasts are exactly {marrow_blasts_percent}%. That is the line between "
        "remission (below 5%) and relapse (above 5%). Only your care team can say which it is."
    ),
    classifier.COUNTS_AND_SYMPTOMS_NEEDED: (
        "Your marrow blasts are below 5%. To tell if this is remission, we also need to know "
        "about your blood count and any signs of leukemia."
    ),
    classifier.COUNTS_NOT_RECOVERED: (
        "Your blood counts are not back to the levels of remission yet. That means an ANC of "
        "at least {anc_at_least} and platelets of at least {platelets_at_least}. Blood counts "
        "can stay low for a while after treatment."
    ),
    classifier.SYMPTOMS_PRESENT: (
        "You said you have signs such as pain, fever or bleeding. In remission there are no "
        "signs of leukemia. These signs can have other causes too, so tell your care team."
    ),
    classifier.COUNTS_NUMBERS_CONFLICT_WITH_CBC: (
        "Your ANC and platelet numbers do not agree with what you said of the blood count "
        "({cbc}). We went by the numbers. Please check them, or ask your care team."
    ),
    classifier.MRD_TEST_CAN_LOOK_DEEPER: (
        "An MRD test can find leukemia cells that are too few to see under a microscope: as "
        "few as 1 in {finds_one_cell_in} cells. If you had one, add its result. If not, ask "
        "your care team if you need one."
    ),
    classifier.BLOOD_BLASTS_UNKNOWN: (
        "Remission also means no blasts in the blood. You did not say if your blood test "
        "found any, so check this with your care team."
    ),
    classifier.MARROW_BLASTS_NEEDED: (
        "We need the blasts number from a bone marrow test. Blood counts alone can't tell "
        "remission from relapse."
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
