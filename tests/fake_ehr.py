"""A fake SMART on FHIR EHR on 127.0.0.1 for the SMART tests (tests/smart/, and the browser's
tests/browser/test_smart_launch.py): discovery, an authorize endpoint that checks what a real
one checks (PKCE S256, `aud`, `state`, scopes, the launch) and approves at once, a token
endpoint that gives the patient's context, and FHIR R4 `Patient` read and `Observation` search
that want the Bearer token. Every resource it serves is validated with fhir.resources (R4B,
whose Patient, Observation and Bundle are R4's).

A small Werkzeug WSGI app in a thread, as tests/identity_provider.py runs its provider.
"""

import base64
import contextlib
import datetime
import hashlib
import json
import secrets
import threading
from urllib.parse import urlencode

import werkzeug.serving
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from werkzeug.wrappers import Request, Response

CLIENT_ID = "all-phase-portal-tests"
READ_SCOPES = {"openid", "fhirUser", "patient/Patient.rs", "patient/Observation.rs"}
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
# How long a "slow" EHR keeps a request waiting unless the test ends first.
SLOW_SECONDS = 10


def days_ago(days: int) -> str:
    return (datetime.date.today() - datetime.timedelta(days=days)).isoformat()


def patient(patient_id, *, born, language=None):
    resource = {"resourceType": "Patient", "id": patient_id, "birthDate": born}
    if language:
        resource["communication"] = [
            {
                "language": {"coding": [{"system": "urn:ietf:bcp:47", "code": language}]},
                "preferred": True,
            }
        ]
    return Patient.model_validate(resource).model_dump(mode="json", exclude_none=True)


def quantity(value, unit, *, comparator=None):
    said = {"value": value, "unit": unit, "system": UCUM, "code": unit}
    return said | ({"comparator": comparator} if comparator else {})


def observation(patient_id, code, value, unit, *, day, status="final", comparator=None):
    """A lab result of LOINC `code`, `value` in UCUM `unit`, taken on `day` (an ISO date)."""
    resource = {
        "resourceType": "Observation",
        "id": f"obs-{secrets.token_hex(4)}",
        "status": status,
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "laboratory",
                    }
                ]
            }
        ],
        "code": {"coding": [{"system": LOINC, "code": code}]},
        "subject": {"reference": f"Patient/{patient_id}"},
        "effectiveDateTime": day,
        "valueQuantity": quantity(value, unit, comparator=comparator),
    }
    return Observation.model_validate(resource).model_dump(mode="json", exclude_none=True)


def panel(patient_id, code, members, *, day):
    """A panel (a CBC, LOINC 58410-2) whose results are its components: (code, value, unit)."""
    resource = {
        "resourceType": "Observation",
        "id": f"panel-{secrets.token_hex(4)}",
        "status": "final",
        "code": {"coding": [{"system": LOINC, "code": code}]},
        "subject": {"reference": f"Patient/{patient_id}"},
        "effectiveDateTime": day,
        "component": [
            {"code": {"coding": [{"system": LOINC, "code": c}]}, "valueQuantity": quantity(v, u)}
            for c, v, u in members
        ],
    }
    return Observation.model_validate(resource).model_dump(mode="json", exclude_none=True)


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class FakeEhr:
    def __init__(self):
        self.url = self.fhir_base = ""  # known once it serves (running_ehr)
        self.redirect_uri = ""
        self.client_secret = None
        self.patients = {}
        self.observations = []
        self.launches = {}  # an EHR launch's id: its patient
        self.standalone_patient = None  # the patient a standalone launch signs in as
        self.received = []  # (method, path) of every request
        self.refused = []  # why authorize or token refused a request
        self.codes = {}
        self.tokens = {}
        # "ok", "no-patient" (the token has none), "fhir-500", "slow" (FHIR never answers in
        # time), "discovery-500", "no-endpoints" (discovery names none), "nonsense" (searches
        # answer JSON that is not FHIR)
        self.mode = "ok"
        self.released = threading.Event()

    # What the test sets up

    def add_patient(self, resource, *results):
        self.patients[resource["id"]] = resource
        self.observations.extend(results)

    def launch_for(self, patient_id):
        launch = secrets.token_urlsafe(16)
        self.launches[launch] = patient_id
        return launch

    # The server

    def __call__(self, environ, start_response):
        request = Request(environ)
        self.received.append((request.method, request.path))
        return self.answer(request)(environ, start_response)

    def answer(self, request):
        path = request.path
        if path == "/fhir/.well-known/smart-configuration":
            return self.discovery()
        if path == "/auth/authorize":
            return self.authorize(request)
        if path == "/auth/token" and request.method == "POST":
            return self.token(request)
        if path.startswith("/fhir/"):
            return self.fhir(request, path.removeprefix("/fhir/"))
        return Response("not found", status=404)

    def discovery(self):
        if self.mode == "discovery-500":
            return Response("broken", status=500)
        if self.mode == "no-endpoints":
            return json_response({"token_endpoint": 42})
        return json_response(
            {
                "authorization_endpoint": f"{self.url}/auth/authorize",
                "token_endpoint": f"{self.url}/auth/token",
                "capabilities": ["launch-ehr", "launch-standalone", "client-public"],
                "code_challenge_methods_supported": ["S256"],
                "scopes_supported": sorted(READ_SCOPES | {"launch", "launch/patient"}),
            }
        )

    def authorize(self, request):
        asked = request.args
        scopes = set(asked.get("scope", "").split())
        launch = asked.get("launch")
        problems = []
        if asked.get("response_type") != "code":
            problems.append("response_type")
        if asked.get("client_id") != CLIENT_ID:
            problems.append("client_id")
        if asked.get("redirect_uri") != self.redirect_uri:
            problems.append("redirect_uri")
        if asked.get("aud") != self.fhir_base:
            problems.append("aud")
        if len(asked.get("state", "")) < 16:
            problems.append("state")
        if (
            asked.get("code_challenge_method") != "S256"
            or len(asked.get("code_challenge", "")) != 43
        ):
            problems.append("pkce")
        if not scopes >= READ_SCOPES:
            problems.append("scope")
        if launch is not None:
            patient_id = self.launches.pop(launch, None)
            if "launch" not in scopes or patient_id is None:
                problems.append("launch")
        else:
            patient_id = self.standalone_patient
            if "launch/patient" not in scopes or patient_id is None:
                problems.append("launch/patient")
        if problems:
            self.refused.extend(problems)
            return Response(f"refused: {', '.join(problems)}", status=400)
        code = secrets.token_urlsafe(24)
        self.codes[code] = {
            "patient": patient_id,
            "challenge": asked["code_challenge"],
            "redirect_uri": asked["redirect_uri"],
            "scope": asked["scope"],
        }
        answer = urlencode({"code": code, "state": asked["state"]})
        return Response(status=302, headers={"Location": f"{asked['redirect_uri']}?{answer}"})

    def token(self, request):
        sent = request.form
        granted = self.codes.pop(sent.get("code", ""), None)
        problems = []
        if granted is None or sent.get("grant_type") != "authorization_code":
            problems.append("code")
        elif sent.get("redirect_uri") != granted["redirect_uri"]:
            problems.append("redirect_uri")
        elif s256(sent.get("code_verifier", "")) != granted["challenge"]:
            problems.append("code_verifier")
        if self.client_secret:
            auth = request.authorization
            if not auth or (auth.username, auth.password) != (CLIENT_ID, self.client_secret):
                problems.append("client_secret")
        elif sent.get("client_id") != CLIENT_ID:
            problems.append("client_id")
        if problems:
            self.refused.extend(problems)
            return json_response({"error": "invalid_grant"}, status=400)
        access_token = secrets.token_urlsafe(24)
        self.tokens[access_token] = granted["patient"]
        answer = {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 300,
            "scope": granted["scope"],
        }
        if self.mode != "no-patient":
            answer["patient"] = granted["patient"]
        return json_response(answer)

    def fhir(self, request, path):
        bearer = request.headers.get("Authorization", "")
        patient_id = self.tokens.get(bearer.removeprefix("Bearer "))
        if not bearer.startswith("Bearer ") or patient_id is None:
            return json_response({"resourceType": "OperationOutcome"}, status=401)
        if self.mode == "fhir-500":
            return Response("broken", status=500)
        if self.mode == "slow":
            self.released.wait(SLOW_SECONDS)
        if path == f"Patient/{patient_id}":
            return json_response(self.patients[patient_id])
        if path == "Observation" and self.mode == "nonsense":
            broken = {
                "resourceType": "Observation",
                "status": "final",
                "effectiveDateTime": "2026-11-30",
                "code": "777-3",
            }
            return json_response({"resourceType": "Bundle", "entry": [{"resource": broken}]})
        if path == "Observation" and request.args.get("patient") == patient_id:
            return json_response(self.search(patient_id, request.args))
        return json_response({"resourceType": "OperationOutcome"}, status=403)

    def search(self, patient_id, asked):
        """`code` matches an Observation's own code, `component-code` a component's."""
        if "code" in asked:
            wanted, where = asked["code"], "code"
        else:
            wanted, where = asked["component-code"], "component-code"
        codes = {tuple(one.split("|", 1)) for one in wanted.split(",")}

        def matches(resource):
            parts = [resource] if where == "code" else resource.get("component", [])
            return any(
                (coding["system"], coding["code"]) in codes
                for part in parts
                for coding in part["code"]["coding"]
            )

        found = [
            resource
            for resource in self.observations
            if resource["subject"]["reference"] == f"Patient/{patient_id}" and matches(resource)
        ]
        bundle = {
            "resourceType": "Bundle",
            "type": "searchset",
            "total": len(found),
            "entry": [
                {"fullUrl": f"{self.fhir_base}/Observation/{r['id']}", "resource": r} for r in found
            ],
        }
        return Bundle.model_validate(bundle).model_dump(mode="json", exclude_none=True)


def json_response(document, *, status=200):
    return Response(json.dumps(document), status=status, content_type="application/json")


@contextlib.contextmanager
def running_ehr():
    """A fake EHR serving on a free port of 127.0.0.1 until the block ends."""
    ehr = FakeEhr()
    server = werkzeug.serving.make_server("127.0.0.1", 0, ehr, threaded=True)
    ehr.url = f"http://127.0.0.1:{server.server_port}"
    ehr.fhir_base = f"{ehr.url}/fhir"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield ehr
    finally:
        ehr.released.set()
        server.shutdown()
        thread.join(5)
        server.server_close()


def settings_for(ehr):
    """The portal's settings that let it launch from `ehr`."""
    return {
        "SMART_ALLOWED_ISSUERS": [ehr.fhir_base],
        "SMART_CLIENT_ID": CLIENT_ID,
        "SMART_CLIENT_SECRET": "",
    }
