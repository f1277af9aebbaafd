"""Patient content, version 2: corrected phase pages, their sources, more glossary terms, and
the two sections shown on every phase page (when to get help right away, where to get support).

The seeded pages were never checked by a clinician, so they now say so: their review fields are
emptied until someone really reviews them.

Every text is a literal written here once, old and new, so the migration gives the same result
whatever the live code says later, and can be undone. An existing database gets the new texts
only where a text still reads exactly as it was seeded: an editor's wording is never
overwritten. Undoing it puts back only texts that still read exactly as this migration left them.
"""

import datetime

from django.db import migrations
from django.utils import timezone

REASON = "Content corrected by the portal team"

# The review fields as 0002 seeded them, and as they are until a clinician reviews a page.
SEEDED_REVIEW = {
    "last_reviewed": datetime.date(2026, 11, 25),
    "next_review_due": datetime.date(2027, 11, 25),
    "reviewer": "ALL Phase Portal content team (awaiting clinical review)",
}
NOT_REVIEWED = {"last_reviewed": None, "next_review_due": None, "reviewer": ""}

# ---------------------------------------------------------------------------------------------
# The phase texts as 0002 seeded them, copied exactly. Backwards puts these back.
# ---------------------------------------------------------------------------------------------

OLD_UNTREATED_BODY = """\
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

Your team will explain each step before it starts. It is fine to ask them to explain things again."""

OLD_UNTREATED_QUESTIONS = """\
- What subtype of ALL is this, and how does it shape the treatment plan?
- What other tests are needed, and when will we get the results?
- What will induction be like, and how long will it last?
- What side effects should we watch for, and when should we call you?
- Who can we call at night or on weekends?
- Is there a clinical trial that could be a good fit?"""

OLD_REMISSION_SUMMARY = (
    "Treatment has worked, and tests no longer find signs of leukemia in the blood or marrow."
)

OLD_REMISSION_BODY = """\
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

You will keep having blood tests and checkups. These help your team spot any change early."""

OLD_REMISSION_QUESTIONS = """\
- Is this a complete remission?
- Was an MRD test done, and what did it show?
- What treatment comes next, and how long will it last?
- What side effects should we watch for, and when should we call you?
- How often will blood tests and bone marrow tests be needed?
- What signs could mean the leukemia is coming back?"""

OLD_MINIMAL_RESIDUAL_DISEASE_SUMMARY = (
    "The bone marrow looks clear, but more sensitive tests still find a few leukemia cells."
)

OLD_MINIMAL_RESIDUAL_DISEASE_BODY = """\
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

You will likely have MRD tests again at set times. Seeing how the results change helps guide the plan."""

OLD_MINIMAL_RESIDUAL_DISEASE_QUESTIONS = """\
- Which MRD test was used, and what did it find?
- What does this result mean for the treatment plan?
- Could more treatment, or a different treatment, help?
- When will the MRD test be done again?
- Is there a clinical trial that could be a good fit?"""

OLD_REFRACTORY_SUMMARY = "The leukemia has not gone away with treatment, so your team will look at other ways to treat it."

OLD_REFRACTORY_BODY = """\
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

Take the time you need to ask questions. You can also ask for a second opinion."""

OLD_REFRACTORY_QUESTIONS = """\
- How did you decide that the leukemia is refractory?
- What treatment options are there now, and what is the goal of each one?
- Could a stem cell transplant or CAR T-cell therapy be an option?
- Is there a clinical trial that could be a good fit?
- How would the next treatment affect daily life?
- Can we get a second opinion?"""

OLD_RELAPSED_BODY = """\
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

The plan depends on things like where the leukemia came back, how long the remission lasted, and the treatment so far. Ask as many questions as you need."""

OLD_RELAPSED_QUESTIONS = """\
- Where has the leukemia come back?
- Do any tests need to be repeated to be sure?
- What treatment options are there now, and what is the goal of each one?
- Could a stem cell transplant or CAR T-cell therapy be an option?
- Is there a clinical trial that could be a good fit?
- What support is there for our family right now?"""


# ---------------------------------------------------------------------------------------------
# The phase texts now.
# ---------------------------------------------------------------------------------------------

NEW_UNTREATED_BODY = """\
## What this phase means

"Untreated" means that [acute lymphoblastic leukemia (ALL)](/glossary/#acute-lymphoblastic-leukemia) has just been found in you or your child. Treatment to fight the leukemia has not started yet. This can be a scary time. You do not have to take it all in at once.

Many other cancers start as a lump that can spread, so doctors give them a stage. ALL is different. It is in the blood and [bone marrow](/glossary/#bone-marrow) from the start. It can also be in the lymph nodes, liver and spleen. Sometimes it reaches the brain and the spinal fluid.

So doctors do not stage ALL. Instead, they sort it into risk groups. This is true for children and for adults. The risk group depends on things like age, the first white blood cell count and the leukemia's genes. How well the leukemia responds to treatment counts too. The risk group helps decide how strong the treatment needs to be.

This site sorts the course of ALL into steps by how it responds to treatment. It calls each step a phase.

So far, any care you or your child gets is to ease symptoms. For example, you may get blood transfusions, or medicine for a fever or an infection. This care helps, but it does not treat the leukemia itself.

Steroids are different. Sometimes a steroid, such as prednisone or dexamethasone, is given before chemotherapy starts. Steroids can kill leukemia cells, so they count as treatment. Tell your care team about any steroids taken in the last few weeks.

## What the tests show

The [complete blood count (CBC)](/glossary/#cbc) is usually outside the typical range. Some counts may be too high and others too low.

A [bone marrow test](/glossary/#bone-marrow-biopsy) usually shows that more than 20% of the cells are [blasts](/glossary/#blasts). Often it is far more. Blasts are young cells that never grow up to do their job. They crowd out the healthy cells that make blood.

This crowding is one reason you or your child may feel unwell. Common signs are feeling very tired, fever, pale skin, and bleeding or bruising easily. Pain in the bones or joints is common too, more so in children.

Other tests look closely at the leukemia cells. They show if it is [B-cell ALL](/glossary/#b-cell-all) or [T-cell ALL](/glossary/#t-cell-all). They also look for gene changes, such as the [Philadelphia chromosome](/glossary/#philadelphia-chromosome). A [lumbar puncture](/glossary/#lumbar-puncture) checks the spinal fluid for leukemia cells.

## What usually happens next

The test results help your care team choose the treatment plan. Some results take days to come back. Treatment often starts before every result is in.

The first part of treatment is called [induction](/glossary/#induction). It often lasts about a month. Its goal is to bring the leukemia into [remission](/glossary/#remission).

Ask your care team to explain each step before it starts. It is fine to ask them to explain things again."""

NEW_UNTREATED_QUESTIONS = """\
- Is this B-cell ALL or T-cell ALL? Did the tests find gene changes, such as the Philadelphia chromosome?
- Which risk group is this, and what does that mean for treatment?
- What other tests are needed, and when will we get the results?
- What will induction be like, and how long will it last?
- What side effects should we watch for, and when should we call you?
- Who can we call at night or on weekends?
- Is there a clinical trial that could be a good fit?"""

NEW_UNTREATED_REFERENCES = """\
- National Cancer Institute (NCI). Childhood Acute Lymphoblastic Leukemia Treatment (PDQ®) and Adult Acute Lymphoblastic Leukemia Treatment (PDQ®), patient and health professional versions.
- NCCN Guidelines for Patients: Acute Lymphoblastic Leukemia.
- NCCN Clinical Practice Guidelines in Oncology: Acute Lymphoblastic Leukemia, and Pediatric Acute Lymphoblastic Leukemia.
- CDC / CMS: ICD-10-CM code set, C91.0 Acute lymphoblastic leukemia (C91.00: not having achieved remission)."""

NEW_REMISSION_SUMMARY = (
    "Treatment has worked so far, and the usual tests no longer find signs of leukemia."
)

NEW_REMISSION_BODY = """\
## What this phase means

Complete [remission](/glossary/#remission) means treatment has worked so far. The usual tests no longer find signs of leukemia. Many people start to feel much better.

Remission is not the same as cure. A few leukemia cells may still hide where these tests cannot see them. That is why treatment goes on after remission. It helps keep the leukemia away.

## What the tests show

Doctors check for remission at the end of [induction](/glossary/#induction), not during it. They call it complete remission when all of these are true:

- [Blasts](/glossary/#blasts) make up fewer than 5% of the cells in the [bone marrow](/glossary/#bone-marrow).
- No blasts are found in the blood.
- No leukemia is found outside the marrow. For example, the spinal fluid has no leukemia cells.
- There are no other signs of leukemia.

For adults, the blood counts matter too. They need to have recovered enough, but they do not need to be in the typical range. Adult criteria ask for:

- an [absolute neutrophil count (ANC)](/glossary/#anc) of at least 1.0 ×10⁹/L. That is 1,000 per µL.
- [platelets](/glossary/#platelets) of at least 100 ×10⁹/L. That is 100,000 per µL.

Sometimes an adult meets all the other rules, but the counts are still lower than this. Doctors may call this [remission with incomplete count recovery (CRi)](/glossary/#cri).

Children's criteria set no count limits. A child can be in remission while the counts are still low.

Lab reports do not all write counts the same way. Some use [×10⁹/L](/glossary/#per-litre-units), and some use "per µL". The typical ranges on a report are often for adults. Children's ranges are different and change with age. Your care team can help you read the report.

Most teams also test for [minimal residual disease (MRD)](/glossary/#mrd). These tests look for leukemia cells too few to see under a microscope.

## What usually happens next

Treatment goes on for some time. Next often comes [consolidation](/glossary/#consolidation). It aims to clear out any leukemia cells that may be left.

Later comes [maintenance](/glossary/#maintenance). This treatment is milder, but it lasts much longer. It keeps blood counts a little low on purpose. That is expected, and it does not mean the leukemia is back.

In all, treatment for ALL often lasts two to three years. Some plans are different, for example when there is a [stem cell transplant](/glossary/#stem-cell-transplant).

You or your child will keep having blood tests and checkups. These help your team spot any change early."""

NEW_REMISSION_QUESTIONS = """\
- Is this a complete remission? Was the spinal fluid checked?
- Have the blood counts recovered enough? For an adult, is this a CRi?
- Was an MRD test done, and what did it show?
- What treatment comes next, and how long will it last?
- What side effects should we watch for, and when should we call you?
- How often will blood tests and bone marrow tests be needed?
- What signs could mean the leukemia is coming back?"""

NEW_REMISSION_REFERENCES = """\
- National Cancer Institute (NCI). Childhood Acute Lymphoblastic Leukemia Treatment (PDQ®) and Adult Acute Lymphoblastic Leukemia Treatment (PDQ®), patient and health professional versions.
- NCCN Guidelines for Patients: Acute Lymphoblastic Leukemia.
- NCCN Clinical Practice Guidelines in Oncology: Acute Lymphoblastic Leukemia, and Pediatric Acute Lymphoblastic Leukemia.
- Buchmann S, et al. Remission, treatment failure, and relapse in pediatric ALL: an international consensus of the Ponte-di-Legno Consortium. Blood. 2022.
- CDC / CMS: ICD-10-CM code set, C91.0 Acute lymphoblastic leukemia (C91.01: in remission)."""

NEW_MINIMAL_RESIDUAL_DISEASE_SUMMARY = (
    "The bone marrow looks clear, but more sensitive tests still find a few leukemia cells."
)

NEW_MINIMAL_RESIDUAL_DISEASE_BODY = """\
## What this phase means

[Minimal residual disease (MRD)](/glossary/#mrd) means treatment has worked well, but not all of the leukemia is gone. Under a microscope, the [bone marrow](/glossary/#bone-marrow) looks like [remission](/glossary/#remission). But more sensitive tests still find a small number of leukemia cells.

MRD means there is a higher chance that the leukemia will come back. Knowing this early is useful. It gives your team a chance to change the plan in time.

MRD is one of the most important results in ALL, for children and for adults. It helps decide how much more treatment is needed.

## What the tests show

MRD tests are usually done on a sample from a [bone marrow test](/glossary/#bone-marrow-biopsy). Sometimes they are done on blood. The lab may use one or more of these tools:

- [Flow cytometry](/glossary/#flow-cytometry) checks the markers on the outside of each cell. It can find about 1 leukemia cell in 10,000 cells.
- PCR looks for gene changes found only in the leukemia cells. It can find about 1 leukemia cell in 100,000 cells.
- Next-generation sequencing (NGS) reads the genes of many cells at once. It can find about 1 leukemia cell in 1,000,000 cells.

The result is often given as a percent. This is the [MRD level](/glossary/#mrd-level). For example, 0.02% means 2 leukemia cells in every 10,000 cells. That is the same as 1 in 5,000. The lower the number, the fewer leukemia cells were found.

Some reports write the level in other ways, such as 10⁻⁴. That means 1 in 10,000. Ask your care team to explain the result.

If the test finds no leukemia cells, the result is called MRD-negative. That is good news. But it only means that this test found none. A more sensitive test might still find a few.

## What usually happens next

If MRD is found, your team may suggest more treatment, or a different kind of treatment. This may help clear the last leukemia cells. The best choice depends on the ALL subtype, the MRD level and the treatment so far.

For [B-cell ALL](/glossary/#b-cell-all), one option is a drug called blinatumomab. It helps the body's own immune cells find and attack the leukemia cells. It is used for children and adults. [T-cell ALL](/glossary/#t-cell-all) is treated differently. For some people, a [stem cell transplant](/glossary/#stem-cell-transplant) may be an option.

You or your child will likely have MRD tests again at set times. Seeing how the results change helps guide the plan."""

NEW_MINIMAL_RESIDUAL_DISEASE_QUESTIONS = """\
- Which MRD test was used, and what level did it find?
- Was the test done on bone marrow or on blood?
- What does this result mean for the treatment plan?
- Is this B-cell ALL or T-cell ALL, and which treatments fit it?
- Could more treatment, or a different treatment, help?
- When will the MRD test be done again?
- Is there a clinical trial that could be a good fit?"""

NEW_MINIMAL_RESIDUAL_DISEASE_REFERENCES = """\
- National Cancer Institute (NCI). Childhood Acute Lymphoblastic Leukemia Treatment (PDQ®) and Adult Acute Lymphoblastic Leukemia Treatment (PDQ®), patient and health professional versions.
- NCCN Guidelines for Patients: Acute Lymphoblastic Leukemia.
- NCCN Clinical Practice Guidelines in Oncology: Acute Lymphoblastic Leukemia, and Pediatric Acute Lymphoblastic Leukemia.
- Buchmann S, et al. Remission, treatment failure, and relapse in pediatric ALL: an international consensus of the Ponte-di-Legno Consortium. Blood. 2022.
- US Food and Drug Administration (FDA). Prescribing information for blinatumomab (BLINCYTO®).
- CDC / CMS: ICD-10-CM code set, C91.0 Acute lymphoblastic leukemia (C91.01: in remission)."""

NEW_REFRACTORY_SUMMARY = (
    "The first round of treatment did not bring remission, but there are other treatments to try."
)

NEW_REFRACTORY_BODY = """\
## What this phase means

[Refractory](/glossary/#refractory) means the leukemia did not go away with treatment. It did not respond, or it did not respond enough.

Doctors decide this at the end of the first round of treatment, called [induction](/glossary/#induction). They do not decide it during induction, because treatment takes time to work. Treatment plans for children and for adults may use their own words for this. Ask your care team what your plan calls it.

This is very hard news. It does not mean that care stops. There are other treatments to try, and some people still reach remission with them.

## What the tests show

The tests show that [remission](/glossary/#remission) has not been reached. A [bone marrow test](/glossary/#bone-marrow-biopsy) still finds too many [blasts](/glossary/#blasts). They may make up more than 5% of the cells in the marrow. Sometimes blasts are still found in the blood, or leukemia is found outside the marrow.

The [complete blood count (CBC)](/glossary/#cbc) may still be outside the typical range.

Your team may also run more tests on the leukemia cells. These can help them choose the next treatment.

## What usually happens next

Ask your care team about the other ways to treat the leukemia. Options may include:

- other chemotherapy drugs
- targeted drugs, which attack certain features of the leukemia cells, such as the [Philadelphia chromosome](/glossary/#philadelphia-chromosome)
- immunotherapy, which helps the immune system fight the leukemia
- a [stem cell transplant](/glossary/#stem-cell-transplant), often once the leukemia is in remission
- a [clinical trial](/glossary/#clinical-trial) of a new treatment

Some of these are only for [B-cell ALL](/glossary/#b-cell-all). They include the drugs blinatumomab and inotuzumab, and [CAR T-cell therapy](/glossary/#car-t-cell-therapy). [T-cell ALL](/glossary/#t-cell-all) is treated differently. For example, a chemotherapy drug called nelarabine may be used.

Which option fits best depends on many things. These include the ALL subtype, age, health and the treatment so far. No one can promise how a treatment will work. Ask your team what each option aims to do.

Take the time you need to ask questions. You can also ask for a second opinion."""

NEW_REFRACTORY_QUESTIONS = """\
- How did you decide that the leukemia is refractory?
- Is this B-cell ALL or T-cell ALL, and which treatments fit it?
- What treatment options are there now, and what is the goal of each one?
- Could a stem cell transplant be an option? Could CAR T-cell therapy be one?
- Is there a clinical trial that could be a good fit?
- How would the next treatment affect daily life?
- Can we get a second opinion?"""

NEW_REFRACTORY_REFERENCES = """\
- National Cancer Institute (NCI). Childhood Acute Lymphoblastic Leukemia Treatment (PDQ®) and Adult Acute Lymphoblastic Leukemia Treatment (PDQ®), patient and health professional versions.
- NCCN Guidelines for Patients: Acute Lymphoblastic Leukemia.
- NCCN Clinical Practice Guidelines in Oncology: Acute Lymphoblastic Leukemia, and Pediatric Acute Lymphoblastic Leukemia.
- Buchmann S, et al. Remission, treatment failure, and relapse in pediatric ALL: an international consensus of the Ponte-di-Legno Consortium. Blood. 2022.
- US Food and Drug Administration (FDA). Prescribing information for blinatumomab (BLINCYTO®), inotuzumab ozogamicin (BESPONSA®), tisagenlecleucel (KYMRIAH®), brexucabtagene autoleucel (TECARTUS®) and nelarabine (ARRANON®).
- CDC / CMS: ICD-10-CM code set, C91.0 Acute lymphoblastic leukemia (C91.00: not having achieved remission)."""

NEW_RELAPSED_BODY = """\
## What this phase means

Relapsed, or recurrent, means the leukemia has come back after a time in [remission](/glossary/#remission). News of a [relapse](/glossary/#relapse) can be very hard, after all the work it took to reach remission.

Most often, the leukemia comes back in the [bone marrow](/glossary/#bone-marrow). It can also come back outside the marrow. Examples are the brain and spinal fluid, or the testicles. It can come back in more than one place at once.

## What the tests show

Often the [complete blood count (CBC)](/glossary/#cbc) changes again, and [blasts](/glossary/#blasts) show up in the blood. But this does not always happen. Sometimes the counts look fine, and the relapse is found on a routine test.

A [bone marrow test](/glossary/#bone-marrow-biopsy) may show that blasts make up more than 5% of the cells. When blasts are between 5% and 25%, doctors usually confirm the relapse with a second test. This may be another lab test on the same sample, or another bone marrow test. Waiting for the result can be hard. Ask your team when to expect it.

A relapse outside the marrow is found in other ways. For example, a [lumbar puncture](/glossary/#lumbar-puncture) checks the spinal fluid for leukemia cells. A swollen testicle may be checked with an ultrasound or a small tissue sample.

## What usually happens next

There are treatment options for ALL that has come back. Ask your care team to go through them with you. They may include:

- other chemotherapy drugs
- targeted drugs, which attack certain features of the leukemia cells
- immunotherapy, which helps the immune system fight the leukemia
- radiation, for some relapses outside the marrow
- a [stem cell transplant](/glossary/#stem-cell-transplant)
- a [clinical trial](/glossary/#clinical-trial) of a new treatment

Some of these are only for [B-cell ALL](/glossary/#b-cell-all). They include the drugs blinatumomab and inotuzumab, and [CAR T-cell therapy](/glossary/#car-t-cell-therapy). Some of them are approved only for certain ages. [T-cell ALL](/glossary/#t-cell-all) is treated differently. For example, a chemotherapy drug called nelarabine may be used.

The plan depends on where the leukemia came back and how long the remission lasted. The ALL subtype and the treatment so far matter too. Ask as many questions as you need."""

NEW_RELAPSED_QUESTIONS = """\
- Where has the leukemia come back?
- Do any tests need to be repeated to be sure?
- Is this B-cell ALL or T-cell ALL, and which treatments fit it?
- What treatment options are there now, and what is the goal of each one?
- Could a stem cell transplant be an option? Could CAR T-cell therapy be one?
- Is there a clinical trial that could be a good fit?
- What support is there for our family right now?"""

NEW_RELAPSED_REFERENCES = """\
- National Cancer Institute (NCI). Childhood Acute Lymphoblastic Leukemia Treatment (PDQ®) and Adult Acute Lymphoblastic Leukemia Treatment (PDQ®), patient and health professional versions.
- NCCN Guidelines for Patients: Acute Lymphoblastic Leukemia.
- NCCN Clinical Practice Guidelines in Oncology: Acute Lymphoblastic Leukemia, and Pediatric Acute Lymphoblastic Leukemia.
- Buchmann S, et al. Remission, treatment failure, and relapse in pediatric ALL: an international consensus of the Ponte-di-Legno Consortium. Blood. 2022.
- US Food and Drug Administration (FDA). Prescribing information for blinatumomab (BLINCYTO®), inotuzumab ozogamicin (BESPONSA®), tisagenlecleucel (KYMRIAH®), brexucabtagene autoleucel (TECARTUS®) and nelarabine (ARRANON®).
- CDC / CMS: ICD-10-CM code set, C91.0 Acute lymphoblastic leukemia (C91.02: in relapse)."""

# slug: {field: (as 0002 seeded it, now)}. References were empty until now.
PHASES = {
    "untreated": {
        "body": (OLD_UNTREATED_BODY, NEW_UNTREATED_BODY),
        "questions": (OLD_UNTREATED_QUESTIONS, NEW_UNTREATED_QUESTIONS),
        "references": ("", NEW_UNTREATED_REFERENCES),
    },
    "remission": {
        "summary": (OLD_REMISSION_SUMMARY, NEW_REMISSION_SUMMARY),
        "body": (OLD_REMISSION_BODY, NEW_REMISSION_BODY),
        "questions": (OLD_REMISSION_QUESTIONS, NEW_REMISSION_QUESTIONS),
        "references": ("", NEW_REMISSION_REFERENCES),
    },
    "minimal-residual-disease": {
        "summary": (OLD_MINIMAL_RESIDUAL_DISEASE_SUMMARY, NEW_MINIMAL_RESIDUAL_DISEASE_SUMMARY),
        "body": (OLD_MINIMAL_RESIDUAL_DISEASE_BODY, NEW_MINIMAL_RESIDUAL_DISEASE_BODY),
        "questions": (
            OLD_MINIMAL_RESIDUAL_DISEASE_QUESTIONS,
            NEW_MINIMAL_RESIDUAL_DISEASE_QUESTIONS,
        ),
        "references": ("", NEW_MINIMAL_RESIDUAL_DISEASE_REFERENCES),
    },
    "refractory": {
        "summary": (OLD_REFRACTORY_SUMMARY, NEW_REFRACTORY_SUMMARY),
        "body": (OLD_REFRACTORY_BODY, NEW_REFRACTORY_BODY),
        "questions": (OLD_REFRACTORY_QUESTIONS, NEW_REFRACTORY_QUESTIONS),
        "references": ("", NEW_REFRACTORY_REFERENCES),
    },
    "relapsed": {
        "body": (OLD_RELAPSED_BODY, NEW_RELAPSED_BODY),
        "questions": (OLD_RELAPSED_QUESTIONS, NEW_RELAPSED_QUESTIONS),
        "references": ("", NEW_RELAPSED_REFERENCES),
    },
}

# ---------------------------------------------------------------------------------------------
# Glossary
# ---------------------------------------------------------------------------------------------

# Terms 0002 seeded, slug: (definition as 0002 seeded it, definition now).
GLOSSARY_CHANGED = {
    "anc": (
        "The number of neutrophils in the blood. Neutrophils are white blood cells that fight germs. A low ANC means a higher chance of infection.",
        "The number of neutrophils in the blood. Neutrophils are white blood cells that fight germs, so a low ANC means a higher chance of infection. An ANC of 1.0 ×10⁹/L is the same as 1,000 per µL.",
    ),
    "induction": (
        "The first part of treatment for ALL. Its goal is to kill as many leukemia cells as it can and bring about remission.",
        "The first part of treatment for ALL. It often lasts about a month. Its goal is to kill as many leukemia cells as it can and bring about remission.",
    ),
    "consolidation": (
        "Treatment given after remission is reached. It aims to kill leukemia cells that may still be hiding in the body.",
        "The part of treatment that comes after induction. It aims to kill leukemia cells that may still be hiding in the body.",
    ),
    "maintenance": (
        "The last and longest part of ALL treatment. It uses milder treatment over a long time to help keep the leukemia from coming back.",
        "The last and longest part of ALL treatment, often about two years. It uses milder treatment to help keep the leukemia from coming back. It keeps blood counts a little low on purpose.",
    ),
    "remission": (
        "A time when the usual tests find no signs of leukemia and blood counts are back to normal. Remission is not the same as cure, so treatment most often goes on.",
        "A time when the usual tests no longer find signs of leukemia. Fewer than 5% of the marrow cells are blasts, and there is no leukemia in the blood or elsewhere. Remission is not the same as cure, so treatment most often goes on.",
    ),
    "mrd": (
        "A small number of leukemia cells left in the body after treatment. They are too few to see under a microscope, but special tests can find them.",
        "A small number of leukemia cells left in the body after treatment. They are too few to see under a microscope, but special tests can find them. It is also called measurable residual disease.",
    ),
    "relapse": (
        "When leukemia comes back after a time in remission. It is also called recurrence.",
        "When leukemia comes back after a time in remission. It can come back in the bone marrow, or outside it, such as in the spinal fluid or the testicles. It is also called recurrence.",
    ),
    "refractory": (
        "Leukemia that does not go away with treatment. It may not respond at all, or it may not respond well enough.",
        "Leukemia that is not in remission at the end of the first round of treatment (induction). It may not respond at all, or not well enough. Other treatments can still be tried.",
    ),
    "car-t-cell-therapy": (
        "A kind of immunotherapy. Some of your own T cells, a type of white blood cell, are changed in a lab so they can find and attack leukemia cells. Then they are put back into your blood.",
        "A kind of immunotherapy used for B-cell ALL. Some of a person's own T cells are changed in a lab to find and attack leukemia cells. Then they are put back into the blood.",
    ),
}

# New terms.
GLOSSARY_NEW = [
    {
        "term": "Lumbar puncture (spinal tap)",
        "slug": "lumbar-puncture",
        "definition": "A test that uses a thin needle in the lower back to take a little spinal fluid. The fluid is checked for leukemia cells. Chemotherapy can also be given into the spinal fluid this way.",
    },
    {
        "term": "Philadelphia chromosome",
        "slug": "philadelphia-chromosome",
        "definition": "A change in which two chromosomes, 9 and 22, swap pieces. It makes a gene that drives leukemia cells to grow. It is more common in adults than in children, and targeted drugs can attack it.",
    },
    {
        "term": "B-cell ALL",
        "slug": "b-cell-all",
        "definition": "The most common type of ALL, in children and in adults. It starts in young B cells, a kind of white blood cell. Some treatments, such as CAR T-cell therapy, blinatumomab and inotuzumab, are only for B-cell ALL.",
    },
    {
        "term": "T-cell ALL",
        "slug": "t-cell-all",
        "definition": "ALL that starts in young T cells, a kind of white blood cell. It is less common than B-cell ALL. It is treated in a different way.",
    },
    {
        "term": "Remission with incomplete count recovery (CRi)",
        "slug": "cri",
        "definition": "A remission in which the usual tests no longer find leukemia, but blood counts have not recovered enough yet. Doctors use this term for adults. Children's remission rules set no count limits.",
    },
    {
        "term": "MRD level",
        "slug": "mrd-level",
        "definition": "How many leukemia cells an MRD test finds. It is often written as a percent. For example, 0.01% means 1 leukemia cell in every 10,000 cells.",
    },
    {
        "term": "×10⁹/L (billions per liter)",
        "slug": "per-litre-units",
        "definition": "A way labs write blood counts: billions of cells in each liter of blood. Some labs write counts per µL (microliter) instead. For example, 1.0 ×10⁹/L is 1,000 per µL, and 100 ×10⁹/L is 100,000 per µL.",
    },
]

# ---------------------------------------------------------------------------------------------
# The sections shown on every phase page
# ---------------------------------------------------------------------------------------------

SECTIONS = [
    {
        "key": "urgent-help",
        "title": "When to get help right away",
        "text": """\
If you or your child has any of these signs, get help right away. Call your care team's 24-hour number, or emergency services (911 in the US).

- A temperature of 38.0 °C (100.4 °F) or higher. This counts for a child too. Do not give fever medicine before you call, unless your team told you to.
- Chills or shaking.
- Bleeding that will not stop.
- Trouble breathing.
- A very bad headache, confusion, or being very sleepy or hard to wake.
- Redness, swelling, pain or pus where a line or port goes into the skin.
- Throwing up so much that you cannot keep down fluids or medicine.

For trouble breathing, or if someone is very hard to wake, call 911 or your local emergency number first. Do not wait for the next visit.""",
    },
    {
        "key": "support",
        "title": "Where to get support",
        "text": """\
You do not have to face this alone. Ask your hospital team to put you in touch with these people:

- A social worker can help with money, travel, work, school and other worries.
- A child life specialist helps children cope with tests and treatment.
- A psychologist or counselor can talk with you, your child or anyone in your family.

These groups give trusted facts and support for free:

- [Leukemia & Lymphoma Society](https://www.lls.org): help for people with blood cancer and their families.
- [American Cancer Society](https://www.cancer.org): facts about cancer. You can call its helpline day or night.
- [National Cancer Institute](https://www.cancer.gov): its Cancer Information Service answers your questions about cancer.
- For children: [Children's Oncology Group](https://childrensoncologygroup.org): a handbook for families of a child with cancer.
- For children: [CureSearch](https://curesearch.org): guides and support for families.

If you live outside the US, ask your care team about groups near you.""",
    },
]


def forwards(apps, schema_editor):
    Phase = apps.get_model("phases", "Phase")
    GlossaryTerm = apps.get_model("phases", "GlossaryTerm")
    SharedSection = apps.get_model("phases", "SharedSection")

    changed = []
    for phase in Phase.objects.all():
        edited = _replace(phase, PHASES.get(phase.slug, {}), before=0, after=1)
        if phase.reviewer == SEEDED_REVIEW["reviewer"]:
            _set(phase, NOT_REVIEWED)
            edited = True
        if edited:
            phase.version += 1
            phase.save()
            changed.append(phase)
    _record(apps, "Phase", changed, "~")

    changed = []
    for term in GlossaryTerm.objects.filter(slug__in=GLOSSARY_CHANGED):
        if term.definition == GLOSSARY_CHANGED[term.slug][0]:
            term.definition = GLOSSARY_CHANGED[term.slug][1]
            term.version += 1
            term.save()
            changed.append(term)
    _record(apps, "GlossaryTerm", changed, "~")

    created = []
    for entry in GLOSSARY_NEW:
        taken = GlossaryTerm.objects.filter(slug=entry["slug"]).exists() or (
            GlossaryTerm.objects.filter(term__iexact=entry["term"]).exists()
        )
        if not taken:
            created.append(GlossaryTerm.objects.create(**entry, is_published=True, version=1))
    _record(apps, "GlossaryTerm", created, "+")

    created = [
        SharedSection.objects.create(**section, draft=None, version=1)
        for section in SECTIONS
        if not SharedSection.objects.filter(key=section["key"]).exists()
    ]
    _record(apps, "SharedSection", created, "+")


def backwards(apps, schema_editor):
    Phase = apps.get_model("phases", "Phase")
    GlossaryTerm = apps.get_model("phases", "GlossaryTerm")
    SharedSection = apps.get_model("phases", "SharedSection")

    for phase in Phase.objects.all():
        edited = _replace(phase, PHASES.get(phase.slug, {}), before=1, after=0)
        if phase.slug in PHASES and all(
            getattr(phase, field) == value for field, value in NOT_REVIEWED.items()
        ):
            _set(phase, SEEDED_REVIEW)
            edited = True
        if edited:
            phase.version = max(1, phase.version - 1)
            phase.save()

    for term in GlossaryTerm.objects.filter(slug__in=GLOSSARY_CHANGED):
        if term.definition == GLOSSARY_CHANGED[term.slug][1]:
            term.definition = GLOSSARY_CHANGED[term.slug][0]
            term.version = max(1, term.version - 1)
            term.save()

    # Only the rows this migration created: their history says so.
    for model in (GlossaryTerm, SharedSection):
        model.objects.filter(pk__in=_created_here(apps, model.__name__)).delete()

    for name in ("Phase", "GlossaryTerm", "SharedSection"):
        apps.get_model("phases", f"Historical{name}").objects.filter(
            history_change_reason=REASON
        ).delete()


def _replace(row, texts, *, before, after):
    """Put in the `after` text of each field that still reads exactly as its `before` text."""
    edited = False
    for field, pair in texts.items():
        if getattr(row, field) == pair[before]:
            setattr(row, field, pair[after])
            edited = True
    return edited


def _set(row, values):
    for field, value in values.items():
        setattr(row, field, value)


def _created_here(apps, name):
    return (
        apps.get_model("phases", f"Historical{name}")
        .objects.filter(history_change_reason=REASON, history_type="+")
        .values_list("id", flat=True)
    )


def _record(apps, name, rows, history_type):
    """History shows these rows as changed (or created) by this update, so an editor can see
    what changed and go back."""
    historical = apps.get_model("phases", f"Historical{name}")
    fields = apps.get_model("phases", name)._meta.fields
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
    dependencies = [("phases", "0012_checker_wording_v2")]

    operations = [migrations.RunPython(forwards, backwards)]
