"""Sort a patient's lab values into one of the five phases of ALL, or say why we can't tell yet.

The classifier is a teaching aid and never guesses: where the facts do not decide, the result
has no phase, names the phases still possible (`candidates`) and the inputs that would settle
it (`missing`). The rules and their sources are in the classifier spec; each rule below cites
its number there. Nothing here imports Django, so the rules are tested without a database and
the form, the JSON API and the tests all share one implementation.
"""

import enum
from collections.abc import Iterable
from dataclasses import dataclass

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
MRD_TEST_FINDS_ONE_CELL_IN = 10_000  # flow cytometry, PCR and NGS find 1 leukemia cell in 10,000

# The last line of defence behind the form, which checks these first and explains its messages.
RANGES: dict[str, tuple[float, float]] = {
    "marrow_blasts_percent": (0, 100),
    "anc": (0, 100),
    "platelets": (0, 2000),
    "wbc": (0, 1000),
    "hemoglobin": (0, 25),
}

# Finding codes. Their wording is editable content; each comment says when the code is given.
BLASTS_BELOW_USUAL_AT_DIAGNOSIS = "blasts_below_usual_at_diagnosis"  # untreated, blasts < 20%
# Relapsed, 5% < marrow blasts < 25%, blood blasts not reported (no or unknown).
RELAPSE_CONFIRM_WITH_SECOND_TEST = "relapse_confirm_with_second_test"
REFRACTORY_JUDGED_AFTER_FULL_COURSE = "refractory_judged_after_full_course"  # every refractory
# Leukemia present after treatment, ever_in_remission unknown.
RELAPSED_OR_REFRACTORY_NEEDS_HISTORY = "relapsed_or_refractory_needs_history"
BLASTS_AT_BORDER = "blasts_at_border"  # treated, marrow blasts exactly 5%, no blood blasts
COUNTS_AND_SYMPTOMS_NEEDED = "counts_and_symptoms_needed"  # blasts < 5%, counts/symptoms unknown
COUNTS_NOT_RECOVERED = "counts_not_recovered"  # blasts < 5%, counts not recovered
SYMPTOMS_PRESENT = "symptoms_present"  # blasts < 5%, symptoms yes
# Blasts < 5% (so the counts decide), and the anc/platelet numbers disagree with the cbc word.
COUNTS_NUMBERS_CONFLICT_WITH_CBC = "counts_numbers_conflict_with_cbc"
MRD_TEST_CAN_LOOK_DEEPER = "mrd_test_can_look_deeper"  # remission, mrd not_tested or unknown
BLOOD_BLASTS_UNKNOWN = "blood_blasts_unknown"  # remission or MRD, blood_blasts unknown
MARROW_BLASTS_NEEDED = "marrow_blasts_needed"  # treated, no blood blasts, marrow blasts unknown

# The values each finding may carry: the placeholders staff may use in its wording. Numbers
# the patient left empty are left out, so only the counts findings may lack a listed value.
FINDING_VALUE_NAMES: dict[str, tuple[str, ...]] = {
    BLASTS_BELOW_USUAL_AT_DIAGNOSIS: ("marrow_blasts_percent", "usually_above"),
    RELAPSE_CONFIRM_WITH_SECOND_TEST: ("marrow_blasts_percent", "confirm_below"),
    REFRACTORY_JUDGED_AFTER_FULL_COURSE: (),
    RELAPSED_OR_REFRACTORY_NEEDS_HISTORY: (),
    BLASTS_AT_BORDER: ("marrow_blasts_percent",),
    COUNTS_AND_SYMPTOMS_NEEDED: (),
    COUNTS_NOT_RECOVERED: ("anc", "platelets", "cbc", "anc_at_least", "platelets_at_least"),
    SYMPTOMS_PRESENT: (),
    COUNTS_NUMBERS_CONFLICT_WITH_CBC: ("anc", "platelets", "cbc"),
    MRD_TEST_CAN_LOOK_DEEPER: ("mrd", "finds_one_cell_in"),
    BLOOD_BLASTS_UNKNOWN: (),
    MARROW_BLASTS_NEEDED: (),
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


_CHOICES: dict[str, type[enum.StrEnum]] = {
    "treatment": Treatment,
    "ever_in_remission": Answer,
    "blood_blasts": Answer,
    "cbc": CountsWord,
    "mrd": MrdResult,
    "symptoms": Answer,
}


@dataclass(frozen=True, kw_only=True)
class LabValues:
    """One lab report, as the patient entered it; every field name is a spec input name.

    Choices also accept their plain strings (form values, JSON), so callers need not know the
    enums. Bad values raise here, whatever the caller checked before, so `classify` never
    reasons about a value the spec does not define.
    """

    treatment: Treatment
    ever_in_remission: Answer = Answer.UNKNOWN
    marrow_blasts_percent: float | None = None
    blood_blasts: Answer = Answer.UNKNOWN
    cbc: CountsWord = CountsWord.UNKNOWN
    anc: float | None = None
    platelets: float | None = None
    wbc: float | None = None
    hemoglobin: float | None = None
    mrd: MrdResult = MrdResult.UNKNOWN
    symptoms: Answer = Answer.UNKNOWN

    def __post_init__(self) -> None:
        for name, choice in _CHOICES.items():
            value = getattr(self, name)
            try:
                object.__setattr__(self, name, choice(value))
            except ValueError:
                allowed = ", ".join(member.value for member in choice)
                raise ValueError(f"{name} must be one of {allowed}, not {value!r}") from None
        for name, (low, high) in RANGES.items():
            object.__setattr__(self, name, _checked_number(name, getattr(self, name), low, high))


def _checked_number(name: str, value: float | None, low: float, high: float) -> float | None:
    """Return `value` as a float, refusing text, booleans, NaN, infinities and out-of-range values.

    Text is refused rather than parsed: reading "4,5" or "150000" is the form's job, where the
    patient can be told what was understood.
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
    """A phase slug, or None with the slugs still possible and the inputs that would help."""

    phase: str | None
    candidates: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def undetermined(self) -> bool:
        return self.phase is None


def classify(values: LabValues) -> Result:
    """Apply the spec's rules in order; the first that matches decides."""
    if values.treatment is Treatment.NONE:
        return _untreated(values)
    if _leukemia_present(values):
        return _leukemia_after_treatment(values)
    blasts = values.marrow_blasts_percent
    if blasts == REMISSION_BLASTS_BELOW:  # rule 3
        # Nothing the patient can fill in settles the border; only the care team can.
        return _cant_tell(values, [_finding(BLASTS_AT_BORDER, marrow_blasts_percent=blasts)])
    if blasts is not None:  # rule 4: below the border, since rules 2 and 3 did not match
        return _blasts_below_border(values)
    # Rule 5: the marrow could put the patient on either side, so everything stays possible.
    return _cant_tell(values, [_finding(MARROW_BLASTS_NEEDED)], ["marrow_blasts_percent"])


def _untreated(values: LabValues) -> Result:
    """Rule 1. No treatment means untreated whatever the numbers; low blasts are only unusual."""
    blasts = values.marrow_blasts_percent
    findings = []
    if blasts is not None and blasts < UNTREATED_BLASTS_USUALLY_ABOVE:
        findings.append(
            _finding(
                BLASTS_BELOW_USUAL_AT_DIAGNOSIS,
                marrow_blasts_percent=blasts,
                usually_above=UNTREATED_BLASTS_USUALLY_ABOVE,
            )
        )
    return Result(phase=UNTREATED, findings=tuple(findings))


def _leukemia_present(values: LabValues) -> bool:
    blasts = values.marrow_blasts_percent
    above = blasts is not None and blasts > LEUKEMIA_BLASTS_ABOVE
    return above or values.blood_blasts is Answer.YES


def _leukemia_after_treatment(values: LabValues) -> Result:
    """Rule 2. Leukemia after treatment is relapse if it had gone, refractory if it never had."""
    if values.ever_in_remission is Answer.YES:
        blasts = values.marrow_blasts_percent
        findings = []
        # Blood blasts confirm the relapse on their own; "unknown" does not, so it keeps the hint.
        if (
            values.blood_blasts is not Answer.YES
            and blasts is not None
            and LEUKEMIA_BLASTS_ABOVE < blasts < RELAPSE_CONFIRM_BLASTS_BELOW
        ):
            findings.append(
                _finding(
                    RELAPSE_CONFIRM_WITH_SECOND_TEST,
                    marrow_blasts_percent=blasts,
                    confirm_below=RELAPSE_CONFIRM_BLASTS_BELOW,
                )
            )
        return Result(phase=RELAPSED, findings=tuple(findings))
    if values.ever_in_remission is Answer.NO:
        return Result(phase=REFRACTORY, findings=(_finding(REFRACTORY_JUDGED_AFTER_FULL_COURSE),))
    return Result(
        phase=None,
        candidates=_leukemia_phases(values),
        findings=(_finding(RELAPSED_OR_REFRACTORY_NEEDS_HISTORY),),
        missing=("ever_in_remission",),
    )


def _blasts_below_border(values: LabValues) -> Result:
    """Rule 4. Low marrow blasts are remission only with recovered counts and no symptoms."""
    recovered = _counts_recovered(values)
    findings = [conflict] if (conflict := _counts_conflict(values)) else []
    # For unknown counts we ask for `cbc`: the report or care team can always give that word, and
    # it settles the counts alone, whereas one number settles them only when it falls short.
    missing = ["cbc"] if recovered is None else []
    if values.symptoms is Answer.UNKNOWN:
        missing.append("symptoms")
    if missing:
        findings.append(_finding(COUNTS_AND_SYMPTOMS_NEEDED))
    # Known reasons against remission are shown even when another input is still unknown.
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
    if values.symptoms is Answer.YES:
        findings.append(_finding(SYMPTOMS_PRESENT))
    if missing or recovered is False or values.symptoms is Answer.YES:
        return _cant_tell(values, findings, missing)
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
                )
            )
    # Remission also needs no blasts in the blood; the spec lets "unknown" through, so say so.
    if values.blood_blasts is Answer.UNKNOWN:
        findings.append(_finding(BLOOD_BLASTS_UNKNOWN))
    return Result(phase=phase, findings=tuple(findings))


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


def _leukemia_phases(values: LabValues) -> tuple[str, ...]:
    """Leukemia after treatment is relapse if it was ever in remission, refractory if never."""
    by_history = {Answer.YES: (RELAPSED,), Answer.NO: (REFRACTORY,)}
    return by_history.get(values.ever_in_remission, (REFRACTORY, RELAPSED))


def _still_possible(values: LabValues) -> tuple[str, ...]:
    """The treated phases that the known inputs leave open when the marrow or counts don't decide.

    Below the border the MRD result picks remission or MRD (untested or unknown leaves both); at
    or above it, or with counts that have not recovered, the history picks relapse or refractory.
    """
    possible = set(_leukemia_phases(values))
    if values.mrd is not MrdResult.POSITIVE:
        possible.add(REMISSION)
    if values.mrd is not MrdResult.NEGATIVE:
        possible.add(MINIMAL_RESIDUAL_DISEASE)
    return tuple(slug for slug in PHASE_SLUGS if slug in possible)


def _cant_tell(values: LabValues, findings: list[Finding], missing: Iterable[str] = ()) -> Result:
    return Result(
        phase=None,
        candidates=_still_possible(values),
        findings=tuple(findings),
        missing=tuple(missing),
    )


def _finding(code: str, **values: float | str | None) -> Finding:
    """Build a finding, leaving out numbers the patient did not give."""
    carried = tuple(
        (name, str(value) if isinstance(value, str) else float(value))
        for name, value in values.items()
        if value is not None
    )
    return Finding(code, carried)
