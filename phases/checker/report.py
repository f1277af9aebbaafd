"""The checker's answer in the words staff wrote: a classifier result made ready to read.

Two queries fetch every phase and every explanation text, in the page's language with English
standing in; everything else happens in memory, so a patient's values never reach the
database. A stored text that is broken anyway falls back on the English text, then on the
built-in wording: the patient always gets a result. Numbers are written the way the page's
language writes them (phases.checker.lab_numbers.NumberStyle).
"""

import functools
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from phases.checker.choice_words import in_a_sentence
from phases.checker.lab_numbers import (
    format_number,
    number_style,
    one_of,
)
from phases.checker.numbers import BlastScale, NumberRow, number_rows
from phases.content.languages import DEFAULT, stand_ins
from phases.content.models import Explanation, Phase, SharedSection
from phases.rules import classifier, wording
from phases.text.staff_markdown import render

logger = logging.getLogger(__name__)

UNDETERMINED = "undetermined"


class Words(SafeString):
    """Sanitised HTML of an explanation; `is_fallback` when it is the English text (or the
    built-in wording) standing in for a translation that is missing or broken."""

    is_fallback: bool

    def __new__(cls, html: str, *, is_fallback: bool = False) -> "Words":
        words = super().__new__(cls, html)
        words.is_fallback = is_fallback
        return words


@dataclass(frozen=True)
class Question:
    """A question of the form, for links back to it: its label and the id to jump to."""

    label: str | Promise
    anchor: str


@dataclass(frozen=True)
class UrgentAdvice:
    """The "Get help right away" box: why it is shown (one sentence per reason), then the one
    urgent-advice text every phase page shows under "When to get help right away"."""

    reasons: list[SafeString]
    advice: SharedSection | None


@dataclass(frozen=True)
class CheckerReport:
    phase: Phase | None
    urgent: UrgentAdvice | None  # shown before everything else
    headline: SafeString
    heading: str  # the result's heading: the phase's name, or words that say it is not sure
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
    phases = {
        phase.slug: phase for phase in Phase.objects.in_language_list(language, drafts=drafts)
    }
    texts = _texts(language, drafts=drafts)
    numbers = {name: getattr(values, name) for name in wording.PHASE_PLACEHOLDERS}
    blasts = values.marrow_blasts_percent
    if result.phase:
        phase = phases[result.phase]
        headline = _words(headline_key(result.phase, result), texts, numbers, language)
        questions_to_ask = questions_for_answers(phase.questions_html, values)
        heading = phase.name
        if headline_key(result.phase, result) == wording.RELAPSED_TO_CONFIRM:
            heading = gettext("This may mean the leukemia has come back")
    else:
        phase = None
        names = [phases[slug].name for slug in result.candidates]
        if names:
            headline = _words(wording.CANT_TELL, texts, {"candidates": one_of(names)}, language)
        else:
            headline = _words(wording.CANT_TELL_NO_CANDIDATES, texts, {}, language)
        questions_to_ask = _words(wording.CANT_TELL_QUESTIONS, texts, {}, language)
        heading = gettext("We can't tell yet")
    urgent, findings = _urgent_apart(result.findings)
    return CheckerReport(
        phase=phase,
        urgent=urgent and _urgent_advice(result, urgent, texts, language, drafts=drafts),
        headline=headline,
        heading=heading,
        candidates=[phases[slug] for slug in result.candidates],
        missing=[questions[name] for name in result.missing],
        to_check=_answers_to_check(result, questions),
        findings=[_words(f.code, texts, f.raw(), language) for f in findings],
        numbers=number_rows(values),
        blast_scale=None if blasts is None else BlastScale(blasts),
        questions=questions_to_ask,
    )


def headline_key(phase: str, result: classifier.Result) -> str:
    """The headline of `phase` (the result's), or its variant worded for the findings beside
    it."""
    for key, (variant_of, codes) in wording.HEADLINE_VARIANTS.items():
        if phase == variant_of and any(result.has(code) for code in codes):
            return key
    return phase


def urgent_help(language: str, *, drafts: bool = False) -> SharedSection | None:
    """The one urgent-advice text: the section every phase page shows, in `language`."""
    sections = SharedSection.objects.filter(key=SharedSection.Key.URGENT_HELP)
    return next(iter(sections.in_language_list(language, drafts=drafts)), None)


def urgent_reasons(result, texts, language) -> list[SafeString]:
    """Why the urgent box is shown: one editable sentence per reason, in the result's order."""
    urgent = _urgent_apart(result.findings)[0]
    values = urgent.raw() if urgent else {}
    return [
        _words(wording.URGENT_REASON_TEXTS[reason], texts, values, language)
        for reason in result.urgent_reasons
    ]


def _urgent_advice(result, urgent, texts, language, *, drafts) -> UrgentAdvice:
    return UrgentAdvice(
        reasons=urgent_reasons(result, texts, language),
        advice=urgent_help(language, drafts=drafts),
    )


# A question the answers already settle: "was an MRD test done?" once the MRD result is given.
MRD_TEST_DONE_QUESTION = re.compile(
    r"<li>[^<]*(?:MRD|ERM)[^<]*(?:done|did it show|se hizo|qué mostró)[^<]*</li>\s*",
    re.IGNORECASE,
)


def questions_for_answers(questions_html: str, values: classifier.LabValues) -> SafeString:
    """The phase's questions for the care team, less those the patient's answers settle."""
    if values.mrd in (classifier.MrdResult.POSITIVE, classifier.MrdResult.NEGATIVE):
        questions_html = MRD_TEST_DONE_QUESTION.sub("", questions_html)
    return mark_safe(questions_html)  # the stored, sanitised HTML, with list items left out


def _texts(language: str, *, drafts: bool = False, keys=None) -> dict[str, list[tuple]]:
    """Each explanation's HTML, the page's language first and then the English text, as
    (language, html) pairs: a broken translation falls back on the English text. One query."""
    rows = Explanation.objects.filter(language__in={language, DEFAULT})
    if keys is not None:
        rows = rows.filter(key__in=keys)
    pairs: Iterable[tuple[str, str, str]]
    if drafts:
        pairs = [
            (row.key, row.language, row.with_draft().text_html)
            for row in rows
            if row.is_published or row.draft
        ]
    else:
        # The published HTML only: building every row's whole object costs more than the query.
        pairs = rows.filter(is_published=True).values_list("key", "language", "text_html")
    found = stand_ins(pairs, language, key=lambda pair: pair[0], language_of=lambda pair: pair[1])
    return {
        texts[0][0]: [(text_language, html) for _, text_language, html in texts] for texts in found
    }


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
    shown = {name: escape(_display(name, values.get(name))) for name in wording.PLACEHOLDERS[key]}
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


def _display(name: str, value) -> str:
    """A value put into a text, written the way the page's language writes it."""
    if value is None:
        return gettext("not given")
    if isinstance(value, str):
        return in_a_sentence(name, value)
    # A number, or a report's "below 5" or "1-2" in the page's words.
    return format_number(value, group=True, style=number_style())


def finding_texts(
    result: classifier.Result, language: str | None = None
) -> list[tuple[classifier.Finding, Words]]:
    """Each finding of `result` with its published wording in `language` (the active language
    by default), rendered exactly as the checker page shows it (the English text, then the
    built-in wording, when a stored text is missing or broken). For the JSON API."""
    language = language or get_language() or DEFAULT
    keys = [finding.code for finding in result.findings]
    keys += [wording.URGENT_REASON_TEXTS[reason] for reason in result.urgent_reasons]
    texts = _texts(language, keys=keys)
    with translation.override(language):  # the numbers and words put into the texts too
        return [
            (f, _urgent_reasons_words(result, texts, language))
            if f.code == classifier.GET_HELP_NOW
            else (f, _words(f.code, texts, f.raw(), language))
            for f in result.findings
        ]


def _urgent_reasons_words(result, texts, language) -> Words:
    """The urgent finding in words: why the urgent advice is shown."""
    reasons = urgent_reasons(result, texts, language)
    return Words(
        "".join(reasons), is_fallback=any(getattr(r, "is_fallback", False) for r in reasons)
    )
