import html
import random
import re
import time
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phases.text import word_diff
from phases.text.word_diff import MAX_DIFF_CHARS, MAX_DIFF_WORDS, same_text, word_diff_html

# A bound on the work, not a benchmark: the diffs below take a few hundredths of a second of
# processor time, and took tens of seconds before the work was bounded. This thread's processor
# time, not the clock's, so other work on the machine never fails them (speed: `make bench`).
SECONDS = 2.0

WORDS = "the a of to and in is it you can be at on no yes not may will our cell test care".split()


def longest_text(seed, words=MAX_DIFF_WORDS):
    """Text like an editor's, as long as they may be: common words, sentences, paragraphs."""
    rng = random.Random(seed)
    text = []
    for number in range(words):
        word = rng.choice(WORDS) if rng.random() < 0.7 else f"{rng.choice('bcdfgk')}{number % 89}"
        if number % 15 == 14:
            word += "."
        if number % 150 == 149:
            word += "\n"
        text.append(word)
    return re.sub(r"\n ", "\n\n", " ".join(text))


def timed_diff(old, new):
    start = time.thread_time()
    result = word_diff_html(old, new)
    return result, time.thread_time() - start


def sides(diff):
    """The old and the new text back from a diff in which no unchanged run was shortened."""
    assert " … " not in diff
    old = re.sub(r"<ins>.*?</ins>|</?del>", "", diff, flags=re.S)
    new = re.sub(r"<del>.*?</del>|</?ins>", "", diff, flags=re.S)
    return html.unescape(old), html.unescape(new)


def test_changed_words_are_marked_and_the_rest_kept():
    html = word_diff_html("The quick brown fox", "The slow brown fox jumps")

    assert html == "The <del>quick </del><ins>slow </ins>brown <del>fox</del><ins>fox jumps</ins>"


def test_text_is_escaped():
    assert word_diff_html("a <b>", "a <i>") == "a <del>&lt;b&gt;</del><ins>&lt;i&gt;</ins>"


def test_line_endings_alone_are_not_a_change():
    assert "<del>" not in word_diff_html("one\r\ntwo", "one\ntwo")
    assert same_text("one\r\ntwo", "one\ntwo")


def test_long_unchanged_runs_are_shortened_around_the_change():
    words = " ".join(f"w{n}" for n in range(100))

    html = word_diff_html(words + " end", words + " finish")

    assert html.startswith(" … ")
    assert "w50 " not in html
    assert "w99 " in html
    assert "<ins>finish</ins>" in html


short_texts = st.lists(
    st.sampled_from(["a", "b", "c", "<b>", "&", "end.", "stop!\n", "\n\n", " "]), max_size=12
).map("".join)


@given(old=short_texts, new=short_texts, budget=st.sampled_from([10**6, 0, 30, 300]))
def test_a_diff_holds_both_texts_whichever_way_it_was_found(old, new, budget):
    # Ample budgets compare word by word; small ones by sentences, or show all as replaced.
    names = ["WORD_BUDGET", "SENTENCE_BUDGET", "CHANGED_SENTENCES_BUDGET"]
    with mock.patch.multiple(word_diff, **dict.fromkeys(names, budget)):
        diff = word_diff_html(old, new)

    assert sides(diff) == (old.replace("\r\n", "\n"), new.replace("\r\n", "\n"))
    assert set(re.findall(r"</?\w+", diff)) <= {"<del", "</del", "<ins", "</ins"}


def test_the_test_texts_are_as_long_as_editors_texts_may_be():
    text = longest_text(1)

    assert len(text.split()) == MAX_DIFF_WORDS
    assert len(text) <= MAX_DIFF_CHARS


@pytest.mark.no_cover  # timed: measured without coverage's tracer
def test_two_different_texts_of_the_longest_length_are_compared_quickly():
    old, new = longest_text(1), longest_text(2)

    diff, seconds = timed_diff(old, new)

    assert seconds < SECONDS
    assert "<del>" in diff
    assert "<ins>" in diff


@pytest.mark.no_cover  # timed: measured without coverage's tracer
def test_texts_differing_in_every_other_word_are_compared_quickly_and_completely():
    old = " ".join(f"same{n}" if n % 2 else f"old{n}" for n in range(MAX_DIFF_WORDS))
    new = " ".join(f"same{n}" if n % 2 else f"new{n}" for n in range(MAX_DIFF_WORDS))

    diff, seconds = timed_diff(old, new)

    assert seconds < SECONDS
    assert sides(diff) == (old, new)  # nothing lost, whether word by word or replaced


@pytest.mark.no_cover  # timed: measured without coverage's tracer
def test_repetitive_texts_are_compared_quickly():
    cases = [
        (" ".join(["yes", "no"] * (MAX_DIFF_WORDS // 2)), " ".join(["no", "yes"] * 10_000)),
        ("Yes.\n" * MAX_DIFF_WORDS, "No.\n" * MAX_DIFF_WORDS),
        ("a. b. " * (MAX_DIFF_WORDS // 2), "b. a. " * (MAX_DIFF_WORDS // 2) + "c"),
        (" ".join(["the"] * MAX_DIFF_WORDS), " ".join(["the", "a"] * (MAX_DIFF_WORDS // 2))),
    ]
    for old, new in cases:
        diff, seconds = timed_diff(old, new)

        assert seconds < SECONDS
        assert "<ins>" in diff


@pytest.mark.no_cover  # timed: measured without coverage's tracer
def test_small_edits_in_the_longest_text_are_still_shown_word_by_word():
    old = longest_text(3)
    words = old.split(" ")
    for index in range(100, len(words), 1000):
        words[index] = "CHANGED"
    new = " ".join(words)

    diff, seconds = timed_diff(old, new)

    assert seconds < SECONDS
    assert diff.count("<ins>") == diff.count("<ins>CHANGED </ins>") == 20
    assert all(len(removed.split()) == 1 for removed in re.findall(r"<del>(.*?)</del>", diff))


@pytest.mark.no_cover  # timed: measured without coverage's tracer
def test_small_edits_in_a_long_text_without_line_breaks_are_shown_word_by_word():
    old = longest_text(4).replace("\n\n", " ")
    new = old.replace(" care ", " CARE ", 3)

    diff, seconds = timed_diff(old, new)

    assert seconds < SECONDS
    assert diff.count("<ins>CARE </ins>") == 3
    assert diff.count("<del>") == 3


def test_a_replaced_long_text_is_escaped_and_shown_whole():
    old = "<script>alert(1)</script> & " * (MAX_DIFF_WORDS // 3)
    new = '"><img src=x onerror=alert(2)> ' * (MAX_DIFF_WORDS // 3)

    diff, seconds = timed_diff(old, new)

    assert seconds < SECONDS
    assert "<script" not in diff
    assert "<img" not in diff
    assert set(re.findall(r"</?\w+", diff)) <= {"<del", "</del", "<ins", "</ins"}
    assert sides(diff) == (old, new)


def test_texts_longer_than_the_limit_are_still_compared_quickly():
    old = longest_text(5, words=3 * MAX_DIFF_WORDS)
    new = longest_text(6, words=3 * MAX_DIFF_WORDS)

    diff, seconds = timed_diff(old, new)

    assert seconds < SECONDS
    assert " … " in diff or sides(diff) == (old, new)
