"""Reading the numbers a patient copies from a lab report, slips included.

Lab reports differ: some write 4,5 for 4.5, some give platelets per microlitre (150000) where
the portal asks for x10^9/L (150), some give hemoglobin in g/L (120) instead of g/dL (12). A
number whose meaning is clear is understood and said back to the patient; one that could mean
two things gets a message asking which, so a slip never silently changes a result.

A number is read first as the page's language writes numbers (its NumberStyle), then as the
other kind of lab might have written it: a Spanish page reads 4,5 as 4.5 without a word, and
1.500 as 1500 or 1.5, since a parent may copy it from a report of a lab in the US. The reading
is plain functions of the text and a style; only the words said back are Django's translations
(in the active language), so the form and the JSON API share it.
"""

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import get_language, gettext, pgettext
from django.utils.translation import gettext_lazy as _

from phases.classifier import RANGES, Below

PER_MICROLITRE = 1000  # 150000 per microlitre is 150 x10^9/L
G_PER_L = 10  # 120 g/L is 12 g/dL
NO_BREAK_SPACE = "\u00a0"

NUMBER = re.compile(r"^(\d+(\.\d*)?|\.\d+)$")
DECIMAL_COMMA = re.compile(r"^\d+,\d+$")
THOUSANDS = re.compile(r"^\d{1,3}([ ,]\d{3})+$")
# Spanish: a decimal comma, groups of three digits apart by a space (the RAE's way).
SPANISH_NUMBER = re.compile(r"^(\d+|\d{1,3}( \d{3})+)(,\d*)?$|^,\d+$")
# Groups of three digits, all apart by the same mark: 150.000, 150,000 or 150 000.
GROUPED = re.compile(r"^\d{1,3}(?P<mark>[ .,])\d{3}((?P=mark)\d{3})*$")
# Marrow reports often give no exact number: "<5%", "less than 1", "none seen".
BELOW = re.compile(r"^(?:<|less than|below|under|fewer than)\s*(?P<limit>[^<].*)$", re.IGNORECASE)
NONE_SEEN = re.compile(r"^(?:none|none seen|not seen)$", re.IGNORECASE)
# A Spanish page reads a report in English too: many parents in the US get one.
BELOW_ES = re.compile(
    r"^(?:<|less than|below|under|fewer than|menos del?|menor del?|menor que|inferior al?"
    r"|por debajo del?)\s*(?P<limit>[^<].*)$",
    re.IGNORECASE,
)
NONE_SEEN_ES = re.compile(
    r"^(?:none|none seen|not seen|ningun[oa]|no se ven|no se vieron|no se observan"
    r"|no se observaron|no se encontraron|ausentes?)$",
    re.IGNORECASE,
)
BLASTS = "marrow_blasts_percent"


@dataclass(frozen=True)
class NumberStyle:
    """How a language writes numbers, and how it reads what a patient types."""

    decimal: str
    group: str  # between groups of three digits
    group_from: int  # the fewest whole digits that are grouped
    native: re.Pattern  # numbers written this way are read without a word said back
    # Ways a number may be written, each with its value: the page's own way first. Readings of
    # the same value keep the explanation of the last, which says the most.
    ways: tuple[tuple[re.Pattern, Callable[[str], float]], ...]
    slips_grouped: bool  # whether numbers said back are grouped
    # How a marrow report says "fewer than N" percent blasts, and "none".
    below_words: re.Pattern
    none_seen_words: re.Pattern


def _without(marks: str) -> Callable[[str], float]:
    return lambda typed: float(re.sub(f"[{marks}]", "", typed).replace(",", "."))


ENGLISH = NumberStyle(
    decimal=".",
    group=",",
    group_from=4,
    native=NUMBER,
    ways=(
        (NUMBER, float),
        (DECIMAL_COMMA, lambda typed: float(typed.replace(",", "."))),
        (THOUSANDS, _without(", ")),
    ),
    slips_grouped=False,
    below_words=BELOW,
    none_seen_words=NONE_SEEN,
)
# The RAE's rules: 4,5; 150 000 (but 1500: four digits stay together). The percent sign
# follows the number with no space, as the portal's Spanish texts write it: 4,5%.
SPANISH = NumberStyle(
    decimal=",",
    group=NO_BREAK_SPACE,
    group_from=5,
    native=SPANISH_NUMBER,
    ways=(
        (SPANISH_NUMBER, _without(" ")),
        (NUMBER, float),  # a report from the US: 4.5
        (GROUPED, _without(" .,")),  # 1.500, 1 500 or, from the US, 1,500
    ),
    slips_grouped=True,
    below_words=BELOW_ES,
    none_seen_words=NONE_SEEN_ES,
)
STYLES = {"en": ENGLISH, "es": SPANISH}


def number_style(language: str | None = None) -> NumberStyle:
    """The style of `language`, by default the language of the page being made."""
    language = (language or get_language() or "en").split("-")[0]
    return STYLES.get(language, ENGLISH)


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
        LabNumber("marrow_blasts_percent", _("Blasts in the bone marrow"), "%", None, 5),
        LabNumber("anc", _("Neutrophils (ANC)"), "×10⁹/L", 1.5, 8.0, PER_MICROLITRE, _("per µL")),
        LabNumber("platelets", _("Platelets"), "×10⁹/L", 150, 400, PER_MICROLITRE, _("per µL")),
        LabNumber(
            "wbc",
            _("White blood cells (WBC)"),
            "×10⁹/L",
            4.0,
            11.0,
            PER_MICROLITRE,
            _("per µL"),
        ),
        LabNumber("hemoglobin", _("Hemoglobin"), "g/dL", 12.0, 17.5, G_PER_L, "g/L"),
    ]
}


class NumberProblem(ValueError):
    """A value we cannot read; its message is written for the patient."""


@dataclass(frozen=True)
class Reading:
    value: float | Below
    understood: str | None = None  # said back to the patient when we changed how it was written


def format_number(value: float | Below, *, group: bool = False, style=ENGLISH) -> str:
    """4.321 stays 4.321 and 150.0 becomes 150; with `group`, 10000 becomes 10,000 (in
    Spanish 10 000, with a no-break space). Without a style, the digits are as in English,
    as an SVG attribute needs them."""
    if isinstance(value, Below):
        return below(format_number(value.limit, group=group, style=style))
    whole, _point, decimals = f"{value:.3f}".rstrip("0").partition(".")
    if group and len(whole) >= style.group_from:
        groups = [whole[max(end - 3, 0) : end] for end in range(len(whole), 0, -3)]
        whole = style.group.join(reversed(groups))
    return f"{whole}{style.decimal}{decimals}" if decimals else whole


def format_percent(value: float | Below, *, style=ENGLISH) -> str:
    """4.5% in English, 4,5% in Spanish; "below 5%" for a report's "<5%"."""
    return f"{format_number(value, style=style)}%"


def below(number: str) -> str:
    return pgettext("lab value", "below %(number)s") % {"number": number}


def one_of(words: list[str]) -> str:
    """ "a", "a or b", "a, b or c"."""
    if len(words) == 1:
        return words[0]
    return gettext("%(words)s or %(last)s") % {"words": ", ".join(words[:-1]), "last": words[-1]}


def read_number(text: str, *, name: str, language: str | None = None) -> Reading | None:
    """Read what the patient typed into the box `name` on a page in `language` (by default the
    active language); None when the box is empty."""
    return _read(text, name, number_style(language))


def _read(text: str, name: str, style: NumberStyle) -> Reading | None:
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
    # Readings of the same value are one reading; the last, most specific explanation is kept.
    readings = {
        reading.value: reading
        for value in candidates
        if (reading := _reading(value, typed, number, low, high, style))
    }
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
    return readings.popitem()[1]


def _read_blasts_in_words(typed: str, style: NumberStyle) -> Reading | None:
    """ "<5%" is below 5 percent, and "none seen" is 0; the limit is read like any number."""
    if style.none_seen_words.match(typed):
        return Reading(0.0, _we_read(typed, format_percent(0, style=style)))
    found = style.below_words.match(typed)
    if found is None:
        return None
    limit = _read(found["limit"], BLASTS, style)
    if limit is None or isinstance(limit.value, Below):
        raise NumberProblem(gettext("After “below”, type the number from your report, like <5%."))
    value = Below(limit.value)
    return Reading(value, _we_read(typed, format_percent(value, style=style)))


def _possible_values(typed: str, style: NumberStyle) -> list[float]:
    """Every number the text could mean: 4,500 may be four and a half or four thousand five
    hundred, depending on the country of the lab."""
    values = [value(typed) for pattern, value in style.ways if pattern.match(typed)]
    return [value for value in values if math.isfinite(value)]


def _said(value: float, style: NumberStyle) -> str:
    return format_number(value, group=style.slips_grouped, style=style)


def _we_read(typed: str, number: str) -> str:
    return gettext("We read “%(typed)s” as %(number)s.") % {"typed": typed, "number": number}


def _reading(value: float, typed: str, number: LabNumber, low, high, style: NumberStyle):
    understood = None if style.native.match(typed) else _we_read(typed, _said(value, style))
    if low <= value <= high:
        return Reading(value, understood)
    if number.scale_slip and low <= value / number.scale_slip <= high:
        scaled = value / number.scale_slip
        understood = gettext("We read %(typed)s %(typed_unit)s as %(number)s %(unit)s.") % {
            "typed": _said(value, style),
            "typed_unit": number.scale_slip_unit,
            "number": _said(scaled, style),
            "unit": number.unit,
        }
        return Reading(scaled, understood)
    return None


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
