from phases.word_diff import word_diff_html


def test_changed_words_are_marked_and_the_rest_kept():
    html = word_diff_html("The quick brown fox", "The slow brown fox jumps")

    assert html == "The <del>quick </del><ins>slow </ins>brown <del>fox</del><ins>fox jumps</ins>"


def test_text_is_escaped():
    assert word_diff_html("a <b>", "a <i>") == "a <del>&lt;b&gt;</del><ins>&lt;i&gt;</ins>"


def test_line_endings_alone_are_not_a_change():
    assert "<del>" not in word_diff_html("one\r\ntwo", "one\ntwo")


def test_long_unchanged_runs_are_shortened_around_the_change():
    words = " ".join(f"w{n}" for n in range(100))

    html = word_diff_html(words + " end", words + " finish")

    assert html.startswith(" … ")
    assert "w50 " not in html
    assert "w99 " in html and "<ins>finish</ins>" in html
