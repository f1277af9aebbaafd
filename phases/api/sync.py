"""What the API's content lists offer a partner keeping a copy in sync: `modified_since` (only
what changed after that moment), each item's `modified` time and review status, and
Last-Modified beside the ETag, so If-Modified-Since gets a 304 when nothing changed.

`modified` is when the item last changed for its readers: its last publish, revert, clinical
review or first publish in a language (phases.syndication.changes). A list's Last-Modified is
its newest change, withdrawals included, so a glossary term taken away changes it too.
"""

import datetime
import inspect
from typing import Annotated, Literal, TypedDict

from django.utils import translation
from django.utils.http import http_date
from ninja import Field, Query
from pydantic import PlainValidator, WithJsonSchema

from phases.content.languages import DEFAULT
from phases.syndication import changes

MODIFIED_SINCE = "modified_since"
MAX_DATE_LENGTH = 40
BAD_DATE = (
    f"Send {MODIFIED_SINCE} as an ISO 8601 date or date and time, for example 2026-12-01 or "
    "2026-12-01T09:30:00Z; a time without an offset is taken as UTC."
)
REVIEWED = "reviewed"
AWAITING_REVIEW = "awaiting_clinical_review"
with_modified = changes.with_modified  # for the API's single phase


class Modified(TypedDict):
    """What with_modified adds to each row, for mypy (django_stubs_ext.WithAnnotations)."""

    modified: datetime.datetime


# Of the texts the portal does not review one by one (a phase's status is the model's own).
ReviewStatus = Literal["awaiting_clinical_review", "reviewed"]


def read_moment(value) -> datetime.datetime | None:
    """An ISO 8601 date or date and time, as an aware datetime (UTC when it names no offset);
    ValueError with BAD_DATE for anything else."""
    if value is None or value == "":
        return None
    moment = None
    if isinstance(value, datetime.datetime):
        moment = value
    elif isinstance(value, str) and len(value) <= MAX_DATE_LENGTH:
        try:
            moment = datetime.datetime.fromisoformat(value.strip())
        except ValueError:
            moment = None
    if moment is None:
        raise ValueError(BAD_DATE)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment


Since = Annotated[
    datetime.datetime | None,
    PlainValidator(read_moment),
    WithJsonSchema({"type": "string", "maxLength": MAX_DATE_LENGTH, "format": "date-time"}),
]


# The `modified_since` query parameter of every content list (`since` in the view).
SINCE = Query(
    None,
    alias=MODIFIED_SINCE,
    description="Only what changed after this moment (ISO 8601: a date, or a date and "
    "time; UTC when it names no offset), by each item's `modified`. Anything else is "
    "refused with status 400. Keep the newest `modified` you hold and send it next time; "
    "withdrawn items are in the change feed (/feed/, /es/feed/).",
    example="2026-12-01T09:30:00Z",
)


def modified_field():
    return Field(
        description="When this item last changed for its readers (UTC): its last publish, "
        "revert, clinical review or first publish in this language. `modified_since` "
        "compares with it."
    )


def review_status_field():
    return Field(
        description="`reviewed` once a clinician's review covers the words shown; "
        "`awaiting_clinical_review` otherwise. Texts the portal does not review one by one "
        "(glossary terms, the disclaimer, shared sections) are `awaiting_clinical_review`."
    )


def review_status(item) -> str:
    """What the model says of the item's clinical review: its `review_status` where it has
    one, else by `is_reviewed` (a review that covers the words shown)."""
    if status := getattr(item, "review_status", None):
        return str(status)
    return REVIEWED if getattr(item, "is_reviewed", False) else AWAITING_REVIEW


def listed(model, *, since, response) -> list:
    """The rows readers of the active language see (in_language_list()) that changed after
    `since`, each with `modified`; the answer's Last-Modified is the list's newest change,
    whatever `since` leaves out."""
    languages = {translation.get_language() or DEFAULT, DEFAULT}
    found = changes.changes(model, languages)  # read once: the rows' times and the newest
    rows = changes.with_modified(model.objects.in_language_list(), model, languages, found=found)
    newest = max([row.modified for row in rows] + [change.at for change in found])
    response.headers["Last-Modified"] = http_date(newest.timestamp())
    return [row for row in rows if since is None or row.modified > since]


def current(model, *, response):
    """The one row of a model with one row per language (the disclaimer), or None."""
    return next(iter(listed(model, since=None, response=response)), None)


def openapi_extra(view, extra: dict) -> dict:
    """`extra` (an operation's OpenAPI additions), with Last-Modified among the headers of
    its 200 answer when the view takes `since` (a content list)."""
    if "since" not in inspect.signature(view).parameters:
        return extra
    headers = extra["responses"][200]["headers"] | OPENAPI_LAST_MODIFIED
    return extra | {"responses": {200: extra["responses"][200] | {"headers": headers}}}


OPENAPI_LAST_MODIFIED = {
    "Last-Modified": {
        "description": "The newest change of this content (publish, review, withdrawal). "
        "Send it back as If-Modified-Since (or the ETag as If-None-Match) to get 304 when "
        "nothing changed.",
        "schema": {"type": "string"},
    }
}
