"""Sort a patient's lab values into one of the five phases of ALL, or say why we can't tell yet.

The classifier is a teaching aid and never guesses: where the facts do not decide, the result
has no phase, names the phases still possible (`candidates`, maybe none: nothing frightening is
listed during the first course) and the inputs that would settle it (`missing`). The rules and
their sources are in the classifier spec (version 3); each rule cites its number there. Nothing
here imports Django, so the rules are tested without a database and the form, the JSON API and
the tests all share one implementation.

- `values`: the inputs (LabValues), the phases, thresholds and the shape of a Result;
- `findings`: the finding codes and the values each may carry;
- `rules`: the rules themselves (`classify`);
- `counts`: whether the blood counts have recovered.
"""

from phases.rules.classifier.findings import *  # noqa: F403
from phases.rules.classifier.findings import FINDING_CODES, FINDING_VALUE_NAMES
from phases.rules.classifier.rules import classify, known_below, urgent_reasons
from phases.rules.classifier.values import *  # noqa: F403
from phases.rules.classifier.values import (
    CHOICES,
    RANGES,
    AncUnitNeeded,
    Below,
    Between,
    Finding,
    LabValues,
    Result,
    anc_in_x10_9_per_l,
    anc_is_ambiguous,
)

__all__ = [  # noqa: F405
    "CHOICES",
    "FINDING_CODES",
    "FINDING_VALUE_NAMES",
    "RANGES",
    "AncUnitNeeded",
    "Below",
    "Between",
    "Finding",
    "LabValues",
    "Result",
    "anc_in_x10_9_per_l",
    "anc_is_ambiguous",
    "classify",
    "known_below",
    "urgent_reasons",
]
