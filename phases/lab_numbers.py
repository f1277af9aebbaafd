"""Reading the numbers a patient copies from a lab report, slips included.

Lab reports differ: some write 4,5 for 4.5, some give platelets per microlitre (150000) where
the portal asks for x10^9/L (150), some give hemoglobin in g/L (120) instead of g/dL (12). A
number whose meaning is clear is understood and said back to the patient; one that could mean
two things gets a message asking which, so a slip never silently changes a result. Nothing here
imports Django: the form and the JSON API share it.
"""

import math
import re
from dataclasses import dataclass

from phases.classifier import RANGES, Below

PER_MICROLITRE = 1000  # 150000 per microlitre is 150 x10^9/L
G_PER_L = 10  # 120 g/L is 12 g/dL

NUMBER = re.compile(r"^(\d+(\.\d*)?|\.\d+)$")
DECIMAL_COMMA = re.compile(r"^\d+,\d+$")
THOUSANDS = re.compile(r"^\d{1,3}([ ,]\d{3})+$")
# Marrow reports often give no exact number: "<5%", "less than 1", "none seen".
BELOW = re.compile(r"^(?:<|less than|below|under|fewer than)\s*(?P<limit>[^<].*)$", re.IGNORECASE)
NONE_SEEN = re.compile(r"^(?:none|none seen|not seen)$", re.IGNORECASE)
BLASTS = "marrow_blasts_percent"


@dataclass(frozen=True)
class LabNumber:
    """What one box of the form asks for, and what is typical for an adult."""

    name: str
    label: str
    unit: str
    typical_low: float | None = None
    typical_high: float | None = None
    scale_slip: int | None = None  # a factor the value may have been written with by mistake
    scale_slip_unit: str = ""


LAB_NUMBERS = {
    number.name: number
    for number in [
        LabNumber("marrow_blasts_percent", "Blasts in the bone marrow", "%", None, 5),
        LabNumber("anc", "Neutrophils (ANC)", "×10⁹/L", 1.5, 8.0, PER_MICROLITRE, "per µL"),
        LabNumber("platelets", "Platelets", "×10⁹/L", 150, 400, PER_MICROLITRE, "per µL"),
        LabNumber("wbc", "White blood cells (WBC)", "×10⁹/L", 4.0, 11.0, PER_MICROLITRE, "per µL"),
        LabNumber("hemoglobin", "Hemoglobin", "g/dL", 12.0, 17.5, G_PER_L, "g/L"),
    ]
}


class NumberProblem(ValueError):
    """A value we cannot read; its message is written for the patient."""


@dataclass(frozen=True)
class Reading:
    value: float | Below
    understood: str | None = None  # said back to the patient when we changed how it was written


def format_number(value: float | Below, *, group: bool = False) -> str:
    """4.321 stays 4.321 and 150.0 becomes 150; with `group`, 10000 becomes 10,000."""
    if isinstance(value, Below):
        return f"below {format_number(value.limit, group=group)}"
    text = f"{value:,.3f}" if group else f"{value:.3f}"
    return text.rstrip("0").rstrip(".")


def read_number(text: str, *, name: str) -> Reading | None:
    """Read what the patient typed into the box `name`; None when the box is empty."""
    typed = " ".join(text.split())
    if not typed:
        return None
    if name == BLASTS and (words := _read_blasts_in_words(typed)):
        return words
    number = LAB_NUMBERS[name]
    low, high = RANGES[name]
    if typed.endswith("%"):
        if name != BLASTS:
            raise NumberProblem(
                f"This box takes a count in {number.unit}, not a percent. On your report, "
                "look for the same line with a unit such as ×10⁹/L, ×10³/µL or K/µL."
            )
        typed = typed[:-1].strip()  # "4%" is simply 4 percent
    if typed.startswith("-"):
        raise NumberProblem("This number can't be below 0. Check it on your report.")
    candidates = _possible_values(typed)
    if not candidates:
        raise NumberProblem("Enter a number, using a point for decimals, like 4.5.")
    # Readings of the same value are one reading; the last, most specific explanation is kept.
    readings = {
        reading.value: reading
        for value in candidates
        if (reading := _reading(value, typed, number, low, high))
    }
    if len(readings) > 1:
        choices = " or ".join(format_number(value) for value in readings)
        raise NumberProblem(
            f"“{typed}” could mean {choices}. Please type it again without a comma, "
            "using a point for decimals."
        )
    if not readings:
        raise NumberProblem(_out_of_range_message(number, low, high))
    return readings.popitem()[1]


def _read_blasts_in_words(typed: str) -> Reading | None:
    """ "<5%" is below 5 percent, and "none seen" is 0; the limit is read like any number."""
    if NONE_SEEN.match(typed):
        return Reading(0.0, f"We read “{typed}” as 0%.")
    below = BELOW.match(typed)
    if below is None:
        return None
    limit = read_number(below["limit"], name=BLASTS)
    if limit is None or isinstance(limit.value, Below):
        raise NumberProblem("After “below”, type the number from your report, like <5%.")
    value = Below(limit.value)
    return Reading(value, f"We read “{typed}” as {format_number(value)}%.")


def _possible_values(typed: str) -> list[float]:
    """Every number the text could mean: 4,500 may be four and a half or four thousand five
    hundred, depending on the country of the lab."""
    values = []
    if NUMBER.match(typed):
        values.append(float(typed))
    if DECIMAL_COMMA.match(typed):
        values.append(float(typed.replace(",", ".")))
    if THOUSANDS.match(typed):
        values.append(float(typed.replace(",", "").replace(" ", "")))
    return [value for value in values if math.isfinite(value)]


def _reading(value: float, typed: str, number: LabNumber, low: float, high: float):
    understood = None if NUMBER.match(typed) else f"We read “{typed}” as {format_number(value)}."
    if low <= value <= high:
        return Reading(value, understood)
    if number.scale_slip and low <= value / number.scale_slip <= high:
        scaled = value / number.scale_slip
        return Reading(
            scaled,
            f"We read {format_number(value)} {number.scale_slip_unit} as "
            f"{format_number(scaled)} {number.unit}.",
        )
    return None


def _out_of_range_message(number: LabNumber, low: float, high: float) -> str:
    if number.name == "marrow_blasts_percent":
        return "A percentage is between 0 and 100. Check the number on your report."
    return (
        f"This is outside what we can read ({format_number(low)} to {format_number(high)} "
        f"{number.unit}). Check the number and its unit on your report."
    )


def compare_with_typical(name: str, value: float | Below) -> str:
    """Where a number stands against the typical adult range: below, within or above ("unclear"
    for a "below N" that reaches past the range)."""
    number = LAB_NUMBERS[name]
    if isinstance(value, Below):
        return "below" if value.limit <= number.typical_high else "unclear"
    if number.typical_low is not None and value < number.typical_low:
        return "below"
    if number.typical_high is not None and value > number.typical_high:
        return "above"
    if name == "marrow_blasts_percent" and value == number.typical_high:
        return "at"
    return "within"
