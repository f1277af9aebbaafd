"""The checker's answer in the words staff wrote: a classifier result made ready to read.

Two queries fetch every phase and every explanation text; everything else happens in memory,
so a patient's values never reach the database. A stored text that is broken anyway falls back
on the built-in wording: the patient always gets a result.
"""

import functools
import logging
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from phases import classifier, wording
from phases.lab_numbers import LAB_NUMBERS, compare_with_typical, format_number
from phases.models import Explanation, Phase
from phases.staff_markdown import render

logger = logging.getLogger(__name__)

UNDETERMINED = "undetermined"
WORDS_FOR_CHOICES = {"abnormal": "not normal", "unknown": "not known", "not_tested": "not tested"}
WORDS_FOR_COMPARISON = {
    "below": "below the typical range",
    "within": "in the typical range",
    "at": "right at the 5% line",
    "above": "above the typical range",
    "unclear": "not exact enough to compare",
}


@dataclass(frozen=True)
class NumberRow:
    name: str
    label: str
    value: str  # with its unit, as the patient entered it or as we understood it
    typical: str
    comparison: str  # below, within, at or above the typical adult range

    @property
    def comparison_in_words(self):
        return WORDS_FOR_COMPARISON[self.comparison]


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
        return format_number(self.blasts)

    @property
    def position_in_words(self):
        below, usual = classifier.REMISSION_BLASTS_BELOW, classifier.UNTREATED_BLASTS_USUALLY_ABOVE
        if isinstance(self.blasts, classifier.Below):
            if self.percent <= below:
                return f"below the {below}% mark"
            return f"somewhere below {self.shown}%, not exact enough to place"
        if self.percent < below:
            return f"below the {below}% mark"
        if self.percent == below:
            return f"right at the {below}% mark"
        if self.percent < usual:
            return f"between the {below}% and {usual}% marks"
        if self.percent == usual:
            return f"right at the {usual}% mark"
        return f"above the {usual}% mark"


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
    """The report patients read; with `drafts`, the unpublished wording staff are previewing."""
    phases = {phase.slug: _shown(phase, drafts) for phase in Phase.objects.all()}
    if drafts:
        texts = {text.key: text.with_draft().text_html for text in Explanation.objects.all()}
    else:
        # The published HTML only: building every row's whole object costs more than the query.
        texts = dict(Explanation.objects.values_list("key", "text_html"))
    numbers = {name: getattr(values, name) for name in wording.PHASE_PLACEHOLDERS}
    blasts = values.marrow_blasts_percent
    if result.phase:
        phase = phases[result.phase]
        headline = _words(result.phase, texts, numbers)
        questions_to_ask = phase.questions_html
    else:
        phase = None
        names = [phases[slug].name for slug in result.candidates]
        headline = _words(wording.CANT_TELL, texts, {"candidates": _in_words(names)})
        questions_to_ask = _words(wording.CANT_TELL_QUESTIONS, texts, {})
    urgent, findings = _urgent_apart(result.findings)
    return CheckerReport(
        phase=phase,
        urgent=urgent and _words(urgent.code, texts, urgent.as_dict()),
        headline=headline,
        candidates=[phases[slug] for slug in result.candidates],
        missing=[questions[name] for name in result.missing],
        to_check=_answers_to_check(result, questions),
        findings=[_words(f.code, texts, f.as_dict()) for f in findings],
        numbers=_number_rows(values),
        blast_scale=None if blasts is None else BlastScale(blasts),
        questions=questions_to_ask,
    )


def _shown(content, drafts):
    return content.with_draft() if drafts else content


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


def _words(key: str, texts: Mapping[str, str], values: Mapping) -> SafeString:
    """The text's HTML, rendered when it was saved (placeholders still in), filled in with the
    patient's values, escaped: a filled-in text, which holds a patient's values, is never
    cached or kept after the response."""
    shown = {name: escape(_display(values.get(name))) for name in wording.PLACEHOLDERS[key]}
    if key in texts:
        try:
            return mark_safe(wording.fill(texts[key], key=key, values=shown))
        except (ValueError, KeyError):
            # Only the text's name is logged: never a patient's values.
            logger.warning("Checker explanation %r is broken; used the built-in wording.", key)
    return mark_safe(wording.fill(_built_in_html(key), key=key, values=shown))


@functools.cache
def _built_in_html(key: str) -> str:
    """The built-in wording as HTML, placeholders still in: the same for every patient."""
    return render(wording.BUILT_IN[key])


def _display(value) -> str:
    if value is None:
        return "not given"
    if isinstance(value, str):
        return WORDS_FOR_CHOICES.get(value, value)
    return format_number(value, group=True)


def _in_words(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _number_rows(values: classifier.LabValues) -> list[NumberRow]:
    rows = []
    for name, number in LAB_NUMBERS.items():
        value = getattr(values, name)
        if value is None:
            continue
        if number.typical_low is None:
            typical = f"below {_with_unit(number.typical_high, number.unit)}"
        else:
            low, high = format_number(number.typical_low), format_number(number.typical_high)
            typical = f"{low} to {_with_unit(high, number.unit)}"
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
    shown = value if isinstance(value, str) else format_number(value, group=True)
    return f"{shown}{unit}" if unit == "%" else f"{shown} {unit}"


def finding_texts(result: classifier.Result) -> list[tuple[classifier.Finding, SafeString]]:
    """Each finding of `result` with its published wording, rendered exactly as the checker
    page shows it (built-in wording when a stored text is missing or broken). For the JSON API."""
    codes = [finding.code for finding in result.findings]
    texts = dict(Explanation.objects.filter(key__in=codes).values_list("key", "text_html"))
    return [(f, _words(f.code, texts, f.as_dict())) for f in result.findings]
