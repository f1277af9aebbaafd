import pytest

from phases.text.readability import hard_to_read

HARD = "Immunophenotypically aberrant lymphoblastic populations necessitate intensification."
EASY = "Your child is in remission. The doctors will check the blood again next week."


def test_only_a_text_harder_than_the_aim_gets_a_note_that_names_it():
    notes = hard_to_read({"Summary": HARD, "Text": EASY}, "en")

    [note] = notes
    assert note.startswith("Summary reads at US grade")
    assert "grade 8 or below" in note
    assert "shorter sentences" in note


def test_a_hard_spanish_text_is_measured_by_its_ease():
    hard = (
        "Las poblaciones linfoblásticas inmunofenotípicamente aberrantes necesitan intensificación."
    )

    [note] = hard_to_read({"Resumen": hard}, "es")

    assert note.startswith("Resumen reads at Fernández-Huerta ease")


@pytest.mark.parametrize("texts", [{}, {"Summary": ""}, {"Summary": EASY}])
def test_texts_that_read_easily_get_no_note(texts):
    assert hard_to_read(texts, "en") == []


def test_a_language_without_a_measure_gets_no_note():
    assert hard_to_read({"Summary": HARD}, "fr") == []
