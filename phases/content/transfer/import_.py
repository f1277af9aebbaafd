"""Importing a content file: every item checked as the admin checks it, then all written in
one transaction, or nothing (see the package's docstring)."""

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, models, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from pydantic import ValidationError as SchemaError

from phases.content import languages
from phases.content.languages import DEFAULT
from phases.content.models import Explanation, Phase, SharedSection
from phases.content.publishing import EditedMeanwhile
from phases.content.transfer.reading import parsed
from phases.content.transfer.schema import (
    COUNTED,
    MAX_PROBLEMS,
    PARTNERS,
    SAME_IN_EVERY_LANGUAGE,
    SECTIONS,
    TOP_LEVEL,
    ContentProblems,
    shown,
    what_is,
)
from phases.rules import wording


def import_content(data: bytes | str, *, source: str) -> dict[str, dict[str, int]]:
    """Check the whole document, then write it; returns, for each of the portal's languages,
    how many items of each kind the file gave (COUNTED names them)."""
    content = parsed(data)
    rows, copies = _checked_rows(content)
    reason = f"Imported from {source}"[:100]  # the history's change reason holds 100
    try:
        with transaction.atomic():
            for label, row, started in [write for _, write in rows] + copies:
                _write(label, row, started, reason=reason)
    except (IntegrityError, DataError) as error:
        clash = f"Two items clash (same name or order), or a value cannot be stored: {error}"
        raise ContentProblems([clash]) from None
    counts = {language: dict.fromkeys(COUNTED.values(), 0) for language in languages.codes()}
    for name, (_, row, _) in rows:
        counts[row.language][COUNTED[name]] += 1
    return counts


def _write(label, row, started, *, reason):
    """Save one row of the file, unless it is the same as stored (no new version, no history
    row). `started`: the version stored when the file was checked; a save on this site since
    then refuses the file, and nothing of it is written."""
    if not row.differs_from_stored():
        return
    if started is not None:
        try:
            row.refuse_if_edited_since(started)
        except EditedMeanwhile as edited:
            saved = (
                f"saved on this site (version {edited.found}) while the file was being "
                "imported. Import the file again: it is checked against that save."
            )
            raise ContentProblems([f"{label} version: {saved}"]) from None
    row._change_reason = reason
    row.save()


def edited_since(*, found: int, exported: int) -> str:
    """Why an item of the file is refused: this site saved it after the file was exported."""
    return (
        f"saved on this site since the file was exported (version {found} here, {exported} "
        "in the file): importing it would overwrite that later save. Export the content "
        "again and make the change in that file."
    )


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
                problems.add(shown(key), what)
        version = content["format_version"]
        for name, section in SECTIONS.items():
            seen = {}  # (unique fields, language, values): the item that gave them first
            for label, item in _items(name, section, content.get(name, ...), version, problems):
                if (write := _checked_row(section, label, item, seen, now, problems)) is not None:
                    rows.append((name, write))
        phases = [(label, row) for name, (label, row, _) in rows if name == "phases"]
        copies = _same_in_every_language(phases, content.get("phases"), problems)
    except _TooMany:
        problems.append(f"… and more: checking stopped after {MAX_PROBLEMS} problems.")
    if problems:
        raise ContentProblems(problems)
    return rows, copies


def _items(name, section, items, version, problems):
    if items is ...:
        problems.add(name, "missing.")
    elif version <= section.single_until:
        if items is not None:
            yield name, items
    elif not isinstance(items, list):
        problems.add(name, f"must be a list, not {what_is(items)}.")
    else:
        for index, item in enumerate(items):
            yield f"{name}[{index}]{_named(section, item)}", item


def _named(section, item):
    """How a problem names an item, beside its place: " (es, blasts)", its language (English
    goes without saying) and its name, as far as the file gives them."""
    if not isinstance(item, dict):
        return ""
    language, name = item.get("language"), item.get(section.name_field)
    parts = [
        shown(value)
        for value in (language if language != DEFAULT else None, name)
        if isinstance(value, str) and value
    ]
    return f" ({', '.join(parts)})" if parts else ""


def _checked_row(section, label, item, seen, now, problems):
    """(label, the row `item` writes, the version stored now: None for a new row), or None
    when it has problems (added to `problems`). An item whose stored row was saved after the
    file was exported (a higher version here than in the file) is refused, unless the file
    gives what is stored already."""
    model = section.model
    if not isinstance(item, dict):
        problems.add(label, f"must be an object, not {what_is(item)}.")
        return None
    before = len(problems)
    values = _check_fields(section, label, item, seen, problems)
    if values is None or len(problems) > before:
        return None
    values = {"language": DEFAULT, "is_published": True} | values
    if problem := _unknown_name(model, values):
        problems.add(f"{label} {section.name_field}", problem)
        return None
    if problem := _review_problem(model, values):
        problems.add(label, problem)
        return None
    row = _row_to_update(model, section.name_field, values)
    stored = None if row._state.adding else row.version
    _fill(row, values, now)
    given = item.get("version")  # a file written before versions were exported has none
    if stored is not None and given is not None and stored > given and row.differs_from_stored():
        problems.add(f"{label} version", edited_since(found=stored, exported=given))
        return None
    _check_row(model, label, row, problems)
    return (label, row, stored) if len(problems) == before else None


def _check_fields(section, label, item, seen, problems):
    """The item's values as the model takes them (its section's schema: each field known
    here, there unless optional, and of its kind), or None when it has problems; and nothing
    that must be unique in a language said twice."""
    try:
        values = section.schema.model_validate(item).model_dump(exclude_unset=True)
    except SchemaError as error:
        errors = sorted(error.errors(), key=lambda e: _place(section, item, e["loc"]))
        for where, what in (_problem(section, e) for e in errors):
            problems.add(f"{label} {where}", what)
        wrong = {e["loc"][0] for e in errors}
    else:
        wrong = set()
    _check_repeated(section.model, label, item, wrong, seen, problems)
    return None if wrong else values


def _place(section, item, loc):
    """Where a problem is in the file, to list them in its order: unknown fields first, then
    each field in the section's order (a draft's fields in the draft's order)."""
    if loc[0] not in section.fields:
        return (0, 0)
    inner = item.get(loc[0])
    inside = list(inner).index(loc[1]) if len(loc) > 1 and isinstance(inner, dict) else 0
    return (1 + section.fields.index(loc[0]), inside)


def _problem(section, error):
    """(where, what is wrong) of one of pydantic's errors, in words for an editor."""
    where = ".".join(shown(part) for part in error["loc"])
    if error["type"] == "missing":
        return where, "missing."
    if error["type"] != "extra_forbidden":
        return where, error["msg"]
    if len(error["loc"]) > 1:  # a draft's
        known = ", ".join(section.model.DRAFT_FIELDS)
        return where, f"not a field a draft may hold (they are {known})."
    return where, f"not a field here (they are {', '.join(section.fields)})."


def _fill(row, values, now):
    """The row the values are for (the one stored, or a new one) set to hold them."""
    if values["is_published"] and _text_changes(row, values):
        row.published_at = now  # what the admin's publish does; translations left behind show
    for name, value in values.items():
        setattr(row, name, value)
    if isinstance(row, Phase) and "reviewed_fingerprint" not in values:
        row.reviewed_fingerprint = row.text_fingerprint() if row.last_reviewed else ""


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
            problems.add(f"{label} {names[0]}", f"“{shown(values[0])}” is also in {first}.")
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
            started = other.version
            for name in changed:
                setattr(other, name, getattr(source, name))
            other.version += 1  # an editor's open form of this translation is now stale
            copies.append((f"phases ({other.language}, {other.slug})", other, started))
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
        return f"unknown phase slug “{shown(values['slug'])}”."
    if model is SharedSection and values["key"] not in SharedSection.Key.values:
        known = ", ".join(SharedSection.Key.values)
        return f"unknown section “{shown(values['key'])}” (the sections are {known})."
    if model is Explanation and values["key"] not in wording.PLACEHOLDERS:
        return f"unknown explanation “{shown(values['key'])}”."
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
