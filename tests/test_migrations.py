"""Migrations seed the same content today and in a year: their texts are frozen seed files beside
them, they import no live code, and they can be undone and done again without changing a word."""

import ast
import hashlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, models
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from phases.migrations import _seed
from phases.models import Disclaimer, Explanation, GlossaryTerm, Phase, SharedSection
from phases.rules import classifier, wording
from tests.server_commands import manage, server_environment

MIGRATIONS = Path(__file__).resolve().parent.parent / "phases" / "migrations"
# What makemigrations itself writes (validators on model fields), and the migrations' own helpers.
ALLOWED_PHASES_IMPORTS = {"phases.models", "phases.migrations._groups", "phases.migrations._seed"}
SQUASHED = "0001_squashed_0022_schema_and_content"
# A released seed folder never changes: a change of the texts is a new folder and a new
# migration (docs/seed-content.md). Add a folder here when its migration is released.
RELEASED_SEED_FOLDERS = {
    "0001": "3fe85ae41bfdea2b0145b00464acb5bbb053ac8dd3a8d228c19e5ed74fd31e6d",
}


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


@pytest.mark.parametrize(
    "path", sorted([*MIGRATIONS.glob("0*.py"), *MIGRATIONS.glob("_*.py")]), ids=lambda p: p.stem
)
def test_no_migration_or_migration_helper_imports_live_app_code(path):
    live = {
        module
        for module in imported_modules(path)
        if module.startswith("phases.")
        and not any(module == ok or module.startswith(f"{ok}.") for ok in ALLOWED_PHASES_IMPORTS)
    }
    assert not live


def test_phases_models_is_only_imported_for_what_makemigrations_wrote():
    """Validators and a field class, referred to by name: no data comes from live code."""
    for path in MIGRATIONS.glob("0*.py"):
        for line in path.read_text().splitlines():
            if "phases.models." in line:
                assert (
                    "phases.models.validate_" in line or "phases.models.SanitisedHtmlField(" in line
                ), path.name


def seeded_content():
    phases = Phase.objects.order_by("language", "slug").values()
    return {
        # The same texts; only the moment they were published is new.
        "phases": [{**phase, "published_at": None} for phase in phases],
        "disclaimer": list(Disclaimer.objects.order_by("language").values("text", "draft")),
        "glossary": list(
            GlossaryTerm.objects.order_by("language", "slug").values("slug", "term", "definition")
        ),
        "explanations": list(
            Explanation.objects.order_by("language", "key").values("key", "kind", "text")
        ),
        "sections": list(
            SharedSection.objects.order_by("language", "key").values("key", "title", "text")
        ),
    }


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reversing_every_migration_and_applying_again_gives_the_same_texts():
    before = seeded_content()

    MigrationExecutor(connection).migrate([("phases", None)])
    call_command("migrate", verbosity=0)

    assert seeded_content() == before


@pytest.mark.django_db
def test_every_checker_text_is_seeded_with_the_built_in_wording():
    english = Explanation.objects.filter(language="en")
    stored = dict(english.values_list("key", "text"))

    assert stored == wording.BUILT_IN
    kinds = dict(english.values_list("key", "kind"))
    assert kinds["urgent-fever"] == kinds["urgent-low-anc"] == "urgent"
    assert classifier.GET_HELP_NOW not in kinds  # the urgent box shows the shared section


@pytest.mark.django_db
def test_every_seeded_text_passes_the_checks_editors_texts_pass_and_has_its_html():
    for model in (Phase, Disclaimer, GlossaryTerm, Explanation, SharedSection):
        for row in model.objects.all():
            row.full_clean()
            for field in getattr(model, "MARKDOWN_FIELDS", ()):
                assert getattr(row, f"{field}_html") or not getattr(row, field), (row, field)


@pytest.mark.django_db
def test_every_value_the_migrations_wrote_fits_its_column_on_every_database():
    """SQLite stores a string longer than its column; PostgreSQL refuses it, and then no database
    can be made. Every seeded row, history rows included, fits the lengths the models declare."""
    too_long = [
        f"{model.__name__}.{field.name}: {len(value)} > {field.max_length}"
        for model in apps.get_app_config("phases").get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField) and field.max_length
        for value in model._default_manager.values_list(field.attname, flat=True)
        if value is not None and len(value) > field.max_length
    ]
    assert not too_long


@pytest.mark.django_db
def test_the_database_holds_every_seed_file_word_for_word():
    texts = _seed.read("0001")
    for text in texts:
        model = apps.get_model("phases", text.model_name)
        key = _seed.MODELS[text.folder][1]
        row = model.objects.get(language=text.language, **({key: text.key} if key else {}))
        for field, value in text.fields.items():
            assert str(getattr(row, field)) == value, (text.identity, field)
        assert (row.version, row.is_published, row.draft) == (text.version, True, None)
        history = list(row.history.order_by("history_date", "history_id"))
        assert [record.version for record in history] == list(range(1, text.version + 1))
        assert [record.history_change_reason for record in history] == [
            version.history for version in text.records
        ]
        for record, version in zip(history, text.records, strict=True):
            for field in text.fields:  # as the history file says, or as the text is now
                stored = getattr(record, field)
                expected = version.fields.get(field, text.fields[field])
                assert str(stored) == expected, (text.identity, record.version, field)
    for folder, (name, _key, _drafted) in _seed.MODELS.items():
        files = [text for text in texts if text.folder == folder]
        assert apps.get_model("phases", name).objects.count() == len(files), folder


@pytest.mark.parametrize(("folder", "fingerprint"), RELEASED_SEED_FOLDERS.items())
def test_a_released_seed_folder_is_never_changed(folder, fingerprint):
    root = _seed.SEED / folder
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(f"{path.relative_to(root)}\0".encode())
        digest.update(path.read_bytes() + b"\0" if path.is_file() else b"\0")
    assert digest.hexdigest() == fingerprint, (
        f"seed/{folder} was changed. Databases already hold its texts: put the change in a new "
        "seed folder read by a new migration instead (docs/seed-content.md)."
    )


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("<!-- text -->\nWords.\n", "starts with its fields"),
        ("---\nterm Blasts\n---\n", "one `field: value` a line"),
        ("---\nterm: Blasts\n---\nWords before any mark.\n", "starts with its field's mark"),
        ("---\nterm: Blasts\n---\n<!-- term -->\nBlasts\n", "term is given twice"),
    ],
)
def test_a_seed_file_that_could_be_read_two_ways_is_refused(tmp_path, written, problem):
    path = tmp_path / "blasts.md"
    path.write_text(written)

    with pytest.raises(ValueError, match=problem):
        _seed.parse(path)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_part_way_through_the_replaced_migrations_is_told_what_to_do():
    """The files of 0001-0022 are gone: a database that has only some of them stops with a
    message, instead of Django finding nothing to apply."""
    replaced = MigrationExecutor(connection).loader.get_migration("phases", SQUASHED).replaces
    not_yet = [name for _app, name in replaced if name >= "0016"] + [SQUASHED]
    recorder = MigrationRecorder(connection)
    for name in not_yet:
        recorder.record_unapplied("phases", name)
    try:
        with pytest.raises(RuntimeError, match="part-way through the phases migrations 0001-0022"):
            call_command("migrate", verbosity=0)
        assert Phase.objects.count() == 10  # nothing was changed
    finally:
        for name in not_yet:
            recorder.record_applied("phases", name)


@pytest.mark.slow
def test_an_operator_takes_the_content_away_and_migrates_it_back(seeded_sqlite_database, tmp_path):
    """`manage.py migrate phases zero`, as a server's operator runs it to undo the portal's
    tables, ends without a traceback, and `migrate` then seeds the same pages again."""
    env = server_environment(f"sqlite:///{seeded_sqlite_database(tmp_path / 'db.sqlite3')}")

    taken_away = manage(env, "migrate", "phases", "zero", "--noinput")
    brought_back = manage(env, "migrate", "--noinput")

    assert f"Unapplying phases.{SQUASHED}... OK" in taken_away
    assert f"Applying phases.{SQUASHED}... OK" in brought_back
    published = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from phases.models import Phase; print(Phase.objects.count())",
    )
    assert published.strip() == "10"
