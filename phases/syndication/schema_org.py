"""schema.org JSON-LD for the home, phase and glossary pages: a plain dict per page, which the
`{% json_ld %}` tag (phases.templatetags.structured_data) writes into the page's head.

A page is a MedicalWebPage for patients about acute lymphoblastic leukemia, coded in ICD-10-CM
(the phase's own code on a phase page; the category C91.0 elsewhere) and SNOMED CT. It says
`lastReviewed` and `reviewedBy` only when the model says a clinician's review covers the words
shown (Phase.is_reviewed), and `dateModified` from the last change of what it shows.
"""

import datetime

from django.conf import settings
from django.utils.translation import get_language, gettext

from phases.content.codes import SNOMED_CT, SYSTEM_NAMES

ALL_ICD10CM_CATEGORY = "C91.0"  # Acute lymphoblastic leukemia [ALL], whatever its phase
ALL_SNOMED_CT = "91857003"  # Acute lymphoid leukemia (disorder)


def _code(code: str, system: str) -> dict:
    return {"@type": "MedicalCode", "codeValue": code, "codingSystem": system}


def medical_web_page(
    request, *, name: str, modified: datetime.datetime, phase=None, language: str | None = None
) -> dict:
    """The page's JSON-LD: `phase` on a phase page (its code and review), else None."""
    icd10 = phase.icd10_code if phase is not None else ALL_ICD10CM_CATEGORY
    publisher = settings.PUBLISHER
    page = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": name,
        "url": request.build_absolute_uri(request.path),
        "inLanguage": language or get_language(),
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "about": {
            "@type": "MedicalCondition",
            "name": gettext("Acute lymphoblastic leukemia (ALL)"),
            "code": [_code(icd10, "ICD-10-CM"), _code(ALL_SNOMED_CT, SYSTEM_NAMES[SNOMED_CT])],
        },
        "dateModified": modified.isoformat(),
        "publisher": {
            "@type": "Organization",
            "name": publisher["name"],
            "url": publisher["url"] or request.build_absolute_uri("/"),
        },
    }
    if phase is not None and phase.is_reviewed:  # a review that covers the words shown
        page["lastReviewed"] = phase.last_reviewed.isoformat()
        reviewer, _, role = (part.strip() for part in phase.reviewer.partition(","))
        page["reviewedBy"] = {"@type": "Person", "name": reviewer} | (
            {"jobTitle": role} if role else {}
        )
    return page
