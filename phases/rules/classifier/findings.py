"""The finding codes: the reasons a result gives. Their wording is editable content (see
phases.rules.wording); each comment says when the code is given, by the spec's rule number."""

# Urgent advice, shown first whatever the phase: fever, symptoms, or ANC below 0.5.
GET_HELP_NOW = "get_help_now"
# Rule 1: no treatment ever given, yet in remission before: one answer must be wrong.
ANSWERS_CONFLICT = "answers_conflict"
BLASTS_BELOW_USUAL_AT_DIAGNOSIS = "blasts_below_usual_at_diagnosis"  # rule 2, blasts < 20%
# Rule 3, relapsed: 5% < marrow blasts < 25%, no blood blasts or leukemia outside reported.
RELAPSE_TO_CONFIRM = "relapse_to_confirm"
# Rule 3, relapsed or refractory decided by blasts in the blood (marrow not above 5%).
BLOOD_BLASTS_TO_CONFIRM = "blood_blasts_to_confirm"
# Rule 3, relapsed decided by leukemia outside the marrow (marrow not above 5%).
RELAPSE_OUTSIDE_MARROW = "relapse_outside_marrow"
# Every refractory result: the first course did not bring remission; other treatments exist.
REFRACTORY_JUDGED_AFTER_FULL_COURSE = "refractory_judged_after_full_course"
# A child not in remission at the end of the first course (rule 3, 4 or MRD of 1% or more).
CHILD_NOT_YET_IN_REMISSION = "child_not_yet_in_remission"
# Not in remission at the end of the first course, age group unknown: adult and child differ.
AGE_GROUP_NEEDED = "age_group_needed"
# Leukemia found during the first course, never in remission: too early to judge.
TOO_EARLY_TO_JUDGE = "too_early_to_judge"
# Leukemia found, never in remission, first course finished or not unknown.
FIRST_COURSE_STATUS_NEEDED = "first_course_status_needed"
# Leukemia present after treatment, ever_in_remission unknown.
RELAPSED_OR_REFRACTORY_NEEDS_HISTORY = "relapsed_or_refractory_needs_history"
BLASTS_AT_BORDER = "blasts_at_border"  # rule 4: marrow blasts exactly 5%, no other sign
GOOD_EARLY_SIGN = "good_early_sign"  # rule 5: blasts < 5% during the first course
SYMPTOMS_PRESENT = "symptoms_present"  # rule 5: blasts < 5%, symptoms yes
SYMPTOMS_NEEDED = "symptoms_needed"  # remission or MRD, symptoms unknown
# Remission or MRD; first_course_finished unknown (a marrow test after treatment suggests yes).
FIRST_COURSE_PROBABLY_FINISHED = "first_course_probably_finished"
MRD_TEST_CAN_LOOK_DEEPER = "mrd_test_can_look_deeper"  # remission, mrd not_tested or unknown
# MRD of 1% or more after remission: can't tell between MRD and relapsed.
MRD_HIGH_AFTER_REMISSION = "mrd_high_after_remission"
MRD_HIGH = "mrd_high"  # an MRD result with MRD of 1% or more
# MRD positive, never in remission (or not known): not a relapse.
MRD_POSITIVE_NOT_RELAPSE = "mrd_positive_not_relapse"
MRD_AFTER_REMISSION = "mrd_after_remission"  # MRD positive after remission
# Remission or MRD, counts not recovered: adult or unknown age, never in remission before.
COUNTS_NOT_RECOVERED = "counts_not_recovered"
COUNTS_LOW_CHILD = "counts_low_child"  # as above, for a child
COUNTS_LOW_MAINTENANCE = "counts_low_maintenance"  # as above, after remission (maintenance)
COUNTS_UNKNOWN = "counts_unknown"  # remission or MRD, neither numbers nor cbc decide the counts
# Remission or MRD, and the anc/platelet numbers disagree with the cbc word.
COUNTS_NUMBERS_CONFLICT_WITH_CBC = "counts_numbers_conflict_with_cbc"
BLOOD_BLASTS_UNKNOWN = "blood_blasts_unknown"  # remission or MRD, blood_blasts unknown
OUTSIDE_MARROW_NOT_CHECKED = "outside_marrow_not_checked"  # remission or MRD, outside not "no"
# Rule 6: in remission before, a blood test with no blasts and no new marrow result.
REMISSION_FROM_BLOOD_TEST = "remission_from_blood_test"
# As above, with platelets below 75 or ANC below 0.5: the team should see it within a day or two.
LOW_COUNTS_IN_MAINTENANCE = "low_counts_in_maintenance"
MARROW_BLASTS_NEEDED = "marrow_blasts_needed"  # rule 6, blasts unknown
MARROW_BLASTS_NOT_PRECISE = "marrow_blasts_not_precise"  # rule 6, "below N" > 5 or a range over 5

COUNTS = ("anc", "platelets", "cbc", "anc_at_least", "platelets_at_least")

# The values each finding may carry: the placeholders staff may use in its wording. Numbers
# the patient left empty are left out, so only the counts findings may lack a listed value.
FINDING_VALUE_NAMES: dict[str, tuple[str, ...]] = {
    GET_HELP_NOW: ("anc", "urgent_anc_below"),
    ANSWERS_CONFLICT: (),
    BLASTS_BELOW_USUAL_AT_DIAGNOSIS: ("marrow_blasts_percent", "usually_above"),
    RELAPSE_TO_CONFIRM: ("marrow_blasts_percent", "confirm_below"),
    BLOOD_BLASTS_TO_CONFIRM: ("marrow_blasts_percent",),
    RELAPSE_OUTSIDE_MARROW: ("marrow_blasts_percent",),
    REFRACTORY_JUDGED_AFTER_FULL_COURSE: (),
    CHILD_NOT_YET_IN_REMISSION: (),
    AGE_GROUP_NEEDED: (),
    TOO_EARLY_TO_JUDGE: (),
    FIRST_COURSE_STATUS_NEEDED: (),
    RELAPSED_OR_REFRACTORY_NEEDS_HISTORY: (),
    BLASTS_AT_BORDER: ("marrow_blasts_percent",),
    GOOD_EARLY_SIGN: ("marrow_blasts_percent",),
    SYMPTOMS_PRESENT: (),
    SYMPTOMS_NEEDED: (),
    FIRST_COURSE_PROBABLY_FINISHED: (),
    MRD_TEST_CAN_LOOK_DEEPER: ("mrd", "finds_one_cell_in", "most_sensitive_finds_one_cell_in"),
    MRD_HIGH_AFTER_REMISSION: (),
    MRD_HIGH: (),
    MRD_POSITIVE_NOT_RELAPSE: (),
    MRD_AFTER_REMISSION: (),
    COUNTS_NOT_RECOVERED: COUNTS,
    COUNTS_LOW_CHILD: COUNTS,
    COUNTS_LOW_MAINTENANCE: COUNTS,
    COUNTS_UNKNOWN: (),
    COUNTS_NUMBERS_CONFLICT_WITH_CBC: ("anc", "platelets", "cbc"),
    BLOOD_BLASTS_UNKNOWN: (),
    OUTSIDE_MARROW_NOT_CHECKED: (),
    REMISSION_FROM_BLOOD_TEST: (),
    LOW_COUNTS_IN_MAINTENANCE: ("anc", "platelets"),
    MARROW_BLASTS_NEEDED: (),
    MARROW_BLASTS_NOT_PRECISE: ("marrow_blasts_percent",),
}
FINDING_CODES = tuple(FINDING_VALUE_NAMES)
# With these findings, a relapse is worded "may have come back" rather than stated.
RELAPSE_NOT_YET_CONFIRMED = (RELAPSE_TO_CONFIRM, BLOOD_BLASTS_TO_CONFIRM)
