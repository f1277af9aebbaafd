"""The numbers a patient copies from a lab report: each test's name, unit and typical range, how
each language writes numbers (NumberStyle), and numbers written back in the page's style.
Reading what was typed, slips included, is phases.checker.number_reading.

Lab reports differ: some write 4,5 for 4.5, some give platelets per microlitre (150000) where
the portal asks for x10^9/L (150), some give hemoglobin in g/L (120) instead of g/dL (12). A
number whose meaning is clear is understood and said back to the patient; one that could mean
two things gets a message asking which, so a slip never silently changes a result.

A number is read first as the page's language writes numbers (its NumberStyle), then as the
other kind of lab might have written it: a Spanish page reads 4,5 as 4.5 without a word, and
1.500 as 1500 or 1.5, since a parent may copy it from a report of a lab in the US. The reading
is plain functions of the text and a style; the words said back are Django's translations (in
the active language), so this module uses Django (phases.rules stays free of it), and the form
and the JSON API share it.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, pgettext
from django.utils.translation import gettext_lazy as _

from phases.rules.classifier import PER_MICROLITRE, Below, Between

G_PER_L = 10  # 120 g/L is 12 g/dL
NO_BREAK_SPACE = "\u00a0"

NUMBER = re.compile(r"^(\d+(\.\d*)?|\.\d+)$")
DECIMAL_COMMA = re.compile(r"^\d+,\d+$")
THOUSANDS = re.compile(r"^\d{1,3}([ ,]\d{3})+$")
# Spanish: a decimal comma, groups of three digits apart by a space (the RAE's way).
SPANISH_NUMBER = re.compile(r"^(\d+|\d{1,3}( \d{3})+)(,\d*)?$|^,\d+$")
BLASTS = "marrow_blasts_percent"
# Groups of three digits, all apart by the same mark: 150.000, 150,000 or 150 000.
GROUPED = re.compile(r"^\d{1,3}(?P<mark>[ .,])\d{3}((?P=mark)\d{3})*$")


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
    label: str | Promise
    unit: str
    typical_low: float | None = None
    typical_high: float | None = None
    scale_slip: int | None = None  # a factor the value may have been written with by mistake
    scale_slip_unit: str | Promise = ""


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
    value: float | Below | Between
    understood: str | None = None  # said back to the patient when we changed how it was written
    scaled: bool = False  # a count read per µL and divided by 1,000


def format_number(value: float | Below | Between, *, group: bool = False, style=ENGLISH) -> str:
    """4.321 stays 4.321 and 150.0 becomes 150; with `group`, 10000 becomes 10,000 (in
    Spanish 10 000, with a no-break space). Without a style, the digits are as in English,
    as an SVG attribute needs them."""
    if isinstance(value, Below):
        return below(format_number(value.limit, group=group, style=style))
    if isinstance(value, Between):
        return between(
            format_number(value.low, style=style), format_number(value.high, style=style)
        )
    whole, _point, decimals = f"{value:.3f}".rstrip("0").partition(".")
    if group and len(whole) >= style.group_from:
        groups = [whole[max(end - 3, 0) : end] for end in range(len(whole), 0, -3)]
        whole = style.group.join(reversed(groups))
    return f"{whole}{style.decimal}{decimals}" if decimals else whole


def format_percent(value: float | Below | Between, *, style=ENGLISH) -> str:
    """4.5% in English, 4,5% in Spanish; "below 5%" for a report's "<5%"; "between 1% and 2%"
    for "1-2%"."""
    if isinstance(value, Between):
        return between(
            format_percent(value.low, style=style), format_percent(value.high, style=style)
        )
    return f"{format_number(value, style=style)}%"


def below(number: str) -> str:
    return pgettext("lab value", "below %(number)s") % {"number": number}


def between(low: str, high: str) -> str:
    return pgettext("lab value", "between %(low)s and %(high)s") % {"low": low, "high": high}


def one_of(words: list[str]) -> str:
    """ "a", "a or b", "a, b or c"."""
    if len(words) == 1:
        return words[0]
    return gettext("%(words)s or %(last)s") % {"words": ", ".join(words[:-1]), "last": words[-1]}


def compare_with_typical(name: str, value: float | Below | Between) -> str:
    """Where a number stands against the typical adult range: below, within or above ("unclear"
    for a "below N" or a range that reaches past the range). A report's "below 5%" for marrow
    blasts, whose typical range is "below 5%", is inside it."""
    number = LAB_NUMBERS[name]
    low = 0 if number.typical_low is None else number.typical_low
    if isinstance(value, Below):
        high = number.typical_high
        if number.typical_low is None and high is not None and value.limit <= high:
            return "within"
        return "below" if value.limit <= low else "unclear"
    if isinstance(value, Between):
        sides = {compare_with_typical(name, value.low), compare_with_typical(name, value.high)}
        return sides.pop() if len(sides) == 1 else "unclear"
    if number.typical_low is not None and value < number.typical_low:
        return "below"
    if number.typical_high is not None and value > number.typical_high:
        return "above"
    if name == "marrow_blasts_percent" and value == number.typical_high:
        return "at"
    return "within"
