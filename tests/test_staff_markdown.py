import pytest

from phases.markdown import render_markdown


@pytest.mark.parametrize(
    "text",
    [
        "Hello <script>alert('x')</script> world",
        '<img src="x" onerror="alert(1)">',
        "[Click me](javascript:alert(1))",
        '<a href="javascript:alert(1)">Click me</a>',
        '<p onclick="alert(1)">Tap</p>',
        "<iframe src='https://example.org'></iframe>",
    ],
)
def test_staff_markdown_cannot_run_code(text):
    html = render_markdown(text)

    assert "<script" not in html
    assert "alert" not in html
    assert "onerror" not in html
    assert "onclick" not in html
    assert "javascript:" not in html
    assert "<iframe" not in html


def test_markdown_keeps_the_formatting_editors_need():
    html = render_markdown(
        "## Next steps\n\n- Ask about **MRD**\n- See [blasts](/glossary/#blasts)"
    )

    assert "<h2>Next steps</h2>" in html
    assert "<li>Ask about <strong>MRD</strong></li>" in html
    assert '<a href="/glossary/#blasts" rel="noopener noreferrer">blasts</a>' in html
