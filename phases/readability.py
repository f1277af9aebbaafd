"""How hard a patient text is to read: US grade level (Flesch-Kincaid) and word count."""

import re

import textstat

from phases.staff_markdown import markdown_to_text

MAX_GRADE = 8  # the portal's promise: patient texts at US grade 8 or below
PLACEHOLDER = re.compile(r"\{\w+\}")


def reading_level(text: str) -> tuple[float, int]:
    """Grade and word count of a Markdown text; placeholders count as one short number."""
    plain = PLACEHOLDER.sub("5", markdown_to_text(text or ""))
    if not plain.strip():
        return 0.0, 0
    return textstat.flesch_kincaid_grade(plain), textstat.lexicon_count(plain)
