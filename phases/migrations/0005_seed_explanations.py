"""Seed the checker's explanation texts and let content editors change them.

The texts are literals, as they stood when this migration was first run, so a fresh database is
seeded the same way whatever the live code says later. Later migrations change them.
"""

from django.db import migrations

from phases.migrations._groups import grant, revoke

GROUP_NAME = "Content editors"
PERMISSIONS = ["change_explanation", "view_explanation"]

# key: (kind, text)
TEXTS = {
    "untreated": (
        "phase",
        "You said treatment for the leukemia has not started yet. Doctors call this phase **untreated**. At this point the blood count is usually not normal, and blasts are usually more than 20% of the cells in the marrow.",
    ),
    "remission": (
        "phase",
        "Your marrow blasts ({marrow_blasts_percent}%) are below 5%. Your blood counts are back and you have no signs of leukemia. This fits **remission**.",
    ),
    "minimal-residual-disease": (
        "phase",
        "Your marrow blasts ({marrow_blasts_percent}%) are below 5%, and your blood counts are back. But a very sensitive MRD test still found leukemia cells. This fits **minimal residual disease (MRD)**.",
    ),
    "refractory": (
        "phase",
        "You have had treatment, but leukemia cells are still there. And it has not been in remission. This fits **refractory** leukemia: it has not gone away with treatment.",
    ),
    "relapsed": (
        "phase",
        "The leukemia was in remission before. Now leukemia cells are back. This fits **relapsed** leukemia: it has come back.",
    ),
    "cant-tell": (
        "cant-tell",
        "Your answers could fit more than one phase: {candidates}. The notes below say what is missing or does not fit together.",
    ),
    "cant-tell-questions": (
        "cant-tell",
        "- Which phase is the leukemia in now?\n- Which test results helped you decide?\n- Do we need more tests? When will we get the results?\n- What does this mean for the treatment plan?",
    ),
    "blasts_below_usual_at_diagnosis": (
        "finding",
        "Your marrow blasts are {marrow_blasts_percent}%. At diagnosis they are usually above {usually_above}%. Your care team will explain your results.",
    ),
    "relapse_confirm_with_second_test": (
        "finding",
        "Your marrow blasts are {marrow_blasts_percent}%. When blasts are above 5% but below {confirm_below}%, doctors usually confirm a relapse with a second test.",
    ),
    "refractory_judged_after_full_course": (
        "finding",
        "Doctors most often call leukemia refractory at the end of a full round of treatment. If your treatment is still going on, ask your care team how it is working.",
    ),
    "relapsed_or_refractory_needs_history": (
        "finding",
        "Leukemia cells were found after treatment. If the leukemia was in remission before, this is a relapse. If it never was, it is called refractory. Tell us if your care team ever said it was in remission.",
    ),
    "blasts_at_border": (
        "finding",
        "Your marrow blasts are exactly {marrow_blasts_percent}%. That is the line between remission (below 5%) and relapse (above 5%). Only your care team can say which it is.",
    ),
    "counts_and_symptoms_needed": (
        "finding",
        "Your marrow blasts are below 5%. To tell if this is remission, we also need to know about your blood count and any signs of leukemia.",
    ),
    "counts_not_recovered": (
        "finding",
        "Your blood counts are not back to the levels of remission yet. That means an ANC of at least {anc_at_least} and platelets of at least {platelets_at_least}. Blood counts can stay low for a while after treatment.",
    ),
    "symptoms_present": (
        "finding",
        "You said you have signs such as pain, fever or bleeding. In remission there are no signs of leukemia. These signs can have other causes too, so tell your care team.",
    ),
    "counts_numbers_conflict_with_cbc": (
        "finding",
        "Your ANC and platelet numbers do not agree with what you said of the blood count ({cbc}). We went by the numbers. Please check them, or ask your care team.",
    ),
    "mrd_test_can_look_deeper": (
        "finding",
        "An MRD test can find leukemia cells that are too few to see under a microscope: as few as 1 in {finds_one_cell_in} cells. If you had one, add its result. If not, ask your care team if you need one.",
    ),
    "blood_blasts_unknown": (
        "finding",
        "Remission also means no blasts in the blood. You did not say if your blood test found any, so check this with your care team.",
    ),
    "marrow_blasts_needed": (
        "finding",
        "We need the blasts number from a bone marrow test. Blood counts alone can't tell remission from relapse.",
    ),
}


def forwards(apps, schema_editor):
    Explanation = apps.get_model("phases", "Explanation")
    for key, (kind, text) in TEXTS.items():
        Explanation.objects.update_or_create(key=key, defaults={"kind": kind, "text": text})

    grant(apps, GROUP_NAME, PERMISSIONS)


def backwards(apps, schema_editor):
    apps.get_model("phases", "Explanation").objects.filter(key__in=TEXTS).delete()
    revoke(apps, GROUP_NAME, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("phases", "0004_explanation")]

    operations = [migrations.RunPython(forwards, backwards)]
