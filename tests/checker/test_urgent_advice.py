"""One urgent-advice text per language, covering every item of the checker's spec (version 3,
"Urgent advice"), shown under "When to get help right away" on every phase page; the fever
warning the checker's form opens with; and the content corrections of issue 17."""

import re

import pytest

from phases.models import GlossaryTerm, Partner, Phase, SharedSection
from phases.text.readability import reading_level
from phases.text.staff_markdown import with_links_under

pytestmark = pytest.mark.django_db

# Each item of the spec's list, in the words the seeded text uses, in the spec's order.
URGENT_ITEMS = {
    "en": [
        # Emergency services first.
        "Call emergency services (911 in the US) first",
        "is not breathing",
        "cannot be woken up",
        "has a seizure (fit) that lasts more than 5 minutes",
        # The care team's 24-hour number now.
        "Call your care team's 24-hour number now",
        "A temperature of 38.0 °C (100.4 °F) or higher, or above the number your team gave you",
        "Shaking chills",
        "Looking very unwell, floppy or hard to wake",
        "skin that is cold, clammy or blotchy",
        "even if there is no fever: steroids can hide a fever",
        "Bleeding that will not stop, or blood in urine, stool or vomit",
        "Trouble breathing, or chest pain",
        "A severe headache, a stiff neck, confusion or a seizure",
        "New weakness, a sudden change in vision or speech, or a face that droops",
        "Severe belly pain",
        "Vomiting or diarrhea that will not stop",
        "Not being able to drink, or passing very little urine",
        "New pain or swelling in an arm or a leg",
        "Redness, swelling or pain where a [central line or port]",
        "a line that is broken or leaking",
        # The same day.
        "Call your team the same day",
        "chickenpox, shingles or measles",
        "Yellow skin or yellow eyes",
        # What not to do.
        "Do not give medicine for fever. It can hide a fever.",
        "Do not give ibuprofen, naproxen, aspirin or other anti-inflammatory medicine",
        "Never take a temperature in the bottom (rectal)",
        "Do not use suppositories or enemas",
    ],
    "es": [
        "Llame primero a emergencias (911 en EE. UU.)",
        "no respira",
        "no se despierta",
        "tiene una convulsión que dura más de 5 minutos",
        "Llame ahora al número de 24 horas de su equipo médico",
        "Una temperatura de 38,0 °C (100,4 °F) o más, o más alta que el número que le dio",
        "Escalofríos con temblores",
        "Se ve muy enfermo, está sin fuerzas o le cuesta despertar",
        "la piel fría, sudada o con manchas",
        "aunque no haya fiebre: los esteroides pueden ocultar la fiebre",
        "Un sangrado que no para, o sangre en la orina, en las heces (popó) o en el vómito",
        "Le cuesta respirar, o tiene dolor en el pecho",
        "Un dolor de cabeza muy fuerte, el cuello rígido, confusión o una convulsión",
        "Debilidad nueva, un cambio de repente en la vista o al hablar, o la cara caída",
        "Un dolor de barriga muy fuerte",
        "Vómitos o diarrea que no paran",
        "No puede tomar líquidos, u orina muy poco",
        "Dolor o hinchazón nuevos en un brazo o una pierna",
        "Piel roja, hinchazón o dolor donde entra un [catéter central o puerto (reservorio)]",
        "un catéter roto o que gotea",
        "Llame a su equipo el mismo día",
        "varicela, culebrilla (herpes zóster) o sarampión",
        "tiene la piel o los ojos amarillos",
        "No dé medicina para la fiebre. Puede ocultar la fiebre.",
        "No dé ibuprofeno, naproxeno, aspirina ni otras medicinas antiinflamatorias",
        "Nunca tome la temperatura por el recto",
        "No use supositorios ni enemas",
    ],
}
HEADINGS = {"en": "When to get help right away", "es": "Cuándo buscar ayuda de inmediato"}
PREFIX = {"en": "", "es": "/es"}
FEVER_LINE = {
    "en": "a temperature of 38.0 °C (100.4 °F) or higher, or above the number your team gave you",
    "es": "una temperatura de 38,0 °C (100,4 °F) o más, o más alta que el número que le dio su",
}
FIRST_QUESTION = 'name="treatment"'
SPANISH_PAGE = re.compile(r"^https://www\.[a-z.]+/(espanol|es)([/.]|$)")
LINK = re.compile(r"\]\((https://[^)\s]+)\)")


def urgent(language):
    return SharedSection.objects.get(language=language, key="urgent-help")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_urgent_advice_covers_every_item_of_the_spec_in_its_order(language):
    text = " ".join(urgent(language).text.split())

    places = [text.find(item) for item in URGENT_ITEMS[language]]

    assert not [item for item in URGENT_ITEMS[language] if item not in text]
    assert places == sorted(places)  # emergency services first, what not to do last


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_urgent_advice_is_published_and_awaits_clinical_review(language):
    section = urgent(language)

    assert section.is_published
    assert not section.has_draft
    assert section.text_html
    assert "awaiting clinical review" in section.history.first().history_change_reason


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("slug", Phase.Slug.values)
def test_every_phase_page_shows_the_one_urgent_text_under_its_heading(client, language, slug):
    page = client.get(f"{PREFIX[language]}/phases/{slug}/").text
    shown = urgent(language).html
    if language == "es":
        shown = with_links_under(shown, "/es/")  # its links lead to the Spanish pages

    heading = f'<h2 id="urgent-help-heading">{HEADINGS[language]}</h2>'
    assert page.count('class="urgent-help"') == 1
    assert page.index(heading) < page.index(shown)
    assert page.count(shown) == 1
    # No second copy of the advice anywhere else on the page.
    assert page.count("naproxen") == 1


@pytest.mark.parametrize(
    "address",
    ["/check/", "/es/check/", "/embed/demo/check/", "/es/embed/demo/check/"],
)
def test_the_checker_form_opens_with_the_fever_warning(client, address):
    language = "es" if address.startswith("/es/") else "en"
    assert Partner.objects.filter(key="demo", is_active=True).exists()
    warning = SharedSection.objects.get(language=language, key="fever-warning")

    page = client.get(address).text

    form_section = page.index('<section class="lab-form"')
    shown = page.index(str(warning.html))
    assert form_section < page.index('class="fever-warning"') < shown
    assert shown < page.index("<form") < page.index(FIRST_QUESTION)
    assert FEVER_LINE[language] in " ".join(warning.text.split())
    assert warning.title in page


def test_an_edited_fever_warning_is_what_the_checker_shows(client):
    SharedSection.objects.filter(language="en", key="fever-warning").update(
        text_html="<p>Fever? Call us on 555 0100.</p>"
    )

    page = client.get("/check/").text

    assert page.index("Fever? Call us on 555 0100.") < page.index(FIRST_QUESTION)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_new_and_corrected_texts_are_easy_to_read(language):
    texts = {  # titles are too short for a stable score
        section.key: section.text for section in SharedSection.objects.filter(language=language)
    }
    for phase in Phase.objects.filter(language=language, slug__in=["refractory", "relapsed"]):
        texts |= {f"{phase.slug} summary": phase.summary, f"{phase.slug} body": phase.body}
    for term in GlossaryTerm.objects.filter(language=language, slug__in=["central-line", "cbc"]):
        texts[f"glossary {term.slug}"] = term.definition

    levels = {name: reading_level(text, language) for name, text in texts.items()}

    assert not {name: str(level) for name, level in levels.items() if level.is_too_hard}


def test_spanish_support_links_lead_to_spanish_pages(client):
    support = SharedSection.objects.get(language="es", key="support")
    english = set(LINK.findall(SharedSection.objects.get(language="en", key="support").text))

    links = LINK.findall(support.text)

    assert len(links) == 5
    assert all(SPANISH_PAGE.match(link) for link in links), links
    assert not english & set(links)
    page = client.get("/es/phases/remission/").text
    assert all(f'href="{link}"' in page for link in links)


def test_the_home_page_no_longer_says_all_has_no_lump_or_that_most_people_stay_in_remission(
    client,
):
    english, spanish = client.get("/").text, client.get("/es/").text

    assert "no lump" not in english
    assert "Many people go from untreated" not in english
    assert "a mass in the chest in T-cell ALL" in english
    assert "Most children go from untreated to remission" in english
    assert "This happens less often in adults." in english
    assert "No hay un bulto" not in spanish
    assert "Muchas personas pasan" not in spanish
    assert "una masa en el pecho en la LLA de células T" in spanish
    assert "La mayoría de los niños pasan de sin tratar a remisión" in spanish
    assert "En los adultos esto pasa con menos frecuencia." in spanish


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_phase_pages_say_what_issue_17_asked(language):
    refractory = Phase.objects.get(language=language, slug="refractory").body
    relapsed = Phase.objects.get(language=language, slug="relapsed").body

    words = {
        "en": (
            "A child who is not in remission at the end of induction usually gets the next "
            "round of treatment first.",
            "the leukemia may have come back, but it is not certain yet",
            "tests of the place where it was found, not with a marrow test",
        ),
        "es": (
            "Si un niño no está en remisión al final de la inducción, por lo general recibe "
            "primero la siguiente ronda de tratamiento.",
            "puede que la leucemia haya vuelto, pero todavía no es seguro",
            "pruebas del lugar donde se encontró, no con una prueba de médula",
        ),
    }[language]
    assert words[0] in " ".join(refractory.split())
    assert words[1] in " ".join(relapsed.split())
    assert words[2] in " ".join(relapsed.split())


def test_spanish_pages_use_one_word_for_each_thing():
    spanish = " ".join(
        text
        for phase in Phase.objects.filter(language="es")
        for text in (phase.summary, phase.body, phase.questions)
    )
    spanish += " ".join(
        f"{term.term} {term.definition}" for term in GlossaryTerm.objects.filter(language="es")
    )

    assert "primera etapa" not in spanish
    assert "primera ronda" in spanish
    assert "pruebas de siempre" not in spanish
    assert "pruebas usuales" in spanish
    assert "recuento sanguíneo completo (CBC)" not in spanish
    assert "hemograma (biometría hemática o CBC)" in spanish
    assert "(RAN)" in spanish
    assert "(RCi)" in spanish
    assert "líquido espinal (líquido cefalorraquídeo)" in spanish
    assert "encaja" not in spanish


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_central_line_the_urgent_advice_links_to_is_in_the_glossary(client, language):
    term = GlossaryTerm.objects.get(language=language, slug="central-line")

    page = client.get(f"{PREFIX[language]}/glossary/").text

    assert term.is_published
    assert 'id="central-line"' in page
    assert "/glossary/#central-line" in urgent(language).text


def test_an_editor_drafts_the_fever_warning_and_previews_it_on_the_checker(editor_client):
    warning = SharedSection.objects.get(language="en", key="fever-warning")
    address = f"/admin/phases/sharedsection/{warning.pk}/"
    form = {"title": warning.title, "text": "Fever? Call **now**.", "edit_version": warning.version}

    response = editor_client.post(address + "change/", form | {"_continue": "Save"})

    assert response.status_code == 302
    assert "Fever? Call <strong>now</strong>." not in editor_client.get("/check/").text
    preview = editor_client.get(address + "preview/").text
    assert "Preview." in preview
    assert preview.index("Fever? Call <strong>now</strong>.") < preview.index(FIRST_QUESTION)
    listing = editor_client.get("/admin/phases/sharedsection/").text
    assert "Fever warning at the top of the checker" in listing
