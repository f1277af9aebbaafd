"""Seed the patient content: the five phases of ALL, the medical disclaimer and the glossary.

All texts are written for patients and parents at US grade 8 or below. Hospital staff can edit
them in the admin afterwards; re-running forwards() resets the seeded rows to these texts.
"""

import datetime

from django.db import migrations

PHASES = [
    {
        "slug": "untreated",
        "order": 1,
        "name": "Untreated",
        "icd10_code": "C91.00",
        "summary": "ALL has just been found, and treatment to fight the leukemia has not started yet.",
        "body": """\
## What this phase means

"Untreated" means that [acute lymphoblastic leukemia (ALL)](/glossary/#acute-lymphoblastic-leukemia) has just been found. Treatment to fight the leukemia has not started yet. This can be a scary time. You do not have to take it all in at once.

Many other cancers form a lump that can spread, so doctors give them a stage. ALL is different. It is in the blood and [bone marrow](/glossary/#bone-marrow) all through the body from the start. So doctors do not stage ALL. They describe it by how it responds to treatment. This site calls each of these steps a phase.

So far, any care you get is to ease symptoms. For example, you may get blood transfusions, or medicine for a fever or an infection. This care helps you feel better, but it does not treat the leukemia itself.

## What the tests show

The [complete blood count (CBC)](/glossary/#cbc) is not normal. Some counts may be too high and others too low.

A [bone marrow test](/glossary/#bone-marrow-biopsy) usually shows that more than 20% of the cells are [blasts](/glossary/#blasts). Blasts are young cells that never grow up to do their job. They crowd out the healthy cells that make blood.

This crowding is one reason you may feel unwell. Common signs are pain (often in the bones), fever, bleeding or bruising easily, and feeling very tired.

## What usually happens next

First, your care team runs more tests on the leukemia cells. These tests show which subtype of ALL it is. The subtype helps the team choose the best plan.

Then the first treatment begins. It is called [induction](/glossary/#induction). Its goal is to bring the leukemia into [remission](/glossary/#remission).

Your team will explain each step before it starts. It is fine to ask them to explain things again.""",
        "questions": """\
- What subtype of ALL is this, and how does it shape the treatment plan?
- What other tests are needed, and when will we get the results?
- What will induction be like, and how long will it last?
- What side effects should we watch for, and when should we call you?
- Who can we call at night or on weekends?
- Is there a clinical trial that could be a good fit?""",
        "last_reviewed": datetime.date(2026, 11, 25),
        "next_review_due": datetime.date(2027, 11, 25),
        "reviewer": "ALL Phase Portal content team (awaiting clinical review)",
    },
    {
        "slug": "remission",
        "order": 2,
        "name": "Remission",
        "icd10_code": "C91.01",
        "summary": "Treatment has worked, and tests no longer find signs of leukemia in the blood or marrow.",
        "body": """\
## What this phase means

Complete [remission](/glossary/#remission) means the treatment has worked so far. The usual tests no longer find signs of leukemia. Many people start to feel much better.

Remission is not the same as cure. A few leukemia cells may still hide where these tests cannot see them. That is why treatment goes on after remission, to help keep the leukemia away.

## What the tests show

Doctors call it complete remission when all of these are true:

- The [complete blood count (CBC)](/glossary/#cbc) is back to normal.
- The [absolute neutrophil count (ANC)](/glossary/#anc) is at least 1.0 × 10⁹/L.
- [Platelets](/glossary/#platelets) are at least 100 × 10⁹/L.
- [Blasts](/glossary/#blasts) make up less than 5% of the cells in the [bone marrow](/glossary/#bone-marrow).
- No blasts are found in the blood.
- There are no signs or symptoms of leukemia.

Lab reports do not all write these numbers the same way. Your care team can help you read yours.

Your team may also test for [minimal residual disease (MRD)](/glossary/#mrd). These tests look for leukemia cells that are too few to see under a microscope.

## What usually happens next

Treatment usually goes on for some time. Next often comes [consolidation](/glossary/#consolidation). It aims to clear out any leukemia cells that may be left.

After that comes [maintenance](/glossary/#maintenance). This treatment is milder, but it lasts much longer. It helps keep the leukemia from coming back.

You will keep having blood tests and checkups. These help your team spot any change early.""",
        "questions": """\
- Is this a complete remission?
- Was an MRD test done, and what did it show?
- What treatment comes next, and how long will it last?
- What side effects should we watch for, and when should we call you?
- How often will blood tests and bone marrow tests be needed?
- What signs could mean the leukemia is coming back?""",
        "last_reviewed": datetime.date(2026, 11, 25),
        "next_review_due": datetime.date(2027, 11, 25),
        "reviewer": "ALL Phase Portal content team (awaiting clinical review)",
    },
    {
        "slug": "minimal-residual-disease",
        "order": 3,
        "name": "Minimal residual disease (MRD)",
        "icd10_code": "C91.01",
        "summary": "The bone marrow looks clear, but more sensitive tests still find a few leukemia cells.",
        "body": """\
## What this phase means

[Minimal residual disease (MRD)](/glossary/#mrd) means treatment has worked well, but not all of the leukemia is gone. Under a microscope, the [bone marrow](/glossary/#bone-marrow) looks like [remission](/glossary/#remission). But more sensitive tests still find a small number of leukemia cells.

MRD means there is a higher chance that the leukemia will come back. Knowing this early is useful. It gives your team a chance to change the plan in time.

## What the tests show

MRD tests use a sample from a [bone marrow test](/glossary/#bone-marrow-biopsy). The lab may use one or more of these tools:

- [Flow cytometry](/glossary/#flow-cytometry), which checks the markers on the outside of each cell
- PCR, which looks for gene changes found only in the leukemia cells
- Next-generation sequencing, which reads the genes of many cells at once to find the leukemia's own pattern

These tests are very sensitive. They can find 1 leukemia cell among 10,000 or more normal cells. That is 0.01%.

If the tests find no leukemia cells, the result is called MRD-negative. That is good news.

## What usually happens next

If MRD is found, your team may suggest more treatment, or a different kind of treatment. This may help clear the last leukemia cells. The best choice depends on things like the ALL subtype and the treatment so far.

You will likely have MRD tests again at set times. Seeing how the results change helps guide the plan.""",
        "questions": """\
- Which MRD test was used, and what did it find?
- What does this result mean for the treatment plan?
- Could more treatment, or a different treatment, help?
- When will the MRD test be done again?
- Is there a clinical trial that could be a good fit?""",
        "last_reviewed": datetime.date(2026, 11, 25),
        "next_review_due": datetime.date(2027, 11, 25),
        "reviewer": "ALL Phase Portal content team (awaiting clinical review)",
    },
    {
        "slug": "refractory",
        "order": 4,
        "name": "Refractory",
        "icd10_code": "C91.00",
        "summary": "The leukemia has not gone away with treatment, so your team will look at other ways to treat it.",
        "body": """\
## What this phase means

[Refractory](/glossary/#refractory) means the leukemia is not going away. It did not respond, or did not respond enough, to the treatment given.

Doctors usually decide this at the end of a full course of [induction](/glossary/#induction) treatment. This is very hard news. It does not mean your care stops. There are other treatments your team can try.

## What the tests show

The tests show that [remission](/glossary/#remission) has not been reached. The [complete blood count (CBC)](/glossary/#cbc) may still not be normal.

A [bone marrow test](/glossary/#bone-marrow-biopsy) still finds too many [blasts](/glossary/#blasts). They may make up 5% or more of the cells in the marrow, or blasts may still be found in the blood.

Your team may also run more tests on the leukemia cells. These can help them choose the next treatment.

## What usually happens next

Your team will talk with you about other ways to treat the leukemia. Options may include:

- other chemotherapy drugs
- targeted drugs, which attack certain features of the leukemia cells
- immunotherapy, which helps the immune system fight the leukemia, such as [CAR T-cell therapy](/glossary/#car-t-cell-therapy)
- a [stem cell transplant](/glossary/#stem-cell-transplant)
- a [clinical trial](/glossary/#clinical-trial) of a new treatment

Which option fits best depends on many things. These include the ALL subtype and the treatment so far. No one can promise how a treatment will work, but your team will be honest with you.

Take the time you need to ask questions. You can also ask for a second opinion.""",
        "questions": """\
- How did you decide that the leukemia is refractory?
- What treatment options are there now, and what is the goal of each one?
- Could a stem cell transplant or CAR T-cell therapy be an option?
- Is there a clinical trial that could be a good fit?
- How would the next treatment affect daily life?
- Can we get a second opinion?""",
        "last_reviewed": datetime.date(2026, 11, 25),
        "next_review_due": datetime.date(2027, 11, 25),
        "reviewer": "ALL Phase Portal content team (awaiting clinical review)",
    },
    {
        "slug": "relapsed",
        "order": 5,
        "name": "Relapsed (recurrent)",
        "icd10_code": "C91.02",
        "summary": "The leukemia came back after remission, and there are still ways to treat it.",
        "body": """\
## What this phase means

Relapsed, or recurrent, means the leukemia has come back after a time in [remission](/glossary/#remission). News of a [relapse](/glossary/#relapse) can be very hard, after all the work it took to reach remission.

The leukemia can come back in the [bone marrow](/glossary/#bone-marrow). It can also come back in other places. Examples are the brain and spinal fluid, or the testicles.

## What the tests show

The [complete blood count (CBC)](/glossary/#cbc) is not normal again. A [bone marrow test](/glossary/#bone-marrow-biopsy) shows that [blasts](/glossary/#blasts) make up more than 5% of the cells, or blasts are found in the blood.

When blasts are between 5% and 25%, doctors often repeat the test to be sure. Waiting for the result can be hard. Your team will tell you what they find.

If the leukemia may be in other places, other tests may be needed. For example, a sample of spinal fluid can be checked for leukemia cells.

## What usually happens next

There are treatment options for ALL that has come back. Your team will talk them through with you. They may include:

- other chemotherapy drugs
- targeted drugs, which attack certain features of the leukemia cells
- immunotherapy, such as [CAR T-cell therapy](/glossary/#car-t-cell-therapy)
- a [stem cell transplant](/glossary/#stem-cell-transplant)
- a [clinical trial](/glossary/#clinical-trial) of a new treatment

The plan depends on things like where the leukemia came back, how long the remission lasted, and the treatment so far. Ask as many questions as you need.""",
        "questions": """\
- Where has the leukemia come back?
- Do any tests need to be repeated to be sure?
- What treatment options are there now, and what is the goal of each one?
- Could a stem cell transplant or CAR T-cell therapy be an option?
- Is there a clinical trial that could be a good fit?
- What support is there for our family right now?""",
        "last_reviewed": datetime.date(2026, 11, 25),
        "next_review_due": datetime.date(2027, 11, 25),
        "reviewer": "ALL Phase Portal content team (awaiting clinical review)",
    },
]

DISCLAIMER = (
    "This site is for learning only. It does not give medical advice, make a diagnosis, or "
    "take the place of your care team. Always talk with your doctor or nurse about your own results "
    "and treatment, and if you need help right away, call your local emergency number."
)

GLOSSARY = [
    {
        "term": "Acute lymphoblastic leukemia (ALL)",
        "slug": "acute-lymphoblastic-leukemia",
        "definition": "A cancer of the blood and bone marrow. It starts in young white blood "
        "cells called lymphoblasts, which grow out of control. Acute means it can get worse "
        "quickly if it is not treated.",
    },
    {
        "term": "Blasts",
        "slug": "blasts",
        "definition": "Young blood cells that have not grown up yet. In ALL, leukemia blasts "
        "fill the bone marrow and do not work the way healthy cells do.",
    },
    {
        "term": "Bone marrow",
        "slug": "bone-marrow",
        "definition": "The soft, spongy tissue inside bones. It is where new blood cells are made.",
    },
    {
        "term": "Bone marrow aspiration and biopsy",
        "slug": "bone-marrow-biopsy",
        "definition": "Tests that take small samples of bone marrow, most often from the back "
        "of the hip bone. An aspiration uses a needle to draw out some liquid marrow. A biopsy "
        "takes out a tiny piece of bone with marrow inside.",
    },
    {
        "term": "Complete blood count (CBC)",
        "slug": "cbc",
        "definition": "A blood test that counts red blood cells, white blood cells and "
        "platelets. It also measures hemoglobin.",
    },
    {
        "term": "Absolute neutrophil count (ANC)",
        "slug": "anc",
        "definition": "The number of neutrophils in the blood. Neutrophils are white blood "
        "cells that fight germs. A low ANC means a higher chance of infection.",
    },
    {
        "term": "Platelets",
        "slug": "platelets",
        "definition": "Tiny blood cells that help blood clot. When platelets are low, you may "
        "bleed or bruise easily.",
    },
    {
        "term": "White blood cells",
        "slug": "white-blood-cells",
        "definition": "Blood cells that help the body fight infection. There are several "
        "kinds, such as neutrophils and lymphocytes.",
    },
    {
        "term": "Hemoglobin",
        "slug": "hemoglobin",
        "definition": "The protein in red blood cells that carries oxygen around the body. "
        "Low hemoglobin can make you feel tired and weak.",
    },
    {
        "term": "Induction",
        "slug": "induction",
        "definition": "The first part of treatment for ALL. Its goal is to kill as many "
        "leukemia cells as it can and bring about remission.",
    },
    {
        "term": "Consolidation",
        "slug": "consolidation",
        "definition": "Treatment given after remission is reached. It aims to kill leukemia "
        "cells that may still be hiding in the body.",
    },
    {
        "term": "Maintenance",
        "slug": "maintenance",
        "definition": "The last and longest part of ALL treatment. It uses milder treatment "
        "over a long time to help keep the leukemia from coming back.",
    },
    {
        "term": "Remission",
        "slug": "remission",
        "definition": "A time when the usual tests find no signs of leukemia and blood counts "
        "are back to normal. Remission is not the same as cure, so treatment most often goes on.",
    },
    {
        "term": "Minimal residual disease (MRD)",
        "slug": "mrd",
        "definition": "A small number of leukemia cells left in the body after treatment. "
        "They are too few to see under a microscope, but special tests can find them.",
    },
    {
        "term": "Relapse",
        "slug": "relapse",
        "definition": "When leukemia comes back after a time in remission. It is also called "
        "recurrence.",
    },
    {
        "term": "Refractory",
        "slug": "refractory",
        "definition": "Leukemia that does not go away with treatment. It may not respond at "
        "all, or it may not respond well enough.",
    },
    {
        "term": "Flow cytometry",
        "slug": "flow-cytometry",
        "definition": "A lab test that checks cells one at a time as they flow past a laser. "
        "It can tell leukemia cells from normal cells by the markers on their surface.",
    },
    {
        "term": "Stem cell transplant",
        "slug": "stem-cell-transplant",
        "definition": "A treatment that replaces sick bone marrow with healthy cells that make "
        "blood. The new cells often come from a donor. It is also called a bone marrow "
        "transplant.",
    },
    {
        "term": "Clinical trial",
        "slug": "clinical-trial",
        "definition": "A research study that tests a new treatment, or a new way to use a "
        "current one. Taking part is always your choice.",
    },
    {
        "term": "CAR T-cell therapy",
        "slug": "car-t-cell-therapy",
        "definition": "A kind of immunotherapy. Some of your own T cells, a type of white "
        "blood cell, are changed in a lab so they can find and attack leukemia cells. Then "
        "they are put back into your blood.",
    },
]


def forwards(apps, schema_editor):
    Phase = apps.get_model("phases", "Phase")
    Disclaimer = apps.get_model("phases", "Disclaimer")
    GlossaryTerm = apps.get_model("phases", "GlossaryTerm")

    for phase in PHASES:
        defaults = {key: value for key, value in phase.items() if key != "slug"}
        Phase.objects.update_or_create(slug=phase["slug"], defaults=defaults)

    Disclaimer.objects.update_or_create(pk=1, defaults={"text": DISCLAIMER})

    for entry in GLOSSARY:
        GlossaryTerm.objects.update_or_create(
            slug=entry["slug"],
            defaults={"term": entry["term"], "definition": entry["definition"]},
        )


def backwards(apps, schema_editor):
    Phase = apps.get_model("phases", "Phase")
    Disclaimer = apps.get_model("phases", "Disclaimer")
    GlossaryTerm = apps.get_model("phases", "GlossaryTerm")

    Phase.objects.filter(slug__in=[phase["slug"] for phase in PHASES]).delete()
    GlossaryTerm.objects.filter(slug__in=[entry["slug"] for entry in GLOSSARY]).delete()
    Disclaimer.objects.filter(pk=1).delete()


class Migration(migrations.Migration):
    dependencies = [("phases", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
