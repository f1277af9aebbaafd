"""What changed in the published content, and when, read from the history django-simple-history
keeps of every save: the change feed, the API's `modified`, the sitemap's `lastmod` and the
schema.org `dateModified` all come from here.

Why the history and not an event table of our own: every save already writes a history record
with its time, and the publish, revert, review and delete methods leave in it all that tells
the events apart, so nothing new has to be written by those methods (which other work changes),
no migration is needed, and the content's past, back to when history started, is in the feed on
the day it is deployed. An event is found by comparing a record with the one before it of the
same row, by what it changed rather than by its reason's words:

- a publish: `published_at` moved (reverts say so in their reason; the first publish of a row
  in another language than English is a new translation);
- a review: `last_reviewed` was set to another day, or Phase.mark_reviewed wrote the version
  (phases only; a row's first version is where its history starts, not a review);
- a withdrawal: a published row was deleted (a glossary term taken away).
Draft saves change neither and are not events. Only the light fields are read (no texts), so a
feed, a list or a page reads a few small columns per version; the texts are read for the few
entries a feed shows, to name the sections a publish changed.
"""

import datetime
from dataclasses import dataclass

from phases.content.languages import DEFAULT
from phases.content.models import Disclaimer, GlossaryTerm, Phase, SharedSection
from phases.content.publishing import REVERTED_AND_PUBLISHED, EditableContent
from phases.text.word_diff import same_text

# What Phase.mark_reviewed writes in the history.
REVIEW_REASON = "Marked as clinically reviewed"
PUBLISHED = "published"
REVERTED = "reverted"
REVIEWED = "reviewed"
WITHDRAWN = "withdrawn"
TRANSLATED = "translated"
KINDS = (PUBLISHED, REVERTED, REVIEWED, WITHDRAWN, TRANSLATED)

# The content partners copy: what the public pages and the API's content lists show.
CONTENT_MODELS = (Phase, GlossaryTerm, SharedSection, Disclaimer)
# The field that names an item in a feed entry's title ("" for the disclaimer).
TITLE_FIELD = {Phase: "name", GlossaryTerm: "term", SharedSection: "title", Disclaimer: ""}
EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
# A publish sets published_at and writes its version at once (phases.content.publishing).
PUBLISH_WRITTEN_WITHIN = datetime.timedelta(seconds=1)


@dataclass(frozen=True)
class Change:
    kind: str
    model: type[EditableContent]
    row_id: int
    history_id: int
    previous_history_id: int | None  # the version before, of the same row; None for the first
    language: str
    at: datetime.datetime
    key: str  # the item's TRANSLATION_KEY value (a slug or key), "" when it has none
    title: str


def _light_fields(model) -> list[str]:
    fields = ["id", "history_id", "history_date", "history_type", "history_change_reason"]
    fields += ["language", "is_published", "published_at"]
    if model is Phase:
        fields.append("last_reviewed")
    fields += [name for name in (model.TRANSLATION_KEY, TITLE_FIELD[model]) if name]
    return fields


def changes(model, languages=None) -> list[Change]:
    """Every change of `model`'s rows in `languages` (all by default), oldest first per row."""
    records = model.history.order_by("id", "history_date", "history_id")
    if languages is not None:
        records = records.filter(language__in=set(languages))
    found, previous = [], None
    for record in records.values(*_light_fields(model)):
        if previous is not None and previous["id"] != record["id"]:
            previous = None
        found.extend(_changes_in(model, record, previous))
        previous = record
    return found


def _changes_in(model, record, previous):
    def change(kind):
        key = record.get(model.TRANSLATION_KEY, "") if model.TRANSLATION_KEY else ""
        title = record.get(TITLE_FIELD[model], "") if TITLE_FIELD[model] else ""
        before = previous["history_id"] if previous else None
        return Change(
            kind, model, record["id"], record["history_id"], before, record["language"],
            record["history_date"], key, title,
        )  # fmt: skip

    if record["history_type"] == "-":
        if record["is_published"]:
            yield change(WITHDRAWN)
        return
    published = record["published_at"]
    # A row's first version says it was published then, even from before published_at existed.
    if record["is_published"] and (published or not previous) and _published_now(record, previous):
        if record["history_change_reason"] == REVERTED_AND_PUBLISHED:
            yield change(REVERTED)
        elif record["language"] != DEFAULT and not (previous and previous["is_published"]):
            yield change(TRANSLATED)
        else:
            yield change(PUBLISHED)
    reviewed = record.get("last_reviewed")
    again = record["history_change_reason"] == REVIEW_REASON  # a second review the same day
    # A row's first version is where its history starts, not a review happening then.
    if reviewed and previous and (again or previous.get("last_reviewed") != reviewed):
        yield change(REVIEWED)


def _published_now(record, previous) -> bool:
    """Whether `record` is a publish: its `published_at` moved. Rows published before the
    field existed got it from a migration, not from a publish (their history shows none): the
    first version saved after it is a publish only if written as it was set."""
    if previous is None or previous["published_at"] is None and not previous["is_published"]:
        return True
    if previous["published_at"] is None:
        return record["history_date"] - record["published_at"] < PUBLISH_WRITTEN_WITHIN
    return previous["published_at"] != record["published_at"]


def latest(model, languages) -> list[Change]:
    """The changes of `model` in `languages`, newest first."""
    return sorted(changes(model, languages), key=lambda c: (c.at, c.history_id), reverse=True)


def modified_by_row(found: list[Change]) -> dict[int, datetime.datetime]:
    """When each row last changed for its readers (a publish, revert, review or new
    translation), by id, from its changes `found`."""
    by_row: dict[int, datetime.datetime] = {}
    for change in found:
        if change.kind != WITHDRAWN:
            by_row[change.row_id] = max(change.at, by_row.get(change.row_id, change.at))
    return by_row


def with_modified(rows, model, languages=None, *, found=None) -> list:
    """`rows` (in_language_list() rows of `model`), each with `modified` set: when it last
    changed, else when it was published, else EPOCH. One query for all of them, none when
    their changes are `found` already."""
    rows = list(rows)
    if not rows:
        return rows
    languages = languages or {row.language for row in rows} | {DEFAULT}
    found = modified_by_row(changes(model, languages) if found is None else found)
    for row in rows:
        row.modified = found.get(row.pk) or row.published_at or EPOCH
    return rows


def last_change(model, languages) -> datetime.datetime | None:
    """The time of the newest change of `model` in `languages`, withdrawals included: when
    the list of its items last changed."""
    newest = latest(model, languages)[:1]
    return newest[0].at if newest else None


# A publish's changed texts, by (model, history_id).
SectionsChanged = dict[tuple[type[EditableContent], int], list[str]]


def changed_sections(changes_shown: list[Change]) -> SectionsChanged:
    """For each publish, revert or new translation among `changes_shown`, by (model,
    history_id) (each model's history numbers its own records), the
    patient texts (DRAFT_FIELDS) it changed against the version before: one query per model."""
    sections: SectionsChanged = {}
    for model in CONTENT_MODELS:
        published = (PUBLISHED, REVERTED, TRANSLATED)
        wanted = [c for c in changes_shown if c.model is model and c.kind in published]
        ids = {c.history_id for c in wanted} | {c.previous_history_id for c in wanted}
        ids.discard(None)
        if not ids:
            continue
        records = {r.history_id: r for r in model.history.filter(history_id__in=ids)}
        for change in wanted:
            after = records[change.history_id]
            before = records.get(change.previous_history_id)
            sections[model, change.history_id] = [
                field
                for field in model.DRAFT_FIELDS
                if before is None
                or change.kind == TRANSLATED
                or not same_text(getattr(before, field), getattr(after, field))
            ]
    return sections
