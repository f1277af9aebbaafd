"""The codes the Infobutton (/api/v1/connect, phases.api.infobutton) answers: one table, each
code with the pages it leads to and where its meaning was taken from. Pure data; no Django.

- ICD-10-CM diagnosis codes lead to the phase pages coded with them (Phase.icd10_code, which
  staff keep; the table names the codes and their source).
- SNOMED CT disorders lead to phase pages: acute lymphoid leukemia to all five, "in remission"
  to the remission and MRD pages. No SNOMED CT concept for ALL *in relapse* could be cited from
  a published value set, so none is answered (C91.02 is).
- LOINC lab tests the checker reads lead to the glossary entry that explains the value and to
  the checker, which reads it (classifier inputs in brackets).
"""

from dataclasses import dataclass

ICD10CM = "2.16.840.1.113883.6.90"
SNOMED_CT = "2.16.840.1.113883.6.96"
LOINC = "2.16.840.1.113883.6.1"
SYSTEM_NAMES = {ICD10CM: "ICD-10-CM", SNOMED_CT: "SNOMED CT", LOINC: "LOINC"}

ICD10CM_SOURCE = (
    "ICD-10-CM Tabular List of Diseases and Injuries (CDC NCHS / CMS), category C91.0 "
    "Acute lymphoblastic leukemia [ALL]"
)
SNOMED_SOURCE = (
    "HL7 mCODE STU 2 value set PrimaryCancerDisorderVS, "
    "http://hl7.org/fhir/us/mcode/ValueSet/mcode-primary-cancer-disorder-vs "
    "(expanded from SNOMED CT US Edition 2021-09-01)"
)
ALL_PHASES = ("untreated", "remission", "minimal-residual-disease", "refractory", "relapsed")


def loinc_page(code: str) -> str:
    return f"LOINC, https://loinc.org/{code}/"


@dataclass(frozen=True)
class Code:
    system: str  # the code system's HL7 OID
    code: str  # as the code system writes it
    meaning: str  # the code's name in its code system
    source: str  # where the code and its meaning were taken from
    phases: tuple[str, ...] = ()  # phase pages, by slug (ICD-10-CM: by Phase.icd10_code)
    glossary: str = ""  # a glossary entry, by anchor
    checker: bool = False  # the lab-values checker, which reads this value


def _lab(code, meaning, anchor):
    return Code(LOINC, code, meaning, loinc_page(code), glossary=anchor, checker=True)


CODES = (
    Code(ICD10CM, "C91.00", "Acute lymphoblastic leukemia not having achieved remission",
         ICD10CM_SOURCE),
    Code(ICD10CM, "C91.01", "Acute lymphoblastic leukemia, in remission", ICD10CM_SOURCE),
    Code(ICD10CM, "C91.02", "Acute lymphoblastic leukemia, in relapse", ICD10CM_SOURCE),
    Code(SNOMED_CT, "91857003", "Acute lymphoid leukemia (disorder)", SNOMED_SOURCE,
         phases=ALL_PHASES),
    Code(SNOMED_CT, "91856007", "Acute lymphoid leukemia in remission (disorder)", SNOMED_SOURCE,
         phases=("remission", "minimal-residual-disease")),
    # [marrow_blasts_percent]
    _lab("11150-0", "Blasts/100 cells in Bone marrow", "blasts"),
    # [anc]
    _lab("751-8", "Neutrophils [#/volume] in Blood by Automated count", "anc"),
    _lab("753-4", "Neutrophils [#/volume] in Blood by Manual count", "anc"),
    _lab("26499-4", "Neutrophils [#/volume] in Blood", "anc"),
    # [platelets]
    _lab("777-3", "Platelets [#/volume] in Blood by Automated count", "platelets"),
    _lab("778-1", "Platelets [#/volume] in Blood by Manual count", "platelets"),
    _lab("26515-7", "Platelets [#/volume] in Blood", "platelets"),
    # [blood_blasts]
    _lab("26446-5", "Blasts/100 leukocytes in Blood", "blasts"),
    _lab("709-6", "Blasts/100 leukocytes in Blood by Manual count", "blasts"),
    # [wbc]
    _lab("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "white-blood-cells"),
    _lab("804-5", "Leukocytes [#/volume] in Blood by Manual count", "white-blood-cells"),
    _lab("26464-8", "Leukocytes [#/volume] in Blood", "white-blood-cells"),
    # [hemoglobin]
    _lab("718-7", "Hemoglobin [Mass/volume] in Blood", "hemoglobin"),
    # [cbc]
    _lab("58410-2", "CBC panel - Blood by Automated count", "cbc"),
)  # fmt: skip


def normalised(system: str, code: str) -> str:
    """A code as the table keys it: ICD-10-CM without its dot and in capitals (EHRs store
    C91.02, c9102...), the others without spaces around and in capitals."""
    code = code.strip().upper()
    return code.replace(".", "") if system == ICD10CM else code


_BY_CODE = {(entry.system, normalised(entry.system, entry.code)): entry for entry in CODES}


def lookup(system: str, code: str) -> Code | None:
    """The table's entry for `code` in `system`, or None: an unknown code is no error."""
    return _BY_CODE.get((system, normalised(system, code)))
