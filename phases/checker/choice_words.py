"""The words of every answer the checker offers, keyed by the classifier's own choices
(phases.rules.classifier.values): how the form offers each one, and how a result's sentence
says it ("Your blood count is {cbc}"). The form, the report and the API's finding texts all
read them here.

Keyed by choice first, then by answer: the choices are StrEnums, so CountsWord.UNKNOWN and
MrdResult.UNKNOWN are equal strings, and one flat dict would merge them."""

import enum
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from phases.rules.classifier import (
    CHOICES,
    AgeGroup,
    AncUnit,
    Answer,
    CountsWord,
    MrdLevel,
    MrdResult,
    Treatment,
)


@dataclass(frozen=True)
class ChoiceWords:
    offered: Promise  # a radio button's label: "Positive: leukemia cells were found"
    in_a_sentence: Promise | None = None  # "positive"; None: no sentence speaks of it


UNKNOWN = ChoiceWords(
    pgettext_lazy("checker answer", "I don't know"), pgettext_lazy("an answer", "not known")
)

WORDS: dict[type[enum.StrEnum], dict[enum.StrEnum, ChoiceWords]] = {
    Treatment: {
        Treatment.NONE: ChoiceWords(pgettext_lazy("checker answer", "No, never")),
        Treatment.RECEIVED: ChoiceWords(
            pgettext_lazy("checker answer", "Yes, treatment has been given")
        ),
    },
    AgeGroup: {
        AgeGroup.CHILD: ChoiceWords(
            pgettext_lazy(
                "checker answer", "A child or teenager, or a young adult on a children's plan"
            )
        ),
        AgeGroup.ADULT: ChoiceWords(pgettext_lazy("checker answer", "An adult on an adult plan")),
        AgeGroup.UNKNOWN: UNKNOWN,
    },
    Answer: {
        Answer.YES: ChoiceWords(pgettext_lazy("checker answer", "Yes")),
        Answer.NO: ChoiceWords(pgettext_lazy("checker answer", "No")),
        Answer.UNKNOWN: UNKNOWN,
    },
    CountsWord: {
        CountsWord.NORMAL: ChoiceWords(
            pgettext_lazy("checker answer", "Normal"), pgettext_lazy("blood count", "normal")
        ),
        CountsWord.ABNORMAL: ChoiceWords(
            pgettext_lazy("checker answer", "Not normal"),
            pgettext_lazy("blood count", "not normal"),
        ),
        CountsWord.UNKNOWN: UNKNOWN,
    },
    MrdResult: {
        MrdResult.POSITIVE: ChoiceWords(
            pgettext_lazy("checker answer", "Positive: leukemia cells were found"),
            pgettext_lazy("MRD test result", "positive"),
        ),
        MrdResult.NEGATIVE: ChoiceWords(
            pgettext_lazy("checker answer", "Negative: no leukemia cells were found"),
            pgettext_lazy("MRD test result", "negative"),
        ),
        MrdResult.NOT_TESTED: ChoiceWords(
            pgettext_lazy("checker answer", "I have not had this test"),
            pgettext_lazy("MRD test", "not tested"),
        ),
        MrdResult.UNKNOWN: UNKNOWN,
    },
    MrdLevel: {
        MrdLevel.BELOW_1: ChoiceWords(
            pgettext_lazy("checker answer", "Below 1% (such as 0.01%, or 1 in 10,000)")
        ),
        MrdLevel.ONE_OR_MORE: ChoiceWords(pgettext_lazy("checker answer", "1% or more")),
        MrdLevel.UNKNOWN: UNKNOWN,
    },
    # How an ambiguous ANC is written; the form asks only when the number cannot tell.
    AncUnit: {
        AncUnit.PER_UL: ChoiceWords(pgettext_lazy("checker answer", "per µL")),
        AncUnit.X10_9_PER_L: ChoiceWords(pgettext_lazy("checker answer", "×10⁹/L")),
        AncUnit.UNKNOWN: UNKNOWN,
    },
}


def words_for(name: str, answer: str) -> ChoiceWords:
    """The words of `answer` to the question `name` (a classifier input name)."""
    choice = CHOICES[name]
    return WORDS[choice][choice(answer)]


def in_a_sentence(name: str, value: str) -> str:
    """`value` as a result's sentence says it: the answer's words when `name` is a question
    with choices and the words exist, else the value as it is (a phase's name, say)."""
    if name not in CHOICES:
        return value
    words = words_for(name, value).in_a_sentence
    return value if words is None else str(words)
