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

from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, pgettext
from django.utils.translation import gettext_lazy as _

from phases.classifier import PER_MICROLITRE, RANGES, URGENT_ANC_BELOW, Below, Between

G_PER_L = 10  # 120 g/L is 12 g/dL
NO_BREAK_SPACE = "\u00a0"

NUMBER = re.compile(r"^(\d+(\.\d*)?|\.\d+)$")
DECIMAL_COMMA = re.compile(r"^\d+,\d+$")
THOUSANDS = re.compile(r"^\d{1,3}([ ,]\d{3})+$")
# Spanish: a decimal comma, groups of three digits apart by a space (the RAE's way).
SPANISH_NUMBER = re.compile(r"^(\d+|\d{1,3}( \d{3})+)(,\d*)?$|^,\d+$")
# Groups of three digits, all apart by the same mark: 150.000, 150,000 or 150 000.
GROUPED = re.compile(r"^\d{1,3}(?P<mark>[ .,])\d{3}((?P=mark)\d{3})*$")
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
    label: str | Promise  # translated when shown
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
        value: Below | Between = Below(limit.value)
        return Reading(value, _we_read(typed, format_percent(value, style=style)))
    if found := RANGE_WORDS.match(typed):
        low, high = (_read(found[end], BLASTS, style) for end in ("low", "high"))
        if not (low and high and isinstance(low.value, float) and isinstance(high.value, float)):
            raise NumberProblem(_blasts_words_message(typed))
        if low.value > high.value:
            raise NumberProblem(
                gettext("A range goes from the lower number to the higher one, like 1-2%.")
            )
        value = Between(low.value, high.value)
        return Reading(value, _we_read(typed, format_percent(value, style=style)))
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
    if number.scale_slip is None:
        raise ValueError(f"{number.name} is never read scaled")
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
