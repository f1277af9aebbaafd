"""Look up the pages for a diagnosis or lab test code, the way MedlinePlus Connect answers an EHR.

A health record asks "what can this patient read about this diagnosis?" with the URL parameters
of the HL7 Infobutton standard (mainSearchCriteria.v.c is the code, mainSearchCriteria.v.cs its
code system, knowledgeResponseType the format). The answer is an Atom feed with one entry per
page: as Atom XML, or in the JSON rendering of Atom that MedlinePlus Connect uses ("_value"
holds an element's text), so software written for MedlinePlus Connect can read ours too. The
feed is built once as that JSON structure; the XML is written from it, so the two never differ.

The codes it answers, ICD-10-CM, SNOMED CT and LOINC, and the pages each leads to, are one table
in phases.content.codes; an unknown code gets an empty feed. The language is MedlinePlus
Connect's parameter informationRecipient.languageCode.c: "es" gives the Spanish pages (a
regional form such as "es-US" too, and "sp", which older MedlinePlus Connect clients send),
anything else or nothing the English ones, as MedlinePlus Connect answers any code but "es" in
English rather than refusing it. informationRecipient (PAT or PROV) and
mainSearchCriteria.v.dn (the code's display name) are accepted and do not change the answer.
The feed's xml:lang is the answer's language; an entry's is "en" where the English page stands
in for a Spanish one not written yet.
"""

import datetime
import xml.etree.ElementTree as ET
from typing import Annotated
from urllib.parse import urlencode

from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from ninja import Field, Schema
from ninja.errors import ValidationError
from pydantic import WithJsonSchema

from phases.content import codes, languages
from phases.content.codes import ICD10CM as ICD10CM_OID
from phases.content.codes import SYSTEM_NAMES
from phases.content.models import Explanation, GlossaryTerm, Phase
from phases.syndication import changes

JSON = "application/json"
XML = "text/xml"
RESPONSE_TYPES = (JSON, XML)
ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8"
ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
CODE_PARAMETER = "mainSearchCriteria.v.c"
CODE_SYSTEM_PARAMETER = "mainSearchCriteria.v.cs"
RESPONSE_TYPE_PARAMETER = "knowledgeResponseType"
LANGUAGE_PARAMETER = languages.INFOBUTTON_PARAMETER
RECIPIENT_PARAMETER = "informationRecipient"
RECIPIENTS = ("PAT", "PROV")  # HL7: the patient, or a health care provider


def _one_of(*values: str) -> WithJsonSchema:
    """Document the values a parameter takes; `problems` checks them, to explain a refusal
    better than a generic "Input should be ..." would."""
    return WithJsonSchema({"type": "string", "enum": list(values)})


# Each parameter's name is declared once (above, or in phases.content.languages); mypy reads
# pydantic's models as dataclass transforms (PEP 681), which want a literal `alias`: hence the
# ignores below.
class LookupParams(Schema):
    """The Infobutton URL parameters this service reads; MedlinePlus Connect's names."""

    code: str = Field(  # type: ignore[literal-required]
        alias=CODE_PARAMETER,
        min_length=1,
        max_length=40,
        title="Code",
        description="The code: ICD-10-CM with or without its dot, in any case (C91.00, c9101), "
        "a SNOMED CT concept id (91857003) or a LOINC code (26499-4).",
        json_schema_extra={"example": "C91.02"},  # one example: ninja copies it to the parameter
    )
    code_system: Annotated[str, _one_of(*SYSTEM_NAMES)] = Field(  # type: ignore[literal-required]
        alias=CODE_SYSTEM_PARAMETER,
        title="Code system",
        description="The code system's OID: "
        + ", ".join(f"{oid} ({name})" for oid, name in SYSTEM_NAMES.items()),
    )
    response_type: Annotated[str, _one_of(*RESPONSE_TYPES)] = Field(  # type: ignore[literal-required]
        JSON,
        alias=RESPONSE_TYPE_PARAMETER,
        title="Response type",
        description=f"{JSON} (the default), or {XML} for the same feed as Atom XML.",
    )
    language: str = Field(  # type: ignore[literal-required]
        languages.DEFAULT,
        alias=LANGUAGE_PARAMETER,
        title="Language",
        description="The language of the pages: `es` (or `sp`) for Spanish, `en` (the default) "
        "for English. Any other code is answered in English, as MedlinePlus Connect does, not "
        "refused. Content-Language and the feed's `lang` say which language the answer is in.",
        json_schema_extra={"example": "es"},
    )
    display_name: str = Field(
        "",
        alias="mainSearchCriteria.v.dn",
        max_length=500,
        description="The code's name as the record shows it: accepted and ignored.",
    )
    recipient: Annotated[str, _one_of(*RECIPIENTS)] = Field(  # type: ignore[literal-required]
        "PAT",
        alias=RECIPIENT_PARAMETER,
        description="Who will read the pages: PAT (the patient) or PROV (a provider). Both get "
        "the same pages, written for patients.",
    )


def problems(params: LookupParams) -> list[tuple[str, str]]:
    """What is wrong with a request, as (parameter, message) pairs the caller can act on."""
    found = []
    if params.code_system not in SYSTEM_NAMES:
        known = ", ".join(f"{oid} for {name}" for oid, name in SYSTEM_NAMES.items())
        found.append((CODE_SYSTEM_PARAMETER, f"Set {CODE_SYSTEM_PARAMETER} to {known}."))
    if params.recipient.strip().upper() not in RECIPIENTS:
        found.append((RECIPIENT_PARAMETER, f"{RECIPIENT_PARAMETER} must be PAT or PROV."))
    if params.response_type not in RESPONSE_TYPES:
        found.append(
            (
                RESPONSE_TYPE_PARAMETER,
                f"{RESPONSE_TYPE_PARAMETER} must be {' or '.join(RESPONSE_TYPES)}.",
            )
        )
    return found


def may_be_stored(code: str, answer: dict) -> bool:
    """Whether the answer may be kept by a cache (the page cache, a proxy): only a code the
    portal has pages for, written as EHRs write it (upper case, no spaces, at most one dot).
    Each other code, or spelling, would be one more entry kept for a day, and anyone can send
    as many as they like; those answers say Cache-Control: no-store."""
    written_plainly = code == code.strip().upper() and code.count(".") <= 1
    return written_plainly and bool(answer["feed"]["entry"])


class Value(Schema):
    value: str = Field(alias="_value")


class Text(Schema):
    value: str = Field(alias="_value")
    type: str = Field("text", description="Atom text type: always plain text here.")


class Link(Schema):
    href: str = Field(description="Absolute address of the page patients read.")
    rel: str = "alternate"
    type: str = "text/html"
    title: str


class Author(Schema):
    name: Value
    uri: Value


class Category(Schema):
    scheme: str = Field(description="The request parameter this category echoes.")
    term: str


class Entry(Schema):
    lang: str = Field(
        "en",
        description="The language of this page: the feed's, or `en` where the English page "
        "stands in for a translation not written yet.",
    )
    title: Text = Field(description="The phase's name, the glossary term, or the checker's.")
    link: list[Link]
    id: Value = Field(description="The page's permanent address, which identifies the entry.")
    updated: Value = Field(
        description="When the page last changed (UTC). A phase page: the day a clinician last "
        "reviewed it, or, for a page awaiting clinical review, the time of its last recorded "
        "change. A glossary entry: its `modified` in the API. The checker: when its wording "
        "was last published."
    )
    summary: Text = Field(
        description="The phase or glossary term in one to three plain sentences, or what the "
        "checker does."
    )


class Feed(Schema):
    base: str = Field(description="Address of the portal.")
    lang: str = Field("en", description="The language of the answer.")
    title: Text
    subtitle: Text
    author: Author
    updated: Value = Field(description="The latest `updated` of the entries (UTC).")
    id: Value = Field(description="The address of this request.")
    category: list[Category] = Field(description="The request, echoed as in MedlinePlus Connect.")
    entry: list[Entry] = Field(
        description="The pages for the code: phase pages (diagnoses), or the glossary entry and "
        "the checker (lab tests); empty for unknown codes."
    )


class ConnectAnswer(Schema):
    feed: Feed


# For the OpenAPI document: the XML answer is the same 200 response in another content type,
# and both say their language.
OPENAPI_EXTRA = {
    "responses": {
        200: {
            "description": f"The feed: JSON by default, or with {RESPONSE_TYPE_PARAMETER}={XML} "
            "the same feed as an Atom 1.0 document.",
            "headers": {
                "Content-Language": {
                    "description": "The language of the answer: `es` when "
                    f"{LANGUAGE_PARAMETER} asked for Spanish, `en` otherwise.",
                    "schema": {"type": "string", "enum": languages.codes()},
                }
            },
            "content": {
                "application/atom+xml": {
                    "schema": {
                        "type": "string",
                        "description": "An Atom 1.0 feed; its xml:lang is the answer's language.",
                    },
                }
            },
        }
    }
}


def answer(request, params: LookupParams, response: HttpResponse):
    """The API's answer to a lookup: the feed as JSON (ninja writes it) or as Atom XML."""
    if found := problems(params):
        raise ValidationError(
            [{"loc": ("query", name), "msg": msg, "type": "value_error"} for name, msg in found]
        )
    language = languages.reader_language(request, languages.Asking.BY_INFOBUTTON)
    language = language or languages.DEFAULT  # never None here: unknown codes are English
    pages = feed(request, code=params.code, system=params.code_system, language=language)
    if params.response_type == XML:
        response = HttpResponse(atom(pages), content_type=ATOM_CONTENT_TYPE)
    response.headers["Content-Language"] = language  # ninja's response for the JSON answer
    if not may_be_stored(params.code, pages):
        response.headers["Cache-Control"] = "no-store"
    return response if params.response_type == XML else pages


def feed(request, *, code: str, system: str = ICD10CM_OID, language=languages.DEFAULT) -> dict:
    """The answer for `code` of `system` in `language`: the phase pages in display order, then
    the glossary entry and the checker; an unknown code gets a valid empty feed."""
    with translation.override(language):
        return _feed(request, code, system)


def _feed(request, code: str, system: str) -> dict:
    entries = _entries(request, codes.lookup(system, code), code)
    latest = max((entry["updated"]["_value"] for entry in entries), default=_timestamp(EPOCH))
    root = request.build_absolute_uri(reverse("phases:home"))  # the home page in the language
    shown = "".join(ch for ch in code.strip() if ch.isprintable())  # XML can't hold the rest
    portal = gettext("ALL Phase Portal")
    subtitle = gettext("ALL Phase Portal results for %(system)s %(code)s") % {
        "system": SYSTEM_NAMES.get(system, ""),
        "code": shown,
    }
    return {
        "feed": {
            "base": root,
            "lang": translation.get_language(),
            "title": {"_value": portal, "type": "text"},
            "subtitle": {"_value": subtitle, "type": "text"},
            "author": {"name": {"_value": portal}, "uri": {"_value": root}},
            "updated": {"_value": latest},
            "id": {"_value": _canonical_address(request, code, system)},
            "category": [
                {"scheme": CODE_PARAMETER, "term": shown},
                {"scheme": CODE_SYSTEM_PARAMETER, "term": system},
            ],
            "entry": entries,
        }
    }


def _entries(request, found: codes.Code | None, code: str) -> list[dict]:
    if found is None:
        return []
    entries = []
    phases = Phase.objects.in_language_list() if found.system == ICD10CM_OID or found.phases else []
    matches = [
        phase
        for phase in phases
        if phase.slug in found.phases
        or (found.system == ICD10CM_OID and phase.icd10_code == found.code)
    ]
    for phase, updated in last_changes(matches).items():
        url = phase.get_absolute_url()
        entries.append(_entry(request, phase.language, phase.name, url, phase.summary, updated))
    if found.glossary:
        terms = GlossaryTerm.objects.filter(slug=found.glossary).in_language_list()
        for term in changes.with_modified(terms, GlossaryTerm):
            url = term.get_absolute_url()
            entry = _entry(request, term.language, term.term, url, term.definition, term.modified)
            entries.append(entry)
    if found.checker:
        checker = gettext("Check your lab results")
        summary = gettext(
            "Enter the values from your report to see which phase they suggest, and why. "
            "Nothing you enter is saved."
        )
        wording = Explanation.objects.filter(is_published=True).aggregate(at=Max("published_at"))
        language, url, updated = translation.get_language(), reverse("phases:check"), wording["at"]
        entries.append(_entry(request, language, checker, url, summary, updated or EPOCH))
    return entries


def _canonical_address(request, code: str, system: str) -> str:
    """The feed's id: this lookup's address with only what decides the answer (the code, its
    system and the answer's language), the same however a client wrote the rest."""
    query = urlencode(
        {
            CODE_PARAMETER: code,
            CODE_SYSTEM_PARAMETER: system,
            LANGUAGE_PARAMETER: translation.get_language(),
        }
    )
    return request.build_absolute_uri(f"{request.path}?{query}")


def _entry(request, language: str, title: str, url: str, summary: str, updated) -> dict:
    url = request.build_absolute_uri(url)
    return {
        "lang": language,
        "title": {"_value": title, "type": "text"},
        "link": [{"href": url, "rel": "alternate", "type": "text/html", "title": title}],
        "id": {"_value": url},
        "updated": {"_value": _timestamp(updated)},
        "summary": {"_value": summary, "type": "text"},
    }


def last_changes(phases: list[Phase]) -> dict[Phase, datetime.datetime]:
    """When each page last changed, in display order, for Atom's `updated`: the day of its
    last clinical review; for a page awaiting review, the time of its last recorded change (one
    query for all of them); for a page without either, a fixed early date, so the feed is
    always valid."""
    awaiting = [phase.pk for phase in phases if phase.last_reviewed is None]
    recorded = {}
    if awaiting:
        rows = Phase.history.filter(id__in=awaiting).values("id").annotate(at=Max("history_date"))
        recorded = {row["id"]: row["at"] for row in rows}
    return {
        phase: _midnight(phase.last_reviewed)
        if phase.last_reviewed
        else recorded.get(phase.pk) or EPOCH
        for phase in phases
    }


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)


EPOCH = _midnight(datetime.date(2000, 1, 1))


def _timestamp(moment: datetime.datetime) -> str:
    moment = moment.astimezone(datetime.UTC).replace(microsecond=0, tzinfo=None)
    return f"{moment.isoformat()}Z"


def atom(answer: dict) -> bytes:
    """The same answer as an Atom 1.0 document."""
    data = answer["feed"]
    # Unprefixed Atom elements under xmlns, as feed readers expect (no global registration).
    root = ET.Element("feed", {"xmlns": ATOM_NAMESPACE, f"{{{XML_NAMESPACE}}}base": data["base"]})
    root.set(f"{{{XML_NAMESPACE}}}lang", data["lang"])
    _text(root, "title", data["title"])
    _text(root, "subtitle", data["subtitle"])
    author = ET.SubElement(root, "author")
    _value(author, "name", data["author"]["name"])
    _value(author, "uri", data["author"]["uri"])
    _value(root, "updated", data["updated"])
    for category in data["category"]:
        ET.SubElement(root, "category", category)
    _value(root, "id", data["id"])
    for item in data["entry"]:
        entry = ET.SubElement(root, "entry", {f"{{{XML_NAMESPACE}}}lang": item["lang"]})
        _text(entry, "title", item["title"])
        for link in item["link"]:
            ET.SubElement(entry, "link", link)
        _value(entry, "id", item["id"])
        _value(entry, "updated", item["updated"])
        _text(entry, "summary", item["summary"])
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _value(parent: ET.Element, tag: str, value: dict) -> None:
    ET.SubElement(parent, tag).text = value["_value"]


def _text(parent: ET.Element, tag: str, value: dict) -> None:
    ET.SubElement(parent, tag, {"type": value["type"]}).text = value["_value"]
