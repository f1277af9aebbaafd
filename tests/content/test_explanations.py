"""Staff-editable wording of the checker: safe to edit, and never able to break a result."""

import logging
import re

import pytest
import textstat

from phases.models import Explanation
from phases.rules import wording
from phases.text.staff_markdown import markdown_to_text

pytestmark = pytest.mark.django_db

REMISSION_VALUES = {
    "treatment": "received",
    "ever_in_remission": "yes",
    "marrow_blasts_percent": "2",
}
REMISSION_VALUES |= {"blood_blasts": "no", "cbc": "normal", "mrd": "negative", "symptoms": "no"}


def change_url(key):
    return f"/admin/phases/explanation/{Explanation.objects.get(language='en', key=key).pk}/change/"


def post_text(client, key, text, **buttons):
    version = Explanation.objects.get(language="en", key=key).version
    return client.post(change_url(key), {"text": text, "edit_version": version, **buttons})


def test_every_finding_phase_and_cant_tell_text_is_seeded_and_valid():
    seeded = dict(Explanation.objects.values_list("key", "text"))

    assert set(seeded) == set(wording.PLACEHOLDERS)
    for key, text in seeded.items():
        wording.check(text, key=key)


def test_seeded_explanations_read_at_us_grade_eight_or_below():
    for explanation in Explanation.objects.filter(language="en"):
        plain = re.sub(r"\{\w+\}", "5", markdown_to_text(explanation.text))
        assert textstat.flesch_kincaid_grade(plain) <= 8, explanation.key


def test_admin_lists_the_placeholders_a_text_may_use(editor_client):
    response = editor_client.get(change_url("blasts_below_usual_at_diagnosis"))

    assert response.status_code == 200
    assert "{marrow_blasts_percent}, {usually_above}" in response.text
    assert "Untreated, with marrow blasts below 20%." in response.text


def test_approver_changes_an_explanation_and_the_checker_uses_it(approver_client, client):
    post_text(
        approver_client,
        "remission",
        "Blasts at {marrow_blasts_percent}%: **remission**.",
        _publish="Publish",
    )

    response = client.post("/check/", REMISSION_VALUES)

    assert "Blasts at 2%: <strong>remission</strong>." in response.text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Your blasts are {marrow_blasts_percent%.", "must start a placeholder"),
        ("Your blasts are {blasts}%.", "Unknown placeholder {blasts}"),
        ("Reach {marrow_blasts_percent.__class__}", "must start a placeholder"),
        ("Reach {__class__}", "must start a placeholder"),
        ("Reach {settings}", "Unknown placeholder {settings}"),
    ],
)
def test_admin_refuses_a_broken_explanation_and_keeps_the_editors_text(
    editor_client, text, message
):
    before = Explanation.objects.get(language="en", key="remission").text

    response = post_text(editor_client, "remission", text)

    assert response.status_code == 200
    assert message in response.text
    assert "This text can use: {marrow_blasts_percent}, {anc}, {platelets}." in response.text or (
        "must start a placeholder" in message
    )
    assert text in response.text
    assert Explanation.objects.get(language="en", key="remission").text == before


def test_a_text_may_show_a_curly_bracket_by_doubling_it():
    assert (
        wording.fill(
            "A {{bracket} and {anc}",
            key="remission",
            values={"anc": "1.5", "marrow_blasts_percent": "2", "platelets": "150"},
        )
        == "A {bracket} and 1.5"
    )


def test_a_broken_text_in_the_database_still_gives_the_patient_a_result(client, caplog):
    # Stored behind the validators' back (a database edit): the HTML itself is broken.
    Explanation.objects.filter(language="en", key="remission").update(
        text_html="Blasts {marrow_blasts_percent"
    )
    Explanation.objects.filter(language="en", key="blood_blasts_unknown").update(text_html="{nope}")
    caplog.set_level(logging.WARNING)

    response = client.post("/check/", REMISSION_VALUES | {"blood_blasts": "unknown"})

    assert response.status_code == 200
    assert 'data-phase="remission"' in response.text
    assert "The bone marrow test found 2% blasts." in response.text  # the built-in wording
    assert "Remission also means no blasts in the blood." in response.text
    assert "'remission' is broken" in caplog.text
    assert "2%" not in caplog.text


def test_explanations_cannot_be_added_or_deleted(admin_client):
    explanation = Explanation.objects.filter(language="en").first()

    assert admin_client.get("/admin/phases/explanation/add/").status_code == 403
    assert (
        admin_client.get(change_url(explanation.key).replace("change", "delete")).status_code == 403
    )
