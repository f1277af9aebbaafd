"""Checker wording for the classifier's rules, version 2, and staff rights on shared sections.

The texts are literals, written here once, so a fresh database is seeded the same way whatever
the live code says later. An existing database gets the new texts too, but a text an editor
has changed since it was seeded is never overwritten: the new wording waits beside it as a
draft (unless a draft is already there), for an editor to compare and publish.
"""

from django.db import migrations
from django.utils import timezone

from phases.migrations._groups import grant, revoke

EDITORS = "Content editors"
APPROVERS = "Content approvers"
EDITOR_PERMISSIONS = ["view_sharedsection", "change_sharedsection"]
APPROVER_ONLY = ["publish_sharedsection"]
REASON = "Checker wording for rules version 2"

# New texts, key: (kind, text).
NEW = {
    "get_help_now": (
        "urgent",
        "**Call your care team's 24-hour number now, or your emergency number (911 in the US),** if you or your child has:\n\n- a temperature of 38.0 °C (100.4 °F) or higher\n- bleeding that will not stop\n- trouble breathing\n- a bad headache, or confusion\n\nWe show this because you said there are signs of illness now, or the ANC is below {urgent_anc_below}. With few neutrophils, a fever can be an emergency. Do not wait for the next visit.",
    ),
    "relapse_confirm_with_marrow_test": (
        "finding",
        "This result comes from blasts in the blood, or leukemia found outside the marrow. Doctors usually confirm it with a bone marrow test. A few blasts can also show up in the blood while the marrow recovers from treatment.",
    ),
    "too_early_to_judge": (
        "finding",
        "Leukemia cells were found, but the first round of treatment (induction) has not finished. Treatment takes time to work. Doctors judge how well it worked at the end of the first round. Ask your care team what these results mean for now.",
    ),
    "first_course_status_needed": (
        "finding",
        "Leukemia cells were found after treatment started. What this means depends on timing. Doctors judge how well treatment worked at the end of the first round (induction). Tell us if the first round has finished.",
    ),
    "good_early_sign": (
        "finding",
        "The marrow blasts are {marrow_blasts_percent}%, below 5%, while the first round of treatment is still going on. This is a good early sign. Remission is confirmed at the end of the first round.",
    ),
    "symptoms_needed": (
        "finding",
        "The marrow blasts are below 5%. To tell if this is remission, we also need to know about signs of leukemia now. These are things like bone pain, fever or bleeding.",
    ),
    "first_course_probably_finished": (
        "finding",
        "You did not say if the first round of treatment has finished. A marrow test after treatment is usually done at the end of it, so we took it as finished. If it is still going on, remission is confirmed at the end of it.",
    ),
    "counts_unknown": (
        "finding",
        "We could not check the blood counts. For that we need the ANC and platelet numbers, or what the report says of the blood count. Counts do not change this result, but your care team watches them.",
    ),
    "outside_marrow_not_checked": (
        "finding",
        "This checks the blood and marrow only. Leukemia can also come back in the spinal fluid or the testicles. Your care team checks for that in other ways.",
    ),
    "marrow_blasts_not_precise": (
        "finding",
        "The report gives the marrow blasts as {marrow_blasts_percent}%. Remission needs fewer than 5%, so this does not tell us enough. Ask your care team for the exact number.",
    ),
}

# Changed texts, key: (text as seeded before, text now).
CHANGED = {
    "untreated": (
        "You said treatment for the leukemia has not started yet. Doctors call this phase **untreated**. At this point the blood count is usually not normal, and blasts are usually more than 20% of the cells in the marrow.",
        "You said treatment for the leukemia has not started yet. Doctors call this phase **untreated**. At this point the blood count is usually not normal. Blasts are usually more than 20% of the cells in the marrow.",
    ),
    "remission": (
        "Your marrow blasts ({marrow_blasts_percent}%) are below 5%. Your blood counts are back and you have no signs of leukemia. This fits **remission**.",
        "The bone marrow test found {marrow_blasts_percent}% blasts. That is under the 5% line for remission, and there are no signs of leukemia now. This fits **remission**: the usual tests no longer find leukemia.",
    ),
    "minimal-residual-disease": (
        "Your marrow blasts ({marrow_blasts_percent}%) are below 5%, and your blood counts are back. But a very sensitive MRD test still found leukemia cells. This fits **minimal residual disease (MRD)**.",
        "The bone marrow test found {marrow_blasts_percent}% blasts. That is under the 5% line for remission. But a very sensitive MRD test still found a few leukemia cells. This fits **minimal residual disease (MRD)**.",
    ),
    "refractory": (
        "You have had treatment, but leukemia cells are still there. And it has not been in remission. This fits **refractory** leukemia: it has not gone away with treatment.",
        "The first round of treatment has finished, but leukemia cells were still found. And it has not been in remission. This fits **refractory** leukemia.",
    ),
    "relapse_confirm_with_second_test": (
        "Your marrow blasts are {marrow_blasts_percent}%. When blasts are above 5% but below {confirm_below}%, doctors usually confirm a relapse with a second test.",
        "Your marrow blasts are {marrow_blasts_percent}%. When they are between 5% and {confirm_below}%, doctors often do a second test to be sure it is a relapse.",
    ),
    "refractory_judged_after_full_course": (
        "Doctors most often call leukemia refractory at the end of a full round of treatment. If your treatment is still going on, ask your care team how it is working.",
        "Refractory means the first round of treatment did not bring remission. It does not mean there is nothing left to do. There are other treatments to try. Ask your care team which ones fit.",
    ),
    "relapsed_or_refractory_needs_history": (
        "Leukemia cells were found after treatment. If the leukemia was in remission before, this is a relapse. If it never was, it is called refractory. Tell us if your care team ever said it was in remission.",
        "Leukemia cells were found after treatment started. What this means depends on what came before. Tell us if your care team ever said the leukemia was in remission.",
    ),
    "symptoms_present": (
        "You said you have signs such as pain, fever or bleeding. In remission there are no signs of leukemia. These signs can have other causes too, so tell your care team.",
        "You said there are signs such as pain, fever or bleeding. These can come from treatment or an infection, not only from leukemia. Tell your care team about them.",
    ),
    "mrd_test_can_look_deeper": (
        "An MRD test can find leukemia cells that are too few to see under a microscope: as few as 1 in {finds_one_cell_in} cells. If you had one, add its result. If not, ask your care team if you need one.",
        "An MRD test can find leukemia cells too few to see under a microscope. Some tests find 1 in {finds_one_cell_in} cells, and the most sensitive find 1 in {most_sensitive_finds_one_cell_in}. If you had one, add its result. If not, ask your care team about it.",
    ),
    "counts_not_recovered": (
        "Your blood counts are not back to the levels of remission yet. That means an ANC of at least {anc_at_least} and platelets of at least {platelets_at_least}. Blood counts can stay low for a while after treatment.",
        "The blood counts are still low. That is common during and after treatment. Some doctors call this remission with incomplete count recovery (CRi). Adult criteria ask for an ANC of at least {anc_at_least} and platelets of at least {platelets_at_least} (×10⁹/L). Children's criteria set no count limits.",
    ),
}

# Texts no longer used (version 2 asks for symptoms alone), key: (kind, text).
REMOVED = {
    "counts_and_symptoms_needed": (
        "finding",
        "Your marrow blasts are below 5%. To tell if this is remission, we also need to know about your blood count and any signs of leukemia.",
    ),
}


def forwards(apps, schema_editor):
    Explanation = apps.get_model("phases", "Explanation")
    created, changed = [], []
    for key, (kind, text) in NEW.items():
        if not Explanation.objects.filter(key=key).exists():
            created.append(Explanation.objects.create(key=key, kind=kind, text=text))
    for row in Explanation.objects.filter(key__in=CHANGED):
        seeded, text = CHANGED[row.key]
        if row.text == seeded:
            row.text = text
        elif not row.draft:
            row.draft = {"text": text}
        else:
            continue
        row.version += 1
        row.save()
        changed.append(row)
    Explanation.objects.filter(key__in=REMOVED).delete()
    _record(apps, created, "+")
    _record(apps, changed, "~")
    grant(apps, EDITORS, EDITOR_PERMISSIONS)
    grant(apps, APPROVERS, EDITOR_PERMISSIONS + APPROVER_ONLY)


def backwards(apps, schema_editor):
    Explanation = apps.get_model("phases", "Explanation")
    for key, (kind, text) in REMOVED.items():
        Explanation.objects.get_or_create(key=key, defaults={"kind": kind, "text": text})
    for row in Explanation.objects.filter(key__in=CHANGED):
        seeded, text = CHANGED[row.key]
        if row.text == text:
            row.text = seeded
        elif row.draft == {"text": text}:
            row.draft = None
        else:
            continue
        row.version -= 1
        row.save()
    Explanation.objects.filter(key__in=NEW).delete()
    apps.get_model("phases", "HistoricalExplanation").objects.filter(
        history_change_reason=REASON
    ).delete()
    revoke(apps, EDITORS, EDITOR_PERMISSIONS)
    revoke(apps, APPROVERS, EDITOR_PERMISSIONS + APPROVER_ONLY)


def _record(apps, rows, history_type):
    """History shows these texts as changed by this update, so an editor can go back."""
    historical = apps.get_model("phases", "HistoricalExplanation")
    fields = apps.get_model("phases", "Explanation")._meta.fields
    now = timezone.now()
    historical.objects.bulk_create(
        historical(
            **{field.attname: getattr(row, field.attname) for field in fields},
            history_date=now,
            history_type=history_type,
            history_change_reason=REASON,
        )
        for row in rows
    )


class Migration(migrations.Migration):
    dependencies = [("phases", "0011_phase_sources_review_status_shared_sections")]

    operations = [migrations.RunPython(forwards, backwards)]
