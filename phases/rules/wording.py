"""The checker's explanations: which texts exist, what each may say, and the built-in wording.

Staff edit every text in the admin. A text is Markdown with named placeholders in curly
brackets, such as {marrow_blasts_percent}; each text may use only the values handed to it, and
substitution can do nothing but put those values in (no attribute access, no code). The
built-in wording below seeds the database and stands in when a stored text is broken, so a
patient always gets a result. Nothing here imports Django.
"""

import string
from collections.abc import Iterable, Mapping

from phases.rules import classifier
from phases.rules.wording_texts import (  # noqa: F401 (the names other modules read here)
    BUILT_IN,
    CANT_TELL,
    CANT_TELL_NO_CANDIDATES,
    CANT_TELL_QUESTIONS,
    HEADLINE_VARIANTS,
    PHASE_PLACEHOLDERS,
    RELAPSED_TO_CONFIRM,
    URGENT_REASON_TEXTS,
    WHEN_SHOWN,
)

# Every text, with the placeholders it may use, and when a patient sees it (for editors).
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(classifier.PHASE_SLUGS, PHASE_PLACEHOLDERS),
    CANT_TELL: ("candidates",),
    CANT_TELL_QUESTIONS: (),
    CANT_TELL_NO_CANDIDATES: (),
    **dict.fromkeys(HEADLINE_VARIANTS, PHASE_PLACEHOLDERS),
    URGENT_REASON_TEXTS[classifier.FEVER]: (),
    URGENT_REASON_TEXTS[classifier.SYMPTOMS]: (),
    URGENT_REASON_TEXTS[classifier.LOW_ANC]: ("anc", "urgent_anc_below"),
    # The urgent box has no text of its own: its reasons above, then the "urgent-help" section.
    **{k: v for k, v in classifier.FINDING_VALUE_NAMES.items() if k != classifier.GET_HELP_NOW},
}


_PLACEHOLDER = r"""
    \{(?:
      (?P<escaped>\{) |
      (?P<named>[a-z][a-z0-9_]*)\} |
      (?P<braced>(?!)) |
      (?P<invalid>)
    )
    """


class Wording(string.Template):
    """A text with {name} placeholders; {{ stands for a curly bracket."""

    delimiter = "{"  # what an escaped {{ becomes
    # A string, as string.Template wants: it compiles the pattern when the class is made.
    pattern = _PLACEHOLDER  # type: ignore[assignment]


class WordingProblem(ValueError):
    """A text that does not parse or uses a placeholder it may not; the message is for editors."""


def check(text: str, *, key: str) -> None:
    """Refuse a text the checker could not fill in, with a message an editor can act on."""
    wording = Wording(text)
    allowed = PLACEHOLDERS[key]
    if not wording.is_valid():
        raise WordingProblem(
            "A curly bracket “{” must start a placeholder such as "
            f"{_as_placeholders(allowed) or '{marrow_blasts_percent}'} and be closed with “}}”. "
            "To show a curly bracket itself, type it twice: {{."
        )
    unknown = [name for name in wording.get_identifiers() if name not in allowed]
    if unknown:
        usable = (
            f"This text can use: {_as_placeholders(allowed)}."
            if allowed
            else "This text cannot use placeholders."
        )
        raise WordingProblem(f"Unknown placeholder {_as_placeholders(unknown)}. {usable}")


def fill(text: str, *, key: str, values: Mapping[str, str]) -> str:
    """The text with its placeholders filled in; raises ValueError or KeyError if it is broken."""
    check(text, key=key)
    return Wording(text).substitute(values)


def _as_placeholders(names: Iterable[str]) -> str:
    return ", ".join("{" + name + "}" for name in names)
