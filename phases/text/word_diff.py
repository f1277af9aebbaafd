"""A readable, word-by-word comparison of two texts, for editors (history and edit conflicts).

The work is bounded: comparing the longest texts editors write (about 20,000 words, 100,000
characters) takes a fixed, small amount of work whatever the texts hold. First the words both
texts share at the start and at the end are set aside (cheap, and often all an edit leaves).
What is left is compared word by word with difflib, which here counts its work against a
budget. When the budget runs out, sentences and lines are compared instead, and only the
changed ones word by word; when that runs out too, the changed part is shown as replaced: all
its old words in <del>, all its new words in <ins>. Everything is escaped either way.
"""

import collections
import difflib
import html
import re

CONTEXT = 10  # unchanged words kept on each side of a change; longer unchanged runs are cut

# The longest texts editors write. Longer texts are still compared, by sentences and lines
# only: never word by word as a whole.
MAX_DIFF_WORDS = 20_000
MAX_DIFF_CHARS = 100_000

# Work budgets, in units of about one of difflib's word comparisons (see _matching_blocks):
# the changed part word by word, then its sentences, then the changed sentences word by word.
# A few million units take a fraction of a second.
WORD_BUDGET = 1_000_000
SENTENCE_BUDGET = 500_000
CHANGED_SENTENCES_BUDGET = 1_000_000
SEARCH_COST = 100  # units per search for a match, and per word searched (_matching_blocks)
WORD_COST = 8


def word_diff_html(old: str | None, new: str | None) -> str:
    """HTML of `new` with removed words in <del> and added words in <ins>; all text escaped."""
    old_text, new_text = _lines(old), _lines(new)
    before, after = _words(old_text), _words(new_text)
    longest = max(len(old_text), len(new_text))
    within = longest <= MAX_DIFF_CHARS and max(len(before), len(after)) <= MAX_DIFF_WORDS
    operations = _merged(_operations(before, after, whole=within))
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


def _operations(before, after, *, whole):
    """difflib-style opcodes turning the word list `before` into `after`, found with bounded
    work (see the module's docstring)."""
    start = _common_prefix(before, after)
    end = _common_suffix(before[start:], after[start:])
    a, b = before[start : len(before) - end], after[start : len(after) - end]
    operations = [("equal", 0, start, 0, start)]
    middle = _bounded_opcodes(a, b, WORD_BUDGET) if whole else None
    if middle is None:
        middle = _by_sentences(a, b)
    operations += [
        (tag, i1 + start, i2 + start, j1 + start, j2 + start) for tag, i1, i2, j1, j2 in middle
    ]
    operations.append(("equal", len(before) - end, len(before), len(after) - end, len(after)))
    return operations


def _by_sentences(a, b):
    """Opcodes over words from a comparison of sentences and lines; the changed ones are
    compared word by word while the budget lasts. None of it fits: everything replaced."""
    replaced = [("replace", 0, len(a), 0, len(b))]
    if not a or not b:
        return replaced
    a_starts, b_starts = _sentence_starts(a), _sentence_starts(b)
    if len(a_starts) == 2 and len(b_starts) == 2:
        return replaced  # one sentence each: nothing more to find
    a_sentences, b_sentences = _joined(a, a_starts), _joined(b, b_starts)
    sentence_operations = _bounded_opcodes(a_sentences, b_sentences, SENTENCE_BUDGET)
    if not sentence_operations:
        return replaced
    budget = _Budget(CHANGED_SENTENCES_BUDGET)
    operations = []
    for tag, i1, i2, j1, j2 in sentence_operations:
        # Sentence numbers to word numbers.
        w1, w2, v1, v2 = a_starts[i1], a_starts[i2], b_starts[j1], b_starts[j2]
        # (If every sentence changed, comparing them word by word is the comparison of the
        # whole, which ran out above or was not tried: the text is too long.)
        part = tag == "replace" and (w2 - w1, v2 - v1) != (len(a), len(b))
        inner = _bounded_opcodes(a[w1:w2], b[v1:v2], budget) if part else None
        if inner:
            operations += [(t, x1 + w1, x2 + w1, y1 + v1, y2 + v1) for t, x1, x2, y1, y2 in inner]
        else:
            operations.append((tag, w1, w2, v1, v2))
    return operations


class _OutOfBudget(Exception):
    pass


class _Budget:
    def __init__(self, units):
        self.left = units

    def spend(self, units):
        self.left -= units
        if self.left < 0:
            raise _OutOfBudget


def _bounded_opcodes(a, b, budget):
    """difflib's opcodes for a -> b, or None when they would cost more than the budget."""
    if not isinstance(budget, _Budget):
        budget = _Budget(budget)
    if not a or not b:
        return [("replace", 0, len(a), 0, len(b))] if a or b else []
    try:
        return _opcodes(_matching_blocks(a, b, budget), len(a), len(b))
    except _OutOfBudget:
        return None


def _matching_blocks(a, b, budget):
    """The blocks of words a and b share, as SequenceMatcher.get_matching_blocks finds them
    (the same searches, in the same order, through its public find_longest_match), charging
    each search before doing it, so the work stops (with _OutOfBudget) before the budget is
    spent.

    A search over a[alo:ahi] does some work per search and per word of a[alo:ahi], and looks
    at every place in b where each of those words occurs: it costs at most SEARCH_COST, plus
    WORD_COST per word, plus one unit per place. Counting the places costs one dictionary
    look-up per word, a small part of what the search would cost."""
    budget.spend(WORD_COST * (len(a) + len(b)))  # indexing b (here and in difflib), the opcodes
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    places = collections.Counter(b)  # with no junk, difflib searches every place of a word
    queue, blocks = [(0, len(a), 0, len(b))], []
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        budget.spend(SEARCH_COST + sum(WORD_COST + places[word] for word in a[alo:ahi]))
        i, j, size = matcher.find_longest_match(alo, ahi, blo, bhi)
        if size:
            blocks.append((i, j, size))
            if alo < i and blo < j:
                queue.append((alo, i, blo, j))
            if i + size < ahi and j + size < bhi:
                queue.append((i + size, ahi, j + size, bhi))
    blocks.sort()
    joined = []  # neighbouring blocks as one, as difflib joins them
    for i, j, size in blocks:
        if joined and joined[-1][0] + joined[-1][2] == i and joined[-1][1] + joined[-1][2] == j:
            joined[-1] = (joined[-1][0], joined[-1][1], joined[-1][2] + size)
        else:
            joined.append((i, j, size))
    return joined


def _opcodes(blocks, a_length, b_length):
    """SequenceMatcher.get_opcodes's answer, from the matching blocks."""
    operations, i, j = [], 0, 0
    for block_i, block_j, size in [*blocks, (a_length, b_length, 0)]:
        if i < block_i and j < block_j:
            operations.append(("replace", i, block_i, j, block_j))
        elif i < block_i:
            operations.append(("delete", i, block_i, j, block_j))
        elif j < block_j:
            operations.append(("insert", i, block_i, j, block_j))
        i, j = block_i + size, block_j + size
        if size:
            operations.append(("equal", block_i, i, block_j, j))
    return operations


def _merged(operations):
    """Drop empty operations, join neighbouring unchanged runs, and join neighbouring changes
    into one replacement (all that was removed, then all that was added)."""
    merged = []
    for operation in operations:
        tag, i1, i2, j1, j2 = operation
        if i1 == i2 and j1 == j2:
            continue
        if merged and (merged[-1][0] == "equal") == (tag == "equal"):
            last_tag, k1, _, l1, _ = merged[-1]
            merged[-1] = (last_tag if tag == "equal" else "replace", k1, i2, l1, j2)
        else:
            merged.append(operation)
    return merged


def _common_prefix(a, b):
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_suffix(a, b):
    return _common_prefix(a[::-1], b[::-1])


def _sentence_starts(words):
    """Where each sentence or line starts in a word list, and the end. A sentence ends with a
    word ending in . ! or ? (and perhaps a closing quote or bracket), a line with the word (or
    the run of spaces) holding its line break."""
    starts = [0]
    starts += [index + 1 for index, word in enumerate(words) if _SENTENCE_END.search(word)]
    if starts[-1] != len(words):
        starts.append(len(words))
    return starts


_SENTENCE_END = re.compile(r"\n|[.!?][\"'”’)\]]*\s+$")


def _joined(words, starts):
    return ["".join(words[start:end]) for start, end in zip(starts, starts[1:], strict=False)]


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
