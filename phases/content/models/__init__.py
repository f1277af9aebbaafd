"""The content patients read, one module per concept. Django finds the models through
phases/models.py."""

from phases.content.models.explanation import Explanation
from phases.content.models.glossary import GlossaryTerm, sort_key
from phases.content.models.markdown import (
    RenderedMarkdown,
    SanitisedHtmlField,
    validate_markdown,
)
from phases.content.models.phase import Phase, ReviewStatus
from phases.content.models.sections import Disclaimer, SharedSection

__all__ = [
    "Disclaimer",
    "Explanation",
    "GlossaryTerm",
    "Phase",
    "RenderedMarkdown",
    "ReviewStatus",
    "SanitisedHtmlField",
    "SharedSection",
    "sort_key",
    "validate_markdown",
]
