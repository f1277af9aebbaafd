"""Spanish content: every text the portal seeds in English, written again in plain Spanish.

Each Spanish text is a row of its own (language "es") beside the English row, published at
once, so a Spanish reader never has to fall back on English. The texts say the same as the
English ones (thresholds, the differences between children and adults, the urgent signs) in
neutral Latin American Spanish as used in US hospitals, for a reader of US grade 8 or below.
No clinician has reviewed them yet: the phase pages carry no review, like the English ones.

Rules the texts follow, so an editor can keep them: placeholders such as
{marrow_blasts_percent} are exactly the English text's; links to portal pages are written as
in English (/glossary/#blasts): a Spanish page adds /es/ itself; publication titles in the
sources stay in English, marked "(en inglés)"; numbers are written the Spanish way (38,0 °C,
10 000 with a no-break space), units as in English (×10⁹/L, %).

Every text is a literal here, so the migration gives the same rows whatever the live code says
later. The HTML of each text is stored after migrating (phases.apps.render_stored_html).
Undoing it deletes the Spanish rows and their history.
"""

from django.db import migrations
from django.utils import timezone

SPANISH = "es"
ENGLISH = "en"
REASON = "Spanish text seeded by the portal team; awaiting clinical review"
NOT_REVIEWED = {"last_reviewed": None, "next_review_due": None, "reviewer": ""}

# The sources of every phase page: the same publications as the English page, titles in English.
NCI = (
    "- Instituto Nacional del Cáncer de EE. UU. (National Cancer Institute, NCI). "
    "Childhood Acute Lymphoblastic Leukemia Treatment (PDQ®) (en inglés) y Adult Acute "
    "Lymphoblastic Leukemia Treatment (PDQ®) (en inglés), versiones para pacientes y para "
    "profesionales de la salud."
)
NCCN = (
    "- NCCN Guidelines for Patients: Acute Lymphoblastic Leukemia (en inglés).\n"
    "- NCCN Clinical Practice Guidelines in Oncology: Acute Lymphoblastic Leukemia (en inglés) "
    "y Pediatric Acute Lymphoblastic Leukemia (en inglés)."
)
PONTE_DI_LEGNO = (
    "- Buchmann S, et al. Remission, treatment failure, and relapse in pediatric ALL: an "
    "international consensus of the Ponte-di-Legno Consortium (en inglés). Blood. 2022."
)
FDA = (
    "- Administración de Alimentos y Medicamentos de EE. UU. (US Food and Drug Administration, "
    "FDA). Prescribing information (en inglés):"
)
FDA_ALL_DRUGS = (
    f"{FDA} blinatumomab (BLINCYTO®), inotuzumab ozogamicin (BESPONSA®), tisagenlecleucel "
    "(KYMRIAH®), brexucabtagene autoleucel (TECARTUS®) y nelarabine (ARRANON®)."
)
ICD10 = "- CDC / CMS: ICD-10-CM code set (en inglés), C91.0 leucemia linfoblástica aguda ({code})."
NOT_IN_REMISSION = ICD10.format(code="C91.00: sin haber logrado la remisión")
IN_REMISSION = ICD10.format(code="C91.01: en remisión")
IN_RELAPSE = ICD10.format(code="C91.02: en recaída")

PHASES = {
    "untreated": {
        "name": "Sin tratar",
        "summary": "Se acaba de encontrar la LLA, y todavía no ha empezado el tratamiento "
        "contra la leucemia.",
        "body": """\
## Qué significa esta fase

"Sin tratar" quiere decir que se acaba de encontrar [leucemia linfoblástica aguda (LLA)](/glossary/#acute-lymphoblastic-leukemia) en usted o en su hijo. Todavía no ha empezado el tratamiento para combatir la leucemia. Este puede ser un momento de mucho miedo. No tiene que entenderlo todo de una vez.

Muchos otros cánceres empiezan como un bulto que se puede extender. Por eso los médicos les dan una etapa. La LLA es distinta. Está en la sangre y en la [médula ósea](/glossary/#bone-marrow) desde el principio. También puede estar en los ganglios linfáticos, el hígado y el bazo. A veces llega al cerebro y al líquido espinal.

Por eso los médicos no le dan una etapa a la LLA. En lugar de eso, la ponen en un grupo de riesgo. Esto vale para niños y para adultos. El grupo de riesgo depende de cosas como la edad, el primer recuento de glóbulos blancos y los genes de la leucemia. También cuenta cómo responde la leucemia al tratamiento. El grupo de riesgo ayuda a decidir qué tan fuerte debe ser el tratamiento.

Este sitio divide el curso de la LLA en pasos, según cómo responde al tratamiento. A cada paso lo llama fase.

Hasta ahora, la atención que usted o su hijo recibe es para aliviar los síntomas. Por ejemplo, puede recibir transfusiones de sangre, o medicina para la fiebre o para una infección. Esta atención ayuda, pero no trata la leucemia en sí.

Los esteroides son distintos. A veces se da un esteroide, como prednisona o dexametasona, antes de empezar la quimioterapia. Los esteroides pueden matar células de leucemia, así que cuentan como tratamiento. Dígale a su equipo médico si usted o su hijo tomó algún esteroide en las últimas semanas.

## Qué muestran las pruebas

El [recuento sanguíneo completo (CBC)](/glossary/#cbc) suele estar fuera del rango habitual. Algunos valores pueden estar muy altos y otros muy bajos.

Una [prueba de médula ósea](/glossary/#bone-marrow-biopsy) suele mostrar que más del 20% de las células son [blastos](/glossary/#blasts). A menudo son muchos más. Los blastos son células jóvenes que nunca maduran para hacer su trabajo. Le quitan el lugar a las células sanas que forman la sangre.

Esta es una de las razones por las que usted o su hijo puede sentirse mal. Las señales comunes son mucho cansancio, fiebre, piel pálida, y sangrados o moretones con facilidad. El dolor de huesos o de articulaciones también es común, y más aún en los niños.

Otras pruebas miran de cerca las células de la leucemia. Muestran si es [LLA de células B](/glossary/#b-cell-all) o [LLA de células T](/glossary/#t-cell-all). También buscan cambios en los genes, como el [cromosoma Filadelfia](/glossary/#philadelphia-chromosome). Una [punción lumbar](/glossary/#lumbar-puncture) revisa si hay células de leucemia en el líquido espinal.

## Qué suele pasar después

Los resultados de las pruebas ayudan a su equipo médico a elegir el plan de tratamiento. Algunos resultados tardan días en llegar. A menudo el tratamiento empieza antes de tener todos los resultados.

La primera parte del tratamiento se llama [inducción](/glossary/#induction). A menudo dura más o menos un mes. Su meta es que la leucemia entre en [remisión](/glossary/#remission).

Pida a su equipo médico que le explique cada paso antes de empezarlo. Está bien pedirles que le expliquen las cosas otra vez.""",
        "questions": """\
- ¿Es LLA de células B o LLA de células T? ¿Las pruebas encontraron cambios en los genes, como el cromosoma Filadelfia?
- ¿En qué grupo de riesgo está, y qué quiere decir eso para el tratamiento?
- ¿Qué otras pruebas hacen falta, y cuándo vamos a tener los resultados?
- ¿Cómo será la inducción, y cuánto va a durar?
- ¿A qué efectos secundarios debemos estar atentos, y cuándo debemos llamarles?
- ¿A quién podemos llamar de noche o los fines de semana?
- ¿Hay algún ensayo clínico que nos pueda servir?""",
        "references": "\n".join([NCI, NCCN, NOT_IN_REMISSION]),
    },
    "remission": {
        "name": "Remisión",
        "summary": "El tratamiento ha funcionado hasta ahora, y las pruebas usuales ya no "
        "encuentran señales de leucemia.",
        "body": """\
## Qué significa esta fase

La [remisión](/glossary/#remission) completa quiere decir que el tratamiento ha funcionado hasta ahora. Las pruebas usuales ya no encuentran señales de leucemia. Muchas personas empiezan a sentirse mucho mejor.

Remisión no es lo mismo que curación. Puede que unas pocas células de leucemia sigan escondidas donde estas pruebas no las ven. Por eso el tratamiento sigue después de la remisión. Ayuda a que la leucemia no vuelva.

## Qué muestran las pruebas

Los médicos revisan si hay remisión al final de la [inducción](/glossary/#induction), no durante ella. Hablan de remisión completa cuando se cumple todo esto:

- Los [blastos](/glossary/#blasts) son menos del 5% de las células de la [médula ósea](/glossary/#bone-marrow).
- No se encuentran blastos en la sangre.
- No se encuentra leucemia fuera de la médula. Por ejemplo, el líquido espinal no tiene células de leucemia.
- No hay otras señales de leucemia.

En los adultos, los recuentos de la sangre también importan. Tienen que haberse recuperado lo suficiente, pero no tienen que estar en el rango habitual. Las reglas para adultos piden:

- un [recuento absoluto de neutrófilos (ANC)](/glossary/#anc) de al menos 1,0 ×10⁹/L. Eso es 1000 por µL.
- [plaquetas](/glossary/#platelets) de al menos 100 ×10⁹/L. Eso es 100\u00a0000 por µL.

A veces un adulto cumple todas las demás reglas, pero sus recuentos siguen más bajos que esto. Los médicos pueden llamarlo [remisión con recuperación incompleta de los recuentos (CRi)](/glossary/#cri).

Las reglas para niños no ponen límites a los recuentos. Un niño puede estar en remisión aunque sus recuentos sigan bajos.

Los informes del laboratorio no escriben todos los recuentos de la misma forma. Algunos usan [×10⁹/L](/glossary/#per-litre-units), y otros usan "por µL". Los rangos habituales de un informe suelen ser para adultos. Los rangos de los niños son distintos y cambian con la edad. Su equipo médico le puede ayudar a leer el informe.

La mayoría de los equipos también hacen pruebas de [enfermedad residual mínima (ERM)](/glossary/#mrd). Estas pruebas buscan células de leucemia que son tan pocas que no se ven con un microscopio.

## Qué suele pasar después

El tratamiento sigue por un tiempo. A menudo lo que sigue es la [consolidación](/glossary/#consolidation). Busca eliminar las células de leucemia que puedan quedar.

Más tarde viene el [mantenimiento](/glossary/#maintenance). Este tratamiento es más suave, pero dura mucho más. A propósito, mantiene los recuentos de la sangre un poco bajos. Eso es de esperar, y no quiere decir que la leucemia haya vuelto.

En total, el tratamiento de la LLA suele durar de dos a tres años. Algunos planes son distintos, por ejemplo cuando hay un [trasplante de células madre](/glossary/#stem-cell-transplant).

Usted o su hijo va a seguir con análisis de sangre y chequeos. Así su equipo puede ver pronto cualquier cambio.""",
        "questions": """\
- ¿Es una remisión completa? ¿Revisaron el líquido espinal?
- ¿Los recuentos de la sangre se han recuperado lo suficiente? En un adulto, ¿es una CRi?
- ¿Se hizo una prueba de ERM, y qué mostró?
- ¿Qué tratamiento sigue, y cuánto va a durar?
- ¿A qué efectos secundarios debemos estar atentos, y cuándo debemos llamarles?
- ¿Cada cuánto van a hacer falta análisis de sangre y pruebas de médula ósea?
- ¿Qué señales podrían indicar que la leucemia está volviendo?""",
        "references": "\n".join([NCI, NCCN, PONTE_DI_LEGNO, IN_REMISSION]),
    },
    "minimal-residual-disease": {
        "name": "Enfermedad residual mínima",
        "summary": "La médula ósea se ve libre de leucemia, pero pruebas más sensibles todavía "
        "encuentran unas pocas células de leucemia.",
        "body": """\
## Qué significa esta fase

[Enfermedad residual mínima (ERM)](/glossary/#mrd) quiere decir que el tratamiento ha funcionado bien, pero no se ha ido toda la leucemia. Con un microscopio, la [médula ósea](/glossary/#bone-marrow) se ve como en [remisión](/glossary/#remission). Pero pruebas más sensibles todavía encuentran un pequeño número de células de leucemia.

La ERM quiere decir que hay más riesgo de que la leucemia vuelva. Es útil saberlo pronto. Así su equipo tiene tiempo para cambiar el plan.

La ERM es uno de los resultados más importantes en la LLA, para niños y para adultos. Ayuda a decidir cuánto tratamiento más hace falta.

## Qué muestran las pruebas

Las pruebas de ERM suelen hacerse en una muestra de una [prueba de médula ósea](/glossary/#bone-marrow-biopsy). A veces se hacen en la sangre. El laboratorio puede usar una o más de estas pruebas:

- La [citometría de flujo](/glossary/#flow-cytometry) mira las marcas que hay por fuera de cada célula. Puede encontrar más o menos 1 célula de leucemia entre 10\u00a0000 células.
- La PCR busca cambios en los genes que solo tienen las células de leucemia. Puede encontrar más o menos 1 célula de leucemia entre 100\u00a0000 células.
- La secuenciación de nueva generación (NGS) lee los genes de muchas células a la vez. Puede encontrar más o menos 1 célula de leucemia entre 1\u00a0000\u00a0000 de células.

El resultado suele darse como un porcentaje. Este es el [nivel de ERM](/glossary/#mrd-level). Por ejemplo, 0,02% quiere decir 2 células de leucemia de cada 10\u00a0000 células. Es lo mismo que 1 de cada 5000. Cuanto más bajo es el número, menos células de leucemia se encontraron.

Algunos informes escriben el nivel de otras formas, como 10⁻⁴. Eso quiere decir 1 de cada 10\u00a0000. Pida a su equipo médico que le explique el resultado.

Si la prueba no encuentra células de leucemia, el resultado se llama ERM negativa (en inglés, "MRD-negative"). Es una buena noticia. Pero solo quiere decir que esta prueba no encontró ninguna. Una prueba más sensible tal vez encontraría algunas.

## Qué suele pasar después

Si se encuentra ERM, su equipo puede sugerir más tratamiento, o un tipo de tratamiento distinto. Esto puede ayudar a eliminar las últimas células de leucemia. La mejor opción depende del tipo de LLA, del nivel de ERM y del tratamiento que se ha dado hasta ahora.

Para la [LLA de células B](/glossary/#b-cell-all), una opción es un medicamento llamado blinatumomab. Ayuda a las propias defensas del cuerpo (el sistema inmunitario) a encontrar y atacar las células de leucemia. Se usa en niños y en adultos. La [LLA de células T](/glossary/#t-cell-all) se trata de otra forma. Para algunas personas, un [trasplante de células madre](/glossary/#stem-cell-transplant) puede ser una opción.

Es probable que usted o su hijo tenga más pruebas de ERM en fechas fijas. Ver cómo cambian los resultados ayuda a guiar el plan.""",
        "questions": """\
- ¿Qué prueba de ERM se usó, y qué nivel encontró?
- ¿La prueba se hizo en la médula ósea o en la sangre?
- ¿Qué quiere decir este resultado para el plan de tratamiento?
- ¿Es LLA de células B o LLA de células T, y qué tratamientos sirven para ella?
- ¿Podría ayudar más tratamiento, o un tratamiento distinto?
- ¿Cuándo se va a hacer otra vez la prueba de ERM?
- ¿Hay algún ensayo clínico que nos pueda servir?""",
        "references": "\n".join(
            [
                NCI,
                NCCN,
                PONTE_DI_LEGNO,
                f"{FDA} blinatumomab (BLINCYTO®).",
                IN_REMISSION,
            ]
        ),
    },
    "refractory": {
        "name": "Refractaria",
        "summary": "La primera ronda de tratamiento no logró la remisión, pero hay otros "
        "tratamientos que se pueden probar.",
        "body": """\
## Qué significa esta fase

[Refractaria](/glossary/#refractory) quiere decir que la leucemia no se fue con el tratamiento. No respondió, o no respondió lo suficiente.

Los médicos deciden esto al final de la primera ronda de tratamiento, llamada [inducción](/glossary/#induction). No lo deciden durante la inducción, porque el tratamiento tarda en hacer efecto. Los planes de tratamiento para niños y para adultos pueden usar sus propias palabras para esto. Pregunte a su equipo médico cómo lo llama su plan.

Es una noticia muy dura. No quiere decir que la atención se termine. Hay otros tratamientos que se pueden probar, y algunas personas todavía logran la remisión con ellos.

## Qué muestran las pruebas

Las pruebas muestran que no se ha logrado la [remisión](/glossary/#remission). Una [prueba de médula ósea](/glossary/#bone-marrow-biopsy) todavía encuentra demasiados [blastos](/glossary/#blasts). Pueden ser más del 5% de las células de la médula. A veces todavía hay blastos en la sangre, o se encuentra leucemia fuera de la médula.

El [recuento sanguíneo completo (CBC)](/glossary/#cbc) puede seguir fuera del rango habitual.

Su equipo también puede hacer más pruebas a las células de leucemia. Estas pruebas pueden ayudar a elegir el próximo tratamiento.

## Qué suele pasar después

Pregunte a su equipo médico por las otras formas de tratar la leucemia. Las opciones pueden ser:

- otros medicamentos de quimioterapia
- medicamentos dirigidos, que atacan ciertas partes de las células de leucemia, como el [cromosoma Filadelfia](/glossary/#philadelphia-chromosome)
- inmunoterapia, que ayuda a las defensas del cuerpo (el sistema inmunitario) a combatir la leucemia
- un [trasplante de células madre](/glossary/#stem-cell-transplant), a menudo cuando la leucemia ya está en remisión
- un [ensayo clínico](/glossary/#clinical-trial) de un tratamiento nuevo

Algunas de estas opciones son solo para la [LLA de células B](/glossary/#b-cell-all). Entre ellas están los medicamentos blinatumomab e inotuzumab, y la [terapia de células CAR-T](/glossary/#car-t-cell-therapy). La [LLA de células T](/glossary/#t-cell-all) se trata de otra forma. Por ejemplo, se puede usar un medicamento de quimioterapia llamado nelarabina.

La mejor opción depende de muchas cosas. Por ejemplo, el tipo de LLA, la edad, la salud y el tratamiento que se ha dado hasta ahora. Nadie puede prometer cómo va a funcionar un tratamiento. Pregunte a su equipo qué busca lograr cada opción.

Tómese el tiempo que necesite para hacer preguntas. También puede pedir una segunda opinión.""",
        "questions": """\
- ¿Cómo decidieron que la leucemia es refractaria?
- ¿Es LLA de células B o LLA de células T, y qué tratamientos sirven para ella?
- ¿Qué opciones de tratamiento hay ahora, y cuál es la meta de cada una?
- ¿Podría ser una opción un trasplante de células madre? ¿Y la terapia de células CAR-T?
- ¿Hay algún ensayo clínico que nos pueda servir?
- ¿Cómo cambiaría el próximo tratamiento la vida de cada día?
- ¿Podemos pedir una segunda opinión?""",
        "references": "\n".join([NCI, NCCN, PONTE_DI_LEGNO, FDA_ALL_DRUGS, NOT_IN_REMISSION]),
    },
    "relapsed": {
        "name": "Recaída",
        "summary": "La leucemia volvió después de la remisión, y todavía hay formas de tratarla.",
        "body": """\
## Qué significa esta fase

Recaída, o leucemia recurrente, quiere decir que la leucemia ha vuelto después de un tiempo en [remisión](/glossary/#remission). La noticia de una [recaída](/glossary/#relapse) puede ser muy dura, después de todo lo que costó llegar a la remisión.

Lo más común es que la leucemia vuelva en la [médula ósea](/glossary/#bone-marrow). También puede volver fuera de la médula. Por ejemplo, en el cerebro y el líquido espinal, o en los testículos. Puede volver en más de un lugar a la vez.

## Qué muestran las pruebas

A menudo el [recuento sanguíneo completo (CBC)](/glossary/#cbc) cambia otra vez, y aparecen [blastos](/glossary/#blasts) en la sangre. Pero no siempre pasa. A veces los recuentos se ven bien, y la recaída se encuentra en una prueba de rutina.

Una [prueba de médula ósea](/glossary/#bone-marrow-biopsy) puede mostrar que los blastos son más del 5% de las células. Cuando los blastos están entre el 5% y el 25%, los médicos suelen confirmar la recaída con una segunda prueba. Puede ser otra prueba de laboratorio en la misma muestra, u otra prueba de médula ósea. Esperar el resultado puede ser difícil. Pregunte a su equipo cuándo lo va a tener.

Una recaída fuera de la médula se encuentra de otras formas. Por ejemplo, una [punción lumbar](/glossary/#lumbar-puncture) revisa si hay células de leucemia en el líquido espinal. Un testículo hinchado se puede revisar con un ultrasonido o con una pequeña muestra de tejido.

## Qué suele pasar después

Hay opciones de tratamiento para la LLA que ha vuelto. Pida a su equipo médico que las repase con usted. Pueden ser:

- otros medicamentos de quimioterapia
- medicamentos dirigidos, que atacan ciertas partes de las células de leucemia
- inmunoterapia, que ayuda a las defensas del cuerpo (el sistema inmunitario) a combatir la leucemia
- radiación, para algunas recaídas fuera de la médula
- un [trasplante de células madre](/glossary/#stem-cell-transplant)
- un [ensayo clínico](/glossary/#clinical-trial) de un tratamiento nuevo

Algunas de estas opciones son solo para la [LLA de células B](/glossary/#b-cell-all). Entre ellas están los medicamentos blinatumomab e inotuzumab, y la [terapia de células CAR-T](/glossary/#car-t-cell-therapy). Algunas están aprobadas solo para ciertas edades. La [LLA de células T](/glossary/#t-cell-all) se trata de otra forma. Por ejemplo, se puede usar un medicamento de quimioterapia llamado nelarabina.

El plan depende de dónde volvió la leucemia y de cuánto duró la remisión. También cuentan el tipo de LLA y el tratamiento que se ha dado hasta ahora. Haga todas las preguntas que necesite.""",
        "questions": """\
- ¿Dónde ha vuelto la leucemia?
- ¿Hay que repetir alguna prueba para estar seguros?
- ¿Es LLA de células B o LLA de células T, y qué tratamientos sirven para ella?
- ¿Qué opciones de tratamiento hay ahora, y cuál es la meta de cada una?
- ¿Podría ser una opción un trasplante de células madre? ¿Y la terapia de células CAR-T?
- ¿Hay algún ensayo clínico que nos pueda servir?
- ¿Qué apoyo hay ahora para nuestra familia?""",
        "references": "\n".join([NCI, NCCN, PONTE_DI_LEGNO, FDA_ALL_DRUGS, IN_RELAPSE]),
    },
}

DISCLAIMER = (
    "Este sitio es solo para aprender. No da consejos médicos, no hace diagnósticos y no "
    "reemplaza a su equipo médico. Hable siempre con su médico o enfermera sobre sus propios "
    "resultados y su tratamiento. Si necesita ayuda de inmediato, llame al número de "
    "emergencias de su zona."
)

SECTIONS = {
    "urgent-help": {
        "title": "Cuándo buscar ayuda de inmediato",
        "text": """\
Si usted o su hijo tiene alguna de estas señales, busque ayuda de inmediato. Llame al número de 24 horas de su equipo médico, o a emergencias (911 en EE. UU.).

- Una temperatura de 38,0 °C (100,4 °F) o más. Esto también vale para un niño. No dé medicina para la fiebre antes de llamar, a menos que su equipo médico se lo haya dicho.
- Escalofríos o temblores.
- Un sangrado que no para.
- Dificultad para respirar.
- Un dolor de cabeza muy fuerte, confusión, o mucho sueño o mucha dificultad para despertar.
- Piel roja, hinchazón, dolor o pus donde un catéter o un puerto entra en la piel.
- Vómitos tan fuertes que no puede retener líquidos ni medicinas.

Si hay dificultad para respirar, o si a alguien le cuesta mucho despertar, llame primero al 911 o al número de emergencias de su zona. No espere a la próxima cita.""",
    },
    "support": {
        "title": "Dónde encontrar apoyo",
        "text": """\
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
    },
}

# By anchor: the anchor stays the English one, so links work in both languages.
GLOSSARY = {
    "anc": (
        "Recuento absoluto de neutrófilos (ANC)",
        "El número de neutrófilos en la sangre. Los neutrófilos son glóbulos blancos que "
        "combaten los microbios. Por eso, con un ANC bajo hay más riesgo de tener una "
        "infección. Un ANC de 1,0 ×10⁹/L es lo mismo que 1000 por µL.",
    ),
    "acute-lymphoblastic-leukemia": (
        "Leucemia linfoblástica aguda (LLA)",
        "Un cáncer de la sangre y de la médula ósea. Empieza en glóbulos blancos jóvenes, "
        "llamados linfoblastos, que crecen sin control. Aguda quiere decir que puede empeorar "
        "rápido si no se trata. En inglés se escribe ALL.",
    ),
    "b-cell-all": (
        "LLA de células B",
        "El tipo de LLA más común, en niños y en adultos. Empieza en células B jóvenes, un "
        "tipo de glóbulo blanco. Algunos tratamientos, como la terapia de células CAR-T, el "
        "blinatumomab y el inotuzumab, son solo para la LLA de células B.",
    ),
    "blasts": (
        "Blastos",
        "Células de la sangre que son jóvenes y todavía no han madurado. En la LLA, los "
        "blastos de la leucemia llenan la médula ósea y no funcionan como las células sanas.",
    ),
    "bone-marrow": (
        "Médula ósea",
        "El tejido blando, como una esponja, que hay dentro de los huesos. Ahí se forman las "
        "células nuevas de la sangre.",
    ),
    "bone-marrow-biopsy": (
        "Aspirado y biopsia de médula ósea",
        "Pruebas que toman pequeñas muestras de médula ósea, por lo general de la parte de atrás "
        "del hueso de la cadera. El aspirado usa una aguja para sacar un poco de médula "
        "líquida. La biopsia saca un pedacito de hueso con médula adentro.",
    ),
    "car-t-cell-therapy": (
        "Terapia de células CAR-T",
        "Un tipo de inmunoterapia que se usa para la LLA de células B. En un laboratorio, se "
        "cambian algunas células T de la propia persona para que encuentren y ataquen las "
        "células de leucemia. Después se devuelven a la sangre de la persona.",
    ),
    "clinical-trial": (
        "Ensayo clínico",
        "Un estudio de investigación que prueba un tratamiento nuevo, o una forma nueva de usar "
        "uno que ya existe. Participar siempre es su decisión.",
    ),
    "cbc": (
        "Recuento sanguíneo completo (CBC)",
        "Un análisis de sangre que cuenta los glóbulos rojos, los glóbulos blancos y las "
        "plaquetas. También mide la hemoglobina.",
    ),
    "consolidation": (
        "Consolidación",
        "La parte del tratamiento que viene después de la inducción. Busca matar las células "
        "de leucemia que todavía puedan estar escondidas en el cuerpo.",
    ),
    "flow-cytometry": (
        "Citometría de flujo",
        "Una prueba de laboratorio que mira las células una por una mientras pasan frente a un "
        "láser. Puede separar las células de leucemia de las células normales por las marcas "
        "que tienen por fuera.",
    ),
    "hemoglobin": (
        "Hemoglobina",
        "La proteína de los glóbulos rojos que lleva el oxígeno por todo el cuerpo. Con la "
        "hemoglobina baja, una persona puede sentir cansancio y debilidad.",
    ),
    "induction": (
        "Inducción",
        "La primera parte del tratamiento de la LLA. A menudo dura más o menos un mes. Su meta "
        "es matar todas las células de leucemia que pueda y lograr la remisión.",
    ),
    "lumbar-puncture": (
        "Punción lumbar (punción espinal)",
        "Una prueba que usa una aguja fina en la parte baja de la espalda para sacar un poco "
        "de líquido espinal. En el líquido se buscan células de leucemia. Así también se puede "
        "dar quimioterapia en el líquido espinal.",
    ),
    "maintenance": (
        "Mantenimiento",
        "La última parte del tratamiento de la LLA, y la más larga: a menudo dura unos dos "
        "años. Usa un tratamiento más suave para ayudar a que la leucemia no vuelva. A "
        "propósito, mantiene los recuentos de la sangre un poco bajos.",
    ),
    "mrd": (
        "Enfermedad residual mínima (ERM)",
        "Un pequeño número de células de leucemia que quedan en el cuerpo después del "
        "tratamiento. Son tan pocas que no se ven con un microscopio, pero hay pruebas "
        "especiales que las pueden encontrar. También se llama enfermedad residual medible. "
        "En inglés se escribe MRD.",
    ),
    "mrd-level": (
        "Nivel de ERM",
        "Cuántas células de leucemia encuentra una prueba de ERM. A menudo se escribe como un "
        "porcentaje. Por ejemplo, 0,01% quiere decir 1 célula de leucemia de cada 10\u00a0000 "
        "células.",
    ),
    "philadelphia-chromosome": (
        "Cromosoma Filadelfia",
        "Un cambio en el que dos cromosomas, el 9 y el 22, intercambian pedazos. Así se forma un "
        "gen que hace crecer las células de leucemia. Es más común en adultos que en niños, y "
        "hay medicamentos dirigidos que lo pueden atacar.",
    ),
    "platelets": (
        "Plaquetas",
        "Células muy pequeñas de la sangre que ayudan a que la sangre se coagule. Con las "
        "plaquetas bajas, una persona puede sangrar o tener moretones con facilidad.",
    ),
    "refractory": (
        "Refractaria",
        "Leucemia que no está en remisión al final de la primera ronda de tratamiento "
        "(inducción). Puede que no responda nada, o que no responda lo suficiente. Todavía se "
        "pueden probar otros tratamientos.",
    ),
    "relapse": (
        "Recaída",
        "Cuando la leucemia vuelve después de un tiempo en remisión. Puede volver en la médula "
        "ósea, o fuera de ella, por ejemplo en el líquido espinal o en los testículos. También "
        "se llama recurrencia.",
    ),
    "remission": (
        "Remisión",
        "Un tiempo en que las pruebas usuales ya no encuentran señales de leucemia. Menos "
        "del 5% de las células de la médula son blastos, y no hay leucemia en la sangre ni en "
        "otras partes. Remisión no es lo mismo que curación, así que, por lo general, "
        "el tratamiento sigue.",
    ),
    "cri": (
        "Remisión con recuperación incompleta de los recuentos (CRi)",
        "Una remisión en la que las pruebas usuales ya no encuentran leucemia, pero los "
        "recuentos de la sangre todavía no se han recuperado lo suficiente. Los médicos usan "
        "este nombre para adultos. Las reglas de remisión para niños no ponen límites a los "
        "recuentos.",
    ),
    "stem-cell-transplant": (
        "Trasplante de células madre",
        "Un tratamiento que cambia la médula ósea enferma por células sanas que forman sangre. "
        "A menudo las células nuevas vienen de un donante. También se llama trasplante de "
        "médula ósea.",
    ),
    "t-cell-all": (
        "LLA de células T",
        "LLA que empieza en células T jóvenes, un tipo de glóbulo blanco. Es menos común que "
        "la LLA de células B. Se trata de otra forma.",
    ),
    "white-blood-cells": (
        "Glóbulos blancos",
        "Células de la sangre que ayudan al cuerpo a combatir las infecciones. Hay varios "
        "tipos, como los neutrófilos y los linfocitos.",
    ),
    "per-litre-units": (
        "×10⁹/L (miles de millones por litro)",
        "Una forma en que los laboratorios escriben los recuentos de la sangre: miles de "
        "millones de células en cada litro de sangre. Algunos laboratorios, en cambio, los "
        "escriben por µL (microlitro). Por ejemplo, 1,0 ×10⁹/L es 1000 por µL, y 100 ×10⁹/L es "
        "100\u00a0000 por µL.",
    ),
}

# The checker's texts, by key. Each keeps exactly the placeholders of the English text.
EXPLANATIONS = {
    "cant-tell": (
        "Sus respuestas podrían encajar con más de una fase: {candidates}. Las notas de abajo "
        "dicen qué falta o qué no encaja."
    ),
    "cant-tell-questions": """\
- ¿En qué fase está ahora la leucemia?
- ¿Qué resultados les ayudaron a decidir?
- ¿Hacen falta más pruebas? ¿Cuándo vamos a tener los resultados?
- ¿Qué quiere decir esto para el plan de tratamiento?""",
    "blasts_at_border": (
        "Los blastos en la médula son exactamente {marrow_blasts_percent}%. Ese es el límite entre "
        "la remisión (menos del 5%) y la recaída (más del 5%). Solo su equipo médico puede "
        "decir cuál es."
    ),
    "blasts_below_usual_at_diagnosis": (
        "Los blastos en la médula son {marrow_blasts_percent}%. Cuando se encuentra la LLA, "
        "suelen ser más del {usually_above}%. Su equipo médico le va a explicar sus resultados."
    ),
    "blood_blasts_unknown": (
        "La remisión también quiere decir que no hay blastos en la sangre. Usted no dijo si el "
        "análisis de sangre encontró alguno. Revise esto con su equipo médico."
    ),
    "counts_not_recovered": (
        "Los recuentos de la sangre todavía están bajos. Eso es común durante el tratamiento y "
        "después. Algunos médicos llaman a esto remisión con recuperación incompleta de los "
        "recuentos (CRi). Las reglas para adultos piden un recuento absoluto de neutrófilos "
        "(ANC) de al menos {anc_at_least} y plaquetas de al menos {platelets_at_least} "
        "(×10⁹/L). Las reglas para niños no ponen límites a los recuentos."
    ),
    "counts_numbers_conflict_with_cbc": (
        "Los números del ANC y de las plaquetas no encajan con lo que usted dijo del recuento "
        "sanguíneo ({cbc}). Usamos los números. Revíselos, o pregunte a su equipo médico."
    ),
    "counts_unknown": (
        "No pudimos revisar los recuentos de la sangre. Para eso nos hacen falta los números "
        "del ANC y de las plaquetas, o lo que dice el informe del recuento sanguíneo. Los "
        "recuentos no cambian este resultado, pero su equipo médico los vigila."
    ),
    "first_course_probably_finished": (
        "Usted no dijo si terminó la primera ronda de tratamiento. La prueba de médula después "
        "del tratamiento suele hacerse al final de esa ronda. Por eso, la tomamos como "
        "terminada. Si todavía no termina, la remisión se confirma al final de la ronda."
    ),
    "first_course_status_needed": (
        "Se encontraron células de leucemia después de empezar el tratamiento. Lo que esto "
        "quiere decir depende del momento. Los médicos miran qué tan bien funcionó el "
        "tratamiento al final de la primera ronda (inducción). Díganos si la primera ronda ya "
        "terminó."
    ),
    "good_early_sign": (
        "Los blastos en la médula son {marrow_blasts_percent}%, menos del 5%, y la primera "
        "ronda de tratamiento todavía no termina. Es una buena señal temprana. La remisión se "
        "confirma al final de la primera ronda."
    ),
    "marrow_blasts_needed": (
        "Nos hace falta el número de blastos de una prueba de médula ósea. Solo con los "
        "recuentos de la sangre no se puede saber si es remisión o recaída."
    ),
    "marrow_blasts_not_precise": (
        "El informe da los blastos en la médula como {marrow_blasts_percent}%. Para la "
        "remisión tienen que ser menos del 5%, así que esto no nos dice lo suficiente. Pida a "
        "su equipo médico el número exacto."
    ),
    "mrd_test_can_look_deeper": (
        "Una prueba de enfermedad residual mínima (ERM) puede encontrar células de leucemia "
        "que son tan pocas que no se ven con un microscopio. Algunas pruebas encuentran 1 de "
        "cada {finds_one_cell_in} células, y las más sensibles encuentran 1 de cada "
        "{most_sensitive_finds_one_cell_in}. Si le hicieron una, agregue su resultado. Si no, "
        "pregunte por ella a su equipo médico."
    ),
    "outside_marrow_not_checked": (
        "Aquí solo se revisan la sangre y la médula. La leucemia también puede volver en el "
        "líquido espinal o en los testículos. Su equipo médico revisa eso de otras formas."
    ),
    "refractory_judged_after_full_course": (
        "Refractaria quiere decir que la primera ronda de tratamiento no logró la remisión. No "
        "quiere decir que ya no se pueda hacer nada. Hay otros tratamientos que se pueden "
        "probar. Pregunte a su equipo médico cuáles le sirven."
    ),
    "relapse_confirm_with_marrow_test": (
        "Este resultado viene de blastos en la sangre, o de leucemia que se encontró fuera de "
        "la médula. Los médicos suelen confirmarlo con una prueba de médula ósea. También "
        "pueden salir unos pocos blastos en la sangre mientras la médula se recupera del "
        "tratamiento."
    ),
    "relapse_confirm_with_second_test": (
        "Los blastos en la médula son {marrow_blasts_percent}%. Cuando están entre el 5% y el "
        "{confirm_below}%, los médicos a menudo hacen una segunda prueba para estar seguros de "
        "que es una recaída."
    ),
    "relapsed_or_refractory_needs_history": (
        "Se encontraron células de leucemia después de empezar el tratamiento. Lo que esto "
        "quiere decir depende de lo que pasó antes. Díganos si su equipo médico le dijo alguna "
        "vez que la leucemia estaba en remisión."
    ),
    "symptoms_needed": (
        "Los blastos en la médula son menos del 5%. Para saber si esto es remisión, también "
        "nos hace falta saber si ahora hay señales de leucemia. Son cosas como dolor de "
        "huesos, fiebre o sangrados."
    ),
    "symptoms_present": (
        "Usted dijo que hay señales como dolor, fiebre o sangrados. Pueden venir del "
        "tratamiento o de una infección, no solo de la leucemia. Hable de ellas con su equipo "
        "médico."
    ),
    "too_early_to_judge": (
        "Se encontraron células de leucemia, pero la primera ronda de tratamiento (inducción) "
        "no ha terminado. El tratamiento tarda en hacer efecto. Los médicos miran qué tan bien "
        "funcionó al final de la primera ronda. Pregunte a su equipo médico qué quieren decir "
        "estos resultados por ahora."
    ),
    "minimal-residual-disease": (
        "La prueba de médula ósea encontró {marrow_blasts_percent}% de blastos. Eso está por "
        "debajo del límite del 5% para la remisión. Pero una prueba de ERM muy sensible "
        "todavía encontró unas pocas células de leucemia. Esto encaja con **enfermedad "
        "residual mínima (ERM)**."
    ),
    "refractory": (
        "La primera ronda de tratamiento ya terminó, pero todavía hay células de leucemia. Y "
        "la leucemia no ha estado en remisión. Esto encaja con una leucemia **refractaria**."
    ),
    "relapsed": (
        "La leucemia estuvo en remisión antes. Ahora las células de leucemia han vuelto. Esto "
        "encaja con una **recaída**: la leucemia ha vuelto."
    ),
    "remission": (
        "La prueba de médula ósea encontró {marrow_blasts_percent}% de blastos. Eso está por "
        "debajo del límite del 5% para la remisión, y ahora no hay señales de leucemia. Esto "
        "encaja con **remisión**: las pruebas usuales ya no encuentran leucemia."
    ),
    "untreated": (
        "Usted dijo que el tratamiento contra la leucemia todavía no ha empezado. Los médicos "
        "llaman a esta fase **sin tratar**. En este momento, el recuento sanguíneo no suele "
        "ser normal. Los blastos suelen ser más del 20% de las células de la médula."
    ),
    "get_help_now": """\
**Llame ahora al número de 24 horas de su equipo médico, o a emergencias (911 en EE. UU.),** si usted o su hijo tiene:

- una temperatura de 38,0 °C (100,4 °F) o más
- un sangrado que no para
- dificultad para respirar
- un dolor de cabeza fuerte, o confusión

Le mostramos esto porque usted dijo que ahora hay señales de enfermedad, o porque el recuento absoluto de neutrófilos (ANC) está por debajo de {urgent_anc_below}. Con pocos neutrófilos, una fiebre puede ser una emergencia. No espere a la próxima cita.""",
}


def forwards(apps, schema_editor):
    Phase = apps.get_model("phases", "Phase")
    Disclaimer = apps.get_model("phases", "Disclaimer")
    SharedSection = apps.get_model("phases", "SharedSection")
    GlossaryTerm = apps.get_model("phases", "GlossaryTerm")
    Explanation = apps.get_model("phases", "Explanation")
    published = {"is_published": True, "published_at": timezone.now(), "draft": None, "version": 1}

    for english in Phase.objects.filter(language=ENGLISH, slug__in=PHASES):
        _seed(
            apps,
            Phase,
            {"language": SPANISH, "slug": english.slug},
            {
                **PHASES[english.slug],
                "order": english.order,
                "icd10_code": english.icd10_code,
                **NOT_REVIEWED,
                **published,
            },
        )
    _seed(apps, Disclaimer, {"language": SPANISH}, {"text": DISCLAIMER, **published})
    for key, section in SECTIONS.items():
        _seed(apps, SharedSection, {"language": SPANISH, "key": key}, {**section, **published})
    for slug, (term, definition) in GLOSSARY.items():
        _seed(
            apps,
            GlossaryTerm,
            {"language": SPANISH, "slug": slug},
            {"term": term, "definition": definition, **published},
        )
    for english in Explanation.objects.filter(language=ENGLISH, key__in=EXPLANATIONS):
        _seed(
            apps,
            Explanation,
            {"language": SPANISH, "key": english.key},
            {"kind": english.kind, "text": EXPLANATIONS[english.key], **published},
        )


def backwards(apps, schema_editor):
    seeded = {
        "Phase": {"slug__in": PHASES},
        "Disclaimer": {},
        "SharedSection": {"key__in": SECTIONS},
        "GlossaryTerm": {"slug__in": GLOSSARY},
        "Explanation": {"key__in": EXPLANATIONS},
    }
    for name, keys in seeded.items():
        rows = apps.get_model("phases", name).objects.filter(language=SPANISH, **keys)
        pks = list(rows.values_list("pk", flat=True))
        apps.get_model("phases", f"Historical{name}").objects.filter(
            language=SPANISH, id__in=pks
        ).delete()
        rows.delete()


def _seed(apps, model, keys, values):
    """Write one Spanish row and record it in its history, so an editor sees where it came
    from and can always go back to it."""
    row, created = model.objects.update_or_create(**keys, defaults=values)
    historical = apps.get_model("phases", f"Historical{model.__name__}")
    historical.objects.create(
        **{field.attname: getattr(row, field.attname) for field in model._meta.fields},
        history_date=timezone.now(),
        history_type="+" if created else "~",
        history_change_reason=REASON,
    )


class Migration(migrations.Migration):
    dependencies = [("phases", "0015_languages")]

    operations = [migrations.RunPython(forwards, backwards)]
