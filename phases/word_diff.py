"""A readable, word-by-word comparison of two texts, for editors (history and edit conflicts)."""

import difflib
import html
import re

CONTEXT = 10  # unchanged words kept on each side of a change; longer unchanged runs are cut


def word_diff_html(old: str | None, new: str | None) -> str:
    """HTML of `new` with removed words in <del> and added words in <ins>; all text escaped."""
    before, after = _words(_lines(old)), _words(_lines(new))
    operations = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    parts = []
    for index, (operation, i1, i2, j1, j2) in enumerate(operations):
        if operation == "equal":
            first, last = index == 0, index == len(operations) - 1
            parts.append(html.escape(_shortened(before[i1:i2], first=first, last=last)))
            continue
        if i2 > i1:
            parts.append(f"<del>{html.escape(''.join(before[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{html.escape(''.join(after[j1:j2]))}</ins>")
    return "".join(parts)


def same_text(old: str | None, new: str | None) -> bool:
    return _lines(old) == _lines(new)


def _shortened(words: list[str], *, first: bool, last: bool) -> str:
    if len(words) <= 3 * CONTEXT:
        return "".join(words)
    head = [] if first else words[:CONTEXT]
    tail = [] if last else words[-CONTEXT:]
    return "".join(head) + " … " + "".join(tail)


def _lines(text: str | None) -> str:
    return (text or "").replace("\r\n", "\n")


def _words(text: str) -> list[str]:
    # Words keep the space after them, so a diff never glues two words together.
    return re.findall(r"\S+\s*|\s+", text)
