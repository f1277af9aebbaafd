"""What the classifier reads and what it answers: the inputs of one lab report, the phases, the
thresholds of the spec, and the shapes of a result. Nothing here imports Django."""

import enum
from dataclasses import dataclass
from typing import overload

UNTREATED = "untreated"
REMISSION = "remission"
MINIMAL_RESIDUAL_DISEASE = "minimal-residual-disease"
REFRACTORY = "refractory"
RELAPSED = "relapsed"
PHASE_SLUGS = (UNTREATED, REMISSION, MINIMAL_RESIDUAL_DISEASE, REFRACTORY, RELAPSED)

# Complete remission needs marrow blasts below 5%; relapse means above 5%. The border is shared
# on purpose: exactly 5% is neither, and rule 4 says so instead of picking a side.
REMISSION_BLASTS_BELOW = 5
LEUKEMIA_BLASTS_ABOVE = REMISSION_BLASTS_BELOW
UNTREATED_BLASTS_USUALLY_ABOVE = 20
RELAPSE_CONFIRM_BLASTS_BELOW = 25  # relapse between 5% and 25% is usually confirmed twice
RECOVERED_ANC_AT_LEAST = 1.0  # x10^9/L
RECOVERED_PLATELETS_AT_LEAST = 100  # x10^9/L
MRD_TEST_FINDS_ONE_CELL_IN = 10_000  # flow cytometry; PCR finds about 1 in 100,000
MRD_MOST_SENSITIVE_FINDS_ONE_CELL_IN = 1_000_000  # next-generation sequencing (NGS)
URGENT_ANC_BELOW = 0.5  # x10^9/L: with so few neutrophils an infection can turn serious fast
# During maintenance, counts this low make a clear blood test worth a look within a day or two.
MAINTENANCE_CAUTION_PLATELETS_BELOW = 75  # x10^9/L
MAINTENANCE_CAUTION_ANC_BELOW = 0.5  # x10^9/L
# An ANC written as a number from 10 to 100 may be x10^9/L or per microlitre: the unit decides.
AMBIGUOUS_ANC_FROM = 10
AMBIGUOUS_ANC_UP_TO = 100
PER_MICROLITRE = 1000  # 1500 per microlitre is 1.5 x10^9/L

# The last line of defence behind the form, which checks these first and explains its messages.
RANGES: dict[str, tuple[float, float]] = {
    "marrow_blasts_percent": (0, 100),
    "anc": (0, 100),
    "platelets": (0, 2000),
    "wbc": (0, 1000),
    "hemoglobin": (0, 25),
}

# Why the urgent advice is shown, in the order the result names them.
FEVER = "fever"
SYMPTOMS = "symptoms"
LOW_ANC = "low_anc"
URGENT_REASONS = (FEVER, SYMPTOMS, LOW_ANC)


class Treatment(enum.StrEnum):
    NONE = "none"
    RECEIVED = "received"


class Answer(enum.StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class AgeGroup(enum.StrEnum):
    CHILD = "child"  # a child or teenager, or a young adult on a children's-style plan
    ADULT = "adult"  # treated on an adult plan
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


class MrdLevel(enum.StrEnum):
    BELOW_1 = "below_1"
    ONE_OR_MORE = "1_or_more"
    UNKNOWN = "unknown"


class AncUnit(enum.StrEnum):
    X10_9_PER_L = "x10^9/L"
    PER_UL = "per_uL"
    UNKNOWN = "unknown"


# The answer choices of every question; the form and the API build theirs from these.
CHOICES: dict[str, type[enum.StrEnum]] = {
    "treatment": Treatment,
    "age_group": AgeGroup,
    "first_course_finished": Answer,
    "ever_in_remission": Answer,
    "fever": Answer,
    "symptoms": Answer,
    "blood_blasts": Answer,
    "outside_marrow": Answer,
    "cbc": CountsWord,
    "mrd": MrdResult,
    "mrd_level": MrdLevel,
    "anc_unit": AncUnit,
}


@dataclass(frozen=True)
class Below:
    """A report's "<5%": fewer than `limit` percent blasts, the exact number not given."""

    limit: float

    def __str__(self) -> str:
        return f"below {self.limit:g}"


@dataclass(frozen=True)
class Between:
    """A report's "1-2%": somewhere from `low` to `high` percent blasts."""

    low: float
    high: float

    def __str__(self) -> str:
        return f"between {self.low:g} and {self.high:g}"


Blasts = float | Below | Between | None


class AncUnitNeeded(ValueError):
    """An ANC whose number alone cannot say its unit (10 to 100, or above the WBC)."""


def anc_is_ambiguous(anc: float | None, wbc: float | None) -> bool:
    """80 may be 80 x10^9/L (very rare in ALL) or 80 per µL (dangerously low); an ANC above the
    WBC beside it cannot be x10^9/L either."""
    if anc is None:
        return False
    return AMBIGUOUS_ANC_FROM <= anc <= AMBIGUOUS_ANC_UP_TO or (wbc is not None and anc > wbc)


def anc_in_x10_9_per_l(anc: float, unit: AncUnit | str) -> float:
    """The ANC as the rules read it: per µL is divided by 1,000, any other unit is as written."""
    return anc / PER_MICROLITRE if AncUnit(unit) is AncUnit.PER_UL else anc


@dataclass(frozen=True, kw_only=True)
class LabValues:
    """One lab report, as the patient entered it; every field name is a spec input name.

    `anc` is in x10^9/L (the form and the API divide a count per µL first); `anc_unit` says
    how the patient wrote it, and must be known when the number alone cannot tell.
    Choices also accept their plain strings (form values, JSON), so callers need not know the
    enums. Bad values raise here, whatever the caller checked before, so `classify` never
    reasons about a value the spec does not define.
    """

    treatment: Treatment
    age_group: AgeGroup = AgeGroup.UNKNOWN
    first_course_finished: Answer = Answer.UNKNOWN
    ever_in_remission: Answer = Answer.UNKNOWN
    marrow_blasts_percent: Blasts = None
    blood_blasts: Answer = Answer.UNKNOWN
    outside_marrow: Answer = Answer.UNKNOWN
    cbc: CountsWord = CountsWord.UNKNOWN
    anc: float | None = None
    anc_unit: AncUnit = AncUnit.UNKNOWN
    platelets: float | None = None
    wbc: float | None = None
    hemoglobin: float | None = None
    mrd: MrdResult = MrdResult.UNKNOWN
    mrd_level: MrdLevel = MrdLevel.UNKNOWN
    fever: Answer = Answer.UNKNOWN
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
            if name == "marrow_blasts_percent" and isinstance(value, Below | Between):
                object.__setattr__(self, name, _checked_words(value, low, high))
            else:
                object.__setattr__(self, name, _checked_number(name, value, low, high))
        if self.anc_unit is AncUnit.UNKNOWN and anc_is_ambiguous(self.anc, self.wbc):
            raise AncUnitNeeded(
                f"anc_unit must say whether an anc of {self.anc:g} is x10^9/L or per_uL"
            )

    @property
    def first_course_done(self) -> Answer:
        """A remission can only follow the first course, so "ever in remission" settles it."""
        if self.ever_in_remission is Answer.YES:
            return Answer.YES
        return self.first_course_finished


def _checked_words(value: Below | Between, low: float, high: float) -> Below | Between:
    name = "marrow_blasts_percent"
    if isinstance(value, Below):
        return Below(_checked_number(name, value.limit, low, high))
    start = _checked_number(name, value.low, low, high)
    end = _checked_number(name, value.high, low, high)
    if start > end:
        raise ValueError(f"{name} range must go from low to high, not {value}")
    return Between(start, end)


@overload
def _checked_number(name: str, value: float, low: float, high: float) -> float: ...
@overload
def _checked_number(name: str, value: float | None, low: float, high: float) -> float | None: ...
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
    """A reason behind a result: a code whose wording is editable, and the values it speaks of.

    A marrow value the report gave in words stays a Below or Between here, so each language can
    say it its own way; `as_dict` gives it as plain English words for JSON."""

    code: str
    values: tuple[tuple[str, float | str | Below | Between], ...] = ()

    def as_dict(self) -> dict[str, float | str]:
        return {
            name: str(value) if isinstance(value, Below | Between) else value
            for name, value in self.values
        }

    def raw(self) -> dict[str, float | str | Below | Between]:
        return dict(self.values)


@dataclass(frozen=True, kw_only=True)
class Result:
    """A phase slug, or None with the slugs still possible (maybe none) and the inputs that
    would help.

    `urgent` results carry the GET_HELP_NOW finding first, and say why in `urgent_reasons`
    (fever, symptoms, low_anc, in that order): it is shown before anything else.
    """

    phase: str | None
    candidates: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()
    missing: tuple[str, ...] = ()
    urgent: bool = False
    urgent_reasons: tuple[str, ...] = ()

    @property
    def undetermined(self) -> bool:
        return self.phase is None

    def has(self, code: str) -> bool:
        return any(finding.code == code for finding in self.findings)
