"""The lab-values checker in Spanish, at /es/check/, as a patient would use it: the same rules
as in English, every word in Spanish, numbers written and read the Spanish way."""

import logging
import re

import pytest
from django.utils import translation

from phases.checker.forms import LabReportForm
from phases.checker.report import build_report, finding_texts
from phases.models import Explanation, Partner, Phase
from phases.rules.classifier import classify
from tests.checker.test_checker import as_posted, assert_result_is, data_phase, field_block
from tests.rules.test_classifier import RULE_TABLE

pytestmark = pytest.mark.django_db

CHECK = "/es/check/"
NBSP = "\u00a0"
NOTICE = '<p class="not-translated" lang="es">'
REMISSION = {"treatment": "received", "ever_in_remission": "yes", "marrow_blasts_percent": "2"}
REMISSION |= {"blood_blasts": "no", "cbc": "normal", "mrd": "negative", "symptoms": "no"}


def in_spanish(values):
    """What a Spanish reader types: 5,01 where the table says 5.01."""
    return {
        name: value.replace(".", ",") if re.fullmatch(r"\d+\.\d+", value) else value
        for name, value in as_posted(values).items()
    }


def result_of(response):
    return response.text[response.text.index('id="result"') : response.text.index("lab-form")]


def numbers_table(response):
    return response.text[response.text.index('class="table numbers"') :]


@pytest.mark.parametrize(("values", "expected"), RULE_TABLE)
def test_rule_table_gives_the_same_result_through_the_spanish_form(client, values, expected):
    response = client.post(CHECK, in_spanish(values))

    assert_result_is(expected, response, pages="/es/phases/")


def test_the_empty_form_is_in_spanish(client):
    response = client.get(CHECK)

    text = response.text
    assert "<h1>Vea lo que indican sus resultados de laboratorio</h1>" in text
    assert "Nada de lo que escriba se guarda" in text
    assert 'action="/es/check/"' in text
    assert "<legend>El tratamiento hasta ahora</legend>" in text
    assert "¿Se ha dado alguna vez algún tratamiento contra la leucemia?" in field_block(
        response, "treatment"
    )
    assert "¿Hay fiebre ahora, o la hubo en las últimas 24 horas?" in field_block(response, "fever")
    assert "¿Quién recibe el tratamiento?" in field_block(response, "age_group")
    assert "No sé" in field_block(response, "cbc")
    assert 'value="Ver qué indican mis resultados"' in text
    assert "como 150" + NBSP + "000" in field_block(response, "platelets")
    for english in ["I don't know", "I don&#x27;t know", "Treatment so far", "Show what my"]:
        assert english not in text


def test_the_english_form_stays_english_after_a_spanish_one(client):
    client.get(CHECK)  # the form's layout is kept per language, never shared across them

    response = client.get("/check/")

    assert "<legend>Treatment so far</legend>" in response.text
    assert 'value="Show what my results suggest"' in response.text
    assert 'action="/check/"' in response.text


def test_a_remission_result_in_spanish_links_to_the_spanish_phase(client):
    remission = Phase.objects.get(slug="remission", language="es")

    response = client.post(CHECK, REMISSION)

    result = result_of(response)
    assert data_phase(response) == "remission"
    assert f'<h2 id="result-heading" class="result-heading">{remission.name}</h2>' in result
    assert remission.summary in result
    assert "¿Es una remisión completa?" in result
    assert "¿Se hizo una prueba de ERM" in remission.questions_html
    assert "¿Se hizo una prueba de ERM" not in result  # the MRD result was given
    assert 'href="/es/phases/remission/"' in result
    assert "Más información sobre: Remisión" in result
    assert "La prueba de médula ósea encontró 2% de blastos." in result
    assert "Esto no es un diagnóstico." in result
    assert "Preguntas para hacerle a su equipo médico" in result
    assert NOTICE not in result
    assert ' lang="en"' not in result


def test_a_decimal_comma_is_read_silently_and_shown_back_the_spanish_way(client):
    values = REMISSION | {"marrow_blasts_percent": "4,5", "anc": "0,8", "hemoglobin": "9,1"}

    response = client.post(CHECK, values)

    assert data_phase(response) == "remission"
    for name in ["marrow_blasts_percent", "anc", "hemoglobin"]:
        assert 'class="understood"' not in field_block(response, name)
    assert "La prueba de médula ósea encontró 4,5% de blastos." in response.text
    table = numbers_table(response)
    assert "4,5%" in table
    assert "0,8 ×10⁹/L" in table
    assert "9,1 g/dL" in table
    assert "1,5 a 8 ×10⁹/L" in table
    assert "por debajo del rango típico" in table
    assert "menos de 5%" in table  # the typical marrow blasts


def test_a_point_from_a_us_report_is_read_and_said_back(client):
    response = client.post(CHECK, REMISSION | {"marrow_blasts_percent": "4.5"})

    assert "Entendimos “4.5” como 4,5." in field_block(response, "marrow_blasts_percent")
    assert "4,5%" in numbers_table(response)


@pytest.mark.parametrize(
    ("name", "typed", "understood", "shown"),
    [
        ("platelets", "150.000", f"Entendimos 150{NBSP}000 por µL como 150 ×10⁹/L.", "150 ×10⁹/L"),
        ("platelets", "150,000", f"Entendimos 150{NBSP}000 por µL como 150 ×10⁹/L.", "150 ×10⁹/L"),
        ("anc", "1.500", "Entendimos 1500 por µL como 1,5 ×10⁹/L.", "1,5 ×10⁹/L"),
        ("hemoglobin", "125", "Entendimos 125 g/L como 12,5 g/dL.", "12,5 g/dL"),
        ("marrow_blasts_percent", "<5%", "Entendimos “&lt;5%” como menos de 5%.", "menos de 5%"),
        ("marrow_blasts_percent", "ninguno", "Entendimos “ninguno” como 0%.", "0%"),
    ],
)
def test_a_slip_is_said_back_in_spanish_beside_its_box(client, name, typed, understood, shown):
    response = client.post(CHECK, {"treatment": "received", name: typed})

    assert data_phase(response)
    assert understood in field_block(response, name)
    assert shown in numbers_table(response)


@pytest.mark.parametrize(
    ("name", "typed", "message"),
    [
        ("marrow_blasts_percent", "mucho", "o como lo dice su informe"),
        ("marrow_blasts_percent", "101", "Un porcentaje va de 0 a 100."),
        ("marrow_blasts_percent", "-2", "Este número no puede ser menor que 0."),
        ("anc", "45%", "no un porcentaje"),
        ("anc", "100000000", "Este número está fuera de lo que podemos leer"),
        ("platelets", "1.500", "puede querer decir 1,5 o 1500"),
        ("wbc", "5000000", "fuera de lo que podemos leer (de 0 a 1000 ×10⁹/L)"),
        ("hemoglobin", "1" * 40, "Esto es demasiado largo para un número."),
    ],
)
def test_a_bad_number_gets_a_spanish_message_and_every_answer_is_kept(client, name, typed, message):
    other = "hemoglobin" if name != "hemoglobin" else "wbc"
    values = {"treatment": "received", "cbc": "normal", name: typed, other: "12,5"}

    response = client.post(CHECK, values)

    assert response.status_code == 200
    assert "data-phase" not in response.text
    block = field_block(response, name)
    assert message in block
    assert 'aria-invalid="true"' in block
    assert f'value="{typed}"' in block
    assert 'value="12,5"' in field_block(response, other)
    assert "Por favor, revise esta respuesta" in response.text
    assert "<title>Revise sus respuestas" in response.text


def test_treatment_is_required_in_spanish_and_two_mistakes_are_counted(client):
    response = client.post(CHECK, {"anc": "mucho"})

    block = field_block(response, "treatment")
    assert "Elija si alguna vez se ha dado tratamiento contra la leucemia." in block
    assert "Por favor, revise estas respuestas" in response.text


def test_a_cant_tell_result_names_the_spanish_phases_with_o(client):
    values = {"treatment": "received", "marrow_blasts_percent": "2", "blood_blasts": "yes"}
    response = client.post(CHECK, values | {"ever_in_remission": "unknown"})

    result = result_of(response)
    assert "Todavía no podemos saberlo" in result
    assert "Remisión, Enfermedad residual mínima, Refractaria o Recaída" in result
    assert "Respuestas que ayudarían" in result
    assert 'href="#div_id_ever_in_remission"' in result


def test_numbers_in_explanations_are_written_the_spanish_way(client):
    values = REMISSION | {"mrd": "not_tested", "cbc": "abnormal", "anc": "2,5", "platelets": "200"}

    response = client.post(CHECK, values)

    result = result_of(response)
    assert "1 de cada 10&nbsp;000 células" in result  # a number the finding carries
    assert "del recuento sanguíneo (fuera de lo normal)" in result  # an answer, in words
    assert "Respuestas para revisar" in result


def test_urgent_advice_comes_first_in_spanish(client):
    response = client.post(CHECK, {"treatment": "received", "symptoms": "yes", "anc": "0,2"})

    result = result_of(response)
    assert result.index('id="get-help-now"') < result.index('id="result-heading"')
    assert "Busque ayuda de inmediato" in result
    assert "el RAN es 0,2, menos de 0,5" in result
    assert "Cuándo buscar ayuda de inmediato" not in result  # the section's text, not its title
    assert "<title>Busque ayuda de inmediato: su resultado" in response.text


def test_the_blast_scale_speaks_spanish_and_keeps_its_svg_numbers_plain(client):
    response = client.post(CHECK, {"treatment": "received", "marrow_blasts_percent": "12,34"})

    text = response.text
    assert "Sus blastos en la médula: 12,34%, entre las marcas del 5% y del 20%." in text
    assert "Blastos en la médula de 12,34% en una escala de 0 a 100%" in text
    assert '<svg class="scale-marker-box" x="50.8%"' in text  # an SVG length: a point
    assert '<text class="scale-you" x="50.8%" y="1.1em" text-anchor="middle">' in text
    assert "Su valor: 12,34%</text>" in text


def test_the_handout_is_in_spanish(client):
    response = client.post("/es/check/handout/", REMISSION | {"anc": "0,3"})

    text = response.text
    assert '<html lang="es"' in text
    assert "<title>Busque ayuda de inmediato: su resultado para imprimir" in text
    assert "<h1>Su resultado del Portal de las fases de la LLA</h1>" in text
    assert "use <strong>Imprimir</strong> en el menú de su navegador" in text
    assert re.search(r'Resultado del <time datetime="[\d-]+">\d+ de \w+ de \d{4}</time>', text)
    assert text.count("Esto no es un diagnóstico.") == 1
    # The disclaimer is part of the result, once: the handout has no footer.
    result = text[text.index('id="result"') :]
    assert result.index('class="result-disclaimer"') > result.index("Sus respuestas")
    assert 'class="site-footer"' not in text
    assert "Otras señales de leucemia ahora</dt><dd>No</dd>" in text
    assert 'formaction="' not in text  # nothing to click to print again


def test_the_spanish_result_runs_no_more_queries_than_the_english(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        client.post(CHECK, {"treatment": "received", "marrow_blasts_percent": "3"})


def test_the_spanish_checker_in_an_embed_stays_in_the_spanish_embed(client):
    Partner.objects.create(
        name="Example", key="example", allowed_origins="https://library.example.org"
    )

    response = client.post(
        "/es/embed/example/check/", {"treatment": "received", "ever_in_remission": "yes"}
    )

    assert 'action="/es/embed/example/check/"' in response.text
    assert 'href="/es/embed/example/phases/remission/"' in response.text
    assert 'formaction="/es/embed/example/check/handout/"' in response.text


# English standing in, then the built-in wording


def break_text(key, language):
    """A stored text broken behind the validators' back (a database edit)."""
    Explanation.objects.filter(key=key, language=language).update(text_html="{nope")


def test_a_broken_spanish_text_gives_way_to_the_english_text_marked_as_english(client, caplog):
    break_text("remission", "es")
    caplog.set_level(logging.WARNING)

    response = client.post(CHECK, REMISSION)

    result = result_of(response)
    assert NOTICE in result
    assert '<div lang="en"><p>The bone marrow test found 2% blasts.' in result
    assert "'remission' is broken" in caplog.text
    assert "2%" not in caplog.text


def test_with_both_texts_broken_the_built_in_wording_still_gives_a_result(client):
    break_text("remission", "es")
    break_text("remission", "en")

    response = client.post(CHECK, REMISSION)

    assert data_phase(response) == "remission"
    assert "The bone marrow test found 2% blasts." in result_of(response)


def test_a_text_not_translated_yet_is_shown_in_english_and_says_so(client):
    Explanation.objects.filter(key="symptoms_needed", language="es").delete()

    response = client.post(CHECK, REMISSION | {"symptoms": "unknown"})

    finding = re.search(r'<li>\s*(<p class="not-translated".*?)</li>', result_of(response), re.S)
    assert finding
    assert '<div lang="en">' in finding.group(1)


def test_a_phase_not_translated_yet_is_named_in_english_and_says_so(client):
    Phase.objects.filter(slug="remission", language="es").update(is_published=False)

    response = client.post(CHECK, REMISSION)

    result = result_of(response)
    assert NOTICE in result
    assert '<h2 id="result-heading" class="result-heading" lang="en">Remission</h2>' in result
    assert 'href="/es/phases/remission/"' in result


def test_the_api_wording_comes_in_the_language_asked_for():
    values = LabReportForm(REMISSION | {"symptoms": "unknown"})
    assert values.is_valid()
    result = classify(values.lab_values())

    spanish = [str(words) for _, words in finding_texts(result, "es")]
    english = [str(words) for _, words in finding_texts(result, "en")]
    with translation.override("es"):
        active = [str(words) for _, words in finding_texts(result)]

    assert spanish == active != english
    assert spanish[0].startswith("<p>La remisión también quiere decir que no hay señales")


def test_a_preview_shows_the_spanish_draft(approver):
    text = Explanation.objects.get(key="remission", language="es")
    text.text = "Borrador: {marrow_blasts_percent}% de blastos."
    text.save_draft(by=approver)
    form = LabReportForm(REMISSION)
    assert form.is_valid()
    values = form.lab_values()

    with translation.override("es"):
        draft = build_report(values, classify(values), questions=form.questions(), drafts=True)
        published = build_report(values, classify(values), questions=form.questions())

    assert "Borrador: 2% de blastos." in draft.headline
    assert "Borrador" not in published.headline
    assert draft.phase.name == "Remisión"
