"""Moving all editable content between sites (staging to production) as one JSON document.

What the file may hold is declared below (`SECTIONS`): its sections, the fields of each item
and what each field may hold. An import is all or nothing. The whole file is checked first:
its size (at most `MAX_IMPORT_BYTES`, refused before it is read), that it is UTF-8 JSON of this
format and version, the declared schema (no unknown section or field, every value of its
type and length), then every text as the admin checks it (the model's field validators and
`full_clean`, on the published values and on every draft value alike). Every problem is
reported with the item and field it concerns, and only a file without problems is written, in
one transaction, each change recorded in the history like an edit in the admin.

Partners (the hospitals' embed settings) are not content: they belong to each site, so the
export does not carry them and the import refuses them; they are set up in the admin.
"""

import datetime
import json
import os
from dataclasses import dataclass, field
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction

from phases import page_cache, wording
from phases.models import Disclaimer, Explanation, GlossaryTerm, Phase, SharedSection

FORMAT = "all-phase-portal-content"
FORMAT_VERSION = 2  # 2: phases' sources and review fields that may be empty; sections
SUPPORTED_FORMAT_VERSIONS = {FORMAT_VERSION}
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


TEXT, DAY, FLAG, DRAFT = Text(), Day(), Flag(), Draft()
VERSION = Number(1, MAX_VERSION)


@dataclass(frozen=True)
class Section:
    model: type
    name_field: str | None  # the field that names an item, and finds it on the target site
    fields: dict = field(default_factory=dict)  # field: what it may hold, in the file's order
    single: bool = False  # one object (or null), not a list: the disclaimer


SECTIONS = {
    "phases": Section(Phase, "slug", {
        "slug": TEXT, "order": Number(0, 32_767), "name": TEXT, "summary": TEXT, "body": TEXT,
        "questions": TEXT, "references": TEXT, "icd10_code": TEXT, "last_reviewed": DAY,
        "next_review_due": DAY, "reviewer": TEXT, "draft": DRAFT, "version": VERSION,
    }),
    "sections": Section(SharedSection, "key", {
        "key": TEXT, "title": TEXT, "text": TEXT, "draft": DRAFT, "version": VERSION,
    }),
    "disclaimer": Section(Disclaimer, None, {
        "text": TEXT, "draft": DRAFT, "version": VERSION,
    }, single=True),
    "glossary": Section(GlossaryTerm, "slug", {
        "slug": TEXT, "term": TEXT, "definition": TEXT, "is_published": FLAG, "draft": DRAFT,
        "version": VERSION,
    }),
    "explanations": Section(Explanation, "key", {
        "key": TEXT, "kind": TEXT, "text": TEXT, "draft": DRAFT, "version": VERSION,
    }),
}  # fmt: skip
OPTIONAL_FIELDS = {"draft", "version", "is_published"}
TOP_LEVEL = ("format", "format_version", *SECTIONS)


def export_content() -> dict:
    content = {"format": FORMAT, "format_version": FORMAT_VERSION}
    for name, section in SECTIONS.items():
        items = [_as_dict(row, section.fields) for row in section.model.objects.all()]
        content[name] = (items[0] if items else None) if section.single else items
    return content


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


def import_content(data: bytes | str, *, source: str) -> dict[str, int]:
    """Check the whole document, then write it; returns how many items of each kind."""
    content = _parsed(data)
    rows = _checked_rows(content)
    reason = f"Imported from {source}"[:100]  # the history's change reason holds 100
    try:
        with transaction.atomic():
            for row in rows:
                row._change_reason = reason
                row.save()
    except (IntegrityError, DataError) as error:
        clash = f"Two items clash (same name or order), or a value cannot be stored: {error}"
        raise ContentProblems([clash]) from None
    page_cache.bump()  # each row's save bumps too; this keeps it so if rows are ever bulk-written
    return {
        "phases": len(content["phases"]),
        "shared sections": len(content["sections"]),
        "glossary terms": len(content["glossary"]),
        "checker explanations": len(content["explanations"]),
        "disclaimer": int(content["disclaimer"] is not None),
    }


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
        raise ContentProblems(
            [f"format_version: this site reads files of version {FORMAT_VERSION}, not "
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
    """The rows to write, each set to its item's values; ContentProblems lists all problems."""
    problems, rows = _Problems(), []
    try:
        for key in content:
            if key not in TOP_LEVEL:
                known = ", ".join(SECTIONS)
                what = PARTNERS if key == "partners" else f"not a section (they are {known})."
                problems.add(_shown(key), what)
        for name, section in SECTIONS.items():
            seen = {}  # (unique field, value): the item that gave it first
            for label, item in _items(name, section, content.get(name, ...), problems):
                rows.append(_checked_row(section, label, item, seen, problems))
    except _TooMany:
        problems.append(f"… and more: checking stopped after {MAX_PROBLEMS} problems.")
    if problems:
        raise ContentProblems(problems)
    return rows


def _items(name, section, items, problems):
    if items is ...:
        problems.add(name, "missing.")
    elif section.single:
        if items is not None:
            yield name, items
    elif not isinstance(items, list):
        problems.add(name, f"must be a list, not {_what(items)}.")
    else:
        for index, item in enumerate(items):
            item_name = item.get(section.name_field) if isinstance(item, dict) else None
            shown = f" ({_shown(item_name)})" if isinstance(item_name, str) and item_name else ""
            yield f"{name}[{index}]{shown}", item


def _checked_row(section, label, item, seen, problems):
    """The row `item` writes, or None when it has problems (added to `problems`)."""
    model = section.model
    if not isinstance(item, dict):
        problems.add(label, f"must be an object, not {_what(item)}.")
        return None
    before = len(problems)
    for name in item:
        if name not in section.fields:
            known = ", ".join(section.fields)
            problems.add(f"{label} {_shown(name)}", f"not a field here (they are {known}).")
    for name, kind in section.fields.items():
        if name not in item:
            if name not in OPTIONAL_FIELDS:
                problems.add(f"{label} {name}", "missing.")
            continue
        wrong = False
        for where, what in kind.problems(model, name, item[name]):
            wrong = True
            problems.add(f"{label} {where}", what)
        if not wrong and name in _unique_fields(section):
            if (first := seen.setdefault((name, item[name]), label)) != label:
                problems.add(f"{label} {name}", f"“{_shown(item[name])}” is also in {first}.")
    if len(problems) > before:
        return None
    values = {name: section.fields[name].python(value) for name, value in item.items()}
    if problem := _unknown_name(model, values):
        problems.add(f"{label} {section.name_field}", problem)
        return None
    if problem := _review_problem(model, values):
        problems.add(label, problem)
        return None
    row = _row_to_update(model, section.name_field, values)
    for name, value in values.items():
        setattr(row, name, value)
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
    return row if len(problems) == before else None


def _unique_fields(section):
    return {
        name
        for name in section.fields
        if name not in ("draft", "version") and section.model._meta.get_field(name).unique
    }


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
    if model is Disclaimer:
        existing = Disclaimer.current()
        return existing or Disclaimer(pk=Disclaimer.SINGLETON_PK)
    existing = model.objects.filter(**{name_field: values[name_field]}).first()
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
