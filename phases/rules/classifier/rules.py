"""The spec's rules (version 3), first match wins; each function cites its rule number."""

from collections.abc import Iterable
from dataclasses import replace

from phases.rules.classifier import findings as f
from phases.rules.classifier.counts import counts_findings
from phases.rules.classifier.values import (
    FEVER,
    LEUKEMIA_BLASTS_ABOVE,
    LOW_ANC,
    MAINTENANCE_CAUTION_ANC_BELOW,
    MAINTENANCE_CAUTION_PLATELETS_BELOW,
    MINIMAL_RESIDUAL_DISEASE,
    MRD_MOST_SENSITIVE_FINDS_ONE_CELL_IN,
    MRD_TEST_FINDS_ONE_CELL_IN,
    PHASE_SLUGS,
    REFRACTORY,
    RELAPSE_CONFIRM_BLASTS_BELOW,
    RELAPSED,
    REMISSION,
    REMISSION_BLASTS_BELOW,
    SYMPTOMS,
    UNTREATED,
    UNTREATED_BLASTS_USUALLY_ABOVE,
    URGENT_ANC_BELOW,
    AgeGroup,
    Answer,
    Below,
    Between,
    Blasts,
    Finding,
    LabValues,
    MrdLevel,
    MrdResult,
    Result,
    Treatment,
)

MRD = MINIMAL_RESIDUAL_DISEASE


def classify(values: LabValues) -> Result:
    """Apply the spec's rules in order (the first that matches decides), then the urgent advice,
    which stands apart from the phase and comes first whatever the phase."""
    result = _phase_rules(values)
    reasons = urgent_reasons(values)
    if not reasons:
        return result
    help_now = _finding(f.GET_HELP_NOW, anc=values.anc, urgent_anc_below=URGENT_ANC_BELOW)
    return replace(
        result, findings=(help_now, *result.findings), urgent=True, urgent_reasons=reasons
    )


def urgent_reasons(values: LabValues) -> tuple[str, ...]:
    """Fever, other signs, or very few neutrophils (the ANC is in x10^9/L by now)."""
    low_anc = values.anc is not None and values.anc < URGENT_ANC_BELOW
    found = {
        FEVER: values.fever is Answer.YES,
        SYMPTOMS: values.symptoms is Answer.YES,
        LOW_ANC: low_anc,
    }
    return tuple(reason for reason, applies in found.items() if applies)


def _phase_rules(values: LabValues) -> Result:
    if values.treatment is Treatment.NONE:
        if values.ever_in_remission is Answer.YES:  # rule 1
            return Result(
                phase=None,
                findings=(_finding(f.ANSWERS_CONFLICT),),
                missing=("treatment", "ever_in_remission"),
            )
        return _untreated(values)  # rule 2
    if _leukemia_found(values):
        return _leukemia_after_treatment(values)  # rule 3
    blasts = values.marrow_blasts_percent
    if blasts == REMISSION_BLASTS_BELOW:
        return _at_border(values)  # rule 4
    if known_below(blasts, REMISSION_BLASTS_BELOW):
        return _no_leukemia_found(values)  # rule 5
    return _marrow_not_known(values)  # rule 6


def known_below(blasts: Blasts, threshold: float) -> bool:
    """Known to be below `threshold`: a number, a report's "below N" for any N up to it, or a
    range that ends below it."""
    if isinstance(blasts, Below):
        return blasts.limit <= threshold
    if isinstance(blasts, Between):
        return blasts.high < threshold
    return blasts is not None and blasts < threshold


def _marrow_above_border(values: LabValues) -> bool:
    blasts = values.marrow_blasts_percent
    if isinstance(blasts, Between):
        return blasts.low > LEUKEMIA_BLASTS_ABOVE
    return isinstance(blasts, float) and blasts > LEUKEMIA_BLASTS_ABOVE


def _leukemia_found(values: LabValues) -> bool:
    """Marrow blasts above 5%, blasts in the blood, or leukemia outside the marrow."""
    return (
        _marrow_above_border(values)
        or values.blood_blasts is Answer.YES
        or values.outside_marrow is Answer.YES
    )


def _untreated(values: LabValues) -> Result:
    """Rule 2. No treatment means untreated whatever the numbers; low blasts are only unusual."""
    blasts = values.marrow_blasts_percent
    findings = []
    if known_below(blasts, UNTREATED_BLASTS_USUALLY_ABOVE):
        findings.append(
            _finding(
                f.BLASTS_BELOW_USUAL_AT_DIAGNOSIS,
                marrow_blasts_percent=blasts,
                usually_above=UNTREATED_BLASTS_USUALLY_ABOVE,
            )
        )
    return Result(phase=UNTREATED, findings=tuple(findings))


def _may_be_refractory(values: LabValues) -> bool:
    """Children are judged refractory later than the end of induction, so never here."""
    return values.age_group is not AgeGroup.CHILD


def _leukemia_after_treatment(values: LabValues) -> Result:
    """Rule 3. Leukemia after treatment is relapse if it had gone. If it never had: refractory
    for an adult at the end of the first course; for a child, the next course usually comes
    first; before the end of the first course, too early to judge, and nothing frightening
    is listed."""
    if values.ever_in_remission is Answer.YES:
        return _relapsed(values)
    first_course = values.first_course_done
    if first_course is Answer.NO:  # never (or not known to have been) in remission yet
        return Result(phase=None, findings=(_finding(f.TOO_EARLY_TO_JUDGE),))
    blood_findings = _blood_or_outside_findings(values)
    if values.ever_in_remission is Answer.NO:
        if first_course is Answer.YES:
            if values.age_group is AgeGroup.ADULT:
                findings = (_finding(f.REFRACTORY_JUDGED_AFTER_FULL_COURSE), *blood_findings)
                return Result(phase=REFRACTORY, findings=findings)
            if values.age_group is AgeGroup.CHILD:
                return Result(phase=None, findings=(_finding(f.CHILD_NOT_YET_IN_REMISSION),))
            return Result(
                phase=None,
                candidates=_in_order({REFRACTORY} | _clear_marrow_candidates(values)),
                findings=(_finding(f.AGE_GROUP_NEEDED), *blood_findings),
                missing=("age_group",),
            )
        possible = {REFRACTORY} if _may_be_refractory(values) else set()
        return Result(
            phase=None,
            candidates=_in_order(possible | _clear_marrow_candidates(values)),
            findings=(_finding(f.FIRST_COURSE_STATUS_NEEDED), *blood_findings),
            missing=("first_course_finished",),
        )
    missing = ["ever_in_remission"]
    if first_course is Answer.UNKNOWN:
        missing.append("first_course_finished")
    possible = {RELAPSED} | ({REFRACTORY} if _may_be_refractory(values) else set())
    return Result(
        phase=None,
        candidates=_in_order(possible | _clear_marrow_candidates(values)),
        findings=(_finding(f.RELAPSED_OR_REFRACTORY_NEEDS_HISTORY), *blood_findings),
        missing=tuple(missing),
    )


def _blood_alone_decided(values: LabValues) -> bool:
    return (
        values.blood_blasts is Answer.YES
        and values.outside_marrow is not Answer.YES
        and not _marrow_above_border(values)
    )


def _clear_marrow_candidates(values: LabValues) -> set[str]:
    """A few blasts can show in the blood while the marrow recovers: with the marrow known to be
    clear, remission and MRD stay possible."""
    if _blood_alone_decided(values) and known_below(
        values.marrow_blasts_percent, REMISSION_BLASTS_BELOW
    ):
        return {REMISSION, MRD}
    return set()


def _blood_or_outside_findings(values: LabValues) -> list[Finding]:
    """When the marrow did not decide: blood blasts are confirmed with a marrow test; leukemia
    outside the marrow with tests of the place where it was found."""
    if _marrow_above_border(values):
        return []
    blasts = values.marrow_blasts_percent
    findings = []
    if values.blood_blasts is Answer.YES:
        findings.append(_finding(f.BLOOD_BLASTS_TO_CONFIRM, marrow_blasts_percent=blasts))
    if values.outside_marrow is Answer.YES:
        findings.append(_finding(f.RELAPSE_OUTSIDE_MARROW, marrow_blasts_percent=blasts))
    return findings


def _relapsed(values: LabValues) -> Result:
    findings = _blood_or_outside_findings(values)
    blasts = values.marrow_blasts_percent
    if (
        _marrow_above_border(values)
        and known_below(blasts, RELAPSE_CONFIRM_BLASTS_BELOW)
        and values.blood_blasts is not Answer.YES
        and values.outside_marrow is not Answer.YES
    ):
        findings.append(
            _finding(
                f.RELAPSE_TO_CONFIRM,
                marrow_blasts_percent=blasts,
                confirm_below=RELAPSE_CONFIRM_BLASTS_BELOW,
            )
        )
    return Result(phase=RELAPSED, findings=tuple(findings))


def _at_border(values: LabValues) -> Result:
    """Rule 4. Exactly 5%: nothing the patient can fill in settles it; only the care team can."""
    findings = [_finding(f.BLASTS_AT_BORDER, marrow_blasts_percent=values.marrow_blasts_percent)]
    possible = {REMISSION}
    first_course = values.first_course_done
    history = values.ever_in_remission
    if first_course is Answer.NO:
        pass  # during the first course: nothing that could frighten
    elif history is Answer.YES:
        possible.add(RELAPSED)
    elif history is Answer.UNKNOWN:
        possible |= {RELAPSED} | ({REFRACTORY} if _may_be_refractory(values) else set())
    elif first_course is Answer.YES:
        if values.age_group is AgeGroup.CHILD:
            findings.append(_finding(f.CHILD_NOT_YET_IN_REMISSION))
        else:
            possible.add(REFRACTORY)
    return Result(phase=None, candidates=_in_order(possible), findings=tuple(findings))


def _no_leukemia_found(values: LabValues) -> Result:
    """Rule 5. Marrow blasts below 5%, none in the blood, none found outside the marrow: never
    relapsed or refractory, whatever else is said.

    The blood counts no longer decide: children's criteria set no count limits, adults with
    low counts may be in remission with incomplete count recovery, and maintenance treatment
    keeps counts low on purpose. They add findings instead.
    """
    blasts = values.marrow_blasts_percent
    if values.ever_in_remission is not Answer.YES and values.first_course_done is Answer.NO:
        return Result(
            phase=None,
            candidates=(REMISSION, MRD),
            findings=(_finding(f.GOOD_EARLY_SIGN, marrow_blasts_percent=blasts),),
        )
    if values.symptoms is Answer.YES:
        return Result(
            phase=None,
            candidates=_by_mrd_result(values),
            findings=(_finding(f.SYMPTOMS_PRESENT),),
        )
    return _remission_or_mrd(values, [])


def _by_mrd_result(values: LabValues) -> tuple[str, ...]:
    return {MrdResult.POSITIVE: (MRD,), MrdResult.NEGATIVE: (REMISSION,)}.get(
        values.mrd, (REMISSION, MRD)
    )


def _remission_or_mrd(values: LabValues, first: list[Finding]) -> Result:
    """The end of rules 5 and 6: remission or MRD by the MRD result, with what the patient should
    know beside it; an MRD of 1% or more is read by who the patient is."""
    if values.mrd is MrdResult.POSITIVE and values.mrd_level is MrdLevel.ONE_OR_MORE:
        if values.ever_in_remission is Answer.YES:
            # The spec lists relapsed too; issue 17 (which wins) never lists it while blood,
            # marrow and the places outside it show no leukemia: the finding says what it may mean.
            return Result(
                phase=None,
                candidates=(MRD,),
                findings=(*first, _finding(f.MRD_HIGH_AFTER_REMISSION)),
            )
        if values.ever_in_remission is Answer.NO and values.age_group is AgeGroup.CHILD:
            # Children's remission needs MRD below 1%: the child rule of rule 3.
            return Result(phase=None, findings=(*first, _finding(f.CHILD_NOT_YET_IN_REMISSION)))
        first = [*first, _finding(f.MRD_HIGH)]
    findings = list(first)
    if values.ever_in_remission is not Answer.YES and values.first_course_done is Answer.UNKNOWN:
        findings.append(_finding(f.FIRST_COURSE_PROBABLY_FINISHED))
    if values.mrd is MrdResult.POSITIVE:
        phase = MRD
        if values.ever_in_remission is Answer.YES:
            findings.append(_finding(f.MRD_AFTER_REMISSION))
        else:
            findings.append(_finding(f.MRD_POSITIVE_NOT_RELAPSE))
    else:
        phase = REMISSION
        if values.mrd is not MrdResult.NEGATIVE:
            findings.append(
                _finding(
                    f.MRD_TEST_CAN_LOOK_DEEPER,
                    mrd=values.mrd,
                    finds_one_cell_in=MRD_TEST_FINDS_ONE_CELL_IN,
                    most_sensitive_finds_one_cell_in=MRD_MOST_SENSITIVE_FINDS_ONE_CELL_IN,
                )
            )
    if values.symptoms is Answer.UNKNOWN:
        findings.append(_finding(f.SYMPTOMS_NEEDED))
    findings += counts_findings(values, _finding)
    # Remission also needs no blasts in the blood; the spec lets "unknown" through, so say so.
    if values.blood_blasts is Answer.UNKNOWN:
        findings.append(_finding(f.BLOOD_BLASTS_UNKNOWN))
    if values.outside_marrow is not Answer.NO:
        findings.append(_finding(f.OUTSIDE_MARROW_NOT_CHECKED))
    return Result(phase=phase, findings=tuple(findings))


def _marrow_not_known(values: LabValues) -> Result:
    """Rule 6. No marrow number that decides. In remission before, with a clear blood test and
    no new marrow test (as in maintenance, where marrow tests are not routine), nothing points
    to a change; very low counts bring a caution instead. Otherwise the marrow is needed."""
    if (
        values.ever_in_remission is Answer.YES
        and values.blood_blasts is Answer.NO
        and values.symptoms is not Answer.YES
    ):
        low_platelets = (
            values.platelets is not None and values.platelets < MAINTENANCE_CAUTION_PLATELETS_BELOW
        )
        low_anc = values.anc is not None and values.anc < MAINTENANCE_CAUTION_ANC_BELOW
        if low_platelets or low_anc:
            first = _finding(
                f.LOW_COUNTS_IN_MAINTENANCE, anc=values.anc, platelets=values.platelets
            )
        else:
            first = _finding(f.REMISSION_FROM_BLOOD_TEST)
        return _remission_or_mrd(values, [first])
    blasts = values.marrow_blasts_percent
    if blasts is None:
        finding = _finding(f.MARROW_BLASTS_NEEDED)
    else:
        finding = _finding(f.MARROW_BLASTS_NOT_PRECISE, marrow_blasts_percent=blasts)
    candidates = (REMISSION, RELAPSED) if values.ever_in_remission is Answer.YES else ()
    return Result(
        phase=None,
        candidates=candidates,
        findings=(finding,),
        missing=("marrow_blasts_percent",),
    )


def _in_order(slugs: Iterable[str]) -> tuple[str, ...]:
    chosen = set(slugs)
    return tuple(slug for slug in PHASE_SLUGS if slug in chosen)


def _finding(code: str, **values: float | str | Below | Between | None) -> Finding:
    """Build a finding, leaving out numbers the patient did not give."""
    carried = tuple((name, _carried(value)) for name, value in values.items() if value is not None)
    return Finding(code, carried)


def _carried(value: float | str | Below | Between) -> float | str | Below | Between:
    if isinstance(value, Below | Between):
        return value
    return str(value) if isinstance(value, str) else float(value)
