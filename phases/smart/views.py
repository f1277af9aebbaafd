"""SMART App Launch: /smart/launch/ (from the EHR or the patient portal), /smart/callback/ (the
EHR's answer, which ends on the checker filled in), and the registration kit for hospital IT.

Every page here says no-store. The values read from the chart exist only while the callback's
response is made: never in the session, a cache, a log or an address.
"""

import datetime
import json
import logging

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_variables
from django.views.decorators.http import require_safe

from phases.content.languages import DEFAULT
from phases.smart import client, launches
from phases.smart.checker_form import filled_checker_context

logger = logging.getLogger(__name__)

# The longest `launch` an EHR sends that we pass on (Epic's are a few hundred characters).
MOST_LAUNCH_LENGTH = 4096

NOT_SET_UP = _("This site is not set up to open hospital records.")
NOT_ALLOWED = _(
    "This site does not know the hospital system that sent you here, so it did not contact it."
)
EHR_FAILED = _("We could not read your results from your hospital record.")
NO_PATIENT = _("Your hospital record did not say whose results to read.")
DECLINED = _("Your hospital record did not share your results.")
EXPIRED = _("This link has run out or was already used.")


def smart_page(view):
    return require_safe(never_cache(view))


def problem(request, message, *, status):
    """A clear page instead of the checker. It says so in each of the portal's languages, the
    site's own first: the patient's is known only once their record is read."""
    languages = sorted(settings.LANGUAGES, key=lambda language: language[0] != DEFAULT)
    context = {"message": message, "languages": languages}
    return render(request, "smart/problem.html", context, status=status)


def callback_url(request) -> str:
    return request.build_absolute_uri(reverse("smart:callback"))


def launch_url(request) -> str:
    return request.build_absolute_uri(reverse("smart:launch"))


@smart_page
def launch(request):
    """EHR launch (`iss` and `launch`) or standalone launch (`iss` alone)."""
    if not settings.SMART_ALLOWED_ISSUERS:
        return problem(request, NOT_SET_UP, status=404)
    iss = client.allowed_issuer(request.GET.get("iss", ""))
    launch_id = request.GET.get("launch", "")
    if iss is None or len(launch_id) > MOST_LAUNCH_LENGTH:
        return problem(request, NOT_ALLOWED, status=400)
    try:
        endpoints = client.discover(iss)
    except client.EhrProblem as failure:
        logger.warning("SMART launch from %s: %s", iss, failure)
        return problem(request, EHR_FAILED, status=502)
    authorization = client.authorization(
        iss, endpoints, redirect_uri=callback_url(request), launch=launch_id or None
    )
    launches.remember(
        request.session,
        state=authorization.state,
        iss=iss,
        token_endpoint=endpoints.token,
        code_verifier=authorization.code_verifier,
    )
    return redirect(authorization.url)


@smart_page
@sensitive_variables()
def callback(request):
    """The EHR's answer: the state is checked first, then the chart is read and the checker
    shown filled in, in the patient's language, as this response and nowhere else."""
    started = launches.take(request.session, request.GET.get("state", ""))
    if started is None:
        return problem(request, EXPIRED, status=400)
    if "error" in request.GET or not request.GET.get("code"):
        return problem(request, DECLINED, status=400)
    try:
        reading = client.read_chart_with_code(
            started["iss"],
            started["token_endpoint"],
            code=request.GET["code"],
            code_verifier=started["verifier"],
            redirect_uri=callback_url(request),
        )
    except client.NoPatient:
        logger.warning("SMART callback from %s: the token had no patient", started["iss"])
        return problem(request, NO_PATIENT, status=502)
    except client.EhrProblem as failure:
        logger.warning("SMART callback from %s: %s", started["iss"], failure)
        return problem(request, EHR_FAILED, status=502)
    language = reading.language if reading.language in dict(settings.LANGUAGES) else None
    with translation.override(language or settings.LANGUAGE_CODE):
        context = filled_checker_context(request, reading, today=datetime.date.today())
        return render(request, "smart/check_from_chart.html", context)


def app_configuration(request) -> dict:
    """What SMART's app registration asks for, as OAuth 2 client metadata (RFC 7591)."""
    return {
        "client_name": "ALL Phase Portal",
        "client_id": settings.SMART_CLIENT_ID or None,
        "application_type": "web",
        "launch_uri": launch_url(request),
        "redirect_uris": [callback_url(request)],
        "grant_types": ["authorization_code"],
        "response_types": ["code"],
        "token_endpoint_auth_method": (
            "client_secret_basic" if settings.SMART_CLIENT_SECRET else "none"
        ),
        "code_challenge_method": "S256",
        "scope": " ".join(
            dict.fromkeys(
                f"{client.scopes(standalone=False)} {client.scopes(standalone=True)}".split()
            )
        ),
        "fhir_versions": ["4.0.1"],
    }


@smart_page
def registration(request):
    """The registration kit for hospital IT (English: it is their page, not a patient's)."""
    configuration = app_configuration(request)
    return render(
        request,
        "smart/registration.html",
        {
            "configuration": configuration,
            "configuration_json": json.dumps(configuration, indent=2),
            "ehr_scopes": client.scopes(standalone=False),
            "standalone_scopes": client.scopes(standalone=True),
            "issuers": settings.SMART_ALLOWED_ISSUERS,
        },
    )


@smart_page
def app_json(request):
    return JsonResponse(app_configuration(request), json_dumps_params={"indent": 2})
