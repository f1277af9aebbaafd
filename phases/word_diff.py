"""A readable, word-by-word comparison of two texts, for editors (history and edit conflicts)."""

import difflib
import html
import re


def word_diff_html(old: str, new: str) -> str:
    """HTML of `new` with removed words in <del> and added words in <ins>; all text escaped."""
    before, after = _words(old or ""), _words(new or "")
    parts = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(html.escape("".join(before[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{html.escape(''.join(before[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{html.escape(''.join(after[j1:j2]))}</ins>")
    return "".join(parts)


def _words(text: str) -> list[str]:
    # Words keep the space after them, so a diff never glues two words together.
    return re.findall(r"\S+\s*|\s+", text)
