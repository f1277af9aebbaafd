"""How hard a patient text is to read, by the measure that suits its language, and its length.

Each language has its own measure, target and words for editors in MEASURES: English is scored
by Flesch-Kincaid (a US school grade: lower is easier), Spanish by Fernández-Huerta (a reading
ease from 0 to 100: higher is easier). A new language is one more entry there. The scores come
from textstat's functions that take the language as an argument, not from its module-level
`set_lang`, which would change the language for every thread of the process at once.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from textstat.backend import counts, metrics

from phases.text import english_syllables
from phases.text.staff_markdown import markdown_to_text

PLACEHOLDER = re.compile(r"\{\w+\}")


@dataclass(frozen=True)
class Measure:
    name: str  # as editors read it before the score: "US grade 7.5"
    formula: Callable[[str, str], float]  # as textstat.backend.metrics's: (text, language)
    syllables: str  # the language textstat counts syllables in (its Pyphen dictionary)
    target: float
    lower_is_easier: bool
    decimals: int  # a grade is read to one decimal, an ease score as a whole number
    aim: str  # the target in an editor's words
    easier: str  # "patients find … easier", for a text above the target

    def is_too_hard(self, score: float) -> bool:
        return score > self.target if self.lower_is_easier else score < self.target


MEASURES = {
    "en": Measure(
        name="US grade",
        # textstat's formula, without its 70 MiB copy of the CMU dictionary (see the module).
        formula=english_syllables.flesch_kincaid_grade,
        syllables="en_US",
        target=8,
        lower_is_easier=True,
        decimals=1,
        aim="aim for grade 8 or below",
        easier="grade 8 or below",
    ),
    # Fernández-Huerta: 60 to 70 reads as "normal" (ages 12 to 15), 70 to 80 "fairly easy".
    "es": Measure(
        name="Fernández-Huerta ease",
        formula=metrics.fernandez_huerta,
        syllables="es",
        target=65,
        lower_is_easier=False,
        decimals=0,
        aim="aim for 65 or higher, about US grade 8",
        easier="an ease of 65 or higher (about US grade 8)",
    ),
}


@dataclass(frozen=True)
class ReadingLevel:
    measure: Measure
    score: float
    words: int

    @property
    def is_too_hard(self) -> bool:
        return self.words > 0 and self.measure.is_too_hard(self.score)

    def __str__(self):
        return f"{self.measure.name} {self.score:.{self.measure.decimals}f}"


def reading_level(text: str, language: str) -> ReadingLevel | None:
    """The score and word count of a Markdown text in `language`; placeholders count as one
    short number. None for a language without a measure in MEASURES."""
    measure = MEASURES.get(language)
    if measure is None:
        return None
    plain = PLACEHOLDER.sub("5", markdown_to_text(text or ""))
    if not plain.strip():
        return ReadingLevel(measure, 0.0, 0)
    return ReadingLevel(
        measure, measure.formula(plain, measure.syllables), counts.count_words(plain)
    )


def hard_to_read(texts: Mapping[str, str], language: str) -> list[str]:
    """A note for an editor on each text (by its name) that reads harder than its language's
    aim; none for a language without a measure in MEASURES."""
    notes = []
    for name, text in texts.items():
        level = reading_level(text, language)
        if level is not None and level.is_too_hard:
            notes.append(
                f"{name} reads at {level}: patients find {level.measure.easier} easier, "
                "so try shorter sentences and everyday words."
            )
    return notes
