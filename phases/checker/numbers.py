"""The numbers of a checker result: each beside the typical adult range, and the marrow blasts
on a scale. Numbers are written the way the page's language writes them."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from phases.checker.lab_numbers import (
    LAB_NUMBERS,
    below,
    compare_with_typical,
    format_number,
    format_percent,
    number_style,
)
from phases.rules import classifier

WORDS_FOR_COMPARISON = {
    "below": _("below the typical range"),
    "within": _("in the typical range"),
    # The line is filled in: a bare "5% l" would read to gettext's tools as a format directive.
    "at": _("right at the %(line)s line"),
    "above": _("above the typical range"),
    "unclear": _("not exact enough to compare"),
}


@dataclass(frozen=True)
class NumberRow:
    name: str
    label: str | Promise  # translated when shown
    value: str  # with its unit, as the patient entered it or as we understood it
    typical: str
    comparison: str  # below, within, at or above the typical adult range

    @property
    def comparison_in_words(self):
        words = WORDS_FOR_COMPARISON[self.comparison]
        if self.comparison == "at":
            return words % {"line": format_percent(classifier.REMISSION_BLASTS_BELOW)}
        return words


@dataclass(frozen=True)
class BlastScale:
    """The marrow blast percentage on a 0 to 100% line with the 5% and 20% marks; a report's
    "below N" is drawn at N. Places across the picture are percentages of its width, so its
    words keep the size of the text around them at every width."""

    blasts: float | classifier.Below | classifier.Between
    # The "You: …" label is centred over the marker, except near either end, where it starts or
    # ends at the marker so that it stays inside the picture even on a 320 pixel screen.
    LABEL_CENTRED_FROM = 30
    LABEL_CENTRED_UP_TO = 70

    @property
    def percent(self):
        """Where the marker goes: a "below N" at N, a range at its top ("below or at B")."""
        if isinstance(self.blasts, classifier.Below):
            return self.blasts.limit
        if isinstance(self.blasts, classifier.Between):
            return self.blasts.high
        return self.blasts

    @property
    def position(self):
        """Where the marker sits, in percent of the line's width, for the SVG's x attributes."""
        return format_number(round(self.percent, 1))

    @property
    def label_anchor(self):
        if self.percent < self.LABEL_CENTRED_FROM:
            return "start"
        if self.percent > self.LABEL_CENTRED_UP_TO:
            return "end"
        return "middle"

    @property
    def shown(self):
        """The patient's percentage as the page writes it: 12%, 4.5% (4,5% in Spanish), below 5%."""
        return format_percent(self.blasts, style=number_style())

    @property
    def remission_mark(self):
        return format_percent(classifier.REMISSION_BLASTS_BELOW, style=number_style())

    @property
    def usual_mark(self):
        return format_percent(classifier.UNTREATED_BLASTS_USUALLY_ABOVE, style=number_style())

    @property
    def whole_line(self):
        return format_percent(100, style=number_style())

    @property
    def position_in_words(self):
        below, usual = classifier.REMISSION_BLASTS_BELOW, classifier.UNTREATED_BLASTS_USUALLY_ABOVE
        marks = {"mark": self.remission_mark, "usual": self.usual_mark}
        if isinstance(self.blasts, classifier.Below | classifier.Between):
            # The report's own words already say where it is: never "below 5%, below the 5% mark".
            if classifier.known_below(self.blasts, below):
                return gettext("on the remission side of the %(mark)s mark") % marks
            if isinstance(self.blasts, classifier.Between) and self.blasts.low > below:
                return gettext("above the %(mark)s mark") % marks
            return gettext("not exact enough to place against the %(mark)s mark") % marks
        if self.percent < below:
            return gettext("below the %(mark)s mark") % marks
        if self.percent == below:
            return gettext("right at the %(mark)s mark") % marks
        if self.percent < usual:
            return gettext("between the %(mark)s and %(usual)s marks") % marks
        if self.percent == usual:
            return gettext("right at the %(usual)s mark") % marks
        return gettext("above the %(usual)s mark") % marks


def number_rows(values: classifier.LabValues) -> list[NumberRow]:
    rows = []
    for name, number in LAB_NUMBERS.items():
        value = getattr(values, name)
        if value is None:
            continue
        if number.typical_low is None:
            typical = below(_with_unit(number.typical_high, number.unit))
        else:
            typical = gettext("%(low)s to %(high)s") % {
                "low": _with_unit(number.typical_low, ""),
                "high": _with_unit(number.typical_high, number.unit),
            }
        rows.append(
            NumberRow(
                name=name,
                label=number.label,
                value=_with_unit(value, number.unit),
                typical=typical,
                comparison=compare_with_typical(name, value),
            )
        )
    return rows


def _with_unit(value, unit: str) -> str:
    """150 ×10⁹/L, 4.5% (4,5% in Spanish), below 5%; no unit: the number alone."""
    style = number_style()
    if unit == "%":
        return format_percent(value, style=style)
    shown = format_number(value, group=True, style=style)
    return f"{shown} {unit}" if unit else shown
