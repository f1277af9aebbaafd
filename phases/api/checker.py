"""The checker's endpoint of the JSON API (POST /api/v1/classify), registered on phases.api.content.

The classifier runs on the values in the request and keeps nothing: no database write, no log
line with a value, no cache. Its answer, and every problem with a request, is in the language
the request chooses (`lang`, else Accept-Language, else English).
"""

import dataclasses
from typing import TYPE_CHECKING, Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views.decorators.debug import sensitive_variables
from ninja import Field, Schema
from ninja.errors import ValidationError
from pydantic import PlainValidator, WithJsonSchema, create_model

from phases.api.content import (
    BadRequest,
    Language,
    PhaseSlug,
    answered_in_language,
    disclaimer_text,
    html_in_answer_language,
    language_of_text_field,
)
from phases.checker.lab_numbers import BLASTS, NumberProblem
from phases.checker.number_reading import read_number
from phases.checker.report import finding_texts, urgent_help
from phases.content import languages
from phases.content.models import Disclaimer, Phase
from phases.rules import classifier
from phases.rules.classifier import AncUnit
from phases.text.staff_markdown import html_to_text

# An ANC per µL may be up to 100,000 (100 x10^9/L); any other unit up to 100.
ANC_PER_UL_UP_TO = classifier.RANGES["anc"][1] * classifier.PER_MICROLITRE
ANC_UNIT_NEEDED = "anc_unit_needed"
ANC_OUT_OF_RANGE = "anc_out_of_range"


MAX_BLASTS_TEXT = 30


def _blasts(value):
    """A number from 0 to 100, or the report's words: "<5", "1-2%", "none seen"."""
    if value is None:
        return None
    if isinstance(value, str) and len(value) <= MAX_BLASTS_TEXT:
        try:
            reading = read_number(value, name=BLASTS)
        except NumberProblem as problem:
            raise ValueError(str(problem)) from None
        if reading is not None and reading.understood is not None:
            return value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        low, high = classifier.RANGES[BLASTS]
        if low <= value <= high:  # NaN and infinities fail this
            return float(value)
        raise ValueError(gettext("Marrow blasts are a percentage: send a number from 0 to 100."))
    raise ValueError(
        gettext('Send a number from 0 to 100, or a string such as "<5", "1-2%" or "none seen".')
    )


Blasts = Annotated[
    float | str | None,
    PlainValidator(_blasts),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 100},
                {"type": "string", "maxLength": MAX_BLASTS_TEXT},
                {"type": "null"},
            ]
        }
    ),
]


# What each input means, for the API's callers; its type, choices, default and range are the
# classifier's (classifier.LabValues, CHOICES, RANGES), so a new input appears by itself.
MEANINGS: dict[str, tuple[str, list[Any]]] = {
    "treatment": (
        "Has any treatment for the leukemia ever been given, beyond symptom relief? "
        "Steroids given before chemotherapy count as treatment.",
        ["received"],
    ),
    "age_group": (
        "`child`: a child or teenager, or a young adult treated on a children's (paediatric) "
        "plan; `adult`: treated on an adult plan.",
        ["child"],
    ),
    "first_course_finished": (
        "Has the first course of treatment (induction, usually 4 to 5 weeks) finished? Asked "
        "only when treatment was received; `ever_in_remission: yes` implies it.",
        ["yes"],
    ),
    "ever_in_remission": ("Before these results, was it ever said to be in remission?", ["yes"]),
    "marrow_blasts_percent": (
        "Marrow blasts in %: a number from 0 to 100, or as the report words it: "
        '"<5" (also "< 5%", "less than 5", "below 5", "menos de 5"), a range ("1-2%", '
        '"0 to 1%", "entre 1 y 2 %") or "none seen" (0; also "no blasts seen", "ninguno").',
        [2.5, "<5", "1-2%"],
    ),
    "blood_blasts": ("Are blasts reported in the blood?", ["no"]),
    "outside_marrow": (
        "In the latest tests, has the care team found leukemia outside the blood and marrow "
        "(spinal fluid, testicles, skin, elsewhere)? Found there only at diagnosis is `no`.",
        ["no"],
    ),
    "cbc": ("What the report says of the blood count overall.", []),
    "anc": (
        "Absolute neutrophil count, x10^9/L; per µL with `anc_unit: per_uL` (up to 100000). "
        "A number from 10 to 100, or above `wbc`, needs `anc_unit`.",
        [],
    ),
    "anc_unit": ("How `anc` is written: `x10^9/L` or `per_uL` (divided by 1000).", ["x10^9/L"]),
    "platelets": ("Platelet count, x10^9/L.", []),
    "wbc": ("White cell count, x10^9/L (shown, not a rule input).", []),
    "hemoglobin": ("g/dL (shown, not a rule input).", []),
    "mrd": ("Minimal residual disease test result.", ["negative"]),
    "mrd_level": (
        "When MRD is positive and the report gives a level: below 1%, or 1% or more.",
        [],
    ),
    "fever": (
        "A temperature of 38.0 °C (100.4 °F) or higher, or above the number the care team gave, "
        "now or in the last 24 hours. `yes` always brings the urgent advice.",
        ["no"],
    ),
    "symptoms": (
        "Other signs that leukemia may be active now (not fever): new bone pain, bleeding or "
        "easy bruising, swollen glands, feeling very tired or looking pale.",
        ["no"],
    ),
}
# The highest number of an input where the API reads more than the classifier does.
HIGHEST = {"anc": ANC_PER_UL_UP_TO}


def _input(lab_input: dataclasses.Field[Any]) -> tuple[Any, Any]:
    """One input of classifier.LabValues as a field of the API's LabReport: the same name,
    type and default; a number with its range; marrow blasts also as the report words them."""
    name = lab_input.name
    meaning, examples = MEANINGS.get(name, ("", []))
    description, examples_or_none = meaning or None, examples or None
    default = lab_input.default
    if default is dataclasses.MISSING:
        default = ...  # required
    if name == BLASTS:
        return Blasts, Field(None, description=description, examples=examples_or_none)
    if name in classifier.CHOICES:
        return classifier.CHOICES[name], Field(
            default, description=description, examples=examples_or_none
        )
    low, high = classifier.RANGES[name]
    return float | None, Field(
        default,
        ge=low,
        le=HIGHEST.get(name, high),
        strict=True,
        allow_inf_nan=False,
        description=description,
        examples=examples_or_none,
    )


class LabReportInputs(Schema):
    """The answers of the checker form, with the same names; only `treatment` is required.
    Answers left out are "unknown", so requests written before a question existed still work."""

    model_config = {"extra": "forbid"}

    def anc_problems(self) -> list[dict[str, Any]]:
        """An ANC that needs its unit, or is too large for the unit it has."""
        values = self.model_dump()
        anc, unit = values["anc"], values["anc_unit"]
        if anc is None or unit is AncUnit.PER_UL:
            return []
        if anc > classifier.RANGES["anc"][1]:
            message = gettext(
                "An ANC is at most 100 ×10⁹/L. If your report gives it per µL, divide it by "
                '1000, or send anc_unit "per_uL".'
            )
            return [{"loc": ("body", "report", "anc"), "msg": message, "type": ANC_OUT_OF_RANGE}]
        if unit is AncUnit.UNKNOWN and classifier.anc_is_ambiguous(anc, values["wbc"]):
            message = gettext(
                "An ANC from 10 to 100, or above the WBC, can be ×10⁹/L or per µL: 80 per µL "
                'is 0.08 ×10⁹/L, dangerously low. Send anc_unit as "x10^9/L" or "per_uL".'
            )
            return [
                {"loc": ("body", "report", "anc_unit"), "msg": message, "type": ANC_UNIT_NEEDED}
            ]
        return []

    def lab_values(self) -> classifier.LabValues:
        values = self.model_dump()
        blasts = values[BLASTS]
        if isinstance(blasts, str):  # text that _blasts read
            reading = read_number(blasts, name=BLASTS)
            values[BLASTS] = reading and reading.value
        if values["anc"] is not None:
            values["anc"] = classifier.anc_in_x10_9_per_l(values["anc"], values["anc_unit"])
        return classifier.LabValues(**values)


if TYPE_CHECKING:  # the fields are made when the module loads
    LabReport = LabReportInputs
else:
    LabReport = create_model(
        "LabReport",
        __base__=LabReportInputs,
        __doc__=LabReportInputs.__doc__,
        **{
            lab_input.name: _input(lab_input)
            for lab_input in dataclasses.fields(classifier.LabValues)
        },
    )


if TYPE_CHECKING:  # as PhaseSlug in phases.api
    FindingCode = str
    UrgentReason = str
    InputName = str
else:
    FindingCode = Literal[classifier.FINDING_CODES]
    UrgentReason = Literal[classifier.URGENT_REASONS]
    InputName = Literal[tuple(field.name for field in dataclasses.fields(classifier.LabValues))]


class FindingOut(Schema):
    code: FindingCode = Field(description="Which finding this is.")
    values: dict[str, float | str] = Field(description="The values the finding speaks of.")
    text: str = Field(description="The finding in words, as plain text.")
    html: str = Field(description="The finding in words, as sanitised HTML.")
    language: Language = language_of_text_field()


class UrgentAdviceOut(Schema):
    reasons: list[UrgentReason] = Field(description="Why it is shown, in this order.")
    why_text: str = Field(description="Why it is shown, in words, as plain text.")
    why_html: str = Field(description="The same, as sanitised HTML.")
    text: str = Field(
        description="What to do right away: the same text as every phase page's “When to get "
        "help right away” section, as plain text."
    )
    html: str = Field(description="The same, as sanitised HTML.")
    language: Language = language_of_text_field()


class PhasePageOut(Schema):
    slug: PhaseSlug
    name: str = Field(description="The phase's name.")
    url: str = Field(description="Absolute address of its page, in the answer's language.")
    language: Language = language_of_text_field()


class ClassifyOut(Schema):
    urgent: bool = Field(
        description="True with a fever, other signs, or an ANC below 0.5 x10^9/L: show "
        "`urgent_advice` first, before the phase."
    )
    urgent_advice: UrgentAdviceOut | None = Field(
        description="Why, and what to do right away (call the care team or emergency "
        "services), or null."
    )
    phase: PhaseSlug | None = Field(description="The phase, or null when we can't tell yet.")
    phase_page: PhasePageOut | None = Field(description="The phase's name and page, or null.")
    candidates: list[PhaseSlug] = Field(
        description="Phases still possible when phase is null; may be empty."
    )
    candidate_pages: list[PhasePageOut] = Field(
        description="The same phases, with their names and pages."
    )
    findings: list[FindingOut] = Field(description="The reasons behind the result.")
    missing: list[InputName] = Field(description="Inputs that would help decide.")
    phase_url: str | None = Field(description="Absolute address of the phase's page.")
    disclaimer: str = Field(description="The medical disclaimer, as plain text: show it.")
    disclaimer_language: Language = Field(
        description="The language of the disclaimer: the answer's, or `en` where the English "
        "stands in for a translation not written yet."
    )


@answered_in_language(
    "POST",
    "/classify",
    response={200: ClassifyOut, 400: BadRequest},
    tags=["Checker"],
    summary="Sort lab values into a phase",
)
@sensitive_variables()  # the values stay out of error reports, as on the checker page
def classify(request: HttpRequest, report: LabReport, response: HttpResponse):
    """The checker's rules (see the classifier spec, version 3): a phase, or why we can't tell
    yet.

    A teaching aid, not a diagnosis. The values are used for this answer only and never
    stored, logged or cached.
    """
    add_never_cache_headers(response)
    if problems := report.anc_problems():
        raise ValidationError(problems)
    language = translation.get_language()
    result = classifier.classify(report.lab_values())
    path = result.phase and reverse("phases:detail", kwargs={"slug": result.phase})
    findings = [
        {
            "code": f.code,
            "values": f.as_dict(),
            "text": html_to_text(words),
            "html": html_in_answer_language(words),
            "language": languages.DEFAULT if words.is_fallback else language,
        }
        for f, words in finding_texts(result, language=language)
    ]
    pages = {phase.slug: _phase_page(request, phase) for phase in Phase.objects.in_language_list()}
    disclaimer = Disclaimer.current()
    return {
        "urgent": result.urgent,
        "urgent_advice": _urgent_advice(result, findings, language),
        "phase": result.phase,
        "phase_page": result.phase and pages[result.phase],
        "candidates": list(result.candidates),
        "candidate_pages": [pages[slug] for slug in result.candidates],
        "findings": findings,
        "missing": list(result.missing),
        "phase_url": path and request.build_absolute_uri(path),
        "disclaimer": disclaimer_text(disclaimer),
        "disclaimer_language": disclaimer.language if disclaimer else language,
    }


def _urgent_advice(result, findings, language) -> dict | None:
    """Why (the urgent finding's words), then the one urgent-advice text the phase pages show."""
    why = next((f for f in findings if f["code"] == classifier.GET_HELP_NOW), None)
    if why is None:
        return None
    advice = urgent_help(language)
    html = advice.html if advice else ""
    return {
        "reasons": list(result.urgent_reasons),
        "why_text": why["text"],
        "why_html": why["html"],
        "text": html_to_text(html),
        "html": html_in_answer_language(html),
        "language": advice.language if advice else language,
    }


def _phase_page(request, phase: Phase) -> dict:
    url = request.build_absolute_uri(phase.get_absolute_url())
    return {"slug": phase.slug, "name": phase.name, "url": url, "language": phase.language}
