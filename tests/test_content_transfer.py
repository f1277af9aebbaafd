"""export_content and import_content, as a webmaster moves content from staging to production."""

import json

import pytest
from django.core.management import CommandError, call_command

from phases.models import Disclaimer, Explanation, GlossaryTerm, Phase

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(tmp_path, capsys):
    def export():
        call_command("export_content")
        return capsys.readouterr().out

    return export


def write(tmp_path, content):
    file = tmp_path / "content.json"
    file.write_text(content if isinstance(content, str) else json.dumps(content))
    return file


def wipe():
    for model in (Phase, Disclaimer, GlossaryTerm, Explanation):
        model.objects.all().delete()


def test_export_wipe_import_round_trips_with_nothing_lost(tmp_path, exported, client, capsys):
    phase = Phase.objects.get(slug="remission")
    phase.draft = {"summary": "A draft in progress."}
    phase.version = 4
    phase.save()
    before = exported()
    file = write(tmp_path, before)

    wipe()
    assert client.get("/phases/remission/").status_code == 404
    call_command("import_content", str(file))
    assert "Imported 5 phases, 20 glossary terms" in capsys.readouterr().out

    assert exported() == before
    assert Phase.objects.get(slug="remission").draft == {"summary": "A draft in progress."}
    assert client.get("/phases/remission/").status_code == 200


def test_export_holds_published_text_drafts_and_versions(exported):
    content = json.loads(exported())

    assert [phase["slug"] for phase in content["phases"]] == list(Phase.Slug.values)
    assert {"draft", "version", "body"} <= content["phases"][0].keys()
    assert content["disclaimer"]["text"] == Disclaimer.current().text
    assert len(content["explanations"]) == Explanation.objects.count()
    assert len(content["glossary"]) == GlossaryTerm.objects.count()


def test_every_import_is_recorded_in_the_history(tmp_path, exported):
    file = write(tmp_path, exported())

    call_command("import_content", str(file))

    record = Phase.objects.get(slug="untreated").history.first()
    assert record.history_change_reason == "Imported from content.json"


def changed(exported, change):
    content = json.loads(exported())
    change(content)
    return content


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda c: c["phases"][0].update(slug="stage-four"), "unknown phase slug “stage-four”"),
        (lambda c: c["phases"][1].pop("body"), "phases[1] (remission): missing field body"),
        (
            lambda c: c["explanations"][0].update(text="Broken {placeholder"),
            "must start a placeholder",
        ),
        (
            lambda c: c["explanations"][0].update(text="Uses {nothing_known}"),
            "Unknown placeholder {nothing_known}",
        ),
        (lambda c: c["explanations"][0].update(key="made-up"), "unknown explanation “made-up”"),
        (lambda c: c["phases"][0].update(last_reviewed="yesterday"), "YYYY-MM-DD"),
        (lambda c: c["phases"][0].update(draft="text"), "draft must be empty or hold only"),
        (lambda c: c.pop("glossary"), "glossary: missing, or not a list."),
        (lambda c: c.update(format="something-else"), "not an ALL Phase Portal export"),
    ],
)
def test_a_bad_file_is_rejected_with_the_item_and_the_reason_and_changes_nothing(
    tmp_path, exported, change, reason
):
    content = changed(exported, change)
    content["disclaimer"]["text"] = "This would change the disclaimer."
    before = exported()

    with pytest.raises(CommandError) as error:
        call_command("import_content", str(write(tmp_path, content)))

    assert "Nothing was imported" in str(error.value)
    assert reason in str(error.value)
    assert exported() == before


def test_a_file_that_is_not_json_is_rejected(tmp_path):
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_content", str(write(tmp_path, "{not json")))


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_content", str(tmp_path / "nowhere.json"))
