"""The content migrations put a complete, readable portal in place, and can be undone; a later
change of the seed texts reaches the texts no editor has changed, and never an editor's words.
The Spanish seed is tested in test_seed_content_es.py."""

import pytest
import textstat
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from phases.migrations import _seed
from phases.models import Disclaimer, Explanation, GlossaryTerm, Phase, SharedSection
from phases.text.staff_markdown import markdown_to_text

MAX_GRADE = 8
CONTENT = (Phase, Disclaimer, SharedSection, GlossaryTerm, Explanation)
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


def migration_apps():
    """The models as a migration sees them (apps.get_model), at the latest migration."""
    return MigrationExecutor(connection).loader.project_state().apps


def stored(model):
    """Every row and its number of history records, by language and item: not its id, the
    moment it was saved, or its HTML (stored once migrate has run: phases.apps)."""
    rows = model.objects.order_by("language", "pk").values()
    return [
        (
            {
                field: value
                for field, value in row.items()
                if field not in {"id", "published_at", "updated_at"} and not field.endswith("_html")
            },
            model.history.filter(id=row["id"]).count(),
        )
        for row in rows
    ]


@pytest.mark.django_db
def test_the_seed_reverses_and_applies_again():
    before = {model: stored(model) for model in CONTENT}

    _seed.unapply(migration_apps(), "0001")

    for model in CONTENT:
        assert not model.objects.exists(), model.__name__
        assert not model.history.exists(), model.__name__

    _seed.apply(migration_apps(), "0001")

    assert {model: stored(model) for model in CONTENT} == before


@pytest.mark.django_db
def test_applying_the_seed_again_changes_nothing():
    before = {model: stored(model) for model in CONTENT}

    _seed.apply(migration_apps(), "0001")

    assert {model: stored(model) for model in CONTENT} == before


CHANGE_REASON = "Content version 4 by the portal team; awaiting clinical review"


def write(root, path, short, texts):
    """A seed file as a content change would add it (see docs/seed-content.md)."""
    path = root / path
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["---", *(f"{field}: {value}" for field, value in short.items()), "---"]
    for field, text in texts.items():
        lines += ["", f"<!-- {field} -->", text]
    path.write_text("\n".join(lines) + "\n")


@pytest.fixture
def content_change(tmp_path):
    """A later seed folder beside the real 0001: new checker words for three texts, a phase's
    new summary and body, and a new glossary term."""
    (tmp_path / "0001").symlink_to(_seed.SEED / "0001")
    change = tmp_path / "0002_content_v4"
    new = {
        key: Explanation.objects.get(language="en", key=key).text + " Ask your care team."
        for key in ("remission", "untreated", "refractory")
    }
    for key, text in new.items():
        write(change, f"en/checker/{key}.md", {"history": CHANGE_REASON}, {"text": text})
    relapsed = Phase.objects.get(language="en", slug="relapsed")
    new["summary"] = "The leukemia has come back after a remission."
    new["body"] = relapsed.body + "\n\nAsk your care team what comes next."
    write(
        change,
        "en/phases/relapsed.md",
        {"summary": new["summary"], "history": CHANGE_REASON},
        {"body": new["body"]},
    )
    write(
        change,
        "en/glossary/port.md",
        {"term": "Port", "history": CHANGE_REASON},
        {"definition": "A small device under the skin that takes medicine into a vein."},
    )
    return tmp_path, change.name, new


def publish(row, **texts):
    for field, text in texts.items():
        setattr(row, field, text)
    row.publish(by=None)


@pytest.mark.django_db
def test_a_content_change_reaches_unedited_texts_and_never_overwrites_an_editors(content_change):
    root, folder, new = content_change
    refractory = Explanation.objects.get(language="en", key="refractory")
    publish(Explanation.objects.get(language="en", key="remission"), text="Our own words.")
    untreated = Explanation.objects.get(language="en", key="untreated")
    untreated.text = "A draft of ours."
    untreated.save_draft(by=None)
    relapsed = Phase.objects.get(language="en", slug="relapsed")
    publish(relapsed, body="## What this phase means\n\nOur own words about relapse.")

    _seed.apply(migration_apps(), folder, root=root)

    changed = Explanation.objects.get(pk=refractory.pk)
    assert (changed.text, changed.version) == (new["refractory"], refractory.version + 1)
    assert changed.history.first().history_change_reason == CHANGE_REASON
    assert changed.history.first().history_type == "~"
    remission = Explanation.objects.get(language="en", key="remission")
    assert remission.text == "Our own words."  # what patients read stays the editor's
    assert remission.draft == {"text": new["remission"]}  # the new words wait for an editor
    untreated = Explanation.objects.get(pk=untreated.pk)
    assert untreated.draft == {"text": "A draft of ours."}  # an editor's draft is kept
    relapsed = Phase.objects.get(pk=relapsed.pk)
    assert relapsed.summary == new["summary"]  # the field no editor changed
    assert relapsed.body == "## What this phase means\n\nOur own words about relapse."
    assert relapsed.draft["body"] == new["body"]
    assert relapsed.draft["summary"] == new["summary"]
    port = GlossaryTerm.objects.get(language="en", slug="port")
    assert port.is_published
    assert port.history.get().history_type == "+"


@pytest.mark.django_db
def test_a_content_change_goes_back_to_the_seeded_words_and_keeps_an_editors(content_change):
    root, folder, _new = content_change
    before = {model: stored(model) for model in CONTENT}
    _seed.apply(migration_apps(), folder, root=root)

    _seed.unapply(migration_apps(), folder, root=root)

    assert {model: stored(model) for model in CONTENT} == before

    publish(Explanation.objects.get(language="en", key="remission"), text="Our own words.")
    _seed.apply(migration_apps(), folder, root=root)
    _seed.unapply(migration_apps(), folder, root=root)

    remission = Explanation.objects.get(language="en", key="remission")
    assert (remission.text, remission.draft) == ("Our own words.", None)


@pytest.mark.django_db
def test_a_content_change_applied_twice_changes_nothing_the_second_time(content_change):
    root, folder, _new = content_change
    _seed.apply(migration_apps(), folder, root=root)
    once = {model: stored(model) for model in CONTENT}

    _seed.apply(migration_apps(), folder, root=root)

    assert {model: stored(model) for model in CONTENT} == once
