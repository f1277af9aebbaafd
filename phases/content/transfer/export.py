"""Writing the content file: every item of every language, each with its version."""

import datetime

from phases.content import languages
from phases.content.transfer.schema import FORMAT, FORMAT_VERSION, SECTIONS


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
