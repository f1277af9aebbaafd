"""Moving all editable content between sites (staging to production) as one JSON document.

An import is all or nothing: the whole file is checked first, every problem is reported with
the item it concerns, and only a file without problems is written, in one transaction, each
change recorded in the history like an edit in the admin.
"""

import datetime
import json

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from phases import wording
from phases.models import Disclaimer, Explanation, GlossaryTerm, Phase

FORMAT = "all-phase-portal-content"
FORMAT_VERSION = 1

# Per section: the model, the field that names an item, and the fields written to the file.
SECTIONS = {
    "phases": (
        Phase,
        "slug",
        (
            "slug", "order", "name", "summary", "body", "questions", "icd10_code",
            "last_reviewed", "next_review_due", "reviewer", "draft", "version",
        ),
    ),
    "disclaimer": (Disclaimer, None, ("text", "draft", "version")),
    "glossary": (
        GlossaryTerm, "slug", ("slug", "term", "definition", "is_published", "draft", "version")
    ),
    "explanations": (Explanation, "key", ("key", "kind", "text", "draft", "version")),
}  # fmt: skip
DATE_FIELDS = {"last_reviewed", "next_review_due"}
OPTIONAL_FIELDS = {"draft", "version", "is_published"}


class ContentProblems(Exception):
    """The file cannot be imported; `problems` says which item and why, one line each."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


def export_content() -> dict:
    content = {"format": FORMAT, "format_version": FORMAT_VERSION}
    for section, (model, _, fields) in SECTIONS.items():
        items = [_as_dict(row, fields) for row in model.objects.all()]
        content[section] = items[0] if model is Disclaimer and items else items
    return content


def _as_dict(row, fields):
    values = {field: getattr(row, field) for field in fields}
    return {
        field: value.isoformat() if isinstance(value, datetime.date) else value
        for field, value in values.items()
    }


def import_content(text: str, *, source: str) -> dict[str, int]:
    """Check the whole document, then write it; returns how many items of each kind."""
    try:
        content = json.loads(text)
    except json.JSONDecodeError as error:
        raise ContentProblems([f"The file is not valid JSON: {error}."]) from None
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise ContentProblems([f"The file is not an ALL Phase Portal export (format “{FORMAT}”)."])
    problems, rows = [], []
    for section, (model, name_field, fields) in SECTIONS.items():
        items = content.get(section)
        if model is Disclaimer:
            items = [items] if items is not None else []
        if not isinstance(items, list):
            problems.append(f"{section}: missing, or not a list.")
            continue
        for index, item in enumerate(items):
            label = _label(section, index, item, name_field)
            row, item_problems = _checked_row(model, name_field, fields, item)
            problems += [f"{label}: {problem}" for problem in item_problems]
            rows.append(row)
    if problems:
        raise ContentProblems(problems)
    try:
        with transaction.atomic():
            for row in rows:
                row._change_reason = f"Imported from {source}"
                row.save()
    except IntegrityError as error:
        clash = f"Two items in the file clash (same name or order): {error}"
        raise ContentProblems([clash]) from None
    return {
        "phases": len(content["phases"]),
        "glossary terms": len(content["glossary"]),
        "checker explanations": len(content["explanations"]),
    }


def _label(section, index, item, name_field):
    name = item.get(name_field) if isinstance(item, dict) and name_field else None
    return f"{section}[{index}]" + (f" ({name})" if name else "")


def _checked_row(model, name_field, fields, item):
    if not isinstance(item, dict):
        return None, ["not an object."]
    missing = [field for field in fields if field not in item and field not in OPTIONAL_FIELDS]
    if missing:
        return None, [f"missing field {', '.join(missing)}."]
    values = {field: item[field] for field in fields if field in item}
    problems = _known_name(model, name_field, values) + _draft_problems(model, values)
    if problems:
        return None, problems
    try:
        for field in DATE_FIELDS & values.keys():
            values[field] = datetime.date.fromisoformat(values[field])
    except (TypeError, ValueError):
        return None, ["dates must be written YYYY-MM-DD."]
    row = _row_to_update(model, name_field, values)
    for field, value in values.items():
        setattr(row, field, value)
    try:
        row.full_clean()
        if model is Explanation and row.draft:
            wording.check(row.draft.get("text", ""), key=row.key)
    except ValidationError as error:
        return None, [f"{field}: {' '.join(messages)}" for field, messages in _errors(error)]
    except wording.WordingProblem as problem:
        return None, [f"draft text: {problem}"]
    return row, []


def _known_name(model, name_field, values):
    if model is Phase and values["slug"] not in Phase.Slug.values:
        return [f"unknown phase slug “{values['slug']}”."]
    if model is Explanation and values["key"] not in wording.PLACEHOLDERS:
        return [f"unknown explanation “{values['key']}”."]
    return []


def _draft_problems(model, values):
    draft = values.get("draft")
    if draft is None:
        return []
    if not isinstance(draft, dict) or not set(draft) <= set(model.DRAFT_FIELDS):
        return [f"draft must be empty or hold only {', '.join(model.DRAFT_FIELDS)}."]
    return []


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
    return [("content", error.messages)]
