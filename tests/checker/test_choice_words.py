import pytest
from django.utils import translation

from phases.checker.choice_words import WORDS, in_a_sentence, words_for
from phases.checker.forms import LabReportForm
from phases.rules.classifier import CHOICES, CountsWord, MrdResult


@pytest.mark.parametrize("name", CHOICES)
def test_every_answer_of_every_question_has_words(name):
    choice = CHOICES[name]

    assert set(WORDS[choice]) == set(choice)
    assert all(str(words_for(name, answer).offered) for answer in choice)


@pytest.mark.parametrize("name", [name for name in CHOICES if name != "anc_unit"])
def test_the_form_offers_every_answer_in_its_words(name):
    offered = dict(LabReportForm().fields[name].choices)

    assert offered == {answer.value: words_for(name, answer).offered for answer in CHOICES[name]}


def test_a_sentence_says_each_answer_in_the_pages_language():
    with translation.override("es"):
        assert in_a_sentence("cbc", CountsWord.ABNORMAL) == "fuera de lo normal"
        assert in_a_sentence("mrd", MrdResult.NOT_TESTED) != "not_tested"
    with translation.override("en"):
        assert in_a_sentence("cbc", "unknown") == "not known"
        assert in_a_sentence("mrd", "unknown") == "not known"


def test_a_value_that_is_not_an_answer_is_said_as_it_is():
    assert in_a_sentence("candidates", "remission or relapsed") == "remission or relapsed"
