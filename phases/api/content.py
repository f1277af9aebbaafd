"""The public JSON API under /api/v1/: the published content, the checker, and a code lookup.

Everything here shows what patients see on the site: published fields only, never a draft. The
classifier runs on the values in the request and keeps nothing: no database write, no log
line with a value, no cache (the answer is sent with Cache-Control: no-store). No endpoint
needs a cookie or a CSRF token; browsers on partner sites are let in by CORS settings.
Every bad request gets status 400 and a list of problems, each naming the field it is about.

Content and checker answers are in one of the portal's languages, chosen by the `lang` query
parameter, else by Accept-Language, else English (`answered_in_language`); each says which in
Content-Language, and each text says its own language, so English standing in for a
translation not written yet can be told apart. Problems are in that language too, the
schema layer's included (`problem_in_words`); only a refused `lang` is answered in English.
"""

import datetime
import functools
from typing import TYPE_CHECKING, Literal

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from ninja import Field, NinjaAPI, Path, Query, Schema, Status
from ninja.decorators import decorate_view
from ninja.errors import HttpError, ValidationError

from phases.api import infobutton, sync
from phases.api.problems import problem_in_words
from phases.content import languages
from phases.content.models import Disclaimer, GlossaryTerm, Phase
from phases.rules import classifier
from phases.text.staff_markdown import html_to_text, with_links_under

api = NinjaAPI(
    title="ALL Phase Portal API",
    version="1",
    description=(
        "Patient education about the phases of acute lymphoblastic leukemia (ALL): the "
        "published phase pages, glossary and medical disclaimer, the lab-values checker, and a "
        "diagnosis-code lookup in the manner of MedlinePlus Connect. Nothing here is a "
        "diagnosis: every result tells the patient to confirm it with their care team. "
        "Content and results come in English (en) or Spanish (es): ask with `lang` or "
        "Accept-Language; Content-Language says which, and each text gives its own `language` "
        "(en where the English stands in for a translation not written yet). "
        "No authentication; bad requests get status 400 with a list of problems, in the language "
        "asked for."
    ),
    urls_namespace="api",
    docs_url=None,
)

if TYPE_CHECKING:  # values known when the module loads: the schema lists them, mypy sees str
    from django_stubs_ext import WithAnnotations

    PhaseSlug = str
    Language = str
else:
    PhaseSlug = Literal[classifier.PHASE_SLUGS]
    Language = Literal[tuple(languages.codes())]


# Errors ------------------------------------------------------------------------------------


class Problem(Schema):
    loc: list[str | int] = Field(description='Where the problem is, e.g. ["body", "anc"].')
    msg: str = Field(description="What is wrong, in words.")
    type: str = Field(description="A short machine-readable name of the problem.")


class BadRequest(Schema):
    detail: list[Problem]


class NotFound(Schema):
    detail: str


@api.exception_handler(ValidationError)
def bad_request(request, exc):
    """400, not ninja's 422: the values the caller sent are never echoed back. Each problem is
    in the answer's language, the schema layer's (pydantic's) included."""
    problems = [
        {"loc": _location(error["loc"]), "msg": problem_in_words(error), "type": error["type"]}
        for error in exc.errors
    ]
    return api.create_response(request, {"detail": problems}, status=400)


def _location(loc):
    # ninja names the body parameter ("body", "report", "anc"); callers know it as the body.
    loc = list(loc)
    return loc[:1] + loc[2:] if loc[:1] == ["body"] and len(loc) > 1 else loc


@api.exception_handler(HttpError)
def http_error(request, exc):
    if exc.status_code == 400:  # ninja's only 400: a body it cannot parse as JSON
        return _bad_body(request, gettext("Send a JSON object."), "json_invalid")
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(RequestDataTooBig)
def body_too_big(request, exc):
    return _bad_body(request, gettext("The body is too large for a lab report."), "too_large")


def _bad_body(request, msg, kind):
    problem = {"loc": ["body"], "msg": msg, "type": kind}
    return api.create_response(request, {"detail": [problem]}, status=400)


# Languages ---------------------------------------------------------------------------------

LANG = languages.API_PARAMETER
_LANGUAGES_IN_WORDS = " or ".join(f"{code} ({name})" for code, name in settings.LANGUAGES)
UNKNOWN_LANGUAGE = f"The portal has no such language. Send {LANG} as {_LANGUAGES_IN_WORDS}."


def language_of_text_field():
    return Field(
        description="The language this text is in: the answer's language, or `en` where the "
        "English text stands in for a translation not written yet."
    )


def _in_chosen_language(run):
    """Run an operation in the language the request chooses, and say which in the answer."""

    @functools.wraps(run)
    def in_language(request, *args, **kwargs):
        language = languages.reader_language(request, languages.Asking.BY_API)
        if language is None:
            problem = {"loc": ["query", LANG], "msg": UNKNOWN_LANGUAGE, "type": "unknown_language"}
            return api.create_response(request, {"detail": [problem]}, status=400)
        with translation.override(language):
            response = run(request, *args, **kwargs)
        response.headers["Content-Language"] = language  # a problem is in it too
        if LANG not in request.GET:
            languages.vary_on_accept_language(response)
        return response

    return in_language


IN_A_LANGUAGE = {
    "parameters": [
        {
            "in": "query",
            "name": LANG,
            "required": False,
            "schema": {"type": "string", "enum": languages.codes()},
            "description": f"The language of the answer: {_LANGUAGES_IN_WORDS}. Without it, "
            "Accept-Language chooses. Any other value is refused with status 400.",
        },
        {
            "in": "header",
            "name": "Accept-Language",
            "required": False,
            "schema": {"type": "string"},
            "description": f"Read only without `{LANG}`: the answer is in the first of the "
            "portal's languages this asks for (by its q weights), or in English, and says "
            "`Vary: Accept-Language`.",
            "example": "es-US,es;q=0.9,en;q=0.5",
        },
    ],
    "responses": {
        200: {
            "headers": {
                "Content-Language": {
                    "description": "The language of the answer. A text whose translation is "
                    "not written yet is in English: its `language` says so.",
                    "schema": {"type": "string", "enum": languages.codes()},
                }
            }
        }
    },
}


def answered_in_language(method: str, path: str, *, response, **kwargs):
    """Register an operation as api.get or api.post do, for an answer in the language the
    request chooses (`lang`, else Accept-Language, else English): the texts it reads (with
    `in_language_list()`, `gettext`) and the addresses it makes (`reverse`) are in that language,
    Content-Language says which, and the OpenAPI document describes all of it and the 400
    for a language the portal does not have (and Last-Modified, for a view taking `since`)."""
    responses = (response if isinstance(response, dict) else {200: response}) | {400: BadRequest}
    operation = functools.partial(api.api_operation, [method], path, response=responses, **kwargs)
    return lambda view: operation(openapi_extra=sync.openapi_extra(view, IN_A_LANGUAGE))(
        decorate_view(_in_chosen_language)(view)
    )


def html_in_answer_language(html: str) -> str:
    """Stored HTML whose links to the portal's pages lead to them in the answer's language, as
    on the site: "/glossary/#blasts" is "/es/glossary/#blasts" in Spanish."""
    home = reverse("phases:home")
    return with_links_under(html, home) if html and home != "/" else html


# Content -----------------------------------------------------------------------------------


class PhaseOut(Schema):
    slug: PhaseSlug = Field(description="The phase's fixed name in addresses.")
    order: int = Field(description="Display order: 1 comes first.")
    name: str
    summary: str = Field(description="One plain sentence.")
    body_markdown: str = Field(
        description="What this phase means, as staff wrote it (links to the portal's pages as "
        "on the English site)."
    )
    body_html: str = Field(
        description="The same, as sanitised HTML; links to the portal's pages lead to them in "
        "the answer's language."
    )
    body_text: str = Field(description="The same, as plain text.")
    questions_markdown: str = Field(description="Questions to ask the care team.")
    questions_html: str
    questions_text: str
    references_markdown: str = Field(description="The sources of the page, as staff wrote them.")
    references_html: str = Field(description="The same, as sanitised HTML; empty if none.")
    references_text: str = Field(description="The same, as plain text; empty if none.")
    icd10_code: str = Field(description="The ICD-10-CM diagnosis code of the phase.")
    modified: datetime.datetime = sync.modified_field()
    review_status: Literal["awaiting_clinical_review", "changed_since_review", "reviewed"] = Field(
        description="`reviewed` while a clinician has reviewed the words the page shows now "
        "(the three review fields say who and when); `changed_since_review` when its words "
        "were changed (published or brought back) after its last clinical review: it awaits "
        "a new review, and `last_reviewed` and `reviewer` tell of the last one, which "
        "covered older words; `awaiting_clinical_review` while the page, written by the "
        "portal's content team, has never been reviewed by a clinician. Show anything but "
        "`reviewed` as awaiting review."
    )
    last_reviewed: datetime.date | None = Field(
        description="Day of the last clinical review (of older words when "
        "`changed_since_review`); null when never reviewed."
    )
    next_review_due: datetime.date | None = Field(
        description="Day the next review is due; null unless `reviewed`."
    )
    reviewer: str | None = Field(
        description="Full name and role of the clinician of the last review (of older words "
        "when `changed_since_review`); null when never reviewed."
    )
    url: str = Field(
        description="Absolute address of the page patients read, in the answer's language."
    )
    language: Language = language_of_text_field()


def _phase(request, phase: "WithAnnotations[Phase, sync.Modified]") -> dict:
    return {
        "slug": phase.slug,
        "order": phase.order,
        "name": phase.name,
        "summary": phase.summary,
        "body_markdown": phase.body,
        "body_html": html_in_answer_language(phase.body_html),
        "body_text": html_to_text(phase.body_html),
        "questions_markdown": phase.questions,
        "questions_html": html_in_answer_language(phase.questions_html),
        "questions_text": html_to_text(phase.questions_html),
        "references_markdown": phase.references,
        "references_html": html_in_answer_language(phase.references_html),
        "references_text": html_to_text(phase.references_html),
        "icd10_code": phase.icd10_code,
        "modified": phase.modified,
        # Nothing about a review that has not happened; a review of older words is named as such.
        "review_status": sync.review_status(phase),
        "last_reviewed": phase.last_reviewed,
        "next_review_due": phase.next_review_due if phase.is_reviewed else None,
        "reviewer": (phase.reviewer or None) if phase.last_reviewed else None,
        "url": request.build_absolute_uri(phase.get_absolute_url()),
        "language": phase.language,
    }


@answered_in_language(
    "GET", "/phases", response=list[PhaseOut], tags=["Content"], summary="List the five phases"
)
def list_phases(request, response: HttpResponse, since: sync.Since = sync.SINCE):
    """Every phase, in the order the site shows them."""
    phases = sync.listed(Phase, since=since, response=response)
    return [_phase(request, phase) for phase in phases]


@answered_in_language(
    "GET",
    "/phases/{slug}",
    response={200: PhaseOut, 404: NotFound},
    tags=["Content"],
    summary="Get one phase",
)
def get_phase(request, slug: str = Path(..., description="The phase's slug.", example="remission")):
    phases = sync.with_modified(Phase.objects.in_language_list(), Phase)
    phase = next((phase for phase in phases if phase.slug == slug), None)
    if phase is None:
        known = ", ".join(classifier.PHASE_SLUGS)
        raise HttpError(
            404,
            gettext("There is no phase with this slug. The slugs are: %(known)s.")
            % {"known": known},
        )
    return _phase(request, phase)


class DisclaimerOut(Schema):
    text_markdown: str = Field(description="The medical disclaimer, as staff wrote it.")
    html: str = Field(description="The same, as sanitised HTML.")
    text: str = Field(description="The same, as plain text.")
    modified: datetime.datetime = sync.modified_field()
    review_status: sync.ReviewStatus = sync.review_status_field()
    language: Language = language_of_text_field()


@answered_in_language(
    "GET",
    "/disclaimer",
    response={200: DisclaimerOut, 204: None, 404: NotFound},
    tags=["Content"],
    summary="Get the medical disclaimer",
)
def get_disclaimer(request, response: HttpResponse, since: sync.Since = sync.SINCE):
    """Show it with anything you take from this API. 204 if unchanged since `modified_since`."""
    disclaimer = sync.current(Disclaimer, response=response)
    if disclaimer is None:
        raise HttpError(404, gettext("No medical disclaimer has been written yet."))
    if since is not None and disclaimer.modified <= since:
        return Status(204, None)
    return {
        "text_markdown": disclaimer.text,
        "html": html_in_answer_language(disclaimer.html),
        "text": disclaimer_text(disclaimer),
        "modified": disclaimer.modified,
        "review_status": sync.review_status(disclaimer),
        "language": disclaimer.language,
    }


def disclaimer_text(disclaimer: Disclaimer | None) -> str:
    return html_to_text(disclaimer.html) if disclaimer else ""


class TermOut(Schema):
    term: str
    anchor: str = Field(description="The term's anchor on the glossary page.")
    definition: str = Field(description="A plain explanation in one to three sentences.")
    url: str = Field(
        description="Absolute address of the term on the glossary page in the answer's language."
    )
    modified: datetime.datetime = sync.modified_field()
    review_status: sync.ReviewStatus = sync.review_status_field()
    language: Language = language_of_text_field()


@answered_in_language(
    "GET", "/glossary", response=list[TermOut], tags=["Content"], summary="List the glossary"
)
def list_glossary(request, response: HttpResponse, since: sync.Since = sync.SINCE):
    """Every published term, in alphabetical order of the words shown."""
    return [
        {
            "term": term.term,
            "anchor": term.slug,
            "definition": term.definition,
            "url": request.build_absolute_uri(term.get_absolute_url()),
            "modified": term.modified,
            "review_status": sync.review_status(term),
            "language": term.language,
        }
        for term in sync.listed(GlossaryTerm, since=since, response=response)
    ]


# Code lookup -------------------------------------------------------------------------------


@api.get(
    "/connect",
    response={200: infobutton.ConnectAnswer, 400: BadRequest},
    by_alias=True,
    tags=["Connect"],
    summary="Look up pages by ICD-10-CM, SNOMED CT or LOINC code (MedlinePlus Connect style)",
    openapi_extra=infobutton.OPENAPI_EXTRA,
)
def lookup_code(request, params: Query[infobutton.LookupParams], response: HttpResponse):
    """The pages for a diagnosis, condition or lab test code, in MedlinePlus Connect's
    JSON form of an Atom feed or as Atom XML, for infobuttons in electronic health records
    (the codes: phases.content.codes). An unknown code gives an empty feed. In Spanish with
    `informationRecipient.languageCode.c=es` (or `sp`); English otherwise, as MedlinePlus
    Connect does (`lang` and Accept-Language are not read)."""
    return infobutton.answer(request, params, response)


# The checker's endpoint lives in its own module; importing it registers it on `api`.
from phases.api import checker  # noqa: E402, F401
