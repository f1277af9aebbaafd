"""Checker wording for the classifier's rules, version 3.

New texts (why the urgent box is shown, headlines worded for the findings, findings for children,
MRD levels, relapse outside the marrow, maintenance without a new marrow test) in English and
Spanish; two findings renamed (relapse_confirm_with_second_test is now relapse_to_confirm,
relapse_confirm_with_marrow_test is now blood_blasts_to_confirm: blood blasts only); changed
texts; and the old urgent text (get_help_now) removed: the urgent box now shows why it is shown,
then the one "urgent-help" section every phase page shows.

The texts are literals, written here once. A text an editor has changed since it was seeded is
never overwritten: the new wording waits beside it as a draft (unless a draft is already there).
"""

from django.db import migrations
from django.utils import timezone

REASON = "Checker wording for rules version 3"
# Spanish texts, like those of migration 0016, await a clinical review: their history says so.
REASONS = {
    "en": REASON,
    "es": f"{REASON}; Spanish seeded by the portal team; awaiting clinical review",
}
RENAMED = {
    "relapse_confirm_with_second_test": "relapse_to_confirm",
    "relapse_confirm_with_marrow_test": "blood_blasts_to_confirm",
}
# New texts, key: (kind, {language: text}).
NEW = {
    "cant-tell-no-candidates": (
        "cant-tell",
        {
            "en": "We can't name a phase from these answers yet. The notes below say why, and what to ask your care team.",
            "es": "Todavía no podemos decir una fase con estas respuestas. Las notas de abajo dicen por qué, y qué preguntar a su equipo médico.",
        },
    ),
    "relapsed-to-confirm": (
        "phase",
        {
            "en": "The leukemia was in remission before. Now these results show signs that it may have come back. This may fit **relapsed** leukemia. Doctors usually do another test to be sure.",
            "es": "La leucemia estuvo en remisión antes. Ahora estos resultados muestran señales de que puede haber vuelto. Esto podría ser una **recaída**. Los médicos suelen hacer otra prueba para estar seguros.",
        },
    ),
    "remission-from-blood-test": (
        "phase",
        {
            "en": "Your care team said the leukemia was in remission, and this blood test finds no blasts. This fits **remission**: the usual tests no longer find leukemia.",
            "es": "Su equipo médico le dijo que la leucemia estaba en remisión, y este análisis de sangre no encuentra blastos. Esto corresponde a la **remisión**: las pruebas usuales ya no encuentran leucemia.",
        },
    ),
    "minimal-residual-disease-from-blood-test": (
        "phase",
        {
            "en": "Your care team said the leukemia was in remission, and this blood test finds no blasts. But a very sensitive MRD test found a few leukemia cells. This fits **minimal residual disease (MRD)**.",
            "es": "Su equipo médico le dijo que la leucemia estaba en remisión, y este análisis de sangre no encuentra blastos. Pero una prueba de ERM muy sensible encontró unas pocas células de leucemia. Esto corresponde a **enfermedad residual mínima (ERM)**.",
        },
    ),
    "urgent-fever": (
        "urgent",
        {
            "en": "We show this first because you said there is a fever now, or there was one in the last 24 hours. During treatment, a fever can mean a serious infection.",
            "es": "Le mostramos esto primero porque usted dijo que hay fiebre ahora, o que la hubo en las últimas 24 horas. Durante el tratamiento, la fiebre puede ser señal de una infección grave.",
        },
    ),
    "urgent-symptoms": (
        "urgent",
        {
            "en": "We show this first because you said there are signs your care team needs to know about.",
            "es": "Le mostramos esto primero porque usted dijo que hay señales que su equipo médico tiene que conocer.",
        },
    ),
    "urgent-low-anc": (
        "urgent",
        {
            "en": "We show this first because very few neutrophils were found: the ANC is {anc}, below {urgent_anc_below}. At this count an infection can become serious quickly.",
            "es": "Le mostramos esto primero porque se encontraron muy pocos neutrófilos: el RAN es {anc}, menos de {urgent_anc_below}. Con un recuento así, una infección se puede volver grave muy rápido.",
        },
    ),
    "answers_conflict": (
        "finding",
        {
            "en": "You said no treatment has ever been given. You also said the leukemia was in remission before. Remission only comes after treatment, so one of these answers may be off. Please check both questions.",
            "es": "Usted dijo que nunca se ha dado tratamiento. También dijo que la leucemia estuvo en remisión antes. La remisión solo llega después del tratamiento, así que una de estas respuestas puede estar mal. Revise las dos preguntas, por favor.",
        },
    ),
    "relapse_outside_marrow": (
        "finding",
        {
            "en": "This result comes from leukemia found outside the marrow. Doctors confirm it with tests of the place where it was found, such as spinal fluid from a lumbar puncture, or a biopsy. They usually test the marrow too, to see if the leukemia is there as well.",
            "es": "Este resultado viene de leucemia que se encontró fuera de la médula. Los médicos lo confirman con pruebas del lugar donde se encontró, como el líquido cefalorraquídeo (líquido espinal) de una punción lumbar, o una biopsia. Casi siempre revisan también la médula, para ver si la leucemia está ahí.",
        },
    ),
    "child_not_yet_in_remission": (
        "finding",
        {
            "en": "The first round of treatment has finished, but the leukemia is not in remission yet. For children, teams usually give the next round and check again before they call it refractory. Some call this induction failure. Ask your care team what the plan is.",
            "es": "La primera ronda de tratamiento terminó, pero la leucemia todavía no está en remisión. En los niños, el equipo suele dar la siguiente ronda y revisar otra vez antes de llamarla refractaria. Algunos lo llaman falla de la inducción. Pregunte a su equipo médico cuál es el plan.",
        },
    ),
    "age_group_needed": (
        "finding",
        {
            "en": "The first round of treatment has finished, but the leukemia is not in remission. Adult plans call this refractory. Children's plans usually give the next round first and check again. Tell us who is being treated.",
            "es": "La primera ronda de tratamiento terminó, pero la leucemia no está en remisión. Los planes para adultos llaman a esto refractaria. Los planes para niños suelen dar primero la siguiente ronda y revisar otra vez. Díganos quién recibe el tratamiento.",
        },
    ),
    "mrd_high_after_remission": (
        "finding",
        {
            "en": "The MRD test found 1% or more after remission. Teams usually repeat the test soon. Two results like this can mean the leukemia has come back.",
            "es": "La prueba de ERM encontró 1% o más después de la remisión. El equipo suele repetir la prueba pronto. Dos resultados así pueden querer decir que la leucemia volvió.",
        },
    ),
    "mrd_high": (
        "finding",
        {
            "en": "The MRD level is high: 1% or more. Your care team may change the treatment plan. Ask them what it means for the next steps.",
            "es": "El nivel de ERM es alto: 1% o más. Su equipo médico puede cambiar el plan de tratamiento. Pregúnteles qué quiere decir para los próximos pasos.",
        },
    ),
    "mrd_positive_not_relapse": (
        "finding",
        {
            "en": "A positive MRD test is not a relapse. At the end of the first round it is common, most of all in children. It often changes how strong the next treatment is.",
            "es": "Una prueba de ERM positiva no es una recaída. Al final de la primera ronda es común, sobre todo en los niños. A menudo cambia qué tan fuerte es el siguiente tratamiento.",
        },
    ),
    "mrd_after_remission": (
        "finding",
        {
            "en": "MRD that comes back after remission can be an early sign that the leukemia is returning. Teams usually repeat the test soon, and they may change treatment.",
            "es": "Una ERM que vuelve después de la remisión puede ser una señal temprana de que la leucemia está regresando. El equipo suele repetir la prueba pronto, y puede cambiar el tratamiento.",
        },
    ),
    "counts_low_child": (
        "finding",
        {
            "en": "The blood counts are low. That is common during treatment. For children, remission does not depend on the counts.",
            "es": "Los recuentos de la sangre están bajos. Eso es común durante el tratamiento. En los niños, la remisión no depende de los recuentos.",
        },
    ),
    "counts_low_maintenance": (
        "finding",
        {
            "en": "The blood counts are low. During maintenance treatment, the medicines often keep counts low on purpose. Your care team watches them.",
            "es": "Los recuentos de la sangre están bajos. Durante el tratamiento de mantenimiento, las medicinas a menudo los mantienen bajos a propósito. Su equipo médico los vigila.",
        },
    ),
    "remission_from_blood_test": (
        "finding",
        {
            "en": "Your care team said the leukemia was in remission, and this blood test shows no blasts. So nothing here points to a change. Only a marrow test can say for sure, and your team does one when it is needed.",
            "es": "Su equipo médico le dijo que la leucemia estaba en remisión, y este análisis de sangre no muestra blastos. Así que aquí nada indica un cambio. Solo una prueba de médula lo puede decir con certeza, y su equipo la hace cuando hace falta.",
        },
    ),
    "low_counts_in_maintenance": (
        "finding",
        {
            "en": "Counts this low during maintenance most often come from the medicines or a virus. But they can be an early sign that the leukemia is back. Make sure your care team sees these results within a day or two. They decide if a marrow test is needed.",
            "es": "Durante el mantenimiento, recuentos así de bajos casi siempre vienen de las medicinas o de un virus. Pero pueden ser una señal temprana de que la leucemia volvió. Asegúrese de que su equipo médico vea estos resultados en uno o dos días. Ellos deciden si hace falta una prueba de médula.",
        },
    ),
}

# Changed texts, key (the new name): {language: (text as seeded before, text now)}.
CHANGED = {
    "untreated": {
        "en": (
            "You said treatment for the leukemia has not started yet. Doctors call this phase **untreated**. At this point the blood count is usually not normal. Blasts are usually more than 20% of the cells in the marrow.",
            "You said no treatment for the leukemia has been given yet. Doctors call this phase **untreated**. At this point the blood count is usually not normal. Blasts are usually more than 20% of the cells in the marrow.",
        ),
        "es": (
            "Usted dijo que el tratamiento contra la leucemia todavía no ha empezado. Los médicos llaman a esta fase **sin tratar**. En este momento, el recuento sanguíneo no suele ser normal. Los blastos suelen ser más del 20% de las células de la médula.",
            "Usted dijo que todavía no se ha dado ningún tratamiento contra la leucemia. Los médicos llaman a esta fase **sin tratar**. En este momento, el recuento sanguíneo no suele ser normal. Los blastos suelen ser más del 20% de las células de la médula.",
        ),
    },
    "blood_blasts_to_confirm": {
        "en": (
            "This result comes from blasts in the blood, or leukemia found outside the marrow. Doctors usually confirm it with a bone marrow test. A few blasts can also show up in the blood while the marrow recovers from treatment.",
            "This result comes from blasts in the blood. Doctors usually confirm it with a bone marrow test. A few blasts can also show up in the blood while the marrow recovers from treatment.",
        ),
        "es": (
            "Este resultado viene de blastos en la sangre, o de leucemia que se encontró fuera de la médula. Los médicos suelen confirmarlo con una prueba de médula ósea. También pueden salir unos pocos blastos en la sangre mientras la médula se recupera del tratamiento.",
            "Este resultado viene de blastos en la sangre. Los médicos suelen confirmarlo con una prueba de médula ósea. También pueden salir unos pocos blastos en la sangre mientras la médula se recupera del tratamiento.",
        ),
    },
    "symptoms_present": {
        "en": (
            "You said there are signs such as pain, fever or bleeding. These can come from treatment or an infection, not only from leukemia. Tell your care team about them.",
            "New signs like these can come from an infection or from treatment. Sometimes they mean the leukemia is coming back. Your care team needs to know about them today.",
        ),
        "es": (
            "Usted dijo que hay señales como dolor, fiebre o sangrados. Pueden venir del tratamiento o de una infección, no solo de la leucemia. Hable de ellas con su equipo médico.",
            "Señales nuevas como estas pueden venir de una infección o del tratamiento. A veces quieren decir que la leucemia está volviendo. Su equipo médico tiene que saberlo hoy.",
        ),
    },
    "symptoms_needed": {
        "en": (
            "The marrow blasts are below 5%. To tell if this is remission, we also need to know about signs of leukemia now. These are things like bone pain, fever or bleeding.",
            "Remission also means no signs of leukemia. You did not say if there are any signs now, such as new bone pain or bruising. Tell your care team about any new signs.",
        ),
        "es": (
            "Los blastos en la médula son menos del 5%. Para saber si esto es remisión, también nos hace falta saber si ahora hay señales de leucemia. Son cosas como dolor de huesos, fiebre o sangrados.",
            "La remisión también quiere decir que no hay señales de leucemia. Usted no dijo si ahora hay alguna, como dolor de huesos nuevo o moretones. Cuéntele a su equipo médico cualquier señal nueva.",
        ),
    },
    "counts_not_recovered": {
        "en": (
            "The blood counts are still low. That is common during and after treatment. Some doctors call this remission with incomplete count recovery (CRi). Adult criteria ask for an ANC of at least {anc_at_least} and platelets of at least {platelets_at_least} (×10⁹/L). Children's criteria set no count limits.",
            "The blood counts are still low. That is common during and after treatment. Some doctors call this remission with incomplete count recovery (CRi). Adult criteria ask for an ANC of at least {anc_at_least} and platelets of at least {platelets_at_least} (×10⁹/L).",
        ),
        "es": (
            "Los recuentos de la sangre todavía están bajos. Eso es común durante el tratamiento y después. Algunos médicos llaman a esto remisión con recuperación incompleta de los recuentos (CRi). Las reglas para adultos piden un recuento absoluto de neutrófilos (ANC) de al menos {anc_at_least} y plaquetas de al menos {platelets_at_least} (×10⁹/L). Las reglas para niños no ponen límites a los recuentos.",
            "Los recuentos de la sangre todavía están bajos. Eso es común durante el tratamiento y después. Algunos médicos llaman a esto remisión con recuperación incompleta de los recuentos (CRi). Las reglas para adultos piden un recuento absoluto de neutrófilos (ANC) de al menos {anc_at_least} y plaquetas de al menos {platelets_at_least} (×10⁹/L).",
        ),
    },
}

# The old urgent text, kept for going back: key: (kind, {language: text}).
REMOVED = {
    "get_help_now": (
        "urgent",
        {
            "en": "**Call your care team's 24-hour number now, or your emergency number (911 in the US),** if you or your child has:\n\n- a temperature of 38.0 °C (100.4 °F) or higher\n- bleeding that will not stop\n- trouble breathing\n- a bad headache, or confusion\n\nWe show this because you said there are signs of illness now, or the ANC is below {urgent_anc_below}. With few neutrophils, a fever can be an emergency. Do not wait for the next visit.",
            "es": "**Llame ahora al número de 24 horas de su equipo médico, o a emergencias (911 en EE. UU.),** si usted o su hijo tiene:\n\n- una temperatura de 38,0 °C (100,4 °F) o más\n- un sangrado que no para\n- dificultad para respirar\n- un dolor de cabeza fuerte, o confusión\n\nLe mostramos esto porque usted dijo que ahora hay señales de enfermedad, o porque el recuento absoluto de neutrófilos (ANC) está por debajo de {urgent_anc_below}. Con pocos neutrófilos, una fiebre puede ser una emergencia. No espere a la próxima cita.",
        },
    ),
}


def forwards(apps, schema_editor):
    Explanation = apps.get_model("phases", "Explanation")
    now = timezone.now()
    for old, new in RENAMED.items():
        Explanation.objects.filter(key=old).update(key=new)
    created, changed = [], []
    for key, (kind, texts) in NEW.items():
        for language, text in texts.items():
            if not Explanation.objects.filter(key=key, language=language).exists():
                created.append(
                    Explanation.objects.create(
                        key=key,
                        kind=kind,
                        language=language,
                        text=text,
                        is_published=True,
                        published_at=now,
                    )
                )
    for key, texts in CHANGED.items():
        for row in Explanation.objects.filter(key=key, language__in=texts):
            seeded, text = texts[row.language]
            if row.text == seeded:
                row.text, row.published_at = text, now
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


def backwards(apps, schema_editor):
    Explanation = apps.get_model("phases", "Explanation")
    historical = apps.get_model("phases", "HistoricalExplanation")
    for key, (kind, texts) in REMOVED.items():
        for language, text in texts.items():
            # Back under the id its history has, so the history stays the row's.
            last = historical.objects.filter(key=key, language=language).order_by("history_date")
            last = last.last()
            Explanation.objects.get_or_create(
                key=key,
                language=language,
                defaults={"kind": kind, "text": text, **({"id": last.id} if last else {})},
            )
    for key, texts in CHANGED.items():
        for row in Explanation.objects.filter(key=key, language__in=texts):
            seeded, text = texts[row.language]
            if row.text == text:
                row.text = seeded
            elif row.draft == {"text": text}:
                row.draft = None
            else:
                continue
            row.version -= 1
            row.save()
    Explanation.objects.filter(key__in=NEW).delete()
    for old, new in RENAMED.items():
        Explanation.objects.filter(key=new).update(key=old)
    historical.objects.filter(history_change_reason__in=REASONS.values()).delete()


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
            history_change_reason=REASONS.get(row.language, REASON),
        )
        for row in rows
    )


class Migration(migrations.Migration):
    dependencies = [("phases", "0021_short_lived_table")]

    operations = [migrations.RunPython(forwards, backwards)]
