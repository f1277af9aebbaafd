"""The content migrations put a complete, readable portal in place, and can be undone."""

import pytest
import textstat
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from phases.markdown import markdown_to_text
from phases.models import Disclaimer, GlossaryTerm, Phase

MAX_GRADE = 8
SEED_MIGRATION = ("phases", "0002_seed_content")


@pytest.mark.django_db
def test_migrations_seed_the_five_phases_in_order():
    assert list(Phase.objects.values_list("slug", flat=True)) == [
        "untreated",
        "remission",
        "minimal-residual-disease",
        "refractory",
        "relapsed",
    ]


@pytest.mark.django_db
def test_every_seeded_phase_has_every_field_filled():
    for phase in Phase.objects.all():
        assert not phase.has_draft
        for field in Phase._meta.concrete_fields:
            if field.name != "draft":
                assert getattr(phase, field.attname) not in (None, ""), (phase.slug, field.name)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "code"),
    [
        ("untreated", "C91.00"),
        ("remission", "C91.01"),
        ("minimal-residual-disease", "C91.01"),
        ("refractory", "C91.00"),
        ("relapsed", "C91.02"),
    ],
)
def test_each_phase_carries_its_icd10_code(slug, code):
    assert Phase.objects.get(slug=slug).icd10_code == code


@pytest.mark.django_db
def test_migrations_seed_the_disclaimer_and_the_glossary():
    assert "care team" in Disclaimer.current().text
    anchors = set(GlossaryTerm.objects.values_list("slug", flat=True))
    assert {"blasts", "bone-marrow", "cbc", "mrd", "remission", "relapse", "refractory"} <= anchors
    assert {"induction", "anc", "platelets"} <= anchors


@pytest.mark.django_db
def test_phase_texts_link_only_to_glossary_terms_that_exist():
    anchors = set(GlossaryTerm.objects.values_list("slug", flat=True))
    for phase in Phase.objects.all():
        for part in phase.body.split("/glossary/#")[1:]:
            assert part.split(")")[0] in anchors, phase.slug


def seeded_texts():
    texts = [("disclaimer", Disclaimer.current().text)]
    for phase in Phase.objects.all():
        texts += [(f"{phase.slug} {field}", getattr(phase, field)) for field in ("summary", "body")]
        texts.append((f"{phase.slug} questions", phase.questions))
    texts += [(f"glossary {term.slug}", term.definition) for term in GlossaryTerm.objects.all()]
    return texts


@pytest.mark.django_db
def test_seeded_texts_read_at_us_grade_eight_or_below():
    grades = {
        name: textstat.flesch_kincaid_grade(markdown_to_text(text)) for name, text in seeded_texts()
    }

    too_hard = {name: grade for name, grade in grades.items() if grade > MAX_GRADE}
    assert not too_hard


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_seed_migration_reverses_and_applies_again():
    executor = MigrationExecutor(connection)
    executor.migrate([("phases", "0001_initial")])

    assert Phase.objects.count() == 0
    assert GlossaryTerm.objects.count() == 0
    assert Disclaimer.objects.count() == 0

    call_command("migrate", verbosity=0)

    assert Phase.objects.count() == 5
    assert Disclaimer.current() is not None
