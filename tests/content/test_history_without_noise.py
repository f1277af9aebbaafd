"""The history lists changes only: a draft saved twice, the same text published again, or an
import of what the site already holds writes no new version and no history row."""

import json

import pytest
from django.test import Client

from phases.content import transfer as content_transfer
from phases.models import Phase
from tests.conftest import edit_form

pytestmark = pytest.mark.django_db


def remission():
    return Phase.objects.get(slug="remission", language="en")


def test_a_draft_saved_twice_is_one_history_row(editor_client):
    url = f"/admin/phases/phase/{remission().pk}/change/"
    changed = {"summary": "A new summary for this page."}
    editor_client.post(url, edit_form(remission(), **changed) | {"_continue": 1})
    rows, version = remission().history.count(), remission().version

    editor_client.post(url, edit_form(remission(), **changed) | {"_continue": 1})

    assert remission().history.count() == rows
    assert remission().version == version


def test_publishing_the_same_text_again_writes_no_history_row(approver_client):
    url = f"/admin/phases/phase/{remission().pk}/change/"
    rows = remission().history.count()

    response = approver_client.post(url, edit_form(remission()) | {"_publish": 1})

    assert response.status_code == 302
    assert remission().history.count() == rows


def test_an_unchanged_import_writes_no_history_row():
    exported = json.dumps(content_transfer.export_content())
    rows = Phase.history.count()

    content_transfer.import_content(exported, source="content.json")

    assert Phase.history.count() == rows


# Markdown help and a live preview beside each text box (phases.text.markdown_editing)


def test_each_markdown_box_has_help_and_a_preview_beside_it(editor_client):
    page = editor_client.get(f"/admin/phases/phase/{remission().pk}/change/").text

    assert page.count('class="markdown-help"') == len(Phase.MARKDOWN_FIELDS)
    assert 'data-preview-url="/admin/phases/phase/markdown-preview/"' in page
    assert "admin-portal/markdown-preview." in page  # the script, by its hashed name
    assert "<script>" not in page.split("</head>")[1]  # no inline script


def test_the_preview_renders_and_sanitises_like_a_saved_text(editor_client):
    url = "/admin/phases/phase/markdown-preview/"
    text = "## Call\n\n- **now** [blasts](/glossary/#blasts)\n\n<script>alert(1)</script>"

    answer = editor_client.post(url, {"text": text})

    assert answer.status_code == 200
    assert "no-store" in answer["Cache-Control"]
    assert "<h2>Call</h2>" in answer.text
    assert "<strong>now</strong>" in answer.text
    assert "<script" not in answer.text
    assert Client().post(url, {"text": text}).status_code == 302  # staff only: to the sign-in
