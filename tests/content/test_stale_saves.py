"""A save that started from an older version is refused wherever it comes from: the admin, the
content import, or a script calling the model's editorial rules. Nothing is overwritten."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from phases.content.publishing import EditedMeanwhile
from phases.models import GlossaryTerm, Phase
from tests.conftest import edit_form

pytestmark = pytest.mark.django_db

LATER = "A later summary, saved on this site after the export."


def remission():
    return Phase.objects.get(language="en", slug="remission")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


# The model's rules


def test_a_draft_started_from_an_older_version_is_refused_with_the_version_found(approver):
    opened = remission()
    colleague = remission()
    colleague.summary = "The colleague's summary."
    colleague.save_draft(by=approver)

    opened.summary = "My summary."
    with pytest.raises(EditedMeanwhile) as refused:
        opened.save_draft(by=approver, expected_version=opened.version)

    assert (refused.value.expected, refused.value.found) == (opened.version, colleague.version)
    assert remission().draft["summary"] == "The colleague's summary."
    assert remission().version == colleague.version


def test_a_script_holding_a_stale_row_cannot_publish_over_a_later_save(approver):
    script = remission()  # read, then someone saves before the script does
    colleague = remission()
    colleague.summary = LATER
    colleague.publish(by=approver)

    script.summary = "The script's summary."
    with pytest.raises(EditedMeanwhile):
        script.publish(by=approver)

    assert remission().summary == LATER


def test_a_save_from_the_version_stored_goes_through(approver):
    phase = remission()
    phase.summary = "A new summary."

    phase.publish(by=approver, expected_version=phase.version)

    assert remission().summary == "A new summary."


# The admin


def test_the_admin_refuses_a_publish_over_a_later_save_and_shows_why_beside_the_form(
    approver, editor
):
    opened = remission()  # the approver opens the page
    signed_in(editor).post(
        f"/admin/phases/phase/{opened.pk}/change/",
        edit_form(remission(), summary=LATER) | {"_continue": "Save"},
    )
    saved = remission()

    response = signed_in(approver).post(
        f"/admin/phases/phase/{opened.pk}/change/",
        edit_form(opened, summary="The approver's summary.") | {"_publish": "Publish"},
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    [message] = errors
    assert "Someone else saved this while you were editing it" in message
    assert "Eddie Editor" in message
    assert '<ul class="conflict-changes">' in response.text
    assert "The approver&#x27;s summary." in response.text  # the text stays in the form
    # The form now carries the version stored: saving again, after merging, works.
    assert f'name="edit_version" value="{saved.version}"' in response.text
    assert remission().summary == opened.summary  # nothing published
    assert remission().draft == saved.draft
    assert remission().version == saved.version


# The import


@pytest.fixture
def exported(capsys):
    call_command("export_content")
    return json.loads(capsys.readouterr().out)


def import_file(tmp_path, content):
    file = tmp_path / "content.json"
    file.write_text(json.dumps(content))
    call_command("import_content", str(file))


def untreated(content):
    return next(
        (index, item)
        for index, item in enumerate(content["phases"])
        if item["language"] == "en" and item["slug"] == "untreated"
    )


def test_an_import_exported_before_a_later_save_is_refused_and_writes_nothing(
    tmp_path, exported, approver
):
    index, item = untreated(exported)
    item["summary"] = "The summary from the file."
    exported["glossary"][0]["definition"] = "A definition from the file."
    phase = Phase.objects.get(language="en", slug="untreated")
    phase.summary = LATER
    phase.publish(by=approver)
    terms = list(GlossaryTerm.objects.values_list("definition", flat=True))

    with pytest.raises(CommandError) as refused:
        import_file(tmp_path, exported)

    assert f"  - phases[{index}] (untreated) version: saved on this site since the file was " in (
        str(refused.value)
    )
    assert f"(version {phase.version} here, {item['version']} in the file)" in str(refused.value)
    assert Phase.objects.get(language="en", slug="untreated").summary == LATER
    assert list(GlossaryTerm.objects.values_list("definition", flat=True)) == terms


def test_an_old_export_still_imports_where_it_gives_what_is_stored(tmp_path, exported, approver):
    _, item = untreated(exported)
    phase = Phase.objects.get(language="en", slug="untreated")
    phase.summary = LATER
    phase.publish(by=approver)
    item["summary"] = LATER  # the file agrees with the later save: nothing to overwrite
    exported["glossary"][0]["definition"] = "A definition from the file."

    import_file(tmp_path, exported)

    term = exported["glossary"][0]
    stored = GlossaryTerm.objects.get(language=term["language"], slug=term["slug"])
    assert stored.definition == "A definition from the file."
    assert Phase.objects.get(language="en", slug="untreated").version == phase.version


def test_a_file_without_versions_imports_as_before(tmp_path, exported, approver):
    for section in ("phases", "sections", "disclaimer", "glossary", "explanations"):
        for item in exported[section]:
            item.pop("version")
    _, item = untreated(exported)
    item["summary"] = "The summary from the file."
    phase = Phase.objects.get(language="en", slug="untreated")
    phase.summary = LATER
    phase.publish(by=approver)

    import_file(tmp_path, exported)

    imported = Phase.objects.get(language="en", slug="untreated")
    assert imported.summary == "The summary from the file."
    assert imported.version == phase.version + 1
