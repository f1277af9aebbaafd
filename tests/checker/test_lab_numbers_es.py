"""Reading and writing lab numbers on a Spanish page: a decimal comma, groups of three digits
apart by a space (or a dot), and reports from US labs with a decimal point. English pages keep
reading numbers exactly as before (tests/checker/test_checker.py)."""

import re

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from phases.checker.lab_numbers import (
    ENGLISH,
    LAB_NUMBERS,
    SPANISH,
    NumberProblem,
    format_number,
    format_percent,
    number_style,
)
from phases.checker.number_reading import read_number
from phases.rules.classifier import RANGES, Below

NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def in_spanish():
    """The words said back are in the active language, as on a Spanish page."""
    with translation.override("es"):
        yield


def read(typed, name):
    return read_number(typed, name=name, language="es")


@pytest.mark.parametrize(
    ("name", "typed", "value"),
    [
        ("marrow_blasts_percent", "4,5", 4.5),
        ("marrow_blasts_percent", "4,5%", 4.5),
        ("marrow_blasts_percent", "0,25 %", 0.25),
        ("anc", "0,8", 0.8),
        ("hemoglobin", "12,5", 12.5),
        ("wbc", "12", 12.0),
        ("platelets", "150", 150.0),
        ("anc", ",5", 0.5),
        ("hemoglobin", "12,500", 12.5),  # 12500 is no hemoglobin in any unit
    ],
)
def test_a_number_written_the_spanish_way_is_read_without_a_word(name, typed, value):
    assert read(typed, name).value == value
    assert read(typed, name).understood is None


@pytest.mark.parametrize(
    ("name", "typed", "value", "understood"),
    [
        # A report from a US lab, copied by a parent who reads Spanish.
        ("marrow_blasts_percent", "4.5", 4.5, "Entendimos “4.5” como 4,5."),
        ("anc", "0.8", 0.8, "Entendimos “0.8” como 0,8."),
        # Thousands grouped with a dot (Spanish), a space (RAE) or a comma (US): per µL.
        ("platelets", "150.000", 150.0, f"Entendimos 150{NBSP}000 por µL como 150 ×10⁹/L."),
        ("platelets", "150 000", 150.0, f"Entendimos 150{NBSP}000 por µL como 150 ×10⁹/L."),
        ("platelets", "150,000", 150.0, f"Entendimos 150{NBSP}000 por µL como 150 ×10⁹/L."),
        ("platelets", "150000", 150.0, f"Entendimos 150{NBSP}000 por µL como 150 ×10⁹/L."),
        # 1.500 per µL and 1.5 ×10⁹/L are the same neutrophils: no question to ask.
        ("anc", "1.500", 1.5, "Entendimos 1500 por µL como 1,5 ×10⁹/L."),
        ("anc", "1,500", 1.5, "Entendimos 1500 por µL como 1,5 ×10⁹/L."),
        ("anc", "1500", 1.5, "Entendimos 1500 por µL como 1,5 ×10⁹/L."),
        ("wbc", "5.000", 5.0, "Entendimos 5000 por µL como 5 ×10⁹/L."),
        ("hemoglobin", "125", 12.5, "Entendimos 125 g/L como 12,5 g/dL."),
    ],
)
def test_other_ways_of_writing_are_understood_and_said_back_in_spanish(
    name, typed, value, understood
):
    reading = read(typed, name)

    assert (reading.value, reading.understood) == (value, understood)


@pytest.mark.parametrize(
    ("typed", "value", "understood"),
    [
        ("<5%", Below(5), "Entendimos “<5%” como menos de 5%."),
        ("< 5 %", Below(5), "Entendimos “< 5 %” como menos de 5%."),
        ("menos de 5", Below(5), "Entendimos “menos de 5” como menos de 5%."),
        ("menos del 0,5%", Below(0.5), "Entendimos “menos del 0,5%” como menos de 0,5%."),
        ("Menor que 1", Below(1), "Entendimos “Menor que 1” como menos de 1%."),
        ("less than 1", Below(1), "Entendimos “less than 1” como menos de 1%."),  # a US report
        ("ninguno", 0.0, "Entendimos “ninguno” como 0%."),
        ("no se observan", 0.0, "Entendimos “no se observan” como 0%."),
        ("none seen", 0.0, "Entendimos “none seen” como 0%."),
    ],
)
def test_marrow_blasts_in_words_spanish_or_english(typed, value, understood):
    reading = read(typed, "marrow_blasts_percent")

    assert (reading.value, reading.understood) == (value, understood)


@pytest.mark.parametrize(
    ("name", "typed", "message"),
    [
        # 1.500 platelets could be 1.5 or 1500 ×10⁹/L: the patient says which.
        ("platelets", "1.500", "“1.500” puede querer decir 1,5 o 1500."),
        ("platelets", "1,500", "“1,500” puede querer decir 1,5 o 1500."),
        ("marrow_blasts_percent", "cuatro", "o como lo dice su informe: “<5%”, “menos de 1”"),
        (
            "marrow_blasts_percent",
            "negativo",
            "suele ser la respuesta a la pregunta sobre la prueba de ERM",
        ),
        ("marrow_blasts_percent", "2-1%", "Un rango va del número menor al mayor"),
        ("marrow_blasts_percent", "1.500,5", "Escriba un número"),
        ("marrow_blasts_percent", "101", "Un porcentaje va de 0 a 100."),
        ("marrow_blasts_percent", "<101", "Un porcentaje va de 0 a 100."),
        ("marrow_blasts_percent", "menos de", "o como lo dice su informe"),
        ("marrow_blasts_percent", "-2", "no puede ser menor que 0"),
        ("anc", "45%", "Aquí va un recuento en ×10⁹/L, no un porcentaje."),
        ("anc", "100.000.000", "fuera de lo que podemos leer (de 0 a 100 ×10⁹/L)"),
        ("hemoglobin", "300", "fuera de lo que podemos leer (de 0 a 25 g/dL)"),
    ],
)
def test_a_number_that_cannot_be_read_gets_a_message_in_spanish(name, typed, message):
    with pytest.raises(NumberProblem, match=re.escape(message)):
        read(typed, name)


@pytest.mark.parametrize(
    ("value", "group", "english", "spanish"),
    [
        (4.5, False, "4.5", "4,5"),
        (150.0, True, "150", "150"),
        (1500.0, True, "1,500", "1500"),  # in Spanish, four digits stay together
        (10000.0, True, "10,000", f"10{NBSP}000"),
        (1000000.0, True, "1,000,000", f"1{NBSP}000{NBSP}000"),
        (12345.678, True, "12,345.678", f"12{NBSP}345,678"),
        (150000.0, False, "150000", "150000"),
        (0.0, False, "0", "0"),
    ],
)
def test_numbers_are_written_the_way_each_language_writes_them(value, group, english, spanish):
    assert format_number(value, group=group, style=ENGLISH) == english
    assert format_number(value, group=group, style=SPANISH) == spanish


def test_a_percentage_and_a_below_n_are_written_in_spanish():
    assert format_percent(4.5, style=SPANISH) == "4,5%"
    assert format_percent(Below(5), style=SPANISH) == "menos de 5%"
    with translation.override("en"):
        assert format_percent(Below(0.5), style=ENGLISH) == "below 0.5%"


def test_the_style_follows_the_page_language():
    assert number_style() is SPANISH
    assert number_style("es-MX") is SPANISH
    with translation.override("en"):
        assert number_style() is ENGLISH
    assert number_style("fr") is ENGLISH  # a language without a style of its own


def test_english_pages_read_numbers_as_they_always_did():
    with translation.override("en"):
        assert read_number("4,5", name="marrow_blasts_percent").understood == (
            "We read “4,5” as 4.5."
        )
        assert read_number("4.5", name="marrow_blasts_percent").understood is None
        with pytest.raises(NumberProblem, match="could mean 1.5 or 1500"):
            read_number("1,500", name="platelets")
        # A report in Spanish, read on an English page.
        assert read_number("ninguno", name="marrow_blasts_percent").value == 0
        with pytest.raises(NumberProblem, match="as your report words it"):
            read_number("lots", name="marrow_blasts_percent")


# Values as a Spanish report writes them: at most two decimals, so that no value could also be
# a number with its thousands grouped (1,234 could be 1234).
def values_of(name):
    low, high = RANGES[name]
    return st.integers(int(low * 100), int(high * 100)).map(lambda hundredths: hundredths / 100)


@given(data=st.data(), name=st.sampled_from(sorted(LAB_NUMBERS)))
def test_a_number_written_the_spanish_way_reads_back_as_itself_without_a_word(data, name):
    value = data.draw(values_of(name))
    with translation.override("es"):
        reading = read_number(format_number(value, group=True, style=SPANISH), name=name)

    if name == "wbc" and value >= 100:  # a very high count: the other reading is said back
        assert reading.value == value
        assert "por µL" in reading.understood
    else:
        assert (reading.value, reading.understood) == (value, None)
