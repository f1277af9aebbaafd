"""Each language's text of an item is edited, previewed, published, reviewed and brought back on
its own in the admin; translators find the texts out of date or missing and start a missing one;
reading levels are measured the way each language is read."""

import datetime
import html

import pytest
import textstat
from django.conf import settings
from django.utils import timezone

from phases.models import Disclaimer, Explanation, GlossaryTerm, Phase, SharedSection
from phases.text import readability
from tests.conftest import edit_form

pytestmark = pytest.mark.django_db

MODELS = {
    "phase": Phase,
    "sharedsection": SharedSection,
    "disclaimer": Disclaimer,
    "glossaryterm": GlossaryTerm,
    "explanation": Explanation,
}
REVIEWER = "Dra. Ana Ruiz, hematóloga pediátrica"
REMISSION_VALUES = {
    "treatment": "received",
    "ever_in_remission": "yes",
    "marrow_blasts_percent": "2",
}
REMISSION_VALUES |= {"blood_blasts": "no", "cbc": "normal", "mrd": "negative", "symptoms": "no"}
PORT = {"term": "Port", "slug": "port", "definition": "A small device under the skin."}


def url(obj, action="change"):
    return f"/admin/phases/{obj._meta.model_name}/{obj.pk}/{action}/"


def remission(language="en"):
    return Phase.objects.get(language=language, slug="remission")


def save_draft(client, obj, **changes):
    return client.post(url(obj), edit_form(obj, **changes) | {"_continue": "Save"})


def publish(client, obj, **changes):
    return client.post(url(obj), edit_form(obj, **changes) | {"_publish": "Publish"})


def listed(client, model, query):
    response = client.get(f"/admin/phases/{model}/?{query}")
    return [row.pk for row in response.context["cl"].queryset]


def port(approver_client):
    """An English glossary term with no Spanish text, added and published through the admin."""
    approver_client.post("/admin/phases/glossaryterm/add/", PORT | {"_publish": "Publish"})
    return GlossaryTerm.objects.get(language="en", slug="port")


def glossary_entry(page, slug):
    entry = page[page.index(f'id="{slug}"') :]
    return entry[: entry.index("</div>")]


# Every list and form shows the language


@pytest.mark.parametrize("model", MODELS)
def test_every_content_list_has_a_language_column_and_filter(editor_client, model):
    response = editor_client.get(f"/admin/phases/{model}/")

    assert '<th scope="col" class="column-language_name">' in response.text
    assert '<td class="field-language_name">Spanish</td>' in response.text
    assert '<td class="field-language_name">English</td>' in response.text
    assert "By language" in response.text
    assert "?language=es" in response.text
    spanish = listed(editor_client, model, "language=es")
    assert spanish
    assert set(spanish) == set(
        MODELS[model].objects.filter(language="es").values_list("pk", flat=True)
    )


def test_the_translation_filter_has_each_language_besides_english(editor_client, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("zh-hans", "简体中文")]

    page = editor_client.get("/admin/phases/phase/").text

    assert "By translation" in page
    for words in ["Spanish out of date", "Spanish missing", "Simplified Chinese missing"]:
        assert words in page
    english = Phase.objects.filter(language="en").values_list("pk", flat=True)
    assert sorted(listed(editor_client, "phase", "translation=zh-hans-missing")) == sorted(english)
    assert listed(editor_client, "phase", "translation=es-missing") == []


def test_a_spanish_change_form_shows_its_language_and_cannot_change_it(approver_client):
    spanish = remission("es")

    page = approver_client.get(url(spanish)).text
    publish(approver_client, spanish, language="en", summary="Resumen nuevo.")

    select = page[page.index('<select name="language"') :]
    select = select[: select.index("</select>")]
    assert "disabled" in select
    assert '<option value="es" selected>Spanish</option>' in select
    assert remission("es").language == "es"
    assert remission("es").summary == "Resumen nuevo."
    assert remission().summary != "Resumen nuevo."


def test_a_glossary_term_is_added_in_the_language_chosen(approver_client, client):
    page = approver_client.get("/admin/phases/glossaryterm/add/").text
    assert '<option value="en" selected>English</option>' in page

    spanish = PORT | {"term": "Puerto", "definition": "Un aparato pequeño bajo la piel."}
    approver_client.post(
        "/admin/phases/glossaryterm/add/", spanish | {"language": "es", "_publish": "Publish"}
    )

    assert GlossaryTerm.objects.get(slug="port").language == "es"
    assert "Puerto" in client.get("/es/glossary/").text
    assert "Puerto" not in client.get("/glossary/").text


def test_the_disclaimer_list_has_one_for_each_language_and_adds_a_missing_one(admin_client):
    assert "/admin/phases/disclaimer/add/" not in admin_client.get("/admin/phases/disclaimer/").text

    Disclaimer.objects.filter(language="es").delete()
    page = admin_client.get("/admin/phases/disclaimer/add/").text

    assert '<option value="es" selected>Spanish</option>' in page


# Drafts and publishing, one language at a time


def test_a_spanish_draft_changes_no_page_until_it_is_published(approver_client, client):
    english = remission()
    pages = {address: client.get(address).text for address in ["/", "/phases/remission/"]}

    save_draft(approver_client, remission("es"), summary="Un resumen nuevo, en borrador.")

    for address in ["/", "/phases/remission/", "/es/phases/remission/", "/es/"]:
        assert "Un resumen nuevo" not in client.get(address).text, address
    waiting = approver_client.get("/admin/").text
    assert f'<a href="{url(remission("es"))}">Remisión</a> (Spanish): saved by Ada' in waiting

    publish(approver_client, remission("es"))

    assert "Un resumen nuevo, en borrador." in client.get("/es/phases/remission/").text
    assert "Un resumen nuevo, en borrador." in client.get("/es/").text
    for address, page in pages.items():
        assert client.get(address).text == page, address
    assert (remission().summary, remission().version) == (english.summary, english.version)


def test_a_spanish_preview_is_the_spanish_page_with_the_draft(editor_client):
    spanish = remission("es")
    save_draft(editor_client, spanish, summary="Un resumen en borrador.")

    page = editor_client.get(url(spanish, "preview")).text

    assert '<html lang="es"' in page
    assert "Un resumen en borrador." in page
    assert 'href="/es/phases/' in page
    assert 'href="/phases/' not in page
    urgent = SharedSection.objects.get(language="es", key="urgent-help")
    assert html.escape(urgent.title) in page
    assert Disclaimer.objects.get(language="es").text_html in page
    assert "not-translated" not in page
    assert 'class="preview-back" lang="en"' in page


def test_view_on_site_opens_the_page_in_the_texts_language(editor_client):
    assert 'href="/es/phases/remission/"' in editor_client.get(url(remission("es"))).text
    assert 'href="/phases/remission/"' in editor_client.get(url(remission())).text


def test_a_spanish_checker_text_is_previewed_with_a_result_in_spanish(editor_client):
    spanish = Explanation.objects.get(language="es", key="remission")
    save_draft(editor_client, spanish, text="Borrador: blastos {marrow_blasts_percent}.")

    page = editor_client.post(url(spanish, "preview"), REMISSION_VALUES).text

    assert '<html lang="es"' in page
    assert "Borrador: blastos 2" in page
    assert 'data-phase="remission"' in page


@pytest.mark.parametrize("model", MODELS)
def test_every_spanish_preview_is_in_spanish(editor_client, model):
    item = MODELS[model].objects.filter(language="es").first()

    response = editor_client.get(url(item, "preview"))

    assert response.status_code == 200
    assert '<html lang="es"' in response.text
    assert "language-switcher" not in response.text


# Translations out of date and missing


def test_spanish_out_of_date_lists_the_spanish_phase_after_the_english_is_republished(
    approver_client,
):
    spanish = remission("es")
    assert listed(approver_client, "phase", "translation=es-out-of-date") == []
    assert "up to date" in approver_client.get(url(remission())).text

    publish(approver_client, remission(), summary="Tests find no signs of leukemia now.")

    assert listed(approver_client, "phase", "translation=es-out-of-date") == [spanish.pk]
    english_page = approver_client.get(url(remission())).text
    assert "out of date</strong>" in english_page
    assert f'href="{url(spanish)}"' in english_page
    spanish_page = approver_client.get(url(spanish)).text
    status = spanish_page[
        spanish_page.index("translation-status") : spanish_page.index("</section>")
    ]
    assert f'href="{url(remission())}"' in status
    assert "Out of date:" in status
    assert "<ins>" in status
    assert "leukemia now.</ins>" in status  # what the English changed

    publish(approver_client, remission("es"), summary="Las pruebas ya no encuentran leucemia.")

    assert listed(approver_client, "phase", "translation=es-out-of-date") == []
    assert "It is up to date" in approver_client.get(url(spanish)).text


def test_spanish_missing_lists_a_term_and_adding_it_starts_a_hidden_draft(approver_client, client):
    english = port(approver_client)
    assert listed(approver_client, "glossaryterm", "translation=es-missing") == [english.pk]
    page = approver_client.get(url(english)).text
    start = url(english, "translate/es")
    assert 'form="start-translation-es"' in page
    assert f'action="{start}"' in page

    response = approver_client.post(start)

    spanish = GlossaryTerm.objects.get(language="es", slug="port")
    assert response["Location"] == url(spanish)
    assert not spanish.is_published
    assert spanish.draft["term"] == "Port"
    record = spanish.history.get()
    assert record.history_change_reason == "Spanish text started from the English text"
    assert record.history_user.username == "approver"
    entry = glossary_entry(client.get("/es/glossary/").text, "port")
    assert "Port" in entry
    assert "not-translated" in entry
    assert '<dt lang="en">' in entry
    assert listed(approver_client, "glossaryterm", "translation=es-missing") == [english.pk]

    publish(approver_client, spanish, term="Puerto", definition="Un aparato bajo la piel.")

    entry = glossary_entry(client.get("/es/glossary/").text, "port")
    assert "Puerto" in entry
    assert "not-translated" not in entry
    assert listed(approver_client, "glossaryterm", "translation=es-missing") == []
    assert approver_client.post(start)["Location"] == url(spanish)  # never a second one
    assert GlossaryTerm.objects.filter(slug="port").count() == 2


def test_the_list_action_starts_the_spanish_text_of_english_items_only(approver_client):
    english = port(approver_client)
    already = GlossaryTerm.objects.filter(language="es").first()
    data = {"action": "start_translation_es", "_selected_action": [english.pk, already.pk]}

    response = approver_client.post("/admin/phases/glossaryterm/", data, follow=True)

    spanish = GlossaryTerm.objects.get(language="es", slug="port")
    assert response.redirect_chain[-1][0] == url(spanish)
    shown = [str(message) for message in response.context["messages"]]
    assert any(message.startswith("Started the Spanish text of “Port”") for message in shown)
    assert any("Nothing was started for 1 of the selected items" in message for message in shown)


def test_a_phase_translation_takes_its_place_and_code_from_the_english_page(
    approver_client, client
):
    Phase.objects.filter(language="es", slug="relapsed").delete()
    english = Phase.objects.get(language="en", slug="relapsed")

    approver_client.post(url(english, "translate/es"))

    spanish = Phase.objects.get(language="es", slug="relapsed")
    assert (spanish.order, spanish.icd10_code) == (english.order, english.icd10_code)
    assert not spanish.is_published
    assert spanish.last_reviewed is None
    assert not spanish.reviewer
    assert "not-translated" in client.get("/es/phases/relapsed/").text


def test_the_front_page_counts_translations_out_of_date_and_missing(approver_client):
    publish(approver_client, remission(), summary="Tests find no signs of leukemia now.")
    port(approver_client)

    page = approver_client.get("/admin/").text

    section = page[page.index('id="translations-heading"') :]
    section = section[: section.index("</section>")]
    assert "<h3>Spanish</h3>" in section
    assert '<a href="/admin/phases/phase/?translation=es-out-of-date">1 out of date</a>' in section
    assert '<a href="/admin/phases/glossaryterm/?translation=es-missing">1 missing</a>' in section


# History, revert and review: the Spanish row's own


def test_history_and_revert_of_a_spanish_row_touch_only_that_row(approver_client, client):
    english = remission()
    english_versions = english.history.count()
    seeded = remission("es").summary
    first = remission("es").history.earliest()
    publish(approver_client, remission("es"), summary="Un resumen equivocado.")

    history = approver_client.get(url(remission("es"), "history")).text
    response = approver_client.post(url(remission("es"), f"history/{first.history_id}"))

    assert "Ada Approver" in history
    assert "equivocado" in history
    assert response["Location"] == url(remission("es"))
    assert remission("es").summary == seeded
    assert remission("es").history.first().history_change_reason == "Reverted and published"
    assert html.escape(seeded) in client.get("/es/phases/remission/").text
    assert english.history.count() == english_versions
    assert (remission().summary, remission().version) == (english.summary, english.version)


def test_marking_the_spanish_page_reviewed_records_the_spanish_reviewer_only(
    approver_client, client
):
    english = remission()
    data = {"action": "mark_reviewed", "_selected_action": [remission("es").pk]}

    asked = approver_client.post("/admin/phases/phase/", data).text
    approver_client.post("/admin/phases/phase/", data | {"reviewer": REVIEWER, "apply": "Mark"})

    assert "Remisión (Spanish)" in asked
    spanish = remission("es")
    assert spanish.reviewer == REVIEWER
    assert spanish.last_reviewed == timezone.localdate()
    assert spanish.history.first().history_user.username == "approver"
    assert (remission().reviewer, remission().last_reviewed) == (
        english.reviewer,
        english.last_reviewed,
    )
    assert html.escape(REVIEWER) in client.get("/es/phases/remission/").text
    assert html.escape(REVIEWER) not in client.get("/phases/remission/").text


def test_the_front_page_names_the_language_of_a_spanish_page_due_for_review(editor_client):
    Phase.objects.filter(language="es", slug="remission").update(
        last_reviewed=datetime.date(2024, 1, 1), next_review_due=datetime.date(2025, 1, 1)
    )

    page = editor_client.get("/admin/").text

    assert f'<a href="{url(remission("es"))}">Remisión</a> (Spanish): ' in page


# Reading levels, by the measure of each language


def test_a_spanish_text_shows_its_fernandez_huerta_reading_ease(editor_client):
    spanish_page = editor_client.get(url(remission("es"))).text
    english_page = editor_client.get(url(remission())).text

    assert "Fernández-Huerta ease" in spanish_page
    assert "aim for 65 or higher, about US grade 8" in spanish_page
    assert "Fernández-Huerta" not in english_page
    assert "aim for grade 8 or below" in english_page


def test_a_hard_spanish_text_is_warned_about_in_its_own_measure(editor_client):
    hard = (
        "La reconstitución hematopoyética, independientemente de consideraciones "
        "multidisciplinarias, condiciona intensificaciones terapéuticas extraordinariamente "
        "individualizadas."
    )

    response = save_draft(editor_client, remission("es"), summary=hard)

    [saved, message] = list(editor_client.get(response["Location"]).context["messages"])
    assert saved.level_tag == "success"
    assert message.level_tag == "warning"
    assert "Summary reads at Fernández-Huerta ease" in str(message)
    assert "an ease of 65 or higher (about US grade 8)" in str(message)


def test_every_language_of_the_portal_has_a_reading_measure():
    for code, _ in settings.LANGUAGES:
        assert code in readability.MEASURES, code


def test_measuring_spanish_leaves_textstats_language_alone():
    english = "The doctor will tell you what the test found. Ask about anything new."
    before = textstat.flesch_kincaid_grade(english)

    spanish = readability.reading_level("Su hijo o hija está en remisión.", "es")

    assert spanish.measure.name == "Fernández-Huerta ease"
    assert spanish.words == 7
    assert textstat.flesch_kincaid_grade(english) == before
    assert readability.reading_level(english, "en").score == pytest.approx(before)
