"""GET /api/v1/sections: the sections every phase page shows (when to get help right away,
where to get support), for partners who show phase pages from the API; with `modified_since`,
`modified` and Last-Modified like the other content lists (phases.api.sync)."""

import datetime

from django.http import HttpResponse
from ninja import Field, Schema

from phases.api import sync
from phases.api.content import (
    Language,
    answered_in_language,
    html_in_answer_language,
    language_of_text_field,
)
from phases.content.models import SharedSection
from phases.text.staff_markdown import html_to_text


class SectionOut(Schema):
    key: SharedSection.Key = Field(description="Which section this is, the same in every language.")
    title: str = Field(description="The section's heading.")
    text_markdown: str = Field(description="The section, as staff wrote it.")
    html: str = Field(description="The same, as sanitised HTML.")
    text: str = Field(description="The same, as plain text.")
    modified: datetime.datetime = sync.modified_field()
    review_status: sync.ReviewStatus = sync.review_status_field()
    language: Language = language_of_text_field()


@answered_in_language(
    "GET",
    "/sections",
    response=list[SectionOut],
    tags=["Content"],
    summary="List the sections every phase page shows",
)
def list_sections(request, response: HttpResponse, since: sync.Since = sync.SINCE):
    """When to get help right away, and where to get support: show them with every phase."""
    return [
        {
            "key": section.key,
            "title": section.title,
            "text_markdown": section.text,
            "html": html_in_answer_language(section.html),
            "text": html_to_text(section.html),
            "modified": section.modified,
            "review_status": sync.review_status(section),
            "language": section.language,
        }
        for section in sync.listed(SharedSection, since=since, response=response)
    ]
