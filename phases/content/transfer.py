"""Moving all editable content between sites (staging to production) as one JSON document.

What the file may hold is declared below (`SECTIONS`): its sections, the fields of each item
and what each field may hold. An import is all or nothing. The whole file is checked first:
its size (at most `MAX_IMPORT_BYTES`, refused before it is read), that it is UTF-8 JSON of this
format and version, the declared schema (no unknown section or field, every value of its
type and length), then every text as the admin checks it (the model's field validators and
`full_clean`, on the published values and on every draft value alike). Every problem is
reported with the item and field it concerns, and only a file without problems is written, in
one transaction, each change recorded in the history like an edit in the admin.

Content is one row per language (phases.content.languages): every item says its language, and
an item is the row of that language with its name (a phase's slug, a section's or explanation's
key, a glossary term's anchor; the disclaimer: the language alone). An item without a language is
English, so files written before the portal had languages still import, and change English
rows only. A phase's place in the list and ICD-10-CM code are the same in every language: a
translation must give the English phase's, and a new value given in English is copied to the
other languages' rows the file does not give. An imported text counts as published in its
language (unless the file says it is not: a translation still in draft), as of the import if
its text changed, so the translations an import leaves behind show as out of date.

Partners (the hospitals' embed settings) are not content: they belong to each site, so the
export does not carry them and the import refuses them; they are set up in the admin.
"""

import datetime
import json
import os
from dataclasses import dataclass, field
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, models, transaction
from django.db.models.functions import Lower
from django.utils import timezone

from phases.content import languages
from phases.content.languages import DEFAULT
from phases.content.models import Disclaimer, Explanation, GlossaryTerm, Phase, SharedSection
from phases.rules import wording

FORMAT = "all-phase-portal-content"
# 2: phases' sources and review fields that may be empty; sections (English only, one disclaimer)
# 3: every item's language and whether it is published; a list of disclaimers, one per language
FORMAT_VERSION = 3
SUPPORTED_FORMAT_VERSIONS = {2, FORMAT_VERSION}
MAX_IMPORT_BYTES = 5 * 1024 * 1024  # a full export is about 100 KB
MAX_PROBLEMS = 100  # a file with more is not worth listing further
MAX_VERSION = 1_000_000_000  # far below the database's limit, so an import can still bump it
PARTNERS = (
    "partners (the hospitals' embed settings) are not content and are not imported: they "
    "are set up in the admin on each site (Partners). Remove this section."
)


class ContentProblems(Exception):
    """The file cannot be imported; `problems` says which item and why, one line each."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


class Kind:
    """What a field of the file may hold: `problems` yields (where, what is wrong) pairs, and
    `python` gives the value the model takes."""

    def problems(self, model, name, value):
        raise NotImplementedError

    def python(self, value):
        return value


class Text(Kind):
    """A string. A CharField's max_length is checked here; a TextField's limits (length,
    nesting, render time) are its model validators, run on every text before anything is
    written."""

    def problems(self, model, name, value):
        if not isinstance(value, str):
            yield name, f"must be text, not {_what(value)}."
            return
        limit = model._meta.get_field(name).max_length
        if limit is not None and len(value) > limit:
            yield name, f"must be at most {limit:,} characters (this has {len(value):,})."
        elif not _storable(value):
            yield name, "holds a character no database can store (a NUL or a lone surrogate)."


@dataclass(frozen=True)
class Number(Kind):
    low: int
    high: int

    def problems(self, model, name, value):
        if type(value) is not int or not self.low <= value <= self.high:
            yield (
                name,
                f"must be a whole number from {self.low} to {self.high:,}, not {_what(value)}.",
            )


class Flag(Kind):
    def problems(self, model, name, value):
        if type(value) is not bool:
            yield name, f"must be true or false, not {_what(value)}."


class Day(Kind):
    """A day written YYYY-MM-DD; null too where the model field allows it."""

    def problems(self, model, name, value):
        null = model._meta.get_field(name).null
        if (value is None and not null) or (value is not None and self.python(value) is None):
            alternative = ", or null (not reviewed yet)" if null else ""
            yield name, f"must be a day written YYYY-MM-DD{alternative}, not {_what(value)}."

    def python(self, value):
        if not isinstance(value, str) or len(value) != len("YYYY-MM-DD"):
            return None  # fromisoformat would also take 20261125 or 2026-W48-3
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None


class Draft(Kind):
    """Null (no draft), or an object holding some of the model's DRAFT_FIELDS as text."""

    def problems(self, model, name, value):
        if value is None:
            return
        if not isinstance(value, dict):
            yield name, f"must be null or an object, not {_what(value)}."
            return
        for key, text in value.items():
            if key not in model.DRAFT_FIELDS:
                known = ", ".join(model.DRAFT_FIELDS)
                yield f"{name}.{_shown(key)}", f"not a field a draft may hold (they are {known})."
            else:
                for where, what in TEXT.problems(model, key, text):
                    yield f"{name}.{where}", what


class Language(Kind):
    """One of the portal's languages (settings.LANGUAGES). An item without one is English."""

    def problems(self, model, name, value):
        if not isinstance(value, str) or value not in languages.codes():
            known = ", ".join(f"{code} ({languages.name_of(code)})" for code in languages.codes())
            yield name, f"must be one of the portal's languages, {known}; not {_what(value)}."


TEXT, DAY, FLAG, DRAFT, LANGUAGE = Text(), Day(), Flag(), Draft(), Language()
VERSION = Number(1, MAX_VERSION)


@dataclass(frozen=True)
class Section:
    model: type[models.Model]
    name_field: str | None  # the field that names an item in its language (none: the disclaimer)
    fields: dict = field(default_factory=dict)  # field: what it may hold, in the file's order
    single_until: int = 0  # up to this format version, one object (or null), not a list


SECTIONS = {
    "phases": Section(Phase, "slug", {
        "slug": TEXT, "order": Number(0, 32_767), "name": TEXT, "summary": TEXT, "body": TEXT,
        "questions": TEXT, "references": TEXT, "icd10_code": TEXT, "last_reviewed": DAY,
        "next_review_due": DAY, "reviewer": TEXT, "reviewed_fingerprint": TEXT, "draft": DRAFT,
        "version": VERSION, "is_published": FLAG, "language": LANGUAGE,
    }),
    "sections": Section(SharedSection, "key", {
        "key": TEXT, "title": TEXT, "text": TEXT, "draft": DRAFT, "version": VERSION,
        "is_published": FLAG, "language": LANGUAGE,
    }),
    "disclaimer": Section(Disclaimer, None, {
        "text": TEXT, "draft": DRAFT, "version": VERSION, "is_published": FLAG,
        "language": LANGUAGE,
    }, single_until=2),
    "glossary": Section(GlossaryTerm, "slug", {
        "slug": TEXT, "term": TEXT, "definition": TEXT, "is_published": FLAG, "draft": DRAFT,
        "version": VERSION, "language": LANGUAGE,
    }),
    "explanations": Section(Explanation, "key", {
        "key": TEXT, "kind": TEXT, "text": TEXT, "draft": DRAFT, "version": VERSION,
        "is_published": FLAG, "language": LANGUAGE,
    }),
}  # fmt: skip
# A file without `reviewed_fingerprint` (written before reviews followed the words) claims its
# reviews for the texts it holds, as the site that wrote it did.
OPTIONAL_FIELDS = {"draft", "version", "is_published", "language", "reviewed_fingerprint"}
TOP_LEVEL = ("format", "format_version", *SECTIONS)
# A phase's fields its translations copy, besides the slug that matches them.
SAME_IN_EVERY_LANGUAGE = [f for f in Phase.SAME_IN_EVERY_LANGUAGE if f != Phase.TRANSLATION_KEY]
COUNTED = {
    "phases": "phases",
    "sections": "shared sections",
    "glossary": "glossary terms",
    "explanations": "checker explanations",
    "disclaimer": "disclaimer",
}


def export_content() -> dict:
    """Every row of every language: English first, each language's rows in the model's order."""
    content = {"format": FORMAT, "format_version": FORMAT_VERSION}
    for name, section in SECTIONS.items():
        # sorted() is stable: each language's rows keep the model's order.
        rows = sorted(section.model._default_manager.all(), key=_language_order)
        content[name] = [_as_dict(row, section.fields) for row in rows]
    return content


def _language_order(row):
    order = languages.codes()
    return order.index(row.language) if row.language in order else len(order)


def _as_dict(row, fields):
    values = {name: getattr(row, name) for name in fields}
    return {
        name: value.isoformat() if isinstance(value, datetime.date) else value
        for name, value in values.items()
    }


def read_file(path: str, *, stdin: BinaryIO) -> bytes:
    """The bytes of `path` (`-`: standard input). A file over MAX_IMPORT_BYTES is refused
    before it is read into memory: by its size on disk, and never more than the limit and
    one byte is read (from standard input, or a file that grows)."""
    try:
        if path == "-":
            data = stdin.read(MAX_IMPORT_BYTES + 1)
        else:
            if (size := os.stat(path).st_size) > MAX_IMPORT_BYTES:
                raise ContentProblems([_too_big(f"{size / 1024 / 1024:,.1f} MB")])
            with open(path, "rb") as file:
                data = file.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise ContentProblems([f"Cannot read {path}: {error.strerror or error}."]) from None
    if len(data) > MAX_IMPORT_BYTES:
        raise ContentProblems([_too_big(f"more than {MAX_IMPORT_BYTES // 1024 // 1024} MB")])
    return data


def _too_big(size):
    return (
        f"The file is {size}; an import may be at most {MAX_IMPORT_BYTES // 1024 // 1024} MB "
        "(a full export is about 100 KB). Is it a file written by export_content?"
    )


def import_content(data: bytes | str, *, source: str) -> dict[str, dict[str, int]]:
    """Check the whole document, then write it; returns, for each of the portal's languages,
    how many items of each kind the file gave (COUNTED names them)."""
    content = _parsed(data)
    rows, copies = _checked_rows(content)
    reason = f"Imported from {source}"[:100]  # the history's change reason holds 100
    try:
        with transaction.atomic():
            for row in [row for _, row in rows] + copies:
                if not row.differs_from_stored():
                    continue  # the same as stored: no new version, no history row
                row._change_reason = reason
                row.save()
    except (IntegrityError, DataError) as error:
        clash = f"Two items clash (same name or order), or a value cannot be stored: {error}"
        raise ContentProblems([clash]) from None
    counts = {language: dict.fromkeys(COUNTED.values(), 0) for language in languages.codes()}
    for name, row in rows:
        counts[row.language][COUNTED[name]] += 1
    return counts


class _RepeatedKey(ValueError):
    pass


def _no_repeated_keys(pairs):
    content = {}
    for key, value in pairs:
        if key in content:
            raise _RepeatedKey(key)  # JSON would silently keep the last one
        content[key] = value
    return content


def _parsed(data):
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ContentProblems(
                [f"The file is not UTF-8 text (byte {error.start:,} is not UTF-8)."]
            ) from None
    try:
        content = json.loads(data, object_pairs_hook=_no_repeated_keys)
    except RecursionError:
        raise ContentProblems(
            ["The file is nested too deeply (lists or objects inside each other hundreds of "
             "times): it is not an export."]
        ) from None  # fmt: skip
    except _RepeatedKey as key:
        raise ContentProblems(
            [f"The file gives “{_shown(str(key))}” twice in one object: which one is meant?"]
        ) from None
    except ValueError as error:  # JSONDecodeError, or a number with thousands of digits
        raise ContentProblems([f"The file is not valid JSON: {error}."]) from None
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise ContentProblems([f"The file is not an ALL Phase Portal export (format “{FORMAT}”)."])
    version = content.get("format_version")
    if type(version) is not int or version not in SUPPORTED_FORMAT_VERSIONS:
        readable = " and ".join(str(number) for number in sorted(SUPPORTED_FORMAT_VERSIONS))
        raise ContentProblems(
            [f"format_version: this site reads files of versions {readable}, not "
             f"{_what(version)}. Export the content again from a site running this version."]
        )  # fmt: skip
    return content


class _TooMany(Exception):
    pass


class _Problems(list):
    def add(self, where, what):
        if len(self) >= MAX_PROBLEMS:
            raise _TooMany
        self.append(f"{where}: {what}")


def _checked_rows(content):
    """The rows to write, as (section, row) with each row set to its item's values, and the
    translations of phases that take their English phase's new order or code. ContentProblems
    lists all problems."""
    problems, rows, now = _Problems(), [], timezone.now()
    try:
        for key in content:
            if key not in TOP_LEVEL:
                known = ", ".join(SECTIONS)
                what = PARTNERS if key == "partners" else f"not a section (they are {known})."
                problems.add(_shown(key), what)
        version = content["format_version"]
        for name, section in SECTIONS.items():
            seen = {}  # (unique fields, language, values): the item that gave them first
            for label, item in _items(name, section, content.get(name, ...), version, problems):
                if (row := _checked_row(section, label, item, seen, now, problems)) is not None:
                    rows.append((name, label, row))
        phases = [(label, row) for name, label, row in rows if name == "phases"]
        copies = _same_in_every_language(phases, content.get("phases"), problems)
    except _TooMany:
        problems.append(f"… and more: checking stopped after {MAX_PROBLEMS} problems.")
    if problems:
        raise ContentProblems(problems)
    return [(name, row) for name, _, row in rows], copies


def _items(name, section, items, version, problems):
    if items is ...:
        problems.add(name, "missing.")
    elif version <= section.single_until:
        if items is not None:
            yield name, items
    elif not isinstance(items, list):
        problems.add(name, f"must be a list, not {_what(items)}.")
    else:
        for index, item in enumerate(items):
            yield f"{name}[{index}]{_named(section, item)}", item


def _named(section, item):
    """How a problem names an item, beside its place: " (es, blasts)", its language (English
    goes without saying) and its name, as far as the file gives them."""
    if not isinstance(item, dict):
        return ""
    language, name = item.get("language"), item.get(section.name_field)
    shown = [
        _shown(value)
        for value in (language if language != DEFAULT else None, name)
        if isinstance(value, str) and value
    ]
    return f" ({', '.join(shown)})" if shown else ""


def _checked_row(section, label, item, seen, now, problems):
    """The row `item` writes, or None when it has problems (added to `problems`)."""
    model = section.model
    if not isinstance(item, dict):
        problems.add(label, f"must be an object, not {_what(item)}.")
        return None
    before = len(problems)
    _check_fields(section, label, item, seen, problems)
    if len(problems) > before:
        return None
    values = {name: section.fields[name].python(value) for name, value in item.items()}
    values = {"language": DEFAULT, "is_published": True} | values
    if problem := _unknown_name(model, values):
        problems.add(f"{label} {section.name_field}", problem)
        return None
    if problem := _review_problem(model, values):
        problems.add(label, problem)
        return None
    row = _updated_row(model, section.name_field, values, now)
    _check_row(model, label, row, problems)
    return row if len(problems) == before else None


def _check_fields(section, label, item, seen, problems):
    """Each field of `item` known here, there unless optional, and of its kind; and nothing
    that must be unique in a language said twice."""
    wrong = set()
    for name in item:
        if name not in section.fields:
            known = ", ".join(section.fields)
            problems.add(f"{label} {_shown(name)}", f"not a field here (they are {known}).")
    for name, kind in section.fields.items():
        if name not in item:
            if name not in OPTIONAL_FIELDS:
                problems.add(f"{label} {name}", "missing.")
                wrong.add(name)
            continue
        for where, what in kind.problems(section.model, name, item[name]):
            wrong.add(name)
            problems.add(f"{label} {where}", what)
    _check_repeated(section.model, label, item, wrong, seen, problems)


def _updated_row(model, name_field, values, now):
    """The row the values are for (the one stored, or a new one), holding them."""
    row = _row_to_update(model, name_field, values)
    if values["is_published"] and _text_changes(row, values):
        row.published_at = now  # what the admin's publish does; translations left behind show
    for name, value in values.items():
        setattr(row, name, value)
    if model is Phase and "reviewed_fingerprint" not in values:
        row.reviewed_fingerprint = row.text_fingerprint() if row.last_reviewed else ""
    return row


def _check_row(model, label, row, problems):
    """The row as the model validates it, and its draft's fields as the admin does."""
    try:
        row.full_clean()
    except ValidationError as error:
        for name, messages in _errors(error):
            problems.add(label if name == "__all__" else f"{label} {name}", " ".join(messages))
    for name, value in (row.draft or {}).items():
        try:
            model._meta.get_field(name).clean(value, row)
            if model is Explanation and name == "text":
                wording.check(value, key=row.key)
        except ValidationError as error:
            problems.add(f"{label} draft.{name}", " ".join(error.messages))
        except wording.WordingProblem as problem:
            problems.add(f"{label} draft.{name}", str(problem))


def _check_repeated(model, label, item, wrong, seen, problems):
    """Two items of one language must not share what the model's unique constraints keep
    apart: a name, a phase's place, a glossary term (in any case), the disclaimer itself."""
    if "language" in wrong:
        return
    language = item.get("language", DEFAULT)
    for names, folded in _unique_per_language(model):
        if any(name in wrong or name not in item for name in names):
            continue
        values = tuple(item[name] for name in names)
        key = (names, language, tuple(v.casefold() for v in values) if folded else values)
        if (first := seen.setdefault(key, label)) == label:
            continue
        if names:
            problems.add(f"{label} {names[0]}", f"“{_shown(values[0])}” is also in {first}.")
        else:
            one = model._meta.verbose_name
            problems.add(label, f"{first} is already the {one} in this language: one per language.")


def _unique_per_language(model):
    """(fields, compared case-insensitively) for each of the model's unique constraints
    besides the language: ("slug",) and ("order",) for a phase, () for the disclaimer."""
    groups = []
    for constraint in model._meta.constraints:
        if not isinstance(constraint, models.UniqueConstraint):
            continue
        parts = constraint.fields or constraint.expressions
        names = tuple(_field_name(part) for part in parts)
        if "language" in names:
            folded = any(isinstance(part, Lower) for part in parts)
            groups.append((tuple(name for name in names if name != "language"), folded))
    return groups


def _field_name(part):
    if isinstance(part, str):
        return part
    if isinstance(part, Lower):
        part = part.source_expressions[0]
    return part.name


def _text_changes(row, values):
    """Whether patients will read something new: a new row, a first publish, or a text."""
    if row._state.adding or not row.is_published:
        return True
    return any(getattr(row, name) != values[name] for name in row.DRAFT_FIELDS if name in values)


def _same_in_every_language(phases, items, problems):
    """A phase's translations have its place in the list and its ICD-10-CM code: one given in
    the file must have the English phase's (the file's, or else this site's); one the file does
    not give takes the values the file gives the English phase. Returns the rows that change."""
    english = {row.slug: row for _, row in phases if row.language == DEFAULT}
    given = {
        (item.get("language", DEFAULT), item.get("slug"))
        for item in (items if isinstance(items, list) else ())
        if isinstance(item, dict)
        and isinstance(item.get("language", DEFAULT), str)
        and isinstance(item.get("slug"), str)
    }
    for label, row in phases:
        if row.language == DEFAULT or (row.slug not in english and (DEFAULT, row.slug) in given):
            continue  # English, or an English item with problems of its own
        reference = english.get(row.slug)
        reference = reference or Phase.objects.filter(language=DEFAULT, slug=row.slug).first()
        for name in SAME_IN_EVERY_LANGUAGE:
            if reference is not None and getattr(row, name) != (same := getattr(reference, name)):
                problems.add(
                    f"{label} {name}",
                    f"must be {same}, as in English, not {getattr(row, name)}: a phase's place "
                    "in the list and its ICD-10-CM code are the same in every language.",
                )
    copies = []
    for other in Phase.objects.filter(slug__in=english).exclude(language=DEFAULT):
        source = english[other.slug]
        changed = [n for n in SAME_IN_EVERY_LANGUAGE if getattr(other, n) != getattr(source, n)]
        if (other.language, other.slug) not in given and changed:
            for name in changed:
                setattr(other, name, getattr(source, name))
            other.version += 1  # an editor's open form of this translation is now stale
            copies.append(other)
    return copies


def _review_problem(model, values):
    """A page is either reviewed (a day, the next one due, and who) or awaiting review (none
    of them): a file must never make a page claim a review that has no date or no reviewer."""
    if model is not Phase:
        return None
    given = [bool(values[name]) for name in ("last_reviewed", "next_review_due", "reviewer")]
    if any(given) and not all(given):
        return (
            "last_reviewed, next_review_due and reviewer go together: give all three, or "
            "null, null and an empty reviewer for a page awaiting clinical review."
        )
    return None


def _unknown_name(model, values):
    if model is Phase and values["slug"] not in Phase.Slug.values:
        return f"unknown phase slug “{_shown(values['slug'])}”."
    if model is SharedSection and values["key"] not in SharedSection.Key.values:
        known = ", ".join(SharedSection.Key.values)
        return f"unknown section “{_shown(values['key'])}” (the sections are {known})."
    if model is Explanation and values["key"] not in wording.PLACEHOLDERS:
        return f"unknown explanation “{_shown(values['key'])}”."
    return None


def _row_to_update(model, name_field, values):
    """This site's row of the item's language and name (the disclaimer: its language), or a
    new one."""
    match = {"language": values["language"]}
    if name_field:
        match[name_field] = values[name_field]
    existing = model.objects.filter(**match).first()
    if existing is None:
        return model()
    # Keep versions moving forward, so an editor's open form on this site is seen as stale.
    values["version"] = max(values.get("version", 1), existing.version + 1)
    return existing


def _errors(error):
    if hasattr(error, "message_dict"):
        return error.message_dict.items()
    return [("__all__", error.messages)]


def _storable(text):
    """Text every database takes: no NUL (PostgreSQL refuses it), no lone surrogate (which
    has no UTF-8 form; JSON's \\ud800 escape makes one)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def _shown(text, limit=40):
    """A name from the file, safe to print: short, and without control characters."""
    text = "".join(c if c.isprintable() else "?" for c in str(text)[: limit + 1])
    return text if len(text) <= limit else text[:limit] + "…"


def _what(value):
    """What a value of the file is, for messages: never the whole of a long value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _shown(value, 20) if len(str(value)) <= 20 else "a long number"
    if isinstance(value, str):
        return f"the text “{_shown(value)}”"
    return "a list" if isinstance(value, list) else "an object"
