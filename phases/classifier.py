"""Sort a patient's lab values into one of the five phases of ALL, or say why we can't tell yet.

The classifier is a teaching aid and never guesses: where the facts do not decide, the result
has no phase, names the phases still possible (`candidates`) and the inputs that would settle
it (`missing`). The rules and their sources are in the classifier spec; each rule below cites
its number there. Nothing here imports Django, so the rules are tested without a database and
the form, the JSON API and the tests all share one implementation.
"""

import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace

UNTREATED = "untreated"
REMISSION = "remission"
MINIMAL_RESIDUAL_DISEASE = "minimal-residual-disease"
REFRACTORY = "refractory"
RELAPSED = "relapsed"
PHASE_SLUGS = (UNTREATED, REMISSION, MINIMAL_RESIDUAL_DISEASE, REFRACTORY, RELAPSED)

# Complete remission needs marrow blasts below 5%; relapse means above 5%. The border is shared
# on purpose: exactly 5% is neither, and rule 3 says so instead of picking a side.
REMISSION_BLASTS_BELOW = 5
LEUKEMIA_BLASTS_ABOVE = REMISSION_BLASTS_BELOW
UNTREATED_BLASTS_USUALLY_ABOVE = 20
RELAPSE_CONFIRM_BLASTS_BELOW = 25  # relapse between 5% and 25% is usually confirmed twice
RECOVERED_ANC_AT_LEAST = 1.0  # x10^9/L
RECOVERED_PLATELETS_AT_LEAST = 100  # x10^9/L
MRD_TEST_FINDS_ONE_CELL_IN = 10_000  # flow cytometry; PCR finds about 1 in 100,000
MRD_MOST_SENSITIVE_FINDS_ONE_CELL_IN = 1_000_000  # next-generation sequencing (NGS)
URGENT_ANC_BELOW = 0.5  # x10^9/L: with so few neutrophils a fever is an emergency

# The last line of defence behind the form, which checks these first and explains its messages.
RANGES: dict[str, tuple[float, float]] = {
    "marrow_blasts_percent": (0, 100),
    "anc": (0, 100),
    "platelets": (0, 2000),
    "wbc": (0, 1000),
    "hemoglobin": (0, 25),
}

# Finding codes. Their wording is editable content; each comment says when the code is given.
# Urgent advice, shown first whatever the phase: symptoms now, or ANC below 0.5.
GET_HELP_NOW = "get_help_now"
BLASTS_BELOW_USUAL_AT_DIAGNOSIS = "blasts_below_usual_at_diagnosis"  # untreated, blasts < 20%
# Relapsed, 5% < marrow blasts < 25%, blood blasts not reported (no or unknown).
RELAPSE_CONFIRM_WITH_SECOND_TEST = "relapse_confirm_with_second_test"
# Relapsed, decided by blood blasts or leukemia outside the marrow, marrow not above 5%.
RELAPSE_CONFIRM_WITH_MARROW_TEST = "relapse_confirm_with_marrow_test"
# Every refractory result: the first course did not bring remission; other treatments exist.
REFRACTORY_JUDGED_AFTER_FULL_COURSE = "refractory_judged_after_full_course"
# Leukemia found during the first course, never in remission: too early to judge.
TOO_EARLY_TO_JUDGE = "too_early_to_judge"
# Leukemia found, never in remission, first course finished or not unknown.
FIRST_COURSE_STATUS_NEEDED = "first_course_status_needed"
# Leukemia present after treatment, ever_in_remission unknown.
RELAPSED_OR_REFRACTORY_NEEDS_HISTORY = "relapsed_or_refractory_needs_history"
BLASTS_AT_BORDER = "blasts_at_border"  # treated, marrow blasts exactly 5%, no other sign
GOOD_EARLY_SIGN = "good_early_sign"  # blasts < 5% during the first course
SYMPTOMS_PRESENT = "symptoms_present"  # blasts < 5%, symptoms yes
SYMPTOMS_NEEDED = "symptoms_needed"  # blasts < 5%, symptoms unknown
# Remission or MRD; first_course_finished unknown (a marrow test after treatment suggests yes).
FIRST_COURSE_PROBABLY_FINISHED = "first_course_probably_finished"
MRD_TEST_CAN_LOOK_DEEPER = "mrd_test_can_look_deeper"  # remission, mrd not_tested or unknown
COUNTS_NOT_RECOVERED = "counts_not_recovered"  # remission or MRD, counts not recovered
COUNTS_UNKNOWN = "counts_unknown"  # remission or MRD, neither numbers nor cbc decide the counts
# Remission or MRD, and the anc/platelet numbers disagree with the cbc word.
COUNTS_NUMBERS_CONFLICT_WITH_CBC = "counts_numbers_conflict_with_cbc"
BLOOD_BLASTS_UNKNOWN = "blood_blasts_unknown"  # remission or MRD, blood_blasts unknown
OUTSIDE_MARROW_NOT_CHECKED = "outside_marrow_not_checked"  # remission or MRD, outside not "no"
MARROW_BLASTS_NEEDED = "marrow_blasts_needed"  # treated, no sign of leukemia, blasts unknown
MARROW_BLASTS_NOT_PRECISE = "marrow_blasts_not_precise"  # as above, "below N" with N > 5

# The values each finding may carry: the placeholders staff may use in its wording. Numbers
# the patient left empty are left out, so only the counts findings may lack a listed value.
FINDING_VALUE_NAMES: dict[str, tuple[str, ...]] = {
    GET_HELP_NOW: ("anc", "urgent_anc_below"),
    BLASTS_BELOW_USUAL_AT_DIAGNOSIS: ("marrow_blasts_percent", "usually_above"),
    RELAPSE_CONFIRM_WITH_SECOND_TEST: ("marrow_blasts_percent", "confirm_below"),
    RELAPSE_CONFIRM_WITH_MARROW_TEST: ("marrow_blasts_percent",),
    REFRACTORY_JUDGED_AFTER_FULL_COURSE: (),
    TOO_EARLY_TO_JUDGE: (),
    FIRST_COURSE_STATUS_NEEDED: (),
    RELAPSED_OR_REFRACTORY_NEEDS_HISTORY: (),
    BLASTS_AT_BORDER: ("marrow_blasts_percent",),
    GOOD_EARLY_SIGN: ("marrow_blasts_percent",),
    SYMPTOMS_PRESENT: (),
    SYMPTOMS_NEEDED: (),
    FIRST_COURSE_PROBABLY_FINISHED: (),
    MRD_TEST_CAN_LOOK_DEEPER: ("mrd", "finds_one_cell_in", "most_sensitive_finds_one_cell_in"),
    COUNTS_NOT_RECOVERED: ("anc", "platelets", "cbc", "anc_at_least", "platelets_at_least"),
    COUNTS_UNKNOWN: (),
    COUNTS_NUMBERS_CONFLICT_WITH_CBC: ("anc", "platelets", "cbc"),
    BLOOD_BLASTS_UNKNOWN: (),
    OUTSIDE_MARROW_NOT_CHECKED: (),
    MARROW_BLASTS_NEEDED: (),
    MARROW_BLASTS_NOT_PRECISE: ("marrow_blasts_percent",),
}
FINDING_CODES = tuple(FINDING_VALUE_NAMES)


class Treatment(enum.StrEnum):
    NONE = "none"
    RECEIVED = "received"


class Answer(enum.StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class CountsWord(enum.StrEnum):
    NORMAL = "normal"
    ABNORMAL = "abnormal"
    UNKNOWN = "unknown"


class MrdResult(enum.StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    NOT_TESTED = "not_tested"
    UNKNOWN = "unknown"


# The answer choices of every question; the form and the API build theirs from these.
CHOICES: dict[str, type[enum.StrEnum]] = {
    "treatment": Treatment,
    "first_course_finished": Answer,
    "ever_in_remission": Answer,
    "blood_blasts": Answer,
    "outside_marrow": Answer,
    "cbc": CountsWord,
    "mrd": MrdResult,
    "symptoms": Answer,
}


@dataclass(frozen=True)
class Below:
    """A report's "<5%": fewer than `limit` percent blasts, the exact number not given."""

    limit: float

    def __str__(self) -> str:
        return f"below {self.limit:g}"


@dataclass(frozen=True, kw_only=True)
class LabValues:
    """One lab report, as the patient entered it; every field name is a spec input name.

    Choices also accept their plain strings (form values, JSON), so callers need not know the
    enums. Bad values raise here, whatever the caller checked before, so `classify` never
    reasons about a value the spec does not define.
    """

    treatment: Treatment
    first_course_finished: Answer = Answer.UNKNOWN
    ever_in_remission: Answer = Answer.UNKNOWN
    marrow_blasts_percent: float | Below | None = None
    blood_blasts: Answer = Answer.UNKNOWN
    outside_marrow: Answer = Answer.UNKNOWN
    cbc: CountsWord = CountsWord.UNKNOWN
    anc: float | None = None
    platelets: float | None = None
    wbc: float | None = None
    hemoglobin: float | None = None
    mrd: MrdResult = MrdResult.UNKNOWN
    symptoms: Answer = Answer.UNKNOWN

    def __post_init__(self) -> None:
        for name, choice in CHOICES.items():
            value = getattr(self, name)
            try:
                object.__setattr__(self, name, choice(value))
            except ValueError:
                allowed = ", ".join(member.value for member in choice)
                raise ValueError(f"{name} must be one of {allowed}, not {value!r}") from None
        for name, (low, high) in RANGES.items():
            value = getattr(self, name)
            if isinstance(value, Below) and name == "marrow_blasts_percent":
                object.__setattr__(self, name, Below(_checked_number(name, value.limit, low, high)))
            else:
                object.__setattr__(self, name, _checked_number(name, value, low, high))

    @property
    def first_course_done(self) -> Answer:
        """A remission can only follow the first course, so "ever in remission" settles it."""
        if self.ever_in_remission is Answer.YES:
            return Answer.YES
        return self.first_course_finished


def _checked_number(name: str, value: float | None, low: float, high: float) -> float | None:
    """Return `value` as a float, refusing text, booleans, NaN, infinities and out-of-range values.

    Text is refused rather than parsed: reading "4,5" or "<5%" is the form's job (and the API's,
    through the same reader), where the patient can be told what was understood.
    """
    if value is None:
        return None
    if isinstance(value, str | bytes | bool):
        raise TypeError(f"{name} must be a number or None, not {value!r}")
    number = float(value)  # int, float or Decimal; anything else raises TypeError
    if not low <= number <= high:  # NaN fails every comparison, and infinities are out of range
        raise ValueError(f"{name} must be between {low} and {high}, not {value!r}")
    return number


@dataclass(frozen=True)
class Finding:
    """A reason behind a result: a code whose wording is editable, and the values it speaks of."""

    code: str
    values: tuple[tuple[str, float | str], ...] = ()

    def as_dict(self) -> dict[str, float | str]:
        return dict(self.values)


@dataclass(frozen=True, kw_only=True)
class Result:
    """A phase slug, or None with the slugs still possible and the inputs that would help.

    `urgent` results carry the GET_HELP_NOW finding first: it is shown before anything else.
    """

    phase: str | None
    candidates: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()
    missing: tuple[str, ...] = ()
    urgent: bool = False

    @property
    def undetermined(self) -> bool:
        return self.phase is None


def classify(values: LabValues) -> Result:
    """Apply the spec's rules in order (the first that matches decides), then the urgent advice,
    which stands apart from the phase and comes first whatever the phase."""
    result = _phase_rules(values)
    if not _needs_help_now(values):
        return result
    help_now = _finding(GET_HELP_NOW, anc=values.anc, urgent_anc_below=URGENT_ANC_BELOW)
    return replace(result, findings=(help_now, *result.findings), urgent=True)


def _needs_help_now(values: LabValues) -> bool:
    low_neutrophils = values.anc is not None and values.anc < URGENT_ANC_BELOW
    return values.symptoms is Answer.YES or low_neutrophils


def _phase_rules(values: LabValues) -> Result:
    if values.treatment is Treatment.NONE:
        return _untreated(values)
    if _leukemia_found(values):
        return _leukemia_after_treatment(values)
    blasts = values.marrow_blasts_percent
    if blasts == REMISSION_BLASTS_BELOW:  # rule 3
        # Nothing the patient can fill in settles the border; only the care team can.
        return _cant_tell(values, [_finding(BLASTS_AT_BORDER, marrow_blasts_percent=blasts)])
    if _known_below(blasts, REMISSION_BLASTS_BELOW):  # rule 4
        return _no_leukemia_found(values)
    # Rule 5: the marrow could put the patient on either side, so it stays open.
    if isinstance(blasts, Below):
        finding = _finding(MARROW_BLASTS_NOT_PRECISE, marrow_blasts_percent=blasts)
    else:
        finding = _finding(MARROW_BLASTS_NEEDED)
    return _cant_tell(values, [finding], ["marrow_blasts_percent"])


def _known_below(blasts: float | Below | None, threshold: float) -> bool:
    """Known to be below `threshold`, including a report's "below N" for any N up to it."""
    if isinstance(blasts, Below):
        return blasts.limit <= threshold
    return blasts is not None and blasts < threshold


def _untreated(values: LabValues) -> Result:
    """Rule 1. No treatment means untreated whatever the numbers; low blasts are only unusual."""
    blasts = values.marrow_blasts_percent
    findings = []
    if _known_below(blasts, UNTREATED_BLASTS_USUALLY_ABOVE):
        findings.append(
            _finding(
                BLASTS_BELOW_USUAL_AT_DIAGNOSIS,
                marrow_blasts_percent=blasts,
                usually_above=UNTREATED_BLASTS_USUALLY_ABOVE,
            )
        )
    return Result(phase=UNTREATED, findings=tuple(findings))


def _marrow_above_border(values: LabValues) -> bool:
    blasts = values.marrow_blasts_percent
    return isinstance(blasts, float) and blasts > LEUKEMIA_BLASTS_ABOVE


def _leukemia_found(values: LabValues) -> bool:
    """Marrow blasts above 5%, blasts in the blood, or leukemia outside the marrow."""
    return (
        _marrow_above_border(values)
        or values.blood_blasts is Answer.YES
        or values.outside_marrow is Answer.YES
    )


def _leukemia_after_treatment(values: LabValues) -> Result:
    """Rule 2. Leukemia after treatment is relapse if it had gone; if it never had, refractory
    once the first course has finished, and too early to judge before then."""
    if values.ever_in_remission is Answer.YES:
        return _relapsed(values)
    first_course = values.first_course_done
    if values.ever_in_remission is Answer.NO:
        if first_course is Answer.YES:
            return Result(
                phase=REFRACTORY, findings=(_finding(REFRACTORY_JUDGED_AFTER_FULL_COURSE),)
            )
        during_first_course = (REMISSION, MINIMAL_RESIDUAL_DISEASE, REFRACTORY)
        if first_course is Answer.NO:
            return Result(
                phase=None,
                candidates=during_first_course,
                findings=(_finding(TOO_EARLY_TO_JUDGE),),
            )
        return Result(
            phase=None,
            candidates=during_first_course,
            findings=(_finding(FIRST_COURSE_STATUS_NEEDED),),
            missing=("first_course_finished",),
        )
    missing = ["ever_in_remission"]
    candidates = {RELAPSED, REFRACTORY}
    if first_course is not Answer.YES:
        candidates |= {REMISSION, MINIMAL_RESIDUAL_DISEASE}
    if first_course is Answer.UNKNOWN:
        missing.append("first_course_finished")
    return Result(
        phase=None,
        candidates=_in_order(candidates),
        findings=(_finding(RELAPSED_OR_REFRACTORY_NEEDS_HISTORY),),
        missing=tuple(missing),
    )


def _relapsed(values: LabValues) -> Result:
    blasts = values.marrow_blasts_percent
    findings = []
    if not _marrow_above_border(values):
        # Blood blasts or leukemia outside the marrow decided it: the marrow usually confirms.
        findings.append(_finding(RELAPSE_CONFIRM_WITH_MARROW_TEST, marrow_blasts_percent=blasts))
    elif values.blood_blasts is not Answer.YES and blasts < RELAPSE_CONFIRM_BLASTS_BELOW:
        # Blood blasts confirm the relapse on their own; "unknown" does not, so it keeps the hint.
        findings.append(
            _finding(
                RELAPSE_CONFIRM_WITH_SECOND_TEST,
                marrow_blasts_percent=blasts,
                confirm_below=RELAPSE_CONFIRM_BLASTS_BELOW,
            )
        )
    return Result(phase=RELAPSED, findings=tuple(findings))


def _no_leukemia_found(values: LabValues) -> Result:
    """Rule 4. Marrow blasts below 5%, none in the blood, none found outside the marrow.

    The blood counts no longer decide: children's criteria set no count limits, adults with
    low counts may be in remission with incomplete count recovery, and maintenance treatment
    keeps counts low on purpose. They add findings instead.
    """
    blasts = values.marrow_blasts_percent
    first_course = values.first_course_done
    if first_course is Answer.NO:
        return Result(
            phase=None,
            candidates=(REMISSION, MINIMAL_RESIDUAL_DISEASE),
            findings=(_finding(GOOD_EARLY_SIGN, marrow_blasts_percent=blasts),),
        )
    if values.symptoms is Answer.YES:
        return _cant_tell(values, [_finding(SYMPTOMS_PRESENT)])
    if values.symptoms is Answer.UNKNOWN:
        return _cant_tell(values, [_finding(SYMPTOMS_NEEDED)], ["symptoms"])
    findings = []
    if first_course is Answer.UNKNOWN:
        findings.append(_finding(FIRST_COURSE_PROBABLY_FINISHED))
    if values.mrd is MrdResult.POSITIVE:
        phase = MINIMAL_RESIDUAL_DISEASE
    else:
        phase = REMISSION
        if values.mrd is not MrdResult.NEGATIVE:
            findings.append(
                _finding(
                    MRD_TEST_CAN_LOOK_DEEPER,
                    mrd=values.mrd,
                    finds_one_cell_in=MRD_TEST_FINDS_ONE_CELL_IN,
                    most_sensitive_finds_one_cell_in=MRD_MOST_SENSITIVE_FINDS_ONE_CELL_IN,
                )
            )
    findings += _counts_findings(values)
    # Remission also needs no blasts in the blood; the spec lets "unknown" through, so say so.
    if values.blood_blasts is Answer.UNKNOWN:
        findings.append(_finding(BLOOD_BLASTS_UNKNOWN))
    if values.outside_marrow is not Answer.NO:
        findings.append(_finding(OUTSIDE_MARROW_NOT_CHECKED))
    return Result(phase=phase, findings=tuple(findings))


def _counts_findings(values: LabValues) -> list[Finding]:
    recovered = _counts_recovered(values)
    findings = []
    if recovered is False:
        findings.append(
            _finding(
                COUNTS_NOT_RECOVERED,
                anc=values.anc,
                platelets=values.platelets,
                cbc=values.cbc,
                anc_at_least=RECOVERED_ANC_AT_LEAST,
                platelets_at_least=RECOVERED_PLATELETS_AT_LEAST,
            )
        )
    elif recovered is None:
        findings.append(_finding(COUNTS_UNKNOWN))
    if conflict := _counts_conflict(values):
        findings.append(conflict)
    return findings


def _numbers_say_recovered(values: LabValues) -> bool | None:
    """What the numbers alone say: one number short is enough to say no, yes needs both."""
    anc_ok = None if values.anc is None else values.anc >= RECOVERED_ANC_AT_LEAST
    platelets_ok = (
        None if values.platelets is None else values.platelets >= RECOVERED_PLATELETS_AT_LEAST
    )
    if anc_ok is False or platelets_ok is False:
        return False
    if anc_ok and platelets_ok:
        return True
    return None


def _cbc_says_recovered(values: LabValues) -> bool | None:
    return {CountsWord.NORMAL: True, CountsWord.ABNORMAL: False}.get(values.cbc)


def _counts_recovered(values: LabValues) -> bool | None:
    """Numbers win over the cbc word: they are what the remission criteria are written in."""
    numbers = _numbers_say_recovered(values)
    return _cbc_says_recovered(values) if numbers is None else numbers


def _counts_conflict(values: LabValues) -> Finding | None:
    """A disagreement is shown, not hidden: one of the two was probably typed or read wrongly."""
    numbers, word = _numbers_say_recovered(values), _cbc_says_recovered(values)
    if numbers is None or word is None or numbers == word:
        return None
    return _finding(
        COUNTS_NUMBERS_CONFLICT_WITH_CBC, anc=values.anc, platelets=values.platelets, cbc=values.cbc
    )


def _still_possible(values: LabValues) -> tuple[str, ...]:
    """The treated phases the known inputs leave open when the marrow or symptoms don't decide.

    The MRD result picks remission or MRD (untested or unknown leaves both); the history picks
    relapse or refractory (unknown leaves both). Refractory stays possible during the first
    course: what is not known yet is how the course will end.
    """
    by_history = {Answer.YES: {RELAPSED}, Answer.NO: {REFRACTORY}}
    possible = by_history.get(values.ever_in_remission, {REFRACTORY, RELAPSED})
    if values.mrd is not MrdResult.POSITIVE:
        possible = possible | {REMISSION}
    if values.mrd is not MrdResult.NEGATIVE:
        possible = possible | {MINIMAL_RESIDUAL_DISEASE}
    return _in_order(possible)


def _in_order(slugs: Iterable[str]) -> tuple[str, ...]:
    chosen = set(slugs)
    return tuple(slug for slug in PHASE_SLUGS if slug in chosen)


def _cant_tell(values: LabValues, findings: list[Finding], missing: Iterable[str] = ()) -> Result:
    return Result(
        phase=None,
        candidates=_still_possible(values),
        findings=tuple(findings),
        missing=tuple(missing),
    )


def _finding(code: str, **values: float | str | Below | None) -> Finding:
    """Build a finding, leaving out numbers the patient did not give; "below N" as words."""
    carried = tuple(
        (name, str(value) if isinstance(value, str | Below) else float(value))
        for name, value in values.items()
        if value is not None
    )
    return Finding(code, carried)
