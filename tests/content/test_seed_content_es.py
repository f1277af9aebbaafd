"""The Spanish content the migrations seed: every English text has a published Spanish row that
says the same, fills in the same values, links to pages that exist, reads easily, and is marked
as awaiting clinical review. The English seed is tested in test_seed_content.py."""

import re

import pytest
import textstat
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import resolve

from phases.migrations import _seed
from phases.models import Disclaimer, Explanation, GlossaryTerm, Phase, SharedSection
from phases.rules import wording
from phases.text.staff_markdown import markdown_to_text

ENGLISH, SPANISH = "en", "es"
CONTENT = (Phase, Disclaimer, SharedSection, GlossaryTerm, Explanation)
PHASE_NAMES = {
    "untreated": "Sin tratar",
    "remission": "Remisión",
    "minimal-residual-disease": "Enfermedad residual mínima",
    "refractory": "Refractaria",
    "relapsed": "Recaída",
}
# Fernández-Huerta reading ease, the Spanish counterpart of Flesch: 65 and above reads about as
# easily as the English texts at US grade 8 or below. Very short texts give no stable score.
MIN_READING_EASE = 65
MIN_WORDS_SCORED = 15
TEXTSTAT_DEFAULT_LANGUAGE = "en_US"  # what the English readability tests count with
PLACEHOLDER = re.compile(r"\{\w+\}")
MOMENTS = {"published_at", "updated_at"}
LINK = re.compile(r"\]\(([^)\s]+)\)")


def spanish_of(english):
    """The Spanish row of an English row (the same slug or key; the one disclaimer)."""
    key = type(english).TRANSLATION_KEY
    match = {key: getattr(english, key)} if key else {}
    return type(english).objects.get(language=SPANISH, **match)


def english_and_spanish(model):
    return [(row, spanish_of(row)) for row in model.objects.filter(language=ENGLISH)]


def markdown_pairs():
    """(name, English text, Spanish text) for every Markdown text."""
    pairs = []
    for model in (Phase, Disclaimer, SharedSection, Explanation):
        for english, spanish in english_and_spanish(model):
            for field in model.MARKDOWN_FIELDS:
                name = f"{model.__name__} {getattr(english, model.TRANSLATION_KEY or 'pk')} {field}"
                pairs.append((name, getattr(english, field), getattr(spanish, field)))
    return pairs


def spanish_texts():
    """(name, text) for every Spanish text patients read, as test_seed_content reads the
    English ones (the sources keep the English titles of their publications, so not those)."""
    texts = [("disclaimer", Disclaimer.objects.get(language=SPANISH).text)]
    for phase in Phase.objects.filter(language=SPANISH):
        texts += [
            (f"{phase.slug} {field}", getattr(phase, field))
            for field in ("name", "summary", "body", "questions")
        ]
    for term in GlossaryTerm.objects.filter(language=SPANISH):
        texts += [
            (f"glossary {term.slug} term", term.term),
            (f"glossary {term.slug}", term.definition),
        ]
    for section in SharedSection.objects.filter(language=SPANISH):
        texts += [(f"section {section.key} title", section.title), (section.key, section.text)]
    texts += [
        (f"checker {text.key}", text.text) for text in Explanation.objects.filter(language=SPANISH)
    ]
    return texts


def structure(text):
    """What must stay parallel in a translation: headings, list items, bold, links to the
    portal's pages, and as many links to other sites (a Spanish text links to their Spanish
    pages)."""
    links = LINK.findall(text)
    return {
        "headings": len(re.findall(r"^#+ ", text, re.MULTILINE)),
        "list items": len(re.findall(r"^- ", text, re.MULTILINE)),
        "bold": text.count("**"),
        "links": [link for link in links if not link.startswith("https://")],
        "links to other sites": len([link for link in links if link.startswith("https://")]),
    }


@pytest.fixture
def spanish_readability():
    """textstat counts syllables for one language at a time, for the whole process."""
    textstat.set_lang(SPANISH)
    yield textstat
    textstat.set_lang(TEXTSTAT_DEFAULT_LANGUAGE)


@pytest.mark.django_db
def test_every_english_phase_has_a_published_spanish_page():
    for english, spanish in english_and_spanish(Phase):
        assert spanish.is_published, english.slug
        assert spanish.published_at, english.slug
        assert not spanish.has_draft, english.slug
        assert (spanish.order, spanish.icd10_code) == (english.order, english.icd10_code)
        for field in Phase.DRAFT_FIELDS:
            assert getattr(spanish, field), (english.slug, field)
            assert getattr(spanish, field) != getattr(english, field), (english.slug, field)
        for field in Phase.MARKDOWN_FIELDS:
            assert getattr(spanish, f"{field}_html"), (english.slug, field)


@pytest.mark.django_db
def test_the_spanish_phases_have_their_spanish_names_in_the_english_order():
    shown = Phase.objects.in_language_list(SPANISH)

    assert [(phase.slug, phase.name) for phase in shown] == list(PHASE_NAMES.items())
    assert not any(phase.is_fallback for phase in shown)


@pytest.mark.django_db
def test_every_spanish_phase_is_awaiting_clinical_review():
    for phase in Phase.objects.filter(language=SPANISH):
        assert phase.last_reviewed is None, phase.slug
        assert phase.next_review_due is None, phase.slug
        assert phase.reviewer == "", phase.slug
    assert Phase.objects.filter(language=SPANISH).awaiting_review().count() == len(PHASE_NAMES)


@pytest.mark.django_db
def test_every_spanish_row_passes_the_checks_an_editors_save_passes():
    for model in CONTENT:
        for row in model.objects.filter(language=SPANISH):
            row.full_clean()


@pytest.mark.django_db
def test_the_history_of_every_spanish_row_says_it_awaits_clinical_review():
    for model in CONTENT:
        for row in model.objects.filter(language=SPANISH):
            first = row.history.earliest("history_date")
            assert first.history_type == "+", (model.__name__, row.pk)
            assert "awaiting clinical review" in first.history_change_reason, (model, row.pk)


@pytest.mark.django_db
def test_the_spanish_disclaimer_is_published():
    disclaimer = Disclaimer.current(SPANISH)

    assert disclaimer.language == SPANISH
    assert not disclaimer.is_fallback
    assert "equipo médico" in disclaimer.text
    assert disclaimer.text_html


@pytest.mark.django_db
def test_the_shared_texts_are_published_in_spanish():
    sections = SharedSection.by_key(SPANISH)

    assert set(sections) == {"urgent-help", "support", "fever-warning"}
    for section in sections.values():
        assert not section.is_fallback
        assert section.title
        assert section.text_html
    urgent = sections["urgent-help"].text
    assert "38,0 °C (100,4 °F)" in urgent
    assert "911" in urgent


@pytest.mark.django_db
def test_every_glossary_anchor_has_a_published_spanish_term():
    english = set(GlossaryTerm.objects.filter(language=ENGLISH).values_list("slug", flat=True))
    spanish = GlossaryTerm.objects.in_language_list(SPANISH)

    assert {term.slug for term in spanish} == english
    assert not any(term.is_fallback for term in spanish)
    for english_term, spanish_term in english_and_spanish(GlossaryTerm):
        assert spanish_term.term != english_term.term, english_term.slug


@pytest.mark.django_db
def test_every_checker_text_has_a_published_spanish_text_of_the_same_kind():
    for english, spanish in english_and_spanish(Explanation):
        assert spanish.is_published, english.key
        assert not spanish.has_draft, english.key
        assert spanish.kind == english.kind, english.key
        assert spanish.text_html, english.key
    assert not Explanation.objects.translation_missing(SPANISH).exists()


@pytest.mark.django_db
def test_spanish_checker_texts_use_exactly_the_english_placeholders():
    for english, spanish in english_and_spanish(Explanation):
        wording.check(spanish.text, key=spanish.key)
        used = set(wording.Wording(spanish.text).get_identifiers())
        assert used == set(wording.Wording(english.text).get_identifiers()), english.key


@pytest.mark.django_db
def test_no_translation_is_missing_or_out_of_date_after_migrating():
    for model in CONTENT:
        assert not model.objects.translation_missing(SPANISH).exists(), model.__name__
        assert not model.objects.translation_out_of_date(SPANISH).exists(), model.__name__


@pytest.mark.django_db
def test_spanish_texts_keep_the_headings_lists_bold_and_links_of_the_english():
    for name, english, spanish in markdown_pairs():
        assert structure(spanish) == structure(english), name


@pytest.mark.django_db
def test_spanish_texts_link_only_to_pages_and_glossary_anchors_that_exist():
    anchors = {term.slug for term in GlossaryTerm.objects.in_language_list(SPANISH)}
    links = [(name, link) for name, text in spanish_texts() for link in LINK.findall(text)]
    assert links
    for name, link in links:
        if link.startswith("https://"):
            continue
        path, _, anchor = link.partition("#")
        assert not path.startswith("/es/"), (name, link)  # a Spanish page adds /es/ itself
        resolve(path)
        assert not anchor or anchor in anchors, (name, link)


@pytest.mark.django_db
def test_spanish_texts_are_easy_to_read(spanish_readability):
    ease = {}
    for name, text in spanish_texts():
        plain = PLACEHOLDER.sub("5", markdown_to_text(text))
        if spanish_readability.lexicon_count(plain) > MIN_WORDS_SCORED:
            ease[name] = spanish_readability.fernandez_huerta(plain)

    assert len(ease) > 50
    too_hard = {name: score for name, score in ease.items() if score < MIN_READING_EASE}
    assert not too_hard


@pytest.mark.django_db
def test_no_spanish_text_calls_remission_counts_normal():
    assert "normal" not in GlossaryTerm.objects.get(language=SPANISH, slug="remission").definition
    assert "normal" not in Phase.objects.get(language=SPANISH, slug="remission").body


@pytest.mark.django_db
def test_spanish_sources_name_the_english_publications():
    for english, spanish in english_and_spanish(Phase):
        sources = spanish.references.splitlines()
        assert len(sources) == len(english.references.splitlines()), english.slug
        assert all(line.startswith("- ") and "(en inglés)" in line for line in sources)
        assert "National Cancer Institute" in spanish.references, english.slug
        assert "NCCN Guidelines for Patients" in spanish.references, english.slug
        assert spanish.icd10_code[:5] in spanish.references, english.slug


def spanish_rows():
    """Every Spanish row's values but its id, the moments it was published and saved, and its
    HTML (stored once migrate has run: phases.apps), with its history records' notes."""
    return {
        model: [
            (
                {
                    field: value
                    for field, value in row.items()
                    if field not in {"id", *MOMENTS} and not field.endswith("_html")
                },
                list(
                    model.history.filter(id=row["id"]).values_list(
                        "history_type", "history_change_reason"
                    )
                ),
            )
            for row in model.objects.filter(language=SPANISH).order_by("pk").values()
        ]
        for model in CONTENT
    }


def migration_apps():
    """The models as a migration sees them (apps.get_model), at the latest migration."""
    return MigrationExecutor(connection).loader.project_state().apps


@pytest.mark.django_db
def test_the_spanish_seed_can_run_again_without_duplicating_or_changing_anything():
    before = spanish_rows()

    _seed.apply(migration_apps(), "0001")

    assert spanish_rows() == before


@pytest.mark.django_db
def test_the_spanish_seed_reverses_and_applies_again():
    before = spanish_rows()

    _seed.unapply(migration_apps(), "0001")

    for model in CONTENT:
        assert not model.objects.filter(language=SPANISH).exists(), model.__name__
        assert not model.history.filter(language=SPANISH).exists(), model.__name__

    _seed.apply(migration_apps(), "0001")

    assert spanish_rows() == before
