from urllib.parse import urlsplit

import pytest
import requests
from django.test import override_settings

from tests.fake_ehr import running_ehr, settings_for

CALLBACK = "http://testserver/smart/callback/"


@pytest.fixture
def ehr(db):
    """A fake SMART EHR on 127.0.0.1 that the portal is configured to launch from."""
    with running_ehr() as ehr:
        ehr.redirect_uri = CALLBACK
        with override_settings(**settings_for(ehr)):
            yield ehr


def through_the_ehr(client, launch_response):
    """The browser's trip: from the portal's launch to the EHR's authorize endpoint (which
    approves at once), then back to the portal's callback. The portal's answer to that."""
    assert launch_response.status_code == 302, launch_response.content
    authorize = requests.get(launch_response["Location"], allow_redirects=False, timeout=10)
    assert authorize.status_code == 302, authorize.text
    back = urlsplit(authorize.headers["Location"])
    assert f"{back.scheme}://{back.netloc}{back.path}" == CALLBACK
    return client.get(f"{back.path}?{back.query}")


def ehr_launch(client, ehr, patient_id):
    """The clinician opens the portal from the patient's chart in the EHR."""
    started = client.get(
        "/smart/launch/", {"iss": ehr.fhir_base, "launch": ehr.launch_for(patient_id)}
    )
    return through_the_ehr(client, started)


def standalone_launch(client, ehr, patient_id):
    """The patient opens the portal from their patient portal and signs in there."""
    ehr.standalone_patient = patient_id
    return through_the_ehr(client, client.get("/smart/launch/", {"iss": ehr.fhir_base}))
