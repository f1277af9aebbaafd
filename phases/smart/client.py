"""The SMART App Launch 2.x client: discovery, the authorization code request with PKCE (S256),
the token exchange, and the FHIR R4 reads, with Authlib's OAuth 2 client (requests underneath).

Every request goes to an issuer in SMART_ALLOWED_ISSUERS, or to the authorization and token
endpoints that issuer's own discovery document names; none follows a redirect, and each waits
SMART_TIMEOUT_SECONDS at most. The access token lives in one OAuth2Session inside `read_chart`
and is gone when it returns: it is never stored or sent to the browser.
"""

import datetime
import re
import secrets
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.requests_client import OAuth2Session
from django.conf import settings

from phases.smart.chart import ChartReading, read_chart
from phases.smart.codes import CHART_CODES, LOINC_SYSTEM

# Standalone launch (from the patient portal) asks the EHR to choose the patient; an EHR
# launch brings its patient with the `launch` parameter.
EHR_LAUNCH_SCOPE = "launch"
STANDALONE_LAUNCH_SCOPE = "launch/patient"
READ_SCOPES = "openid fhirUser patient/Patient.rs patient/Observation.rs"
FHIR_JSON = "application/fhir+json"
# A chart holds few results of these codes; a bounded number of pages is read all the same.
PAGE_SIZE = 100
# FHIR's id: https://hl7.org/fhir/R4/datatypes.html#id
FHIR_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
MOST_PAGES = 5


class EhrProblem(Exception):
    """The EHR answered badly, slowly or not at all: the patient types their values in."""


class NoPatient(EhrProblem):
    """The token came without a patient: there is no chart to read."""


# What an EHR that answers badly makes the libraries, or reading its JSON, raise on the way.
ANSWER_ERRORS = (
    requests.RequestException,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    AuthlibBaseError,
)


def scopes(*, standalone: bool) -> str:
    return f"{STANDALONE_LAUNCH_SCOPE if standalone else EHR_LAUNCH_SCOPE} {READ_SCOPES}"


def allowed_issuer(iss: str) -> str | None:
    """The configured issuer `iss` names (a trailing slash aside), or None: nothing is ever
    asked of any other address."""
    wanted = (iss or "").strip().rstrip("/")
    return next((known for known in settings.SMART_ALLOWED_ISSUERS if known == wanted), None)


@dataclass(frozen=True)
class Endpoints:
    authorize: str
    token: str


def discover(iss: str) -> Endpoints:
    """The issuer's `.well-known/smart-configuration`. Its endpoints must use the issuer's own
    scheme (HTTPS for every real EHR)."""
    try:
        response = requests.get(
            f"{iss}/.well-known/smart-configuration",
            headers={"Accept": "application/json"},
            timeout=settings.SMART_TIMEOUT_SECONDS,
            allow_redirects=False,
        )
        response.raise_for_status()
        document = response.json()
        endpoints = Endpoints(document["authorization_endpoint"], document["token_endpoint"])
    except ANSWER_ERRORS as problem:
        raise EhrProblem(f"discovery failed: {type(problem).__name__}") from None
    scheme = urlsplit(iss).scheme
    for url in (endpoints.authorize, endpoints.token):
        if not isinstance(url, str) or urlsplit(url).scheme != scheme:
            raise EhrProblem("discovery named no endpoint, or one on another scheme")
    return endpoints


def oauth_session(redirect_uri: str, **kwargs) -> OAuth2Session:
    """Public client (PKCE only) by default; confidential with HTTP Basic when the hospital
    registered a secret."""
    secret = settings.SMART_CLIENT_SECRET
    return OAuth2Session(
        client_id=settings.SMART_CLIENT_ID,
        client_secret=secret or None,
        token_endpoint_auth_method="client_secret_basic" if secret else "none",
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
        default_timeout=settings.SMART_TIMEOUT_SECONDS,
        **kwargs,
    )


@dataclass(frozen=True)
class Authorization:
    url: str
    state: str
    code_verifier: str


def authorization(
    iss: str, endpoints: Endpoints, *, redirect_uri: str, launch: str | None
) -> Authorization:
    """Where to send the browser: the EHR's authorize endpoint with a fresh state and PKCE
    challenge, `aud` the issuer, and `launch` for an EHR launch."""
    code_verifier = secrets.token_urlsafe(64)
    extra = {"aud": iss, "launch": launch} if launch else {"aud": iss}
    with oauth_session(redirect_uri, scope=scopes(standalone=not launch)) as session:
        url, state = session.create_authorization_url(
            endpoints.authorize, code_verifier=code_verifier, **extra
        )
    return Authorization(url, state, code_verifier)


def read_chart_with_code(
    iss: str, token_endpoint: str, *, code: str, code_verifier: str, redirect_uri: str
) -> ChartReading:
    """Exchange the code (with the PKCE verifier) for a token, read the patient and their
    results with it, and let it go."""
    with oauth_session(redirect_uri) as session:
        try:
            token = session.fetch_token(
                token_endpoint,
                grant_type="authorization_code",
                code=code,
                code_verifier=code_verifier,
            )
        except ANSWER_ERRORS as problem:
            raise EhrProblem(f"token exchange failed: {type(problem).__name__}") from None
        patient_id = token.get("patient")
        if not isinstance(patient_id, str) or not FHIR_ID.fullmatch(patient_id):
            raise NoPatient("the token came without a patient")
        try:
            patient = _read(session, iss, f"Patient/{patient_id}")
            observations = list(_observations(session, iss, patient_id))
        except ANSWER_ERRORS as problem:
            raise EhrProblem(f"reading the chart failed: {type(problem).__name__}") from None
    # Leaving `with` closed the session that held the token; nothing else refers to it.
    if patient.get("resourceType") != "Patient":
        raise EhrProblem("the patient read was not a Patient")
    try:
        return read_chart(patient, observations, today=datetime.date.today())
    except ANSWER_ERRORS as problem:  # resources not shaped as FHIR says
        raise EhrProblem(f"the chart made no sense: {type(problem).__name__}") from None


def _read(session: OAuth2Session, iss: str, path: str, params=None) -> dict:
    url = urljoin(f"{iss}/", path)
    if not url.startswith(f"{iss}/"):  # a next link pointing elsewhere is never followed
        raise ValueError("a link outside the issuer")
    response = session.get(url, params=params, headers={"Accept": FHIR_JSON}, allow_redirects=False)
    response.raise_for_status()
    document = response.json()
    if not isinstance(document, dict):
        raise ValueError("not a FHIR resource")
    return document


def _observations(session: OAuth2Session, iss: str, patient_id: str):
    """The patient's results of the checker's codes: searched by `code`, and by
    `component-code` for results given inside a panel (a server that does not know that
    search answers 400, which leaves the first)."""
    codes = ",".join(f"{LOINC_SYSTEM}|{chart_code.code}" for chart_code in CHART_CODES)
    for search in ("code", "component-code"):
        params = {"patient": patient_id, search: codes, "_count": PAGE_SIZE}
        try:
            yield from _search(session, iss, "Observation", params)
        except requests.HTTPError as problem:
            refused = problem.response is not None and problem.response.status_code == 400
            if search == "code" or not refused:
                raise


def _search(session, iss, path, params):
    bundle = _read(session, iss, path, params)
    for _page in range(MOST_PAGES):
        for entry in bundle.get("entry") or []:
            resource = entry.get("resource") if isinstance(entry, dict) else None
            if isinstance(resource, dict):
                yield resource
        links = {link.get("relation"): link.get("url") for link in bundle.get("link") or []}
        if not links.get("next"):
            return
        bundle = _read(session, iss, links["next"])
