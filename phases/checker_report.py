"""The checker's answer in the words staff wrote: a classifier result made ready to read.

Two queries fetch every phase and every explanation text, in the page's language with English
standing in; everything else happens in memory, so a patient's values never reach the
database. A stored text that is broken anyway falls back on the English text, then on the
built-in wording: the patient always gets a result. Numbers are written the way the page's
language writes them (phases.lab_numbers.NumberStyle).
"""

import functools
import logging
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from phases import classifier, wording
from phases.lab_numbers import (
    LAB_NUMBERS,
    below,
    compare_with_typical,
    format_number,
    format_percent,
    number_style,
    one_of,
)
from phases.languages import DEFAULT
from phases.models import Explanation, Phase
from phases.staff_markdown import render

logger = logging.getLogger(__name__)

UNDETERMINED = "undetermined"
# The answers a finding may speak of ({cbc}, {mrd}), in words.
WORDS_FOR_CHOICES = {
    "normal": pgettext_lazy("blood count", "normal"),
    "abnormal": pgettext_lazy("blood count", "not normal"),
    "positive": pgettext_lazy("MRD test result", "positive"),
    "negative": pgettext_lazy("MRD test result", "negative"),
    "unknown": pgettext_lazy("an answer", "not known"),
    "not_tested": pgettext_lazy("MRD test", "not tested"),
}
WORDS_FOR_COMPARISON = {
    "below": _("below the typical range"),
    "within": _("in the typical range"),
    # The line is filled in: a bare "5% l" would read to gettext's tools as a format directive.
    "at": _("right at the %(line)s line"),
    "above": _("above the typical range"),
    "unclear": _("not exact enough to compare"),
}


class Words(SafeString):
    """Sanitised HTML of an explanation; `is_fallback` when it is the English text (or the
    built-in wording) standing in for a translation that is missing or broken."""

    def __new__(cls, html: str, *, is_fallback: bool = False):
        words = super().__new__(cls, html)
        words.is_fallback = is_fallback
        return words


@dataclass(frozen=True)
class NumberRow:
    name: str
    label: str
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
class Question:
    """A question of the form, for links back to it: its label and the id to jump to."""

    label: str
    anchor: str


@dataclass(frozen=True)
class BlastScale:
    """The marrow blast percentage on a 0 to 100% line with the 5% and 20% marks; a report's
    "below N" is drawn at N. Places across the picture are percentages of its width, so its
    words keep the size of the text around them at every width."""

    blasts: float | classifier.Below
    # The "You: …" label is centred over the marker, except near either end, where it starts or
    # ends at the marker so that it stays inside the picture even on a 320 pixel screen.
    LABEL_CENTRED_FROM = 30
    LABEL_CENTRED_UP_TO = 70

    @property
    def percent(self):
        return self.blasts.limit if isinstance(self.blasts, classifier.Below) else self.blasts

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
        if isinstance(self.blasts, classifier.Below):
            if self.percent <= below:
                return gettext("below the %(mark)s mark") % marks
            return gettext("somewhere below %(blasts)s, not exact enough to place") % {
                "blasts": format_percent(self.percent, style=number_style())
            }
        if self.percent < below:
            return gettext("below the %(mark)s mark") % marks
        if self.percent == below:
            return gettext("right at the %(mark)s mark") % marks
        if self.percent < usual:
            return gettext("between the %(mark)s and %(usual)s marks") % marks
        if self.percent == usual:
            return gettext("right at the %(usual)s mark") % marks
        return gettext("above the %(usual)s mark") % marks


@dataclass(frozen=True)
class CheckerReport:
    phase: Phase | None
    urgent: SafeString | None  # "Get help right away", shown before everything else
    headline: SafeString
    candidates: list[Phase]
    missing: list[Question]
    to_check: list[Question]
    findings: list[SafeString]
    numbers: list[NumberRow]
    blast_scale: BlastScale | None
    questions: SafeString

    @property
    def data_phase(self):
        return self.phase.slug if self.phase else UNDETERMINED


def build_report(
    values: classifier.LabValues,
    result: classifier.Result,
    *,
    questions: Mapping[str, Question],
    drafts: bool = False,
) -> CheckerReport:
    """The report patients read, in the active language (the page's, as its template is); with
    `drafts`, the unpublished wording staff are previewing."""
    language = get_language() or DEFAULT
    phases = {phase.slug: phase for phase in Phase.objects.in_language(language, drafts=drafts)}
    texts = _texts(language, drafts=drafts)
    numbers = {name: getattr(values, name) for name in wording.PHASE_PLACEHOLDERS}
    blasts = values.marrow_blasts_percent
    if result.phase:
        phase = phases[result.phase]
        headline = _words(result.phase, texts, numbers, language)
        questions_to_ask = phase.questions_html
    else:
        phase = None
        names = [phases[slug].name for slug in result.candidates]
        headline = _words(wording.CANT_TELL, texts, {"candidates": one_of(names)}, language)
        questions_to_ask = _words(wording.CANT_TELL_QUESTIONS, texts, {}, language)
    urgent, findings = _urgent_apart(result.findings)
    return CheckerReport(
        phase=phase,
        urgent=urgent and _words(urgent.code, texts, urgent.as_dict(), language),
        headline=headline,
        candidates=[phases[slug] for slug in result.candidates],
        missing=[questions[name] for name in result.missing],
        to_check=_answers_to_check(result, questions),
        findings=[_words(f.code, texts, f.as_dict(), language) for f in findings],
        numbers=_number_rows(values),
        blast_scale=None if blasts is None else BlastScale(blasts),
        questions=questions_to_ask,
    )


def _texts(language: str, *, drafts: bool = False, keys=None) -> dict[str, list[tuple]]:
    """Each explanation's HTML, the page's language first and then the English text, as
    (language, html) pairs: a broken translation falls back on the English text. One query."""
    rows = Explanation.objects.filter(language__in={language, DEFAULT})
    if keys is not None:
        rows = rows.filter(key__in=keys)
    if drafts:
        pairs = [
            (row.key, row.language, row.with_draft().text_html)
            for row in rows
            if row.is_published or row.draft
        ]
    else:
        # The published HTML only: building every row's whole object costs more than the query.
        pairs = rows.filter(is_published=True).values_list("key", "language", "text_html")
    texts = {}
    for key, text_language, html in pairs:
        texts.setdefault(key, []).append((text_language, html))
    for found in texts.values():
        found.sort(key=lambda pair: pair[0] != language)
    return texts


def _urgent_apart(findings):
    """The urgent advice, which has a box of its own, and the other findings."""
    urgent = next((f for f in findings if f.code == classifier.GET_HELP_NOW), None)
    return urgent, [f for f in findings if f is not urgent]


def _answers_to_check(result, questions):
    """The answers a finding speaks of, when they conflict or keep the result open: links back
    to them let the patient check what they typed."""
    names = []
    for finding in _urgent_apart(result.findings)[1]:
        if result.undetermined or finding.code == classifier.COUNTS_NUMBERS_CONFLICT_WITH_CBC:
            names += [name for name in finding.as_dict() if name in questions]
    return [questions[name] for name in dict.fromkeys(names) if name not in result.missing]


def _words(key: str, texts: Mapping[str, list[tuple]], values: Mapping, language: str) -> Words:
    """The text's HTML, rendered when it was saved (placeholders still in), filled in with the
    patient's values, escaped: a filled-in text, which holds a patient's values, is never
    cached or kept after the response. A broken text gives way to the English text, then to
    the built-in wording."""
    shown = {name: escape(_display(values.get(name))) for name in wording.PLACEHOLDERS[key]}
    for text_language, html in texts.get(key, ()):
        try:
            filled = wording.fill(html, key=key, values=shown)
            return Words(filled, is_fallback=text_language != language)
        except (ValueError, KeyError):
            # Only the text's name is logged: never a patient's values.
            logger.warning(
                "Checker explanation %r is broken (%s); used the next wording.", key, text_language
            )
    filled = wording.fill(_built_in_html(key), key=key, values=shown)
    return Words(filled, is_fallback=language != DEFAULT)


@functools.cache
def _built_in_html(key: str) -> str:
    """The built-in wording as HTML, placeholders still in: the same for every patient."""
    return render(wording.BUILT_IN[key])


def _display(value) -> str:
    """A value put into a text, written the way the page's language writes it."""
    if value is None:
        return gettext("not given")
    if isinstance(value, str):
        return str(WORDS_FOR_CHOICES.get(value, value))
    return format_number(value, group=True, style=number_style())


def _number_rows(values: classifier.LabValues) -> list[NumberRow]:
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


def finding_texts(
    result: classifier.Result, language: str | None = None
) -> list[tuple[classifier.Finding, SafeString]]:
    """Each finding of `result` with its published wording in `language` (the active language
    by default), rendered exactly as the checker page shows it (the English text, then the
    built-in wording, when a stored text is missing or broken). For the JSON API."""
    language = language or get_language() or DEFAULT
    texts = _texts(language, keys=[finding.code for finding in result.findings])
    with translation.override(language):  # the numbers and words put into the texts too
        return [(f, _words(f.code, texts, f.as_dict(), language)) for f in result.findings]
