"""Reading what a patient types into the checker's number boxes, slips included: a number in
the page's language's style or another lab's, marrow blasts in words ("<5%", "none seen", "1-2%"),
counts per µL, and the ANC whose unit its number alone cannot tell. A number that could mean two
things gets a message asking which (phases.checker.lab_numbers has the numbers themselves)."""

import math
import re

from django.utils.translation import gettext

from phases.checker.lab_numbers import (
    BLASTS,
    LAB_NUMBERS,
    LabNumber,
    NumberProblem,
    NumberStyle,
    Reading,
    format_number,
    format_percent,
    number_style,
    one_of,
)
from phases.rules.classifier import (
    PER_MICROLITRE,
    RANGES,
    URGENT_ANC_BELOW,
    Below,
    Between,
)

# Marrow reports often give no exact number: "<5%", "less than 1", "1-2%", "none seen". Pages
# in either language read both languages' words: many families read reports in the other one.
BELOW_WORDS = re.compile(
    r"^(?:<|less than|below|under|fewer than|menos del?|menor del?|menor que|inferior al?"
    r"|por debajo del?)\s*(?P<limit>[^<].*)$",
    re.IGNORECASE,
)

NONE_SEEN_WORDS = re.compile(
    r"^(?:none|none seen|not seen|no blasts?(?: cells?)?(?: seen)?|nil"
    r"|ningun[oa]|no se (?:ven|vieron|observan|observaron|encontraron)(?: blastos)?"
    r"|no hay blastos|sin blastos|ausentes?)\.?$",
    re.IGNORECASE,
)

RANGE_WORDS = re.compile(
    r"^(?:between|from|entre|de)?\s*(?P<low>[\d.,]+)\s*%?\s*(?:-|–|—|to|and|a|al|y|hasta)\s*"
    r"(?P<high>[\d.,]+\s*%?)$",
    re.IGNORECASE,
)

# Words that answer another question: an MRD result, most often.
MRD_WORDS = re.compile(
    r"^(?:neg|pos|negative|positive|negativ[oa]|positiv[oa]|(?:not |no )?detected"
    r"|(?:no )?detectad[oa]|undetectable|indetectable)\.?$",
    re.IGNORECASE,
)

LETTERS = re.compile(r"[^\W\d_]")

AUTO, PER_UL, AS_WRITTEN = "auto", "per_uL", "x10^9/L"

VERY_HIGH_WBC_FROM = 100  # x10^9/L: happens at diagnosis; per µL it would be 0.1 x10^9/L


def read_number(
    text: str, *, name: str, language: str | None = None, unit: str = AUTO
) -> Reading | None:
    """Read what the patient typed into the box `name` on a page in `language` (by default the
    active language); None when the box is empty. A count's `unit` may say it is per µL
    (PER_UL: divided by 1,000) or x10^9/L as written (AS_WRITTEN); by default (AUTO) a count
    too large for x10^9/L is read per µL."""
    return _read(text, name, number_style(language), unit)


def anc_readings(value: float, *, language: str | None = None) -> dict[str, str]:
    """The two readings of an ANC whose number alone cannot tell its unit, written out for the
    patient to choose from, by the unit's name (anc_unit's values)."""
    style = number_style(language)
    number = _said(value, style)
    per_ul = value / PER_MICROLITRE
    per_ul_words = gettext("%(number)s per µL = %(x10)s ×10⁹/L") % {
        "number": number,
        "x10": format_number(per_ul, style=style),
    }
    if per_ul < URGENT_ANC_BELOW:
        per_ul_words = gettext("%(reading)s, dangerously low") % {"reading": per_ul_words}
    return {PER_UL: per_ul_words, AS_WRITTEN: f"{number} ×10⁹/L"}


def _read(text: str, name: str, style: NumberStyle, unit: str = AUTO) -> Reading | None:
    typed = " ".join(text.split())
    if not typed:
        return None
    if name == BLASTS and (words := _read_blasts_in_words(typed, style)):
        return words
    number = LAB_NUMBERS[name]
    low, high = RANGES[name]
    if typed.endswith("%"):
        if name != BLASTS:
            raise NumberProblem(
                gettext(
                    "This box takes a count in %(unit)s, not a percent. On your report, look "
                    "for the same line with a unit such as ×10⁹/L, ×10³/µL or K/µL."
                )
                % {"unit": number.unit}
            )
        typed = typed[:-1].strip()  # "4%" is simply 4 percent
    if typed.startswith("-"):
        raise NumberProblem(gettext("This number can't be below 0. Check it on your report."))
    candidates = _possible_values(typed, style)
    if not candidates:
        raise NumberProblem(gettext("Enter a number, using a point for decimals, like 4.5."))
    # Readings of the same value are one reading; the last, most specific explanation is kept,
    # except that an ANC as written wins over a per-µL reading of the same value (12,346 on a
    # Spanish page): it leaves the ANC's unit to ask about.
    readings = {}
    for value in candidates:
        reading = _reading(value, typed, number, low, high, style, unit)
        keep_as_written = name == "anc" and reading and reading.scaled and reading.value >= 10
        if reading and not (keep_as_written and reading.value in readings):
            readings[reading.value] = reading
    if len(readings) > 1:
        choices = one_of([_said(value, style) for value in readings])
        raise NumberProblem(
            gettext(
                "“%(typed)s” could mean %(choices)s. Please type it again without a comma, "
                "using a point for decimals."
            )
            % {"typed": typed, "choices": choices}
        )
    if not readings:
        raise NumberProblem(_out_of_range_message(number, low, high, style))
    reading = readings.popitem()[1]
    if name == "wbc" and not reading.scaled and reading.value >= VERY_HIGH_WBC_FROM:
        other = format_number(reading.value / PER_MICROLITRE, style=style)
        return Reading(
            reading.value,
            gettext(
                "We read %(typed)s as %(number)s ×10⁹/L, a very high count, which can happen "
                "when ALL is found. If your report gives it per µL, that is %(other)s ×10⁹/L: "
                "type that instead."
            )
            % {"typed": typed, "number": _said(reading.value, style), "other": other},
        )
    return reading


def _read_blasts_in_words(typed: str, style: NumberStyle) -> Reading | None:
    """ "<5%" is below 5 percent, "1-2%" between 1 and 2, and "none seen" is 0; each number is
    read like any other. Other words are refused with the forms that work."""
    if NONE_SEEN_WORDS.match(typed):
        return Reading(0.0, _we_read(typed, format_percent(0, style=style)))
    if found := BELOW_WORDS.match(typed):
        limit = _read(found["limit"], BLASTS, style)
        if limit is None or not isinstance(limit.value, float):
            raise NumberProblem(
                gettext("After “below”, type the number from your report, like <5%.")
            )
        below = Below(limit.value)
        return Reading(below, _we_read(typed, format_percent(below, style=style)))
    if found := RANGE_WORDS.match(typed):
        low, high = (_read(found[end], BLASTS, style) for end in ("low", "high"))
        if not (low and high and isinstance(low.value, float) and isinstance(high.value, float)):
            raise NumberProblem(_blasts_words_message(typed))
        if low.value > high.value:
            raise NumberProblem(
                gettext("A range goes from the lower number to the higher one, like 1-2%.")
            )
        between = Between(low.value, high.value)
        return Reading(between, _we_read(typed, format_percent(between, style=style)))
    if LETTERS.search(typed):
        raise NumberProblem(_blasts_words_message(typed))
    return None


def _blasts_words_message(typed: str) -> str:
    """What works, and where an MRD word belongs."""
    accepted = gettext(
        "Type the percent of blasts as a number, like 4.5, or as your report words it: "
        "“<5%”, “less than 1”, “1-2%” or “none seen”."
    )
    if MRD_WORDS.match(typed):
        return " ".join(
            [
                gettext(
                    "“%(typed)s” usually answers the question about the MRD test: choose it there."
                )
                % {"typed": typed},
                accepted,
            ]
        )
    return accepted


def _possible_values(typed: str, style: NumberStyle) -> list[float]:
    """Every number the text could mean: 4,500 may be four and a half or four thousand five
    hundred, depending on the country of the lab."""
    values = [value(typed) for pattern, value in style.ways if pattern.match(typed)]
    return [value for value in values if math.isfinite(value)]


def _said(value: float, style: NumberStyle) -> str:
    return format_number(value, group=style.slips_grouped, style=style)


def _we_read(typed: str, number: str) -> str:
    return gettext("We read “%(typed)s” as %(number)s.") % {"typed": typed, "number": number}


def _reading(value: float, typed: str, number: LabNumber, low, high, style: NumberStyle, unit):
    understood = None if style.native.match(typed) else _we_read(typed, _said(value, style))
    if unit == PER_UL:  # read per µL whatever the number
        return _scaled(value, number, style) if low <= value / PER_MICROLITRE <= high else None
    if low <= value <= high:
        return Reading(value, understood)
    if unit != AS_WRITTEN and number.scale_slip and low <= value / number.scale_slip <= high:
        return _scaled(value, number, style)
    return None


def _scaled(value: float, number: LabNumber, style: NumberStyle) -> Reading:
    """A count per µL (or hemoglobin in g/L) read in the form's unit, and said back."""
    assert number.scale_slip, "only a number with a scale slip is read scaled"
    scaled = value / number.scale_slip
    understood = gettext("We read %(typed)s %(typed_unit)s as %(number)s %(unit)s.") % {
        "typed": _said(value, style),
        "typed_unit": number.scale_slip_unit,
        "number": _said(scaled, style),
        "unit": number.unit,
    }
    return Reading(scaled, understood, scaled=True)


def _out_of_range_message(number: LabNumber, low, high, style: NumberStyle) -> str:
    if number.name == BLASTS:
        return gettext("A percentage is between 0 and 100. Check the number on your report.")
    return gettext(
        "This is outside what we can read (%(low)s to %(high)s %(unit)s). Check the number and "
        "its unit on your report."
    ) % {
        "low": format_number(low, style=style),
        "high": format_number(high, style=style),
        "unit": number.unit,
    }
