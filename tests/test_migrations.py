"""Migrations seed the same content today and in a year: their texts are literals, they import
no live code, and they can be undone and done again without changing a word."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, models
from django.db.migrations.executor import MigrationExecutor

from phases import classifier, wording
from phases.models import Disclaimer, Explanation, GlossaryTerm, Phase, SharedSection

MIGRATIONS = Path(__file__).resolve().parent.parent / "phases" / "migrations"
# What makemigrations itself writes (validators on model fields), and the migrations' own helpers.
ALLOWED_PHASES_IMPORTS = {"phases.models", "phases.migrations._groups"}


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


@pytest.mark.parametrize("path", sorted(MIGRATIONS.glob("0*.py")), ids=lambda path: path.stem)
def test_no_migration_imports_live_app_code(path):
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


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_version_2_wording_never_overwrites_an_editors_text():
    executor = MigrationExecutor(connection)
    before_v2 = ("phases", "0011_phase_sources_review_status_shared_sections")
    executor.migrate([before_v2])
    # The model as it was then: the live one has columns added later.
    then = executor.loader.project_state([before_v2]).apps.get_model("phases", "Explanation")
    edited = "Our own words about remission."
    then.objects.filter(key="remission").update(text=edited)
    then.objects.filter(key="untreated").update(text="Our own words, with a draft.")
    then.objects.filter(key="untreated").update(draft={"text": "A draft of ours."})

    call_command("migrate", verbosity=0)

    remission = Explanation.objects.get(language="en", key="remission")
    assert remission.text == edited
    assert remission.draft == {"text": wording.BUILT_IN["remission"]}  # waits for an editor
    untreated = Explanation.objects.get(language="en", key="untreated")
    assert untreated.text == "Our own words, with a draft."
    assert untreated.draft == {"text": "A draft of ours."}
    assert (
        Explanation.objects.get(language="en", key="refractory").text
        == wording.BUILT_IN["refractory"]
    )
    assert remission.history.filter(history_change_reason__contains="version 2").exists()


@pytest.mark.django_db
def test_every_seeded_text_passes_the_checks_editors_texts_pass_and_has_its_html():
    for model in (Phase, Disclaimer, GlossaryTerm, Explanation, SharedSection):
        for row in model.objects.all():
            row.full_clean()
            for field in getattr(model, "MARKDOWN_FIELDS", ()):
                assert getattr(row, f"{field}_html") or not getattr(row, field), (row, field)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_version_3_wording_never_overwrites_an_editors_text_and_goes_back():
    executor = MigrationExecutor(connection)
    before_v3 = ("phases", "0017_reading_level_help")
    executor.migrate([before_v3])
    then = executor.loader.project_state([before_v3]).apps.get_model("phases", "Explanation")
    edited = "Our own words about signs."
    then.objects.filter(key="symptoms_present", language="es").update(text=edited)
    renamed = then.objects.get(key="relapse_confirm_with_second_test", language="en")

    call_command("migrate", verbosity=0)

    spanish = Explanation.objects.get(language="es", key="symptoms_present")
    assert spanish.text == edited
    assert spanish.draft
    assert "infección" in spanish.draft["text"]  # waits for an editor
    english = Explanation.objects.get(language="en", key="symptoms_present")
    assert english.text == wording.BUILT_IN["symptoms_present"]
    assert Explanation.objects.get(language="en", key="relapse_to_confirm").pk == renamed.pk
    assert Explanation.objects.filter(key="child_not_yet_in_remission").count() == 2
    assert not Explanation.objects.filter(key="get_help_now").exists()

    executor = MigrationExecutor(connection)
    executor.migrate([before_v3])
    then = executor.loader.project_state([before_v3]).apps.get_model("phases", "Explanation")
    assert then.objects.get(key="symptoms_present", language="es").draft is None
    assert then.objects.filter(key="get_help_now").count() == 2
    assert then.objects.filter(key="relapse_confirm_with_second_test").count() == 2
    assert not then.objects.filter(key="child_not_yet_in_remission").exists()
    call_command("migrate", verbosity=0)


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
