"""What a chart's FHIR R4 resources say for the checker: the patient's age group and language,
and the latest usable result of each of the checker's inputs (phases/smart/codes.py).

Django-free and given plain JSON (what the EHR sent), so every hard case is a table of
resources in the tests. Nothing here keeps anything: a reading lives as long as the response.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from phases.smart.codes import BY_CODE, CHART_CODES, LOINC_SYSTEM, UCUM_SYSTEM, conversion

# The statuses of a result a lab stands behind; never preliminary, cancelled or entered-in-error.
USABLE_STATUSES = frozenset({"final", "amended", "corrected"})
ADULT_FROM_AGE = 18
# Older than this, the checker says the result may no longer hold.
OLD_AFTER_DAYS = 30
# A "<5 %" marrow result is typed as "<5", which the checker reads (phases/lab_numbers.py).
BELOW = "<"


@dataclass(frozen=True)
class ChartValue:
    """The latest usable result for one of the checker's inputs, in the checker's unit."""

    field: str
    value: Decimal
    below: bool  # the lab wrote "<" before the number
    taken: datetime.date
    test: str  # "marrow" or "blood" (codes.ChartCode.test)

    def is_old(self, today: datetime.date) -> bool:
        return (today - self.taken).days > OLD_AFTER_DAYS


@dataclass(frozen=True)
class LeftOut:
    """A latest result the checker cannot use, and why: its unit ("unit", with the unit as the
    chart wrote it) or its value ("value": text, not a number, or a number with > or <)."""

    field: str
    reason: str
    unit: str = ""


@dataclass
class ChartReading:
    values: dict[str, ChartValue] = field(default_factory=dict)
    left_out: list[LeftOut] = field(default_factory=list)
    age_group: str | None = None  # "child" or "adult" (the classifier's AgeGroup values)
    language: str | None = None  # the patient's preferred language: "es", "en"...


def read_chart(patient: dict, observations: list[dict], *, today: datetime.date) -> ChartReading:
    reading = ChartReading(age_group=age_group(patient, today), language=language(patient))
    latest = latest_results(observations)
    for field_name, (result, taken, test) in latest.items():
        value = _value_of(field_name, result, taken, test)
        if isinstance(value, LeftOut):
            reading.left_out.append(value)
        else:
            reading.values[field_name] = value
    return reading


def age_group(patient: dict, today: datetime.date) -> str | None:
    """Under 18 on `today` is a child; an unknown or partial birth date tells nothing."""
    try:
        born = datetime.date.fromisoformat(patient.get("birthDate", ""))
    except (TypeError, ValueError):
        return None
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return "child" if age < ADULT_FROM_AGE else "adult"


def language(patient: dict) -> str | None:
    """The language the patient prefers (`communication.preferred`), else the only one given."""
    spoken = [c for c in patient.get("communication") or [] if isinstance(c, dict)]
    preferred = [c for c in spoken if c.get("preferred") is True] or spoken[:1]
    for communication in preferred:
        for coding in (communication.get("language") or {}).get("coding") or []:
            code = str(coding.get("code") or "")
            if code:
                return code.split("-")[0].lower()
    return None


def latest_results(observations: list[dict]) -> dict[str, tuple[dict, datetime.datetime, str]]:
    """Per checker input, the latest usable result: an observation's own value, or a
    component's (a panel). When two have the same time, the code listed first in CHART_CODES
    wins."""
    order = {chart_code.code: index for index, chart_code in enumerate(CHART_CODES)}
    best: dict[str, tuple[tuple, dict, datetime.datetime, str]] = {}
    for observation in observations:
        if observation.get("resourceType") != "Observation":
            continue
        if observation.get("status") not in USABLE_STATUSES:
            continue
        taken = when_taken(observation)
        if taken is None:
            continue
        for part in [observation, *(observation.get("component") or [])]:
            for code in _loinc_codes(part):
                chart_code = BY_CODE[code]
                rank = (taken, -order[code])
                known = best.get(chart_code.field)
                if known is None or rank > known[0]:
                    best[chart_code.field] = (rank, part, taken, chart_code.test)
    return {name: (part, taken, test) for name, (_rank, part, taken, test) in best.items()}


def when_taken(observation: dict) -> datetime.datetime | None:
    """When the sample was taken (`effective[x]`), else when the result was issued."""
    period = observation.get("effectivePeriod") or {}
    for text in (
        observation.get("effectiveDateTime"),
        observation.get("effectiveInstant"),
        period.get("start"),
        observation.get("issued"),
    ):
        moment = _moment(text)
        if moment is not None:
            return moment
    return None


def _moment(text) -> datetime.datetime | None:
    if not isinstance(text, str):
        return None
    try:
        if len(text) == len("2026-11-30"):
            day = datetime.date.fromisoformat(text)
            return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None  # a partial date ("2026-11") says too little
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def _loinc_codes(part: dict) -> list[str]:
    codings = (part.get("code") or {}).get("coding") or []
    found = [
        c.get("code") for c in codings if isinstance(c, dict) and c.get("system") == LOINC_SYSTEM
    ]
    return [code for code in dict.fromkeys(found) if code in BY_CODE]


def _value_of(name: str, result: dict, taken: datetime.datetime, test: str):
    quantity = result.get("valueQuantity")
    if not isinstance(quantity, dict) or quantity.get("value") is None:
        return LeftOut(name, "value")
    unit = quantity.get("code") if quantity.get("system") == UCUM_SYSTEM else None
    known = conversion(name, unit) if unit else None
    if known is None:
        return LeftOut(name, "unit", str(quantity.get("unit") or quantity.get("code") or ""))
    comparator = quantity.get("comparator")
    if comparator and not (comparator == BELOW and name == "marrow_blasts_percent"):
        return LeftOut(name, "value")
    try:
        value = Decimal(str(quantity["value"])) * known.factor
    except (InvalidOperation, ValueError):
        return LeftOut(name, "value")
    if not value.is_finite() or value < 0:
        return LeftOut(name, "value")
    return ChartValue(name, value, comparator == BELOW, taken.date(), test)
