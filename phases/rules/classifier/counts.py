"""The blood counts: recovered or not. They never decide the phase; they add findings to a
remission or MRD result (spec: "Counts and units")."""

from collections.abc import Callable

from phases.rules.classifier import findings as f
from phases.rules.classifier.values import (
    RECOVERED_ANC_AT_LEAST,
    RECOVERED_PLATELETS_AT_LEAST,
    AgeGroup,
    Answer,
    CountsWord,
    Finding,
    LabValues,
)


def counts_findings(values: LabValues, finding: Callable[..., Finding]) -> list[Finding]:
    """Low counts are worded for who the patient is: after remission they are often kept low on
    purpose (maintenance); children's remission sets no count limits; adults' criteria do."""
    recovered = counts_recovered(values)
    found = []
    if recovered is False:
        if values.ever_in_remission is Answer.YES:
            code = f.COUNTS_LOW_MAINTENANCE
        elif values.age_group is AgeGroup.CHILD:
            code = f.COUNTS_LOW_CHILD
        else:
            code = f.COUNTS_NOT_RECOVERED
        found.append(
            finding(
                code,
                anc=values.anc,
                platelets=values.platelets,
                cbc=values.cbc,
                anc_at_least=RECOVERED_ANC_AT_LEAST,
                platelets_at_least=RECOVERED_PLATELETS_AT_LEAST,
            )
        )
    elif recovered is None:
        found.append(finding(f.COUNTS_UNKNOWN))
    if _conflict(values):
        found.append(
            finding(
                f.COUNTS_NUMBERS_CONFLICT_WITH_CBC,
                anc=values.anc,
                platelets=values.platelets,
                cbc=values.cbc,
            )
        )
    return found


def _numbers_say_recovered(values: LabValues) -> bool | None:
    """What the numbers alone say: one number short is enough to say no, yes needs both."""
    anc_ok = None if values.anc is None else values.anc >= RECOVERED_ANC_AT_LEAST
    platelets_ok = (
        None if values.platelets is None else values.platelets >= RECOVERED_PLATELETS_AT_LEAST
    )
    if anc_ok is False or platelets_ok is False:
        return False
    if anc_ok and platelets_ok:
        return True
    return None


def _cbc_says_recovered(values: LabValues) -> bool | None:
    return {CountsWord.NORMAL: True, CountsWord.ABNORMAL: False}.get(values.cbc)


def counts_recovered(values: LabValues) -> bool | None:
    """Numbers win over the cbc word: they are what the remission criteria are written in."""
    numbers = _numbers_say_recovered(values)
    return _cbc_says_recovered(values) if numbers is None else numbers


def _conflict(values: LabValues) -> bool:
    """A disagreement is shown, not hidden: one of the two was probably typed or read wrongly."""
    numbers, word = _numbers_say_recovered(values), _cbc_says_recovered(values)
    return numbers is not None and word is not None and numbers != word
