"""export_content and import_content, as a webmaster moves content from staging to production."""

import datetime
import io
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from phases.content import transfer as content_transfer
from phases.content.transfer import reading
from phases.models import Disclaimer, Explanation, GlossaryTerm, Partner, Phase, SharedSection
from phases.text import staff_markdown

pytestmark = pytest.mark.django_db

PROJECT_DIR = Path(__file__).resolve().parents[2]

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
    phase = Phase.objects.get(language="en", slug="remission")
    phase.draft = {"summary": "A draft in progress."}
    phase.version = 4
    phase.references = "- [National Cancer Institute](https://www.cancer.gov)"
    phase.save()
    phase.mark_reviewed(reviewer="Dr A. Example, haematologist", by=approver, today=DAY)
    Phase.objects.filter(slug="relapsed").update(
        last_reviewed=None, next_review_due=None, reviewer=""
    )
    urgent = SharedSection.objects.get(language="en", key="urgent-help")
    urgent.draft = {"text": "A draft of the urgent advice."}
    urgent.save()
    terms = GlossaryTerm.objects.filter(language="en").count()
    spanish_terms = GlossaryTerm.objects.filter(language="es").count()
    before = exported()
    file = write(tmp_path, before)

    wipe()
    assert client.get("/phases/remission/").status_code == 404
    call_command("import_content", str(file))
    output = capsys.readouterr().out
    assert f"Imported 5 phases, 3 shared sections, {terms} glossary terms" in output
    assert f"3 shared sections, {spanish_terms} glossary terms" in output.splitlines()[1]

    assert exported() == before
    remission = Phase.objects.get(language="en", slug="remission")
    assert remission.draft == {"summary": "A draft in progress."}
    assert (remission.last_reviewed, remission.reviewer) == (DAY, "Dr A. Example, haematologist")
    assert Phase.objects.get(language="en", slug="relapsed").last_reviewed is None
    assert SharedSection.objects.get(language="en", key="urgent-help").draft == {
        "text": "A draft of the urgent advice."
    }
    page = client.get("/phases/remission/").text
    assert "Reviewed by Dr A. Example, haematologist" in page
    assert "https://www.cancer.gov" in page
    assert "awaiting review by a clinician" in client.get("/phases/relapsed/").text


def test_export_writes_review_fields_as_dates_or_null_and_the_sections_by_key(exported, approver):
    Phase.objects.get(language="en", slug="untreated").mark_reviewed(
        reviewer="Dr A. Example, haematologist", by=approver, today=DAY
    )
    Phase.objects.filter(slug="relapsed").update(
        last_reviewed=None, next_review_due=None, reviewer=""
    )
    content = json.loads(exported())

    phases = {phase["slug"]: phase for phase in content["phases"] if phase["language"] == "en"}
    assert phases["untreated"]["last_reviewed"] == "2026-12-03"
    assert phases["untreated"]["next_review_due"] == "2027-12-03"
    assert phases["relapsed"]["last_reviewed"] is None
    assert phases["relapsed"]["next_review_due"] is None
    assert phases["relapsed"]["reviewer"] == ""
    assert "references" in phases["relapsed"]
    assert [(section["language"], section["key"]) for section in content["sections"]] == [
        ("en", "fever-warning"),
        ("en", "support"),
        ("en", "urgent-help"),
        ("es", "fever-warning"),
        ("es", "support"),
        ("es", "urgent-help"),
    ]
    fields = {"key", "title", "text", "draft", "version", "is_published", "language"}
    assert set(content["sections"][0]) == fields


def test_a_file_saying_a_page_is_not_reviewed_makes_it_await_review(tmp_path, exported, approver):
    Phase.objects.get(language="en", slug="untreated").mark_reviewed(
        reviewer="Dr A. Example, haematologist", by=approver, today=DAY
    )
    content = json.loads(exported())
    for phase in content["phases"]:
        phase.update(last_reviewed=None, next_review_due=None, reviewer="")

    call_command("import_content", str(write(tmp_path, content)))

    assert Phase.objects.awaiting_review().count() == Phase.objects.count() == 10


def test_export_holds_published_text_drafts_and_versions(exported):
    content = json.loads(exported())

    assert [phase["slug"] for phase in content["phases"]] == list(Phase.Slug.values) * 2
    assert {"draft", "version", "body", "language"} <= content["phases"][0].keys()
    assert content["disclaimer"][0]["text"] == Disclaimer.current("en").text
    assert len(content["explanations"]) == Explanation.objects.count()
    assert len(content["glossary"]) == GlossaryTerm.objects.count()


def with_untreated_summary(exported, summary="A changed summary, from the file."):
    content = json.loads(exported())
    for item in content["phases"]:
        if item["slug"] == "untreated" and item.get("language", "en") == "en":
            item["summary"] = summary
    return content


def test_every_import_that_changes_an_item_is_recorded_in_the_history(tmp_path, exported):
    file = write(tmp_path, with_untreated_summary(exported))

    call_command("import_content", str(file))

    record = Phase.objects.get(language="en", slug="untreated").history.first()
    assert record.history_change_reason == "Imported from content.json"


def test_an_import_moves_a_changed_items_version_forward_so_open_forms_are_stale(
    tmp_path, exported
):
    versions = {(phase.language, phase.slug): phase.version for phase in Phase.objects.all()}
    rows = Phase.history.count()
    file = write(tmp_path, with_untreated_summary(exported))

    call_command("import_content", str(file))

    untreated = Phase.objects.get(language="en", slug="untreated")
    assert untreated.version == versions["en", "untreated"] + 1
    assert untreated.history.first().history_change_reason == "Imported from content.json"
    # The items the file leaves as they are get no new version and no history row.
    assert Phase.history.count() == rows + 1
    remission = Phase.objects.get(language="en", slug="remission")
    assert remission.version == versions["en", "remission"]


def test_a_site_without_a_disclaimer_exports_null_and_the_file_imports(tmp_path, exported, capsys):
    Disclaimer.objects.all().delete()
    content = json.loads(exported())
    assert content["disclaimer"] == []

    call_command("import_content", str(write(tmp_path, content)))

    assert "the file has no disclaimer" in capsys.readouterr().out
    assert Disclaimer.current() is None


def test_a_long_file_name_still_fits_in_the_history(tmp_path, exported):
    file = tmp_path / ("content-" + "x" * 200 + ".json")
    file.write_text(json.dumps(with_untreated_summary(exported)))

    call_command("import_content", str(file))

    reason = (
        Phase.objects.get(language="en", slug="untreated").history.first().history_change_reason
    )
    assert reason.startswith("Imported from content-xxx")
    assert len(reason) == 100


# Refused files. Each bad file also changes the disclaimer (a valid change), so a file written
# even in part would show: `refused` checks that the content and its history are as before.

CONTENT_MODELS = (Phase, SharedSection, Disclaimer, GlossaryTerm, Explanation)


def history_rows():
    return sum(model.history.count() for model in CONTENT_MODELS)


def changed(exported, change):
    content = json.loads(exported())
    content["disclaimer"][0]["text"] = "This would change the disclaimer."
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
        (lambda c: c["sections"][2].pop("title"), "sections[2] (urgent-help) title: missing."),
        (lambda c: c.pop("sections"), "  - sections: missing."),
        (lambda c: c.pop("glossary"), "  - glossary: missing."),
        (lambda c: c.update(phases={}), "  - phases: must be a list, not an object."),
        (lambda c: c.update(disclaimer={}), "  - disclaimer: must be a list, not an object."),
        (lambda c: c["phases"].append("refractory"), "phases[10]: must be an object, not the text"),
        (
            lambda c: c["phases"][6].update(name=["Remisión"]),
            "phases[6] (es, remission) name: must be text, not a list.",
        ),
        (
            lambda c: c["phases"][6].update(language=["es"]),
            "phases[6] (remission) language: must be one of the portal's languages, en (English)",
        ),
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
            lambda c: c["sections"][1].update(draft={"key": "x"}),
            "sections[1] (support) draft.key: not a field a draft may hold (they are title, text).",
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
        ("sections", 2, "text", "sections[2] (urgent-help)"),
        ("disclaimer", 0, "text", "disclaimer[0]"),
        ("explanations", 0, "text", "explanations[0] (cant-tell)"),
    ],
)
@pytest.mark.parametrize("in_draft", [False, True], ids=["published", "draft"])
def test_texts_and_drafts_are_checked_by_the_model_field_validators_like_in_the_admin(
    tmp_path, exported, section, index, field, label, text, in_draft
):
    model = content_transfer.SECTIONS[section].model
    with pytest.raises(ValidationError) as validator:
        model._meta.get_field(field).run_validators(text)

    def change(content):
        item = content[section][index]
        item.update(draft={field: text}) if in_draft else item.update({field: text})

    message = refused(write(tmp_path, changed(exported, change)), exported)

    where = f"{label} draft.{field}" if in_draft else f"{label} {field}"
    assert f"  - {where}: {' '.join(validator.value.messages)}" in message.splitlines()


def test_a_phase_draft_whose_body_is_a_list_is_refused(tmp_path, exported, client, approver):
    file = write(tmp_path, changed(exported, lambda c: c["phases"][0].update(draft={"body": []})))

    message = refused(file, exported)

    assert "phases[0] (untreated) draft.body: must be text, not a list." in message
    client.force_login(approver)
    untreated = Phase.objects.get(language="en", slug="untreated")
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

    assert "format_version: this site reads files of versions 2 and 3, " + shown in message


def test_a_file_without_a_format_version_is_refused(tmp_path, exported):
    content = changed(exported, lambda c: c.pop("format_version"))

    assert "format_version: this site reads files of versions 2 and 3, not null" in refused(
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
    text = exported().replace('"format_version": 3', '"format_version": ' + "9" * 5_000)

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

    monkeypatch.setattr(reading, "open", never_open, raising=False)
    message = refused(file, exported)

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
    content["disclaimer"][0]["text"] = "Changed through standard input."
    fake_stdin(monkeypatch, json.dumps(content).encode())

    call_command("import_content", "-")

    assert "Imported 5 phases" in capsys.readouterr().out
    assert Disclaimer.current().text == "Changed through standard input."
    assert Disclaimer.current().history.first().history_change_reason == (
        "Imported from standard input"
    )


# Languages: one row per language, each item of the file naming its own.

SPANISH_TERM = {
    "slug": "quimioterapia",
    "term": "Quimioterapia",
    "definition": "Medicinas fuertes que destruyen las células de la leucemia.",
    "language": "es",
}


def stored(language):
    """Every row of `language`, every value, and how long each kind's history is."""
    return {
        model.__name__: (
            list(model.objects.filter(language=language).order_by("pk").values()),
            model.history.filter(language=language).count(),
        )
        for model in CONTENT_MODELS
    }


def in_language(content, language):
    """`content` with the items of `language` only."""
    return content | {
        name: [item for item in content[name] if item["language"] == language]
        for name in content_transfer.SECTIONS
    }


def without_languages(content, version):
    """The English items of `content` as a site wrote them before the portal had languages
    (version 2: one disclaimer, is_published for glossary terms only), or as version 3 items
    that do not say their language."""
    old = in_language(content, "en") | {"format_version": version}
    for name in content_transfer.SECTIONS:
        for item in old[name]:
            del item["language"]
            if version == 2 and name != "glossary":
                del item["is_published"]
    if version == 2:
        old["disclaimer"] = old["disclaimer"][0] if old["disclaimer"] else None
    return old


def item(content, section, language, name):
    """The index of an item in the file, and the item."""
    key = content_transfer.SECTIONS[section].name_field
    return next(
        (index, found)
        for index, found in enumerate(content[section])
        if found["language"] == language and found[key] == name
    )


def test_export_holds_every_language_each_item_with_its_language(exported):
    content = json.loads(exported())

    assert content["format_version"] == 3
    for name, section in content_transfer.SECTIONS.items():
        languages = [item["language"] for item in content[name]]
        assert languages == sorted(languages), "English first, then each language"
        for language in ("en", "es"):
            assert (
                languages.count(language) == section.model.objects.filter(language=language).count()
            )
    assert [disclaimer["language"] for disclaimer in content["disclaimer"]] == ["en", "es"]
    _, remission = item(content, "phases", "es", "remission")
    assert remission["name"] == Phase.objects.get(language="es", slug="remission").name
    assert remission["is_published"] is True


def change_every_text(content, language):
    for phase in content["phases"]:
        phase["summary"] = f"Imported summary ({language})."
    for section in content["sections"]:
        section["title"] = f"Imported title ({language})"
    for term in content["glossary"]:
        term["definition"] = f"Imported definition ({language})."
    content["disclaimer"][0]["text"] = f"Imported disclaimer ({language})."


@pytest.mark.parametrize(("language", "other"), [("es", "en"), ("en", "es")])
def test_a_file_of_one_language_changes_that_languages_rows_and_no_other(
    tmp_path, exported, capsys, language, other
):
    content = in_language(json.loads(exported()), language)
    change_every_text(content, language)
    untouched = stored(other)

    call_command("import_content", str(write(tmp_path, content)))

    assert stored(other) == untouched
    for model, field, text in [
        (Phase, "summary", f"Imported summary ({language})."),
        (SharedSection, "title", f"Imported title ({language})"),
        (GlossaryTerm, "definition", f"Imported definition ({language})."),
        (Disclaimer, "text", f"Imported disclaimer ({language})."),
    ]:
        assert set(model.objects.filter(language=language).values_list(field, flat=True)) == {text}
    names = {"en": "English", "es": "Spanish"}
    terms = len(content["glossary"])
    explanations = len(content["explanations"])
    assert capsys.readouterr().out.splitlines() == [
        f"Imported {5 if code == language else 0} phases, "
        f"{3 if code == language else 0} shared sections, "
        + (
            f"{terms} glossary terms, {explanations} checker explanations and the disclaimer in "
            f"{names[code]} ({code})."
            if code == language
            else f"0 glossary terms and 0 checker explanations in {names[code]} ({code}); the "
            f"file has no disclaimer in {names[code]}."
        )
        for code in ("en", "es")
    ]


@pytest.mark.parametrize("version", [2, 3], ids=["version 2", "version 3 without languages"])
def test_a_file_without_languages_is_english_and_changes_english_rows_only(
    tmp_path, exported, capsys, version
):
    content = without_languages(json.loads(exported()), version)
    content["phases"][1]["summary"] = "A new English summary."
    spanish = stored("es")

    call_command("import_content", str(write(tmp_path, content)))

    assert stored("es") == spanish
    assert Phase.objects.get(language="en", slug="remission").summary == "A new English summary."
    assert "0 checker explanations in Spanish (es); the file has no disclaimer in Spanish." in (
        capsys.readouterr().out
    )
    # Its Spanish text now lags behind: translators see it. The other texts did not change.
    out_of_date = Phase.objects.translation_out_of_date("es")
    assert [phase.slug for phase in out_of_date] == ["remission"]


def test_an_imported_text_counts_as_published_as_of_the_import_if_it_changed(tmp_path, exported):
    content = json.loads(exported())
    _, support = item(content, "sections", "es", "support")
    support["text"] = "Pida hablar con un **trabajador social**."
    published_at = {row.pk: row.published_at for row in SharedSection.objects.all()}

    call_command("import_content", str(write(tmp_path, content)))

    for row in SharedSection.objects.all():
        assert row.is_published
        changed = (row.language, row.key) == ("es", "support")
        assert (row.published_at > published_at[row.pk]) is changed


def test_a_version_2_file_gives_one_disclaimer_not_a_list(tmp_path, exported):
    content = without_languages(json.loads(exported()), 2) | {"disclaimer": []}

    assert "  - disclaimer: must be an object, not a list." in refused(
        write(tmp_path, content), exported
    )


@pytest.mark.parametrize(
    ("language", "named", "shown"),
    [
        ("fr", "fr, ", "the text “fr”"),
        ("ES", "ES, ", "the text “ES”"),
        ("", "", "the text “”"),
        (None, "", "null"),
        (["es"], "", "a list"),
    ],
)
def test_an_unknown_language_is_refused_naming_the_portals_languages(
    tmp_path, exported, language, named, shown
):
    content = changed(exported, lambda c: c["glossary"][3].update(language=language))
    slug = content["glossary"][3]["slug"]

    message = refused(write(tmp_path, content), exported)

    assert (
        f"  - glossary[3] ({named}{slug}) language: must be one of the portal's languages, "
        f"en (English), es (Español); not {shown}."
    ) in message.splitlines()


def test_round_trip_in_both_languages(tmp_path, exported, client, capsys):
    spanish = Phase.objects.get(language="es", slug="remission")
    spanish.draft = {"summary": "Un borrador en curso."}
    spanish.version = 7
    spanish.save()
    before = exported()

    wipe()
    call_command("import_content", str(write(tmp_path, before)))
    capsys.readouterr()

    assert exported() == before
    for model in CONTENT_MODELS:
        assert {row.language for row in model.objects.all()} == {"en", "es"}
        assert not model.objects.filter(published_at=None).exists()
    spanish = Phase.objects.get(language="es", slug="remission")
    assert (spanish.version, spanish.draft) == (7, {"summary": "Un borrador en curso."})
    assert spanish.name == "Remisión"
    assert spanish.name in client.get("/es/phases/remission/").text


def test_a_spanish_glossary_term_without_an_english_term_is_for_spanish_readers(
    tmp_path, exported, client
):
    content = json.loads(exported())
    content["glossary"].append(SPANISH_TERM)

    call_command("import_content", str(write(tmp_path, content)))

    term = GlossaryTerm.objects.get(language="es", slug="quimioterapia")
    assert term.is_published
    assert term.published_at is not None
    assert not GlossaryTerm.objects.filter(slug="quimioterapia", language="en").exists()
    assert "Quimioterapia" in client.get("/es/glossary/").text
    assert "Quimioterapia" not in client.get("/glossary/").text


def test_a_translation_the_file_says_is_not_published_stays_unpublished(tmp_path, exported):
    content = json.loads(exported())
    content["glossary"].append(SPANISH_TERM | {"is_published": False})
    _, remission = item(content, "phases", "es", "remission")
    remission.update(is_published=False, draft={"name": "Remisión (borrador)"})

    call_command("import_content", str(write(tmp_path, content)))

    assert not GlossaryTerm.objects.get(slug="quimioterapia").is_published
    spanish = Phase.objects.get(language="es", slug="remission")
    assert not spanish.is_published
    assert spanish.draft == {"name": "Remisión (borrador)"}
    shown = {phase.slug: phase for phase in Phase.objects.in_language_list("es")}
    assert shown["remission"].is_fallback
    assert not shown["untreated"].is_fallback


@pytest.mark.parametrize("english_in_file", [True, False], ids=["file", "site"])
@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("order", 9, "order: must be 2, as in English, not 9: a phase's place in the list and "),
        ("icd10_code", "C91.02", "icd10_code: must be C91.01, as in English, not C91.02: "),
    ],
)
def test_a_translated_phase_keeps_the_english_place_and_code(
    tmp_path, exported, english_in_file, field, value, reason
):
    def change(content):
        index, remission = item(content, "phases", "es", "remission")
        remission[field] = value
        if not english_in_file:
            content["phases"] = [phase for phase in content["phases"] if phase["language"] == "es"]

    content = changed(exported, change)
    index, _ = item(content, "phases", "es", "remission")

    assert f"  - phases[{index}] (es, remission) {reason}" in refused(
        write(tmp_path, content), exported
    )


def test_a_new_place_or_code_given_in_english_is_copied_to_translations_the_file_lacks(
    tmp_path, exported
):
    content = without_languages(json.loads(exported()), 2)
    content["phases"][4]["order"] = 9  # relapsed
    content["phases"][3]["icd10_code"] = "C91.02"  # refractory
    remission = Phase.objects.get(language="es", slug="remission")

    call_command("import_content", str(write(tmp_path, content)))

    relapsed = Phase.objects.get(language="es", slug="relapsed")
    assert relapsed.order == 9
    assert relapsed.history.first().history_change_reason == "Imported from content.json"
    assert Phase.objects.get(language="es", slug="refractory").icd10_code == "C91.02"
    assert Phase.objects.get(language="es", slug="remission").version == remission.version


def test_one_language_may_not_give_one_item_twice(tmp_path, exported):
    def change(content):
        content["disclaimer"].append(dict(content["disclaimer"][1]))
        content["glossary"].append(SPANISH_TERM | {"term": "BLASTOS"})

    content = changed(exported, change)
    blasts, _ = item(content, "glossary", "es", "blasts")
    last = len(content["glossary"]) - 1

    message = refused(write(tmp_path, content), exported)

    assert message.splitlines()[1:] == [
        "  - disclaimer[2] (es): disclaimer[1] (es) is already the medical disclaimer in this "
        "language: one per language.",
        f"  - glossary[{last}] (es, quimioterapia) term: “BLASTOS” is also in "
        f"glossary[{blasts}] (es, blasts).",
    ]


# The command as staff run it: a real process, never a traceback.


@pytest.fixture(scope="module")
def site(tmp_path_factory, seeded_sqlite_database):
    """A migrated SQLite site of its own, and its export."""
    folder = tmp_path_factory.mktemp("site")
    database = seeded_sqlite_database(folder / "db.sqlite3")
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
    content["disclaimer"][0]["text"] = "This would change the disclaimer."
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
            "format_version: this site reads files of versions 2 and 3, not 99.",
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
    assert b"Imported 5 phases, 3 shared sections" in result.stdout
