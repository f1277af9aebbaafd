"""export_content and import_content, as a webmaster moves content from staging to production."""

import datetime
import io
import json
import os
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from phases import content_transfer, staff_markdown
from phases.models import Disclaimer, Explanation, GlossaryTerm, Partner, Phase, SharedSection
from tests.test_views import shared_sections

pytestmark = pytest.mark.django_db

PROJECT_DIR = Path(__file__).resolve().parent.parent

DAY = datetime.date(2026, 12, 3)
REVIEWED = {
    "last_reviewed": "2026-12-03",
    "next_review_due": "2027-12-03",
    "reviewer": "Dr A. Example, haematologist",
}


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
    for model in CONTENT_MODELS:
        model.objects.all().delete()


def test_export_wipe_import_round_trips_with_nothing_lost(
    tmp_path, exported, client, capsys, approver
):
    phase = Phase.objects.get(slug="remission")
    phase.draft = {"summary": "A draft in progress."}
    phase.version = 4
    phase.references = "- [National Cancer Institute](https://www.cancer.gov)"
    phase.save()
    phase.mark_reviewed(reviewer="Dr A. Example, haematologist", by=approver, today=DAY)
    Phase.objects.filter(slug="relapsed").update(
        last_reviewed=None, next_review_due=None, reviewer=""
    )
    urgent, _ = shared_sections()
    urgent.draft = {"text": "A draft of the urgent advice."}
    urgent.save()
    terms = GlossaryTerm.objects.count()
    before = exported()
    file = write(tmp_path, before)

    wipe()
    assert client.get("/phases/remission/").status_code == 404
    call_command("import_content", str(file))
    assert f"Imported 5 phases, 2 shared sections, {terms} glossary terms" in (
        capsys.readouterr().out
    )

    assert exported() == before
    remission = Phase.objects.get(slug="remission")
    assert remission.draft == {"summary": "A draft in progress."}
    assert (remission.last_reviewed, remission.reviewer) == (DAY, "Dr A. Example, haematologist")
    assert Phase.objects.get(slug="relapsed").last_reviewed is None
    assert SharedSection.objects.get(key="urgent-help").draft == {
        "text": "A draft of the urgent advice."
    }
    page = client.get("/phases/remission/").text
    assert "Reviewed by Dr A. Example, haematologist" in page
    assert "https://www.cancer.gov" in page
    assert "awaiting review by a clinician" in client.get("/phases/relapsed/").text


def test_export_writes_review_fields_as_dates_or_null_and_the_sections_by_key(exported, approver):
    Phase.objects.get(slug="untreated").mark_reviewed(
        reviewer="Dr A. Example, haematologist", by=approver, today=DAY
    )
    Phase.objects.filter(slug="relapsed").update(
        last_reviewed=None, next_review_due=None, reviewer=""
    )
    shared_sections()

    content = json.loads(exported())

    phases = {phase["slug"]: phase for phase in content["phases"]}
    assert phases["untreated"]["last_reviewed"] == "2026-12-03"
    assert phases["untreated"]["next_review_due"] == "2027-12-03"
    assert phases["relapsed"]["last_reviewed"] is None
    assert phases["relapsed"]["next_review_due"] is None
    assert phases["relapsed"]["reviewer"] == ""
    assert "references" in phases["relapsed"]
    assert [section["key"] for section in content["sections"]] == ["support", "urgent-help"]
    assert set(content["sections"][0]) == {"key", "title", "text", "draft", "version"}


def test_a_file_saying_a_page_is_not_reviewed_makes_it_await_review(tmp_path, exported, approver):
    content = json.loads(exported())
    for phase in content["phases"]:
        phase.update(last_reviewed=None, next_review_due=None, reviewer="")
    Phase.objects.get(slug="untreated").mark_reviewed(
        reviewer="Dr A. Example, haematologist", by=approver, today=DAY
    )

    call_command("import_content", str(write(tmp_path, content)))

    assert Phase.objects.awaiting_review().count() == 5


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


def test_importing_onto_the_same_site_moves_every_version_forward_so_open_forms_are_stale(
    tmp_path, exported
):
    versions = {phase.slug: phase.version for phase in Phase.objects.all()}
    file = write(tmp_path, exported())

    call_command("import_content", str(file))

    for phase in Phase.objects.all():
        assert phase.version == versions[phase.slug] + 1
        assert phase.history.first().history_change_reason == "Imported from content.json"


def test_a_site_without_a_disclaimer_exports_null_and_the_file_imports(tmp_path, exported, capsys):
    Disclaimer.objects.all().delete()
    content = json.loads(exported())
    assert content["disclaimer"] is None

    call_command("import_content", str(write(tmp_path, content)))

    assert "the file has no disclaimer" in capsys.readouterr().out
    assert Disclaimer.current() is None


def test_a_long_file_name_still_fits_in_the_history(tmp_path, exported):
    file = tmp_path / ("content-" + "x" * 200 + ".json")
    file.write_text(exported())

    call_command("import_content", str(file))

    reason = Phase.objects.get(slug="untreated").history.first().history_change_reason
    assert reason.startswith("Imported from content-xxx") and len(reason) == 100


# Refused files. Each bad file also changes the disclaimer (a valid change), so a file written
# even in part would show: `refused` checks that the content and its history are as before.

CONTENT_MODELS = (Phase, SharedSection, Disclaimer, GlossaryTerm, Explanation)


def history_rows():
    return sum(model.history.count() for model in CONTENT_MODELS)


def changed(exported, change):
    content = json.loads(exported())
    content["disclaimer"]["text"] = "This would change the disclaimer."
    change(content)
    return content


def refused(file, exported):
    """Import `file`, which must change nothing; the command's message."""
    before = exported(), history_rows()
    with pytest.raises(CommandError) as error:
        call_command("import_content", str(file))
    assert (exported(), history_rows()) == before
    message = str(error.value)
    assert message.startswith("Nothing was imported. Problems in")
    return message


def glossary_draft(**draft):
    return lambda c: c["glossary"][0].update(draft=draft)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            lambda c: c["phases"][0].update(slug="stage-four"),
            "phases[0] (stage-four) slug: unknown phase slug “stage-four”.",
        ),
        (lambda c: c["phases"][1].pop("body"), "phases[1] (remission) body: missing."),
        (
            lambda c: c["explanations"][0].update(text="Broken {placeholder"),
            "must start a placeholder",
        ),
        (
            lambda c: c["explanations"][0].update(text="Uses {nothing_known}"),
            "Unknown placeholder {nothing_known}",
        ),
        (
            lambda c: c["explanations"][0].update(key="made-up"),
            "explanations[0] (made-up) key: unknown explanation “made-up”.",
        ),
        (
            lambda c: c["phases"][0].update(last_reviewed="yesterday"),
            "phases[0] (untreated) last_reviewed: must be a day written YYYY-MM-DD, or null "
            "(not reviewed yet), not the text “yesterday”.",
        ),
        (lambda c: c["phases"][0].update(REVIEWED | {"last_reviewed": "20261203"}), "YYYY-MM-DD"),
        (lambda c: c["phases"][0].update(REVIEWED | {"last_reviewed": 20261203}), "YYYY-MM-DD"),
        (
            lambda c: c["phases"][0].update(REVIEWED | {"reviewer": ""}),
            "phases[0] (untreated): last_reviewed, next_review_due and reviewer go together",
        ),
        (
            lambda c: c["phases"][0].update(REVIEWED | {"next_review_due": None}),
            "last_reviewed, next_review_due and reviewer go together",
        ),
        (
            lambda c: c["phases"][0].update(REVIEWED | {"next_review_due": "2026-01-01"}),
            "The next review must be due after the last review.",
        ),
        (lambda c: c["phases"][0].pop("references"), "phases[0] (untreated) references: missing."),
        (
            lambda c: c["sections"][0].update(key="what-to-eat"),
            "sections[0] (what-to-eat) key: unknown section “what-to-eat”",
        ),
        (lambda c: c["sections"][1].pop("title"), "sections[1] (urgent-help) title: missing."),
        (lambda c: c.pop("sections"), "  - sections: missing."),
        (lambda c: c.pop("glossary"), "  - glossary: missing."),
        (lambda c: c.update(phases={}), "  - phases: must be a list, not an object."),
        (lambda c: c.update(disclaimer=[]), "  - disclaimer: must be an object, not a list."),
        (lambda c: c["phases"].append("refractory"), "phases[5]: must be an object, not the text"),
        (lambda c: c.update(format="something-else"), "not an ALL Phase Portal export"),
        # Types, as declared in content_transfer.SECTIONS.
        (
            lambda c: c["phases"][0].update(version="abc"),
            "phases[0] (untreated) version: must be a whole number from 1 to 1,000,000,000, "
            "not the text “abc”.",
        ),
        (lambda c: c["phases"][0].update(version=0), "version: must be a whole number from 1"),
        (lambda c: c["phases"][0].update(version=2.5), "not 2.5."),
        (lambda c: c["phases"][0].update(version=True), "not true."),
        (lambda c: c["phases"][0].update(version=10**30), "not a long number."),
        (lambda c: c["phases"][0].update(order="1"), "order: must be a whole number from 0"),
        (
            lambda c: c["phases"][1].update(name=["Remission"]),
            "phases[1] (remission) name: must be text, not a list.",
        ),
        (lambda c: c["phases"][1].update(body={"text": "x"}), "body: must be text, not an object."),
        (lambda c: c["phases"][1].update(body=None), "body: must be text, not null."),
        (lambda c: c["phases"][1].update(slug=5), "phases[1] slug: must be text, not 5."),
        (
            lambda c: c["glossary"][0].update(is_published="yes"),
            "is_published: must be true or false, not the text “yes”.",
        ),
        (
            lambda c: c["phases"][0].update(name="N" * 81),
            "phases[0] (untreated) name: must be at most 80 characters (this has 81).",
        ),
        (
            lambda c: c["glossary"][0].update(term="Bl\x00asts"),
            "term: holds a character no database can store",
        ),
        (
            lambda c: c["glossary"][0].update(definition="Half a pair: \ud800."),
            "definition: holds a character no database can store",
        ),
        (
            lambda c: c["phases"][2].update(slug="untreated"),
            "phases[2] (untreated) slug: “untreated” is also in phases[0] (untreated).",
        ),
        (lambda c: c["phases"][2].update(order=1), "phases[2] (minimal-residual-disease) order:"),
        (lambda c: c["phases"][0].update(icd10_code="C99"), "icd10_code: Value 'C99' is not"),
        # Drafts: an object of the model's draft fields, each text checked like published text.
        (
            lambda c: c["phases"][0].update(draft="text"),
            "phases[0] (untreated) draft: must be null or an object, not the text “text”.",
        ),
        (
            lambda c: c["sections"][0].update(draft={"key": "x"}),
            "sections[0] (support) draft.key: not a field a draft may hold (they are title, text).",
        ),
        (
            lambda c: c["phases"][0].update(draft={"summary": 3}),
            "phases[0] (untreated) draft.summary: must be text, not 3.",
        ),
        (
            lambda c: c["phases"][0].update(draft={"name": "N" * 81}),
            "draft.name: must be at most 80 characters (this has 81).",
        ),
        (
            lambda c: c["phases"][0].update(draft={"name": ""}),
            "phases[0] (untreated) draft.name: This field cannot be blank.",
        ),
        (glossary_draft(slug="not a slug"), "draft.slug: Enter a valid “slug”"),
        (glossary_draft(definition="x" * 1001), "draft.definition: Ensure this value has at most"),
        (glossary_draft(term="Bl\x00asts"), "draft.term: holds a character no database can store"),
        (
            lambda c: c["explanations"][0].update(draft={"text": "Broken {placeholder"}),
            "draft.text: A curly bracket “{” must start a placeholder",
        ),
    ],
)
def test_a_bad_file_is_rejected_with_the_item_and_the_reason_and_changes_nothing(
    tmp_path, exported, change, reason
):
    shared_sections()
    content = changed(exported, change)

    assert reason in refused(write(tmp_path, content), exported)


TOO_LONG_MARKDOWN = "A sentence. " * (staff_markdown.MAX_CHARACTERS // 10)
TOO_DEEP_MARKDOWN = "- " * (staff_markdown.MAX_NESTING + 4) + "too deep"


@pytest.mark.parametrize("text", [TOO_LONG_MARKDOWN, TOO_DEEP_MARKDOWN])
@pytest.mark.parametrize(
    ("section", "index", "field", "label"),
    [
        ("phases", 0, "body", "phases[0] (untreated)"),
        ("phases", 2, "questions", "phases[2] (minimal-residual-disease)"),
        ("phases", 4, "references", "phases[4] (relapsed)"),
        ("sections", 1, "text", "sections[1] (urgent-help)"),
        ("disclaimer", None, "text", "disclaimer"),
        ("explanations", 0, "text", "explanations[0] (cant-tell)"),
    ],
)
@pytest.mark.parametrize("in_draft", [False, True], ids=["published", "draft"])
def test_texts_and_drafts_are_checked_by_the_model_field_validators_like_in_the_admin(
    tmp_path, exported, section, index, field, label, text, in_draft
):
    shared_sections()
    model = content_transfer.SECTIONS[section].model
    with pytest.raises(ValidationError) as validator:
        model._meta.get_field(field).run_validators(text)

    def change(content):
        item = content[section] if index is None else content[section][index]
        item.update(draft={field: text}) if in_draft else item.update({field: text})

    message = refused(write(tmp_path, changed(exported, change)), exported)

    where = f"{label} draft.{field}" if in_draft else f"{label} {field}"
    assert f"  - {where}: {' '.join(validator.value.messages)}" in message.splitlines()


def test_a_phase_draft_whose_body_is_a_list_is_refused(tmp_path, exported, client, approver):
    file = write(tmp_path, changed(exported, lambda c: c["phases"][0].update(draft={"body": []})))

    message = refused(file, exported)

    assert "phases[0] (untreated) draft.body: must be text, not a list." in message
    client.force_login(approver)
    untreated = Phase.objects.get(slug="untreated")
    assert client.get(f"/admin/phases/phase/{untreated.pk}/change/").status_code == 200


def test_every_problem_is_listed_not_only_the_first(tmp_path, exported):
    def change(content):
        content["phases"][0]["version"] = "abc"
        content["phases"][1]["name"] = ["a list"]
        content["glossary"][2]["colour"] = "red"
        content["explanations"][1]["draft"] = {"text": "Broken {placeholder"}

    message = refused(write(tmp_path, changed(exported, change)), exported)

    lines = message.splitlines()[1:]
    assert len(lines) == 4
    assert lines[0].startswith("  - phases[0] (untreated) version: must be a whole number")
    assert lines[1] == "  - phases[1] (remission) name: must be text, not a list."
    assert lines[2].startswith("  - glossary[2] (")
    assert ") colour: not a field here (they are slug, term, definition, " in lines[2]
    assert lines[3].startswith("  - explanations[1] (")


def test_a_file_with_thousands_of_problems_lists_the_first_hundred(tmp_path, exported):
    content = changed(exported, lambda c: c["glossary"].extend([{}] * 5_000))

    message = refused(write(tmp_path, content), exported)

    assert len(message.splitlines()) == 1 + content_transfer.MAX_PROBLEMS + 1
    assert message.endswith("… and more: checking stopped after 100 problems.")


def test_an_unknown_section_is_refused(tmp_path, exported):
    file = write(tmp_path, changed(exported, lambda c: c.update(recipes=[])))

    assert (
        "  - recipes: not a section (they are phases, sections, disclaimer, glossary, "
        "explanations)." in refused(file, exported)
    )


def test_an_unknown_field_is_refused(tmp_path, exported):
    file = write(tmp_path, changed(exported, lambda c: c["phases"][3].update(colour="red")))

    assert "phases[3] (refractory) colour: not a field here (they are slug, order, " in (
        refused(file, exported)
    )


def test_partners_are_not_exported_and_an_import_refuses_them(tmp_path, exported):
    assert "partners" not in json.loads(exported())
    partners_before = list(Partner.objects.values())
    partners = [{"name": "A hospital", "key": "a-hospital", "allowed_origins": "https://a.org"}]
    file = write(tmp_path, changed(exported, lambda c: c.update(partners=partners)))

    message = refused(file, exported)

    assert "  - partners: partners (the hospitals' embed settings) are not content" in message
    assert "set up in the admin on each site" in message
    assert list(Partner.objects.values()) == partners_before


@pytest.mark.parametrize(
    ("format_version", "shown"),
    [
        (99, "not 99."),
        (1, "not 1."),
        ("2", "not the text “2”."),
        (2.0, "not 2.0."),
        (None, "not null."),
    ],
)
def test_a_format_version_this_site_does_not_read_is_refused(
    tmp_path, exported, format_version, shown
):
    content = changed(exported, lambda c: c.update(format_version=format_version))

    message = refused(write(tmp_path, content), exported)

    assert "format_version: this site reads files of version 2, " + shown in message


def test_a_file_without_a_format_version_is_refused(tmp_path, exported):
    content = changed(exported, lambda c: c.pop("format_version"))

    assert "format_version: this site reads files of version 2, not null" in refused(
        write(tmp_path, content), exported
    )


def test_json_nested_100000_deep_is_a_clear_problem(tmp_path, exported):
    file = write(tmp_path, "[" * 100_000 + "]" * 100_000)

    assert "The file is nested too deeply" in refused(file, exported)


def test_a_file_that_is_not_utf8_is_a_clear_problem(tmp_path, exported):
    file = tmp_path / "content.json"
    file.write_bytes(exported().replace("ALL", "AL\xe9").encode("latin-1", "replace"))

    assert "The file is not UTF-8 text (byte " in refused(file, exported)


def test_a_number_with_thousands_of_digits_is_a_clear_problem(tmp_path, exported):
    text = exported().replace('"format_version": 2', '"format_version": ' + "9" * 5_000)

    assert "The file is not valid JSON: Exceeds the limit" in refused(
        write(tmp_path, text), exported
    )


def test_a_key_given_twice_in_one_object_is_refused(tmp_path, exported):
    text = exported().replace('"slug": "untreated",', '"slug": "untreated", "slug": "relapsed",')

    assert "The file gives “slug” twice in one object" in refused(write(tmp_path, text), exported)


def test_a_file_that_is_not_json_is_rejected(tmp_path, exported):
    assert "The file is not valid JSON: " in refused(write(tmp_path, "{not json"), exported)


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read .*nowhere.json: No such file"):
        call_command("import_content", str(tmp_path / "nowhere.json"))


def test_a_file_over_the_size_limit_is_refused_without_being_read(tmp_path, exported, monkeypatch):
    file = tmp_path / "content.json"
    with file.open("wb") as sparse:
        sparse.truncate(200 * 1024 * 1024)

    def never_open(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(content_transfer, "open", never_open, raising=False)
    started = time.perf_counter()
    message = refused(file, exported)

    assert time.perf_counter() - started < 5
    assert "The file is 200.0 MB; an import may be at most 5 MB" in message


def fake_stdin(monkeypatch, data):
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    return stdin.buffer


def test_standard_input_over_the_size_limit_is_refused_having_read_one_byte_more(
    exported, monkeypatch
):
    stdin = fake_stdin(monkeypatch, b" " * (content_transfer.MAX_IMPORT_BYTES + 1_000))

    message = refused("-", exported)

    assert "Problems in standard input:" in message
    assert "The file is more than 5 MB; an import may be at most 5 MB" in message
    assert stdin.tell() == content_transfer.MAX_IMPORT_BYTES + 1


def test_content_can_be_imported_from_standard_input(exported, monkeypatch, capsys):
    content = json.loads(exported())
    content["disclaimer"]["text"] = "Changed through standard input."
    fake_stdin(monkeypatch, json.dumps(content).encode())

    call_command("import_content", "-")

    assert "Imported 5 phases" in capsys.readouterr().out
    assert Disclaimer.current().text == "Changed through standard input."
    assert Disclaimer.current().history.first().history_change_reason == (
        "Imported from standard input"
    )


# The command as staff run it: a real process, never a traceback.


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A migrated SQLite site of its own, and its export."""
    folder = tmp_path_factory.mktemp("site")
    database = folder / "db.sqlite3"
    env = os.environ | {
        "SECRET_KEY": "x",
        "DJANGO_HTTPS": "0",
        "DJANGO_DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{database}",
    }

    def manage(*arguments, **options):
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=PROJECT_DIR,
            env=env,
            capture_output=True,
            timeout=60,
            **options,
        )

    assert manage("migrate", "--noinput").returncode == 0
    export = manage("export_content")
    assert export.returncode == 0, export.stderr
    return SimpleNamespace(folder=folder, database=database, manage=manage, content=export.stdout)


def snapshot(database):
    """Every row of the portal's tables, the history included."""
    with closing(sqlite3.connect(database)) as connection:
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'phases_%'"
        ).fetchall()
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            for (table,) in tables
        }


def edited(content, change):
    content = json.loads(content)
    content["disclaimer"]["text"] = "This would change the disclaimer."
    change(content)
    return json.dumps(content).encode()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda c: b"[" * 100_000 + b"]" * 100_000, "The file is nested too deeply"),
        (
            lambda c: edited(c, lambda c: c["phases"][0].update(version="abc")),
            "phases[0] (untreated) version: must be a whole number",
        ),
        (
            lambda c: edited(c, lambda c: c["phases"][0].update(name=["a", "list"])),
            "phases[0] (untreated) name: must be text, not a list.",
        ),
        (
            lambda c: edited(c, lambda c: c["phases"][0].update(draft={"body": ["x"]})),
            "phases[0] (untreated) draft.body: must be text, not a list.",
        ),
        (
            lambda c: edited(c, lambda c: c.update(format_version=99)),
            "format_version: this site reads files of version 2, not 99.",
        ),
        (lambda c: edited(c, lambda c: c.update(recipes=[])), "recipes: not a section"),
        (lambda c: edited(c, lambda c: c.update(partners=[])), "set up in the admin on each site"),
        (
            lambda c: edited(c, lambda c: c["phases"][0].update(colour="red")),
            "phases[0] (untreated) colour: not a field here",
        ),
        (lambda c: b"\xff\xfe" + c, "The file is not UTF-8 text (byte 0 is not UTF-8)."),
        (lambda c: c.replace(b"{", b"{\x00", 1), "The file is not valid JSON"),
        (lambda c: None, "The file is 200.0 MB; an import may be at most 5 MB"),
    ],
)
def test_the_command_answers_a_bad_file_with_the_problems_and_never_a_traceback(site, make, reason):
    file = site.folder / "attack.json"
    data = make(site.content)
    if data is None:
        with file.open("wb") as sparse:
            sparse.truncate(200 * 1024 * 1024)
    else:
        file.write_bytes(data)
    before = snapshot(site.database)

    result = site.manage("import_content", str(file))

    stderr = result.stderr.decode()
    assert result.returncode == 1
    assert "Traceback" not in stderr
    assert stderr.startswith("CommandError: Nothing was imported. Problems in attack.json:\n")
    assert reason in stderr
    assert snapshot(site.database) == before


def test_the_command_imports_its_own_export(site):
    file = site.folder / "content.json"
    file.write_bytes(site.content)

    result = site.manage("import_content", str(file))

    assert result.returncode == 0, result.stderr
    assert b"Imported 5 phases, 2 shared sections" in result.stdout
