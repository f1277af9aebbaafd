import pytest

from phases.models import Disclaimer, Explanation, Phase
from phases.text import staff_markdown
from phases.text.staff_markdown import MAX_CHARACTERS, TextProblem
from phases.text.staff_markdown import render as render_markdown


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


# Texts that once took pages down or tied up a worker: refused when saved, with a message.
ATTACKS = [
    pytest.param("- " * 5000 + "x", "levels inside each other", id="list-5000-deep"),
    pytest.param("- " * 458 + "x", "levels inside each other", id="list-458-deep"),
    pytest.param("> " * 300 + "x", "levels inside each other", id="quotes"),
    pytest.param("[" * 30000 + "x" + "]" * 30000, "characters", id="brackets-60k"),
    pytest.param("[" * 5000 + "x" + "]" * 5000, "open at once", id="brackets-10k"),
    pytest.param("[a](<" * 3000, "open at once", id="open-links"),
    pytest.param("word " * 5000, "characters", id="too-long"),
]


@pytest.mark.parametrize(("text", "message"), ATTACKS)
def test_a_text_that_could_break_a_page_is_refused_with_a_message(text, message):
    with pytest.raises(TextProblem, match=message):
        render_markdown(text)


def test_a_text_slower_than_the_render_budget_each_time_is_refused(monkeypatch):
    """The last guard, for a slow text that the limits above do not catch: a budget no render
    can keep stands for such a text."""
    monkeypatch.setattr(staff_markdown, "RENDER_BUDGET_SECONDS", -1.0)

    with pytest.raises(TextProblem, match="takes too long to show"):
        render_markdown("A short text.")


# Measured without coverage: its tracer would slow the rendering past the render budget.
@pytest.mark.no_cover
@pytest.mark.parametrize(
    "text",
    [
        "[a](b) " * 2800,
        "|a|b|\n|-|-|\n" + "|x|y|\n" * 3000,
        "**a __b _c *d" * 1400,
        "\n".join("    " * (i % 6) + "- x" for i in range(2000)),
    ],
    ids=["links", "table", "emphasis", "lists"],
)
def test_the_longest_allowed_texts_of_every_shape_are_accepted(text):
    """Texts as long as the limit allows are accepted and shown, however they are built. How
    long they take is `make bench`'s business: a loaded machine is no reason to fail a test."""
    html = render_markdown(text[:MAX_CHARACTERS])

    assert html.strip()


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "message"), ATTACKS[:3])
def test_an_approver_cannot_publish_a_disclaimer_that_breaks_pages(
    approver_client, client, text, message
):
    disclaimer = Disclaimer.current()

    response = approver_client.post(
        f"/admin/phases/disclaimer/{disclaimer.pk}/change/",
        {"text": text, "edit_version": disclaimer.version, "_publish": "Publish"},
    )

    assert response.status_code == 200
    assert message in response.text
    assert Disclaimer.current().text == disclaimer.text
    for path in ["/", "/phases/remission/", "/check/", "/api/v1/disclaimer", "/nowhere/"]:
        assert client.get(path).status_code in (200, 404), path


@pytest.mark.django_db
def test_an_editors_draft_that_would_break_the_checker_is_refused(editor_client, client):
    explanation = Explanation.objects.get(language="en", key="remission")

    response = editor_client.post(
        f"/admin/phases/explanation/{explanation.pk}/change/",
        {"text": "- " * 5000 + "x", "edit_version": explanation.version, "_continue": "Save"},
    )

    assert response.status_code == 200
    assert "levels inside each other" in response.text
    assert Explanation.objects.get(language="en", key="remission").draft is None
    assert (
        editor_client.get(f"/admin/phases/explanation/{explanation.pk}/change/").status_code == 200
    )


@pytest.mark.django_db
def test_a_broken_text_stored_behind_the_validators_back_keeps_the_last_good_html(client, caplog):
    phase = Phase.objects.get(language="en", slug="remission")
    good = phase.body_html

    phase.body = "- " * 5000 + "x"  # as a direct database edit would, without validation
    phase.save()

    assert Phase.objects.get(pk=phase.pk).body_html == good
    assert client.get("/phases/remission/").status_code == 200
    assert "could not be shown" in caplog.text


@pytest.mark.django_db
def test_pages_never_run_markdown_on_a_patients_request(client, monkeypatch):
    def no_markdown(*args, **kwargs):
        raise AssertionError("Markdown ran during a request")

    monkeypatch.setattr(staff_markdown.markdown, "markdown", no_markdown)
    values = {"treatment": "received", "marrow_blasts_percent": "2", "symptoms": "no"}

    for path in ["/", "/phases/remission/", "/glossary/", "/check/", "/api/v1/phases"]:
        assert client.get(path).status_code == 200, path
    assert client.post("/check/", values | {"ever_in_remission": "yes"}).status_code == 200


def test_links_in_staff_texts_lead_to_the_page_in_the_readers_language_and_embed():
    html = staff_markdown.render(
        "[Blasts](/glossary/#blasts), [the API](/api/v1/phases), [a file](/static/a.pdf), "
        "[already Spanish](/es/check/) and [elsewhere](https://example.org/)."
    )

    spanish = staff_markdown.with_links_under(html, "/es/")
    embedded = staff_markdown.with_links_under(html, "/es/embed/demo/")

    assert 'href="/es/glossary/#blasts"' in spanish
    assert 'href="/es/embed/demo/glossary/#blasts"' in embedded
    for shown in (spanish, embedded):
        assert 'href="/api/v1/phases"' in shown
        assert 'href="/static/a.pdf"' in shown
        assert 'href="https://example.org/"' in shown
    assert 'href="/es/check/"' in spanish
