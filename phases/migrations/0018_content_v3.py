"""Content version 3: one urgent-advice text per language covering every item of the
checker's spec (version 3), the fever warning the checker's form opens with, and corrections
to the phase pages and the glossary in both languages (refractory in children, relapse that
"may have come back", relapse outside the marrow, T-cell ALL's chest mass; Spanish support
links to Spanish pages, and Latin American terms beside ours).

Every text is a literal here. A text is corrected only while it still reads exactly as it was
seeded (its SHA-256 below is that of the seeded text): an editor's text is never overwritten.
Where an editor changed it, the new wording waits beside it as a draft for an editor to compare
and publish (unless an editor's draft is already there): a text replaced whole (the urgent
advice, the Spanish support section) as the new text; a text corrected sentence by sentence as
the editor's text with those sentences corrected, if they are all still there (if not, it is
left as it is). No clinician has reviewed these texts yet: their history says so. Undoing it
puts back only what still reads as this migration left it.
"""

import hashlib

from django.db import migrations, models
from django.utils import timezone

REASON = "Content version 3 by the portal team; awaiting clinical review"

URGENT_HELP_EN = """\
In every phase of treatment, these signs need help fast, for children and for adults.

**Call emergency services (911 in the US) first** if someone:

- is not breathing, or cannot be woken up.
- has a seizure (fit) that lasts more than 5 minutes.

**Call your care team's 24-hour number now,** day or night, for any of these:

- A temperature of 38.0 °C (100.4 °F) or higher, or above the number your team gave you.
- Shaking chills.
- Looking very unwell, floppy or hard to wake, or skin that is cold, clammy or blotchy. Call even if there is no fever: steroids can hide a fever.
- Bleeding that will not stop, or blood in urine, stool or vomit.
- Trouble breathing, or chest pain.
- A severe headache, a stiff neck, confusion or a seizure. New weakness, a sudden change in vision or speech, or a face that droops on one side.
- Severe belly pain. Vomiting or diarrhea that will not stop. Not being able to drink, or passing very little urine.
- New pain or swelling in an arm or a leg.
- Redness, swelling or pain where a [central line or port](/glossary/#central-line) goes in, or a line that is broken or leaking.

**Call your team the same day** for:

- Contact with someone who has chickenpox, shingles or measles.
- Yellow skin or yellow eyes.

**Before you call, and until your team tells you what to do:**

- Do not give medicine for fever. It can hide a fever.
- Do not give ibuprofen, naproxen, aspirin or other anti-inflammatory medicine, unless your team says so.
- Never take a temperature in the bottom (rectal). Do not use suppositories or enemas."""

URGENT_HELP_ES = """\
En todas las fases del tratamiento, estas señales necesitan ayuda rápida, en niños y en adultos.

**Llame primero a emergencias (911 en EE. UU.)** si alguien:

- no respira, o no se despierta.
- tiene una convulsión que dura más de 5 minutos.

**Llame ahora al número de 24 horas de su equipo médico,** de día o de noche, si hay alguna de estas señales:

- Una temperatura de 38,0 °C (100,4 °F) o más, o más alta que el número que le dio su equipo.
- Escalofríos con temblores.
- Se ve muy enfermo, está sin fuerzas o le cuesta despertar, o tiene la piel fría, sudada o con manchas. Llame aunque no haya fiebre: los esteroides pueden ocultar la fiebre.
- Un sangrado que no para, o sangre en la orina, en las heces (popó) o en el vómito.
- Le cuesta respirar, o tiene dolor en el pecho.
- Un dolor de cabeza muy fuerte, el cuello rígido, confusión o una convulsión. Debilidad nueva, un cambio de repente en la vista o al hablar, o la cara caída de un lado.
- Un dolor de barriga muy fuerte. Vómitos o diarrea que no paran. No puede tomar líquidos, u orina muy poco.
- Dolor o hinchazón nuevos en un brazo o una pierna.
- Piel roja, hinchazón o dolor donde entra un [catéter central o puerto (reservorio)](/glossary/#central-line), o un catéter roto o que gotea.

**Llame a su equipo el mismo día** si:

- estuvo cerca de alguien con varicela, culebrilla (herpes zóster) o sarampión.
- tiene la piel o los ojos amarillos.

**Antes de llamar, y hasta que su equipo le diga qué hacer:**

- No dé medicina para la fiebre. Puede ocultar la fiebre.
- No dé ibuprofeno, naproxeno, aspirina ni otras medicinas antiinflamatorias, a menos que su equipo se lo diga.
- Nunca tome la temperatura por el recto (por el ano). No use supositorios ni enemas."""

SUPPORT_ES = """\
No tiene que pasar por esto a solas. Pida al equipo del hospital que le ponga en contacto con estas personas:

- Un trabajador social le puede ayudar con dinero, transporte, trabajo, escuela y otras preocupaciones.
- Un especialista en vida infantil (child life specialist) ayuda a los niños a sobrellevar las pruebas y el tratamiento.
- Un psicólogo o consejero puede hablar con usted, con su hijo o con cualquier persona de su familia.

Estos grupos dan información confiable en español, y apoyo gratis:

- [La Sociedad de Lucha contra la Leucemia y el Linfoma (LLS)](https://www.lls.org/espanol): sus páginas en español explican los cánceres de la sangre. Sus especialistas en información atienden por teléfono al 1-800-955-4572. Pida que le atiendan en español.
- [La Sociedad Americana Contra El Cáncer](https://www.cancer.org/es.html): información sobre el cáncer en español. Su línea de ayuda, 1-800-227-2345, atiende de día y de noche, también en español.
- [El Instituto Nacional del Cáncer](https://www.cancer.gov/espanol): su Servicio de Información sobre el Cáncer responde a sus preguntas en español al 1-800-422-6237.
- Para niños: [El cáncer en los niños, del Instituto Nacional del Cáncer](https://www.cancer.gov/espanol/tipos/infantil): información en español para las familias.
- Para niños: [Niños con cáncer, de la Sociedad Americana Contra El Cáncer](https://www.cancer.org/es/cancer/supervivencia/ninos-con-cancer.html): guías en español para padres.

Si vive fuera de EE. UU., pregunte a su equipo médico por grupos cerca de usted."""

# The new texts: (model, language, key): {field: value}.
NEW = {
    ("SharedSection", "en", "fever-warning"): {
        "title": "Is there a fever? Call now.",
        "text": "During treatment, a temperature of 38.0 °C (100.4 °F) or higher, or above the number your team gave you, means: call your care team now. Do not use this form first.",
    },
    ("SharedSection", "es", "fever-warning"): {
        "title": "¿Hay fiebre? Llame ahora.",
        "text": "Durante el tratamiento, una temperatura de 38,0 °C (100,4 °F) o más, o más alta que el número que le dio su equipo, quiere decir: llame ahora a su equipo médico. No use primero este formulario.",
    },
    ("GlossaryTerm", "en", "central-line"): {
        "term": "Central line or port",
        "definition": "A thin, soft tube put into a large vein. Medicine can go in and blood can "
        "be taken through it, with fewer needle sticks. A port sits all under the skin; other "
        "central lines come out through the skin.",
    },
    ("GlossaryTerm", "es", "central-line"): {
        "term": "Catéter central o puerto (reservorio)",
        "definition": "Un tubo delgado y blando que se pone en una vena grande. Por ahí se dan "
        "medicinas y se saca sangre, con menos pinchazos. El puerto, también llamado "
        "reservorio, queda todo debajo de la piel. Otros catéteres centrales salen por la piel.",
    },
}

# Corrections: (model, language, key, field): (SHA-256 of the text as seeded, [(seeded words,
# corrected words), ...]). Each pair replaces words that appear exactly once in the text.
CHANGED = {
    ("SharedSection", "en", "urgent-help", "text"): (
        "0d4837d559772fb720b2dfecd5ec563e972d10f267e3f19548ebb721ccf50c5c",
        [
            (
                """\
If you or your child has any of these signs, get help right away. Call your care team's 24-hour number, or emergency services (911 in the US).

- A temperature of 38.0 °C (100.4 °F) or higher. This counts for a child too. Do not give fever medicine before you call, unless your team told you to.
- Chills or shaking.
- Bleeding that will not stop.
- Trouble breathing.
- A very bad headache, confusion, or being very sleepy or hard to wake.
- Redness, swelling, pain or pus where a line or port goes into the skin.
- Throwing up so much that you cannot keep down fluids or medicine.

For trouble breathing, or if someone is very hard to wake, call 911 or your local emergency number first. Do not wait for the next visit.""",
                URGENT_HELP_EN,
            )
        ],
    ),
    ("SharedSection", "es", "urgent-help", "text"): (
        "66b661fb2c654b1c9c1787c15887bdc3e4bb4fed0b5e921466c71fd9d69bf557",
        [
            (
                """\
Si usted o su hijo tiene alguna de estas señales, busque ayuda de inmediato. Llame al número de 24 horas de su equipo médico, o a emergencias (911 en EE. UU.).

- Una temperatura de 38,0 °C (100,4 °F) o más. Esto también vale para un niño. No dé medicina para la fiebre antes de llamar, a menos que su equipo médico se lo haya dicho.
- Escalofríos o temblores.
- Un sangrado que no para.
- Dificultad para respirar.
- Un dolor de cabeza muy fuerte, confusión, o mucho sueño o mucha dificultad para despertar.
- Piel roja, hinchazón, dolor o pus donde un catéter o un puerto entra en la piel.
- Vómitos tan fuertes que no puede retener líquidos ni medicinas.

Si hay dificultad para respirar, o si a alguien le cuesta mucho despertar, llame primero al 911 o al número de emergencias de su zona. No espere a la próxima cita.""",
                URGENT_HELP_ES,
            )
        ],
    ),
    ("SharedSection", "es", "support", "text"): (
        "a4c876c2408f446e7374e30f5759315ff726c9feeaef6ac8fe9ccc96103aa979",
        [
            (
                """\
No tiene que pasar por esto a solas. Pida al equipo del hospital que le ponga en contacto con estas personas:

- Un trabajador social le puede ayudar con dinero, transporte, trabajo, escuela y otras preocupaciones.
- Un especialista en vida infantil (child life specialist) ayuda a los niños a sobrellevar las pruebas y el tratamiento.
- Un psicólogo o consejero puede hablar con usted, con su hijo o con cualquier persona de su familia.

Estos grupos dan información confiable y apoyo gratis:

- [Leukemia & Lymphoma Society](https://www.lls.org): ayuda para personas con cáncer de la sangre y para sus familias.
- [American Cancer Society](https://www.cancer.org): información sobre el cáncer. Puede llamar a su línea de ayuda de día o de noche.
- [National Cancer Institute](https://www.cancer.gov): su Servicio de Información sobre el Cáncer responde a sus preguntas sobre el cáncer.
- Para niños: [Children's Oncology Group](https://childrensoncologygroup.org): un manual para familias de un niño con cáncer.
- Para niños: [CureSearch](https://curesearch.org): guías y apoyo para familias.

Si vive fuera de EE. UU., pregunte a su equipo médico por grupos cerca de usted.""",
                SUPPORT_ES,
            )
        ],
    ),
    # The home page says T-cell ALL often has a mass in the chest: the untreated page too.
    ("Phase", "en", "untreated", "body"): (
        "61118db0fb06b0ff436cd422d930fff0ed412278b37e25387324d50f92caf1eb",
        [
            (
                "Sometimes it reaches the brain and the spinal fluid.",
                "Sometimes it reaches the brain and the spinal fluid. T-cell ALL often causes a "
                "mass in the chest.",
            ),
        ],
    ),
    ("Phase", "es", "untreated", "body"): (
        "572ab98a1dc8101b6ebc227533f26420f7d0d521ae9dcafafb5851e374c4da48",
        [
            # "Estadio" for a cancer's stage, as on the home page: "etapa" is not used.
            ("Por eso los médicos les dan una etapa.", "Por eso los médicos les dan un estadio."),
            (
                "Por eso los médicos no le dan una etapa a la LLA.",
                "Por eso los médicos no le dan un estadio a la LLA.",
            ),
            (
                "A veces llega al cerebro y al líquido espinal.",
                "A veces llega al cerebro y al líquido espinal (líquido cefalorraquídeo). La LLA "
                "de células T a menudo causa una masa en el pecho.",
            ),
            (
                "El [recuento sanguíneo completo (CBC)](/glossary/#cbc) suele",
                "El [hemograma (biometría hemática o CBC)](/glossary/#cbc) suele",
            ),
        ],
    ),
    ("Phase", "es", "remission", "body"): (
        "4be99e0a0ca5ab2589d74792a8bebf8c42694867b84d9939aa17d7f2183c4d4b",
        [
            (
                "el líquido espinal no tiene células de leucemia.",
                "el líquido espinal (líquido cefalorraquídeo) no tiene células de leucemia.",
            ),
            ("neutrófilos (ANC)](/glossary/#anc)", "neutrófilos (RAN)](/glossary/#anc)"),
            ("recuentos (CRi)](/glossary/#cri)", "recuentos (RCi)](/glossary/#cri)"),
        ],
    ),
    ("Phase", "es", "remission", "questions"): (
        "6beae7d2204da2a90e0cc51b662d2e5f0ada145af1795c7d8b0e518ba5df23cf",
        [("En un adulto, ¿es una CRi?", "En un adulto, ¿es una RCi?")],
    ),
    # Children are judged refractory later than adults (Ponte-di-Legno consensus, 2022).
    ("Phase", "en", "refractory", "summary"): (
        "8a64773bd3f041cd468a46580c34c30a42d75b7b4c1054e84a8e4dc503ebeb3d",
        [
            (
                "The first round of treatment did not bring remission, but there are other "
                "treatments to try.",
                "Treatment has not brought remission, but there are other treatments to try.",
            ),
        ],
    ),
    ("Phase", "es", "refractory", "summary"): (
        "775890ebf88fce783483bd107777bfe31d384e89e0ef35bd6c6635d422817fd6",
        [
            (
                "La primera ronda de tratamiento no logró la remisión, pero hay otros "
                "tratamientos que se pueden probar.",
                "El tratamiento no ha logrado la remisión, pero hay otros tratamientos que se "
                "pueden probar.",
            ),
        ],
    ),
    ("Phase", "en", "refractory", "body"): (
        "5874853ee4ca7a0228ed65c6a34314344094ebcc0382ae2315a8cefb89700ad3",
        [
            (
                "Doctors decide this at the end of the first round of treatment, called "
                "[induction](/glossary/#induction). They do not decide it during induction, "
                "because treatment takes time to work. Treatment plans for children and for "
                "adults may use their own words for this. Ask your care team what your plan "
                "calls it.",
                "For adults, doctors decide this at the end of the first round of treatment, "
                "called [induction](/glossary/#induction). They do not decide it during "
                "induction, because treatment takes time to work.\n\n"
                "For children, doctors usually wait longer. A child who is not in remission at "
                "the end of induction usually gets the next round of treatment first. The team "
                "checks again after that, before they call it refractory. Some plans call this "
                "\u201cinduction failure\u201d. Ask your care team what your plan calls it.",
            ),
        ],
    ),
    ("Phase", "es", "refractory", "body"): (
        "3eccaad034b91c2ee33ac5c7cea4a94a574311d14daa5d59e374b9aed94e86eb",
        [
            (
                "Los médicos deciden esto al final de la primera ronda de tratamiento, llamada "
                "[inducción](/glossary/#induction). No lo deciden durante la inducción, porque "
                "el tratamiento tarda en hacer efecto. Los planes de tratamiento para niños y "
                "para adultos pueden usar sus propias palabras para esto. Pregunte a su equipo "
                "médico cómo lo llama su plan.",
                "En los adultos, los médicos deciden esto al final de la primera ronda de "
                "tratamiento, llamada [inducción](/glossary/#induction). No lo deciden durante "
                "la inducción, porque el tratamiento tarda en hacer efecto.\n\n"
                "En los niños, los médicos suelen esperar más. Si un niño no está en remisión "
                "al final de la inducción, por lo general recibe primero la siguiente ronda de "
                "tratamiento. Después, el equipo vuelve a revisar antes de decir que es "
                "refractaria. Algunos planes lo llaman \u201cfalla de la inducción\u201d. "
                "Pregunte a su equipo médico cómo lo llama su plan.",
            ),
            (
                "El [recuento sanguíneo completo (CBC)](/glossary/#cbc) puede",
                "El [hemograma (biometría hemática o CBC)](/glossary/#cbc) puede",
            ),
        ],
    ),
    # 5% to 25% blasts after remission "may" mean a relapse; a relapse outside the marrow is
    # confirmed where it was found.
    ("Phase", "en", "relapsed", "body"): (
        "d78e29b8c8e358e51c02fecf9a7dc43fd03ce630a6ecb756173b3303ae478907",
        [
            (
                "When blasts are between 5% and 25%, doctors usually confirm the relapse with a "
                "second test.",
                "When blasts are between 5% and 25%, the leukemia may have come back, but it is "
                "not certain yet. Doctors usually confirm it with a second test.",
            ),
            (
                "A swollen testicle may be checked with an ultrasound or a small tissue sample.",
                "A swollen testicle may be checked with an ultrasound or a small tissue sample. "
                "Doctors confirm this kind of relapse with tests of the place where it was "
                "found, not with a marrow test. They usually test the marrow too, to see if the "
                "leukemia is also there.",
            ),
        ],
    ),
    ("Phase", "es", "relapsed", "body"): (
        "a829b6ceb3f7d79b24e40956a612834f8b582a6098c93e51c1cdf8b326ec00a8",
        [
            (
                "en el cerebro y el líquido espinal, o en los testículos.",
                "en el cerebro y el líquido espinal (líquido cefalorraquídeo), o en los "
                "testículos.",
            ),
            (
                "A menudo el [recuento sanguíneo completo (CBC)](/glossary/#cbc) cambia",
                "A menudo el [hemograma (biometría hemática o CBC)](/glossary/#cbc) cambia",
            ),
            (
                "Cuando los blastos están entre el 5% y el 25%, los médicos suelen confirmar la "
                "recaída con una segunda prueba.",
                "Cuando los blastos están entre el 5% y el 25%, puede que la leucemia haya "
                "vuelto, pero todavía no es seguro. Los médicos suelen confirmarlo con una "
                "segunda prueba.",
            ),
            (
                "Un testículo hinchado se puede revisar con un ultrasonido o con una pequeña "
                "muestra de tejido.",
                "Un testículo hinchado se puede revisar con un ultrasonido o con una pequeña "
                "muestra de tejido. Los médicos confirman este tipo de recaída con pruebas del "
                "lugar donde se encontró, no con una prueba de médula. Por lo general también "
                "revisan la médula, para ver si la leucemia está ahí también.",
            ),
        ],
    ),
    ("GlossaryTerm", "en", "refractory", "definition"): (
        "85a4ba6abcb4bc33005be8e1b15f8719209a1fbb9c1bee5ea1c93ea9f7ea7b98",
        [
            (
                "Leukemia that is not in remission at the end of the first round of treatment "
                "(induction).",
                "Leukemia that does not go into remission with treatment. For adults, doctors "
                "decide this at the end of the first round (induction); for children, usually "
                "only after the next round.",
            ),
        ],
    ),
    ("GlossaryTerm", "es", "refractory", "definition"): (
        "a11134cc64b0721e8119e4ec4ef4cb18190b25727d7ef9ccaf962eda09f7ada4",
        [
            (
                "Leucemia que no está en remisión al final de la primera ronda de tratamiento "
                "(inducción).",
                "Leucemia que no entra en remisión con el tratamiento. En los adultos, los "
                "médicos lo deciden al final de la primera ronda (inducción); en los niños, por "
                "lo general después de la siguiente ronda.",
            ),
        ],
    ),
    ("GlossaryTerm", "en", "t-cell-all", "definition"): (
        "58048e783ce0057eec1fe0b18d1e3e99e6843e919a11cee59dbd88b6b93a4482",
        [
            (
                "It is treated in a different way.",
                "It often causes a mass in the chest. It is treated in a different way.",
            )
        ],
    ),
    ("GlossaryTerm", "es", "t-cell-all", "definition"): (
        "d2d34b9d93714df814a8729f5a1d2ea544888df661d8dd8c66172192c37dd195",
        [
            (
                "Se trata de otra forma.",
                "A menudo causa una masa en el pecho. Se trata de otra forma.",
            )
        ],
    ),
    # Spanish: the Latin American names beside ours.
    ("GlossaryTerm", "es", "cbc", "term"): (
        "1577b9397dbe684f9c8ec9d4fab24fc70e3729ba929fd7e03542cb3dfee5ad57",
        [("Recuento sanguíneo completo (CBC)", "Hemograma (biometría hemática o CBC)")],
    ),
    ("GlossaryTerm", "es", "cbc", "definition"): (
        "aa54a5dd3e37216b004362a856fc2439b9f39efd4c5d60697731702c81f6730f",
        [
            (
                "También mide la hemoglobina.",
                "También mide la hemoglobina. También se llama recuento sanguíneo completo.",
            )
        ],
    ),
    ("GlossaryTerm", "es", "anc", "term"): (
        "e6202c73f340b39776a12d4d7cea7205f8e65924de8ce1f3c1e5592445da4b36",
        [("Recuento absoluto de neutrófilos (ANC)", "Recuento absoluto de neutrófilos (RAN)")],
    ),
    ("GlossaryTerm", "es", "anc", "definition"): (
        "da32f183f0b3256309ff42de137af6fb40b07dea028bec30d90baff3f180ce17",
        [
            ("con un ANC bajo", "con un RAN bajo"),
            (
                "Un ANC de 1,0 ×10⁹/L es lo mismo que 1000 por µL.",
                "Un RAN de 1,0 ×10⁹/L es lo mismo que 1000 por µL. En los informes en inglés "
                "se escribe ANC.",
            ),
        ],
    ),
    ("GlossaryTerm", "es", "cri", "term"): (
        "1e577ab593060580d03853365685b4e051947f5660563160ead49886cc9c843e",
        [("de los recuentos (CRi)", "de los recuentos (RCi)")],
    ),
    ("GlossaryTerm", "es", "cri", "definition"): (
        "e1c56f53246300da9f83b61e35a9d453049834fe7792a9e0b63dfb0186f9302f",
        [
            (
                "no ponen límites a los recuentos.",
                "no ponen límites a los recuentos. En inglés se escribe CRi.",
            )
        ],
    ),
    ("GlossaryTerm", "es", "lumbar-puncture", "definition"): (
        "b2dc41d9f9e6832e6372e5e91def5c6b8b4927b2655c86841ccb74594abdfe57",
        [("un poco de líquido espinal.", "un poco de líquido espinal (líquido cefalorraquídeo).")],
    ),
}

KEYS = {"Phase": "slug", "GlossaryTerm": "slug", "SharedSection": "key"}
DRAFT_FIELDS = {
    "Phase": ("name", "summary", "body", "questions", "references"),
    "GlossaryTerm": ("term", "slug", "definition"),
    "SharedSection": ("title", "text"),
}


def forwards(apps, schema_editor):
    now = timezone.now()
    published, drafted = set(), set()
    for (name, language, key, field), (seeded, pairs) in CHANGED.items():
        row = _row(apps, name, language, key)
        if row is None:
            continue
        text = getattr(row, field)
        corrected = _corrected(text, seeded, pairs)
        if _sha256(text) == seeded:
            setattr(row, field, corrected)
            published.add((name, row.pk))
        elif corrected is not None and _may_draft(row, drafted):
            draft = row.draft or {f: getattr(row, f) for f in DRAFT_FIELDS[name]}
            row.draft = {**draft, field: corrected}
            drafted.add((name, row.pk))
        else:
            continue
        row.save()
    for name, pk in published | drafted:
        row = apps.get_model("phases", name).objects.get(pk=pk)
        row.version += 1
        if (name, pk) in published:
            row.published_at = now
        row.save()
        _record(apps, name, row, "~", now)
    for (name, language, key), values in NEW.items():
        model = apps.get_model("phases", name)
        taken = model.objects.filter(language=language, **{KEYS[name]: key}).exists()
        if name == "GlossaryTerm":
            taken = (
                taken
                or model.objects.filter(language=language, term__iexact=values["term"]).exists()
            )
        if not taken:
            row = model.objects.create(
                language=language,
                **{KEYS[name]: key},
                **values,
                is_published=True,
                published_at=now,
                version=1,
            )
            _record(apps, name, row, "+", now)


def backwards(apps, schema_editor):
    for (name, language, key), _values in NEW.items():
        model = apps.get_model("phases", name)
        created = _history(apps, name).filter(history_type="+").values_list("id", flat=True)
        model.objects.filter(language=language, **{KEYS[name]: key}, pk__in=created).delete()
    for (name, language, key, field), (seeded, pairs) in CHANGED.items():
        row = _row(apps, name, language, key)
        if row is None or not _history(apps, name).filter(id=row.pk).exists():
            continue
        text = getattr(row, field)
        undone = [(new, old) for old, new in pairs]
        if all(text.count(new) == 1 for new, _ in undone) and (
            _sha256(_replace(text, undone)) == seeded
        ):
            setattr(row, field, _replace(text, undone))
        elif row.draft and row.draft.get(field) == _corrected(text, seeded, pairs):
            row.draft[field] = text
            if all(row.draft[f] == getattr(row, f) for f in row.draft):
                row.draft = None
        else:
            continue
        row.version = max(1, row.version - 1)
        row.save()
    for name in KEYS:
        _history(apps, name).delete()


def _corrected(text, seeded, pairs):
    """The text with this migration's corrections: a text replaced whole (its one pair's first
    words are the whole seeded text) becomes the new text; otherwise each seeded sentence is
    replaced, if each is still there exactly once (None if not)."""
    if len(pairs) == 1 and _sha256(pairs[0][0]) == seeded:
        return pairs[0][1]
    if all(text.count(old) == 1 for old, _ in pairs):
        return _replace(text, pairs)
    return None


def _row(apps, name, language, key):
    model = apps.get_model("phases", name)
    return model.objects.filter(language=language, **{KEYS[name]: key}).first()


def _may_draft(row, drafted):
    """A draft of ours, or none yet: an editor's draft waiting to be published is kept."""
    return not row.draft or (type(row).__name__, row.pk) in drafted


def _replace(text, pairs):
    for old, new in pairs:
        text = text.replace(old, new, 1)
    return text


def _sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()


def _history(apps, name):
    return apps.get_model("phases", f"Historical{name}").objects.filter(
        history_change_reason=REASON
    )


def _record(apps, name, row, history_type, now):
    """History shows each text as changed (or added) by this update, awaiting review, so an
    editor can see what changed and go back."""
    historical = apps.get_model("phases", f"Historical{name}")
    fields = apps.get_model("phases", name)._meta.fields
    historical.objects.create(
        **{field.attname: getattr(row, field.attname) for field in fields},
        history_date=now,
        history_type=history_type,
        history_change_reason=REASON,
    )


class Migration(migrations.Migration):
    dependencies = [("phases", "0017_reading_level_help")]

    operations = [
        migrations.AlterModelOptions(
            name="historicalsharedsection",
            options={
                "get_latest_by": ("history_date", "history_id"),
                "ordering": ("-history_date", "-history_id"),
                "verbose_name": "historical shared text",
                "verbose_name_plural": "historical shared texts",
            },
        ),
        migrations.AlterModelOptions(
            name="sharedsection",
            options={
                "ordering": ["key"],
                "permissions": [
                    ("publish_sharedsection", "Can publish changes to shared sections")
                ],
                "verbose_name": "shared text",
                "verbose_name_plural": "shared texts",
            },
        ),
        migrations.AlterField(
            model_name="historicalsharedsection",
            name="key",
            field=models.SlugField(
                choices=[
                    ("urgent-help", "When to get help right away"),
                    ("support", "Where to get support"),
                    ("fever-warning", "Fever warning at the top of the checker"),
                ],
                editable=False,
            ),
        ),
        migrations.AlterField(
            model_name="historicalsharedsection",
            name="title",
            field=models.CharField(
                help_text="The heading shown above the text (in bold for the fever warning).",
                max_length=80,
            ),
        ),
        migrations.AlterField(
            model_name="sharedsection",
            name="key",
            field=models.SlugField(
                choices=[
                    ("urgent-help", "When to get help right away"),
                    ("support", "Where to get support"),
                    ("fever-warning", "Fever warning at the top of the checker"),
                ],
                editable=False,
            ),
        ),
        migrations.AlterField(
            model_name="sharedsection",
            name="title",
            field=models.CharField(
                help_text="The heading shown above the text (in bold for the fever warning).",
                max_length=80,
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
