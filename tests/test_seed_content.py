"""The content migrations put a complete, readable portal in place, and can be undone."""

import importlib

import pytest
import textstat
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from phases.models import Disclaimer, GlossaryTerm, Phase, SharedSection
from phases.staff_markdown import markdown_to_text

MAX_GRADE = 8
SEED_MIGRATION = ("phases", "0002_seed_content")
BEFORE_CONTENT_V2 = ("phases", "0012_checker_wording_v2")
CONTENT_V2 = ("phases", "0013_content_v2")
# Empty until a clinician has reviewed the page; the seeded pages never were.
REVIEW_FIELDS = {"last_reviewed", "next_review_due", "reviewer", "reviewed_fingerprint"}
NEW_GLOSSARY_SLUGS = {
    "lumbar-puncture",
    "philadelphia-chromosome",
    "b-cell-all",
    "t-cell-all",
    "cri",
    "mrd-level",
    "per-litre-units",
}


@pytest.mark.django_db
def test_migrations_seed_the_five_phases_in_order():
    assert list(Phase.objects.filter(language="en").values_list("slug", flat=True)) == [
        "untreated",
        "remission",
        "minimal-residual-disease",
        "refractory",
        "relapsed",
    ]


@pytest.mark.django_db
def test_every_seeded_phase_has_every_field_filled():
    for phase in Phase.objects.filter(language="en"):
        assert not phase.has_draft
        for field in Phase._meta.concrete_fields:
            if field.name != "draft" and field.name not in REVIEW_FIELDS:
                assert getattr(phase, field.attname) not in (None, ""), (phase.slug, field.name)


@pytest.mark.django_db
def test_every_seeded_phase_is_awaiting_clinical_review():
    for phase in Phase.objects.filter(language="en"):
        assert phase.last_reviewed is None, phase.slug
        assert phase.next_review_due is None, phase.slug
        assert phase.reviewer == "", phase.slug
    assert Phase.objects.awaiting_review().count() == Phase.objects.count()


@pytest.mark.django_db
def test_every_phase_names_its_sources():
    for phase in Phase.objects.filter(language="en"):
        assert phase.references.strip().startswith("- "), phase.slug
        assert "National Cancer Institute" in phase.references, phase.slug
        assert "NCCN Guidelines for Patients" in phase.references, phase.slug
        assert phase.icd10_code[:5] in phase.references, phase.slug


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
    assert Phase.objects.get(language="en", slug=slug).icd10_code == code


@pytest.mark.django_db
def test_migrations_seed_the_disclaimer_and_the_glossary():
    assert "care team" in Disclaimer.current().text
    anchors = set(GlossaryTerm.objects.values_list("slug", flat=True))
    assert {"blasts", "bone-marrow", "cbc", "mrd", "remission", "relapse", "refractory"} <= anchors
    assert {"induction", "anc", "platelets"} <= anchors


@pytest.mark.django_db
def test_the_new_glossary_terms_are_seeded_and_published():
    published = set(GlossaryTerm.objects.published().values_list("slug", flat=True))
    assert published >= NEW_GLOSSARY_SLUGS


@pytest.mark.django_db
def test_no_seeded_text_calls_remission_counts_normal():
    assert "normal" not in GlossaryTerm.objects.get(language="en", slug="remission").definition
    assert "normal" not in Phase.objects.get(language="en", slug="remission").body


@pytest.mark.django_db
def test_the_shared_texts_are_seeded():
    sections = SharedSection.by_key()
    assert set(sections) == {"urgent-help", "support", "fever-warning"}
    for section in sections.values():
        assert section.title
        assert section.text
        assert not section.has_draft
    urgent = sections["urgent-help"].text
    assert "38.0" in urgent
    assert "100.4" in urgent
    assert "911" in urgent
    assert "38.0 °C (100.4 °F)" in sections["fever-warning"].text


@pytest.mark.django_db
def test_phase_texts_link_only_to_glossary_terms_that_exist():
    anchors = set(GlossaryTerm.objects.values_list("slug", flat=True))
    for phase in Phase.objects.filter(language="en"):
        for part in phase.body.split("/glossary/#")[1:]:
            assert part.split(")")[0] in anchors, phase.slug


def seeded_texts():
    texts = [("disclaimer", Disclaimer.current().text)]
    for phase in Phase.objects.filter(language="en"):
        texts += [(f"{phase.slug} {field}", getattr(phase, field)) for field in ("summary", "body")]
        texts.append((f"{phase.slug} questions", phase.questions))
    texts += [
        (f"glossary {term.slug}", term.definition)
        for term in GlossaryTerm.objects.filter(language="en")
    ]
    for section in SharedSection.objects.filter(language="en"):
        texts += [(f"section {section.key} title", section.title), (section.key, section.text)]
    return texts


@pytest.mark.django_db
def test_seeded_texts_read_at_us_grade_eight_or_below():
    grades = {
        name: textstat.flesch_kincaid_grade(markdown_to_text(text)) for name, text in seeded_texts()
    }

    too_hard = {name: grade for name, grade in grades.items() if grade > MAX_GRADE}
    assert not too_hard


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_seed_migration_reverses_and_applies_again():
    executor = MigrationExecutor(connection)
    executor.migrate([("phases", "0001_initial")])

    assert Phase.objects.count() == 0
    assert GlossaryTerm.objects.count() == 0
    assert Disclaimer.objects.count() == 0

    call_command("migrate", verbosity=0)

    assert Phase.objects.filter(language="en").count() == 5
    assert Disclaimer.current() is not None


def content_v2_texts(at=None):
    """The English texts content v2 wrote, read with the models as they were at migration
    `at` (the live ones, which have columns added later, by default)."""

    def rows(name):
        if at is None:
            return apps.get_model("phases", name).objects.filter(language="en")
        return model_at(at, name).objects.all()

    return {
        "phases": list(
            rows("Phase")
            .order_by("slug")
            .values(
                "slug", "summary", "body", "questions", "references", "reviewer", "last_reviewed"
            )
        ),
        "glossary": list(
            rows("GlossaryTerm").order_by("slug").values("slug", "term", "definition")
        ),
        "sections": list(rows("SharedSection").order_by("key").values("key", "title", "text")),
    }


@pytest.fixture
def back_to_latest():
    """These tests move the database to older migrations: leave it at the latest again."""
    yield
    call_command("migrate", verbosity=0)


def model_at(migration, name):
    """The model as it was at `migration`: the live one may have columns added later."""
    return (
        MigrationExecutor(connection)
        .loader.project_state([migration])
        .apps.get_model("phases", name)
    )


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_content_v2_reverses_to_the_seeded_texts_and_applies_again(back_to_latest):
    MigrationExecutor(connection).migrate([CONTENT_V2])  # later migrations correct it again
    before = content_v2_texts(at=CONTENT_V2)
    seed = importlib.import_module("phases.migrations.0002_seed_content")
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE_CONTENT_V2])

    for seeded in seed.PHASES:
        phase = model_at(BEFORE_CONTENT_V2, "Phase").objects.get(slug=seeded["slug"])
        for field in ("summary", "body", "questions", "reviewer", "last_reviewed"):
            assert getattr(phase, field) == seeded[field], (phase.slug, field)
        assert phase.references == ""
    terms = model_at(BEFORE_CONTENT_V2, "GlossaryTerm").objects
    assert not terms.filter(slug__in=NEW_GLOSSARY_SLUGS).exists()
    assert not model_at(BEFORE_CONTENT_V2, "SharedSection").objects.exists()
    history = model_at(BEFORE_CONTENT_V2, "HistoricalPhase").objects
    assert not history.filter(history_change_reason__contains="portal team").exists()

    executor = MigrationExecutor(connection)
    executor.migrate([CONTENT_V2])

    assert content_v2_texts(at=CONTENT_V2) == before


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_content_v2_never_overwrites_an_editors_text(back_to_latest):
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE_CONTENT_V2])
    edited = "## What this phase means\n\nOur own words about remission."
    model_at(BEFORE_CONTENT_V2, "Phase").objects.filter(slug="remission").update(body=edited)
    terms = model_at(BEFORE_CONTENT_V2, "GlossaryTerm").objects
    terms.filter(slug="induction").update(definition="Our own definition.")

    executor = MigrationExecutor(connection)
    executor.migrate([CONTENT_V2])

    remission = model_at(CONTENT_V2, "Phase").objects.get(slug="remission")
    assert remission.body == edited
    assert remission.references  # the untouched fields are still corrected
    assert remission.last_reviewed is None
    terms = model_at(CONTENT_V2, "GlossaryTerm").objects
    assert terms.get(slug="induction").definition == "Our own definition."
    changed = model_at(CONTENT_V2, "HistoricalPhase").objects.filter(
        id=remission.pk, history_change_reason="Content corrected by the portal team"
    )
    assert changed.get().history_type == "~"


BEFORE_CONTENT_V3 = ("phases", "0017_reading_level_help")
CONTENT_V3_REASON = "Content version 3 by the portal team; awaiting clinical review"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_content_v3_never_overwrites_an_editors_text(back_to_latest):
    v3 = importlib.import_module("phases.migrations.0018_content_v3")
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE_CONTENT_V3])
    sections = model_at(BEFORE_CONTENT_V3, "SharedSection").objects
    sections.filter(language="en", key="urgent-help").update(text="Call us: 555 0100.")
    phases = model_at(BEFORE_CONTENT_V3, "Phase").objects
    relapsed = phases.get(language="en", slug="relapsed")
    edited_relapsed = relapsed.body + "\n\nOur own last words."
    phases.filter(pk=relapsed.pk).update(body=edited_relapsed)
    rewritten = "## Qué significa esta fase\n\nNuestras propias palabras."
    phases.filter(language="es", slug="refractory").update(body=rewritten)

    call_command("migrate", verbosity=0)

    urgent = SharedSection.objects.get(language="en", key="urgent-help")
    assert urgent.text == "Call us: 555 0100."  # what patients read stays the editor's
    assert urgent.draft == {"title": urgent.title, "text": v3.URGENT_HELP_EN}  # awaits publish
    assert urgent.history.first().history_type == "~"
    assert urgent.history.first().history_change_reason == CONTENT_V3_REASON
    relapsed = Phase.objects.get(language="en", slug="relapsed")
    assert relapsed.body == edited_relapsed
    assert relapsed.draft["body"].endswith("Our own last words.")
    assert "may have come back, but it is not certain yet" in relapsed.draft["body"]
    refractory = Phase.objects.get(language="es", slug="refractory")
    assert refractory.body == rewritten
    assert "En los niños" not in str(refractory.draft)  # nothing of ours fits: left alone
    assert refractory.summary.startswith("El tratamiento no ha logrado")  # its other fields: yes


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_content_v3_reverses_to_the_seeded_texts_and_applies_again(back_to_latest):
    def texts():
        return (
            list(SharedSection.objects.order_by("language", "key").values("key", "title", "text")),
            list(Phase.objects.order_by("language", "slug").values("slug", "summary", "body")),
            list(GlossaryTerm.objects.order_by("language", "slug").values("term", "definition")),
        )

    after = texts()
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE_CONTENT_V3])

    sections = model_at(BEFORE_CONTENT_V3, "SharedSection").objects
    assert not sections.filter(key="fever-warning").exists()
    assert "naproxen" not in sections.get(language="en", key="urgent-help").text
    history = model_at(BEFORE_CONTENT_V3, "HistoricalSharedSection").objects
    assert not history.filter(history_change_reason=CONTENT_V3_REASON).exists()

    call_command("migrate", verbosity=0)

    assert texts() == after
