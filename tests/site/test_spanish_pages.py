"""The portal in Spanish: every public page answers in Spanish under /es/, links to the same
page in English, names both versions for search engines, and shows no English interface words.
English pages stay English. Where a Spanish text is missing, the English one stands in, marked
as English, after a notice in Spanish: never an empty page."""

import datetime
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format

from phases.models import Disclaimer, GlossaryTerm, Partner, Phase, SharedSection
from tests.pages import PUBLIC_PAGES, SPANISH_PAGES

pytestmark = pytest.mark.django_db

CATALOGUE = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"
NOTICE = '<p class="not-translated" lang="es">'

# Answers to the checker, as a parent would give them: a result with numbers to explain.
ANSWERS = {
    "treatment": "received",
    "first_course_finished": "yes",
    "ever_in_remission": "yes",
    "symptoms": "no",
    "marrow_blasts_percent": "2",
    "mrd": "negative",
    "anc": "2.5",
    "platelets": "150",
    "wbc": "6.2",
    "hemoglobin": "12.5",
}


EMBED_PAGES = ["", "phases/remission/", "glossary/", "check/"]


@dataclass
class Page:
    english: str  # the page's address in English; in Spanish it is the same under /es
    answers: dict | None = None  # sent by POST when given
    status: int = 200

    @property
    def spanish(self):
        return "/es" + self.english


def pages_in_both_languages():
    paths = [*PUBLIC_PAGES, "/check/", "/embed/help/"]
    paths += [f"/embed/example/{page}" for page in EMBED_PAGES]
    pages = [Page(path) for path in paths]
    pages += [
        Page("/check/", ANSWERS),
        Page("/check/handout/", ANSWERS),
        Page("/embed/example/check/", ANSWERS),
        Page("/phases/no-such-phase/", status=404),
    ]
    return [
        pytest.param(page, id=page.english + (" POST" if page.answers else "")) for page in pages
    ]


PAGES = pages_in_both_languages()


@pytest.fixture
def partner():
    return Partner.objects.create(
        name="Example Hospital Library",
        key="example",
        allowed_origins="https://library.example-hospital.org",
        back_link_url="https://library.example-hospital.org/cancer/",
    )


def get(client, page, *, spanish=True):
    path = page.spanish if spanish else page.english
    if page.answers is not None:
        return client.post(path, page.answers)
    return client.get(path)


class VisibleText(HTMLParser):
    """The words a reader of the page's language meets: text, buttons' words and the names
    screen readers read (aria-label, alt, title), less scripts, styles and whatever is marked
    as another language (lang="en" on a Spanish page: English content standing in, after a
    notice that says so)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.language, self.words, self.skipping = language, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.skipping:
            if tag == self.skipping[0] and tag not in self.VOID:
                self.skipping.append(tag)
            return
        other_language = attrs.get("lang", self.language).split("-")[0] != self.language
        if tag in {"script", "style"} or other_language:
            if tag not in self.VOID:
                self.skipping = [tag]
            return
        for name in ("aria-label", "alt", "title", "placeholder"):
            if attrs.get(name):
                self.words.append(attrs[name])
        if tag == "input" and attrs.get("type") in {"submit", "button", "reset"}:
            self.words.append(attrs.get("value") or "")
        if tag == "meta" and attrs.get("name") == "description":
            self.words.append(attrs.get("content") or "")

    def handle_endtag(self, tag):
        if self.skipping and tag == self.skipping[0]:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping:
            self.words.append(data)


def visible_text(page_html, language):
    parser = VisibleText(language)
    parser.feed(page_html)
    return collapse(" ".join(parser.words))


def collapse(text):
    return re.sub(r"\s+", " ", text).strip()


def po_entries(text):
    """(msgid, msgstr) of each entry of a .po file, plural forms as separate pairs; fuzzy
    entries left out, as msgfmt leaves them out of the compiled catalogue."""
    entries = []
    for block in text.split("\n\n"):
        if "#, fuzzy" in block:
            continue
        fields, current = {}, None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            if match := re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) (".*")$', line):
                current = match.group(1)
                fields[current] = [match.group(2)]
            elif line.startswith('"') and current:
                fields[current].append(line)
        strings = {
            name: "".join(po_string(part) for part in parts) for name, parts in fields.items()
        }
        if not strings.get("msgid"):
            continue  # the header
        if "msgid_plural" in strings:
            entries.append((strings["msgid"], strings.get("msgstr[0]", "")))
            entries.append((strings["msgid_plural"], strings.get("msgstr[1]", "")))
        else:
            entries.append((strings["msgid"], strings.get("msgstr", "")))
    return entries


def po_string(quoted):
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), quoted[1:-1])


PLACEHOLDER_OR_TAG = re.compile(r"%\(\w+\)[sdif]|%[sd]|<[^>]*>")


def phrases(message):
    """The pieces of `message` a page shows word for word. A message whole, when it is more than
    one word ("Glossary" or "ANC" could be either language); around a placeholder or a tag,
    each piece of three words or more."""
    pieces = [collapse(html.unescape(piece)) for piece in PLACEHOLDER_OR_TAG.split(message)]
    pieces = [piece for piece in pieces if piece]
    if len(pieces) == 1 and pieces[0] == collapse(message):
        return [pieces[0]] if len(pieces[0].split()) > 1 else []
    return [piece.strip(" .,:;") for piece in pieces if len(piece.split()) >= 3]


def translated_messages():
    """(English, Spanish) phrases of every message the catalogue translates differently."""
    pairs = []
    for msgid, msgstr in po_entries(CATALOGUE.read_text(encoding="utf-8")):
        if msgstr and msgstr != msgid:
            pairs.append((phrases(msgid), phrases(msgstr)))
    return pairs


@pytest.fixture(scope="module")
def messages():
    pairs = translated_messages()
    assert len(pairs) > 50  # the catalogue is there, compiled from the team's fragments
    return pairs


# Every Spanish page


@pytest.mark.parametrize("page", PAGES)
def test_every_spanish_page_answers_in_spanish(client, partner, page):
    response = get(client, page)

    assert response.status_code == page.status
    assert '<html lang="es"' in response.text
    assert response["Content-Language"] == "es"


@pytest.mark.parametrize("page", PAGES)
def test_every_spanish_page_links_to_the_same_page_in_english(client, partner, page):
    text = get(client, page).text

    assert f'<a href="{page.english}" lang="en" hreflang="en">English</a>' in text
    assert '<span class="language-current" aria-current="true">Español</span>' in text


@pytest.mark.parametrize("page", PAGES)
def test_every_spanish_page_names_both_versions_for_search_engines(client, partner, page):
    text = get(client, page).text

    english, spanish = f"http://testserver{page.english}", f"http://testserver{page.spanish}"
    assert f'<link rel="alternate" hreflang="en" href="{english}">' in text
    assert f'<link rel="alternate" hreflang="es" href="{spanish}">' in text
    assert f'<link rel="alternate" hreflang="x-default" href="{english}">' in text


@pytest.mark.parametrize("page", PAGES)
def test_no_english_interface_words_are_left_on_a_spanish_page(client, partner, messages, page):
    text = visible_text(get(client, page).text, "es")

    left = {phrase for english, _ in messages for phrase in english if phrase in text}
    assert left == set()


@pytest.mark.parametrize("page", PAGES)
def test_a_fully_translated_spanish_page_shows_no_fallback_notice(client, partner, page):
    text = get(client, page).text

    assert NOTICE not in text
    assert ' lang="en"' not in text.replace(' lang="en" hreflang="en">English', "")


# The English pages stay English


@pytest.mark.parametrize("page", PAGES)
def test_english_pages_stay_english_and_link_to_spanish(client, partner, messages, page):
    response = get(client, page, spanish=False)

    assert response.status_code == page.status
    assert '<html lang="en"' in response.text
    assert f'<a href="{page.spanish}" lang="es" hreflang="es">Español</a>' in response.text
    text = visible_text(response.text, "en")
    left = {phrase for _, spanish in messages for phrase in spanish if phrase in text}
    assert left == set()


def test_spanish_addresses_are_the_english_ones_under_es():
    assert [f"/es{path}" for path in PUBLIC_PAGES] == SPANISH_PAGES


# Spanish words where the interface builds them


def test_the_product_name_and_the_disease_are_named_in_spanish(client):
    text = client.get("/es/").text

    assert "<title>Las fases de la LLA | Portal de las fases de la LLA</title>" in text
    assert "leucemia linfoblástica aguda (LLA)" in text
    assert 'aria-label="Idioma"' in text


def test_review_dates_and_the_printed_date_are_written_in_spanish(client, approver):
    Phase.objects.get(language="es", slug="relapsed").mark_reviewed(
        reviewer="Dra. A. Ejemplo, hematóloga pediátrica",
        by=approver,
        today=datetime.date(2026, 12, 3),
    )

    text = client.get("/es/phases/relapsed/").text

    assert (
        'Revisado por Dra. A. Ejemplo, hematóloga pediátrica el <time datetime="2026-12-03">'
        "3 de diciembre de 2026</time>." in text
    )
    assert 'Próxima revisión: <time datetime="2027-12-03">3 de diciembre de 2027</time>.' in text
    with translation.override("es"):
        today = date_format(timezone.localdate(), r"j \d\e F \d\e Y")
    source = re.search(r'<p class="print-only print-source">(.*?)</p>', text).group(1)
    assert source.startswith("Portal de las fases de la LLA · http://testserver/es/phases/")
    assert source.endswith(f"Impreso el {today}")


def test_a_partner_back_link_in_the_default_words_is_in_spanish(client, partner):
    text = client.get("/es/embed/example/").text

    assert "← Volver a la biblioteca de salud</a>" in text
    assert "Del Portal de las fases de la LLA" in text


def test_the_spanish_embed_help_gives_spanish_snippets(client):
    text = client.get("/es/embed/help/").text

    assert text.count('data-lang="es"') == 2 * 8 + 1  # each snippet and preview, and the example
    assert 'href="http://testserver/es/embed/YOUR-KEY/check/"' in html.unescape(text)
    assert 'href="/es/embed/demo/phases/remission/"' in text


def test_the_english_embed_help_explains_data_lang_with_an_example(client):
    text = client.get("/embed/help/").text

    assert "<code>data-lang=&quot;es&quot;</code>" in text or '<code>data-lang="es"</code>' in text
    assert "<code>http://testserver/es/embed/YOUR-KEY/check/</code>" in text


# English standing in for a missing translation


def test_a_phase_not_translated_yet_is_shown_in_english_and_says_so(client):
    english = Phase.objects.get(language="en", slug="remission")
    Phase.objects.filter(language="es", slug="remission").update(is_published=False)

    response = client.get("/es/phases/remission/")
    text = response.text

    assert response.status_code == 200
    notice = "El texto principal de esta página todavía no está traducido"
    assert text.index(notice) < text.index(f'<h1 lang="en">{english.name}</h1>')
    assert '<div class="phase-body" lang="en"><h2>What this phase means</h2>' in text
    assert "Preguntas para hacerle a su equipo médico" in text  # the interface stays Spanish
    home = client.get("/es/").text
    card = re.search(
        r'<li class="phase-card">((?:(?!</li>).)*remission/(?:(?!</li>).)*)', home, re.S
    )
    assert "Esta parte todavía no está traducida" in card.group(1)
    assert f'<p class="phase-card-summary" lang="en">{english.summary}</p>' in card.group(1)
    other = client.get("/es/phases/relapsed/").text
    assert f'<li><a lang="en" href="/es/phases/remission/">{english.name}</a></li>' in other


def test_a_shared_section_not_translated_yet_is_shown_in_english_and_says_so(client):
    english = SharedSection.objects.get(language="en", key="urgent-help")
    SharedSection.objects.filter(language="es", key="urgent-help").update(is_published=False)

    text = client.get("/es/phases/untreated/").text

    section = text[text.index('<section class="urgent-help"') :]
    section = section[: section.index("</section>")]
    assert 'aria-labelledby="urgent-help-heading" lang="en">' in section
    assert '<p class="not-translated" lang="es">Esta parte todavía no' in section
    assert f'<h2 id="urgent-help-heading">{english.title}</h2>' in section


def test_a_glossary_term_not_translated_yet_is_shown_in_english_and_says_so(client):
    english = GlossaryTerm.objects.get(language="en", slug="blasts")
    GlossaryTerm.objects.filter(language="es", slug="blasts").update(is_published=False)

    text = client.get("/es/glossary/").text

    entry = text[text.index('id="blasts"') :]
    entry = entry[: entry.index("</div>\n")]
    assert f'<dt lang="en">{english.term}</dt>' in entry
    assert "Esta parte todavía no está traducida" in entry
    assert text.count(NOTICE) == 1  # only that term


def test_a_disclaimer_not_translated_yet_is_shown_in_english_and_says_so(client):
    english = Disclaimer.current("en")
    Disclaimer.objects.filter(language="es").update(is_published=False)

    for path in ["/es/", "/es/glossary/", "/es/phases/remission/"]:
        text = client.get(path).text
        footer = text[text.index('<aside class="disclaimer"') :]
        assert "Aviso médico" in footer
        assert "Esta parte todavía no está traducida" in footer
        assert f'<div lang="en">{english.html}</div>' in footer


def test_with_no_disclaimer_at_all_the_page_still_says_it_is_for_learning_only(client):
    Disclaimer.objects.all().delete()

    text = client.get("/es/").text

    assert "Este sitio es solo para aprender. No da consejos médicos." in text


def test_an_unknown_partner_gets_a_clear_page_in_spanish(client):
    response = client.get("/es/embed/nobody/check/")

    assert response.status_code == 404
    assert "<h1>Esta página no está disponible aquí</h1>" in response.text
    assert 'href="/es/" target="_top"' in response.text
    assert '<a href="/embed/nobody/check/" lang="en" hreflang="en">English</a>' in response.text
