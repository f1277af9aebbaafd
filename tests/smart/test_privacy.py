"""Nothing read from the chart is kept: after a launch, a value from the chart is shown on the
page and is nowhere else: not in the database (every table), the caches, the logs, the
session or an address."""

import logging
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection

from tests.fake_ehr import days_ago, observation, patient
from tests.smart.conftest import through_the_ehr

pytestmark = pytest.mark.django_db

SENTINEL = "123.456"  # platelets, ×10⁹/L: a number no page or seed holds


def everything_in_the_database() -> str:
    dumped = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            dumped.append(repr(cursor.fetchall()))
    dumped += [repr(session.get_decoded()) for session in Session.objects.all()]
    return "\n".join(dumped)


def everything_in_the_page_cache() -> str:
    """The page cache's files (the default cache is a database table, dumped above)."""
    location = settings.CACHES["pages"].get("LOCATION", "")
    folder = Path(location) if location and not location.startswith("redis") else None
    if folder is None or not folder.is_dir():
        return ""
    return "\n".join(repr(path.read_bytes()) for path in folder.rglob("*") if path.is_file())


def test_a_value_from_the_chart_is_shown_and_kept_nowhere(client, ehr, caplog, capfd):
    caplog.set_level(logging.DEBUG)
    ehr.add_patient(
        patient("p1", born="1975-06-01"),
        observation("p1", "777-3", float(SENTINEL), "10*9/L", day=days_ago(2)),
    )

    started = client.get("/smart/launch/", {"iss": ehr.fhir_base, "launch": ehr.launch_for("p1")})
    response = through_the_ehr(client, started)

    assert SENTINEL in response.content.decode()  # the patient sees it
    addresses = [started["Location"], response.request["QUERY_STRING"]]
    assert SENTINEL not in " ".join(addresses)
    assert SENTINEL not in everything_in_the_database()
    assert SENTINEL not in everything_in_the_page_cache()
    assert SENTINEL not in repr(dict(client.session))
    assert SENTINEL not in caplog.text
    assert all(SENTINEL not in record.getMessage() for record in caplog.records)
    out, err = capfd.readouterr()
    assert SENTINEL not in out + err


def test_the_session_holds_no_launch_once_the_chart_is_read(client, ehr):
    ehr.add_patient(patient("p1", born="1975-06-01"))
    started = client.get("/smart/launch/", {"iss": ehr.fhir_base, "launch": ehr.launch_for("p1")})

    assert set(client.session.keys()) == {"smart_launches"}
    launch = next(iter(client.session["smart_launches"].values()))
    assert set(launch) == {"iss", "token_endpoint", "verifier"}

    through_the_ehr(client, started)

    assert dict(client.session) == {}
    assert not Session.objects.exists()


def test_the_access_token_never_reaches_the_browser(client, ehr):
    ehr.add_patient(patient("p1", born="1975-06-01"))
    started = client.get("/smart/launch/", {"iss": ehr.fhir_base, "launch": ehr.launch_for("p1")})
    response = through_the_ehr(client, started)

    (token,) = ehr.tokens
    assert token not in response.content.decode()
    assert all(token not in str(cookie) for cookie in response.cookies.values())
    assert token not in everything_in_the_database()
