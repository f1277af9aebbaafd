"""Lockouts by account and address (behind a proxy too, never by a forged header), and staff
sessions: an idle end, an end at browser close, a new key at sign-in."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from phases.staff_auth.models import SignInEvent
from tests.conftest import make_staff, sign_in_with_password

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.2"  # the proxy in front: every request's socket address


def password(client, username, secret, forwarded=None):
    headers = {"REMOTE_ADDR": PROXY}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post("/accounts/login/", {"login": username, "password": secret}, **headers)


def fail_until_locked(username, forwarded, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        password(Client(), username, "wrong", forwarded)


def signs_in(username, forwarded):
    response = password(Client(), username, f"a-long-{username}-password", forwarded)
    return response.status_code == 302 and response["Location"] == "/accounts/2fa/authenticate/"


def test_behind_a_proxy_failures_lock_that_address_for_that_account_only(
    editor, approver, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client may send its own header; the proxy appends the address it saw.
    fail_until_locked("editor", "1.2.3.4, 203.0.113.5", settings)

    locked = password(Client(), "editor", "a-long-editor-password", "203.0.113.5")

    assert locked.status_code == 429
    assert "paused for 30 minutes" in locked.text
    assert signs_in("editor", "198.51.100.20")  # the same account from elsewhere
    assert signs_in("approver", "203.0.113.5")  # a colleague at the same address
    failure = SignInEvent.objects.filter(outcome="failed").first()
    assert failure.address == "203.0.113.5"
    assert "password" not in failure.detail.split()


def test_two_proxies_read_the_second_address_from_the_right(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    fail_until_locked("editor", "6.6.6.6, 203.0.113.5, 10.0.0.1", settings)

    assert not signs_in("editor", "7.7.7.7, 203.0.113.5, 10.0.0.1")  # forged part ignored
    assert signs_in("editor", "6.6.6.6, 198.51.100.20, 10.0.0.1")


def test_without_a_proxy_a_forged_forwarded_header_changes_nothing(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for number in range(settings.AXES_FAILURE_LIMIT):
        password(Client(), "editor", "wrong", f"192.0.2.{number}")

    assert not signs_in("editor", "192.0.2.200")  # a new forged address: still paused
    assert set(SignInEvent.objects.values_list("address", flat=True)) == {PROXY}


def test_a_staff_session_ends_after_the_idle_time(client, editor):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        sign_in_with_password(client, editor)
        clock.move_to(start + datetime.timedelta(minutes=29))
        assert client.get("/admin/").status_code == 200  # in use: the end moves on
        clock.move_to(start + datetime.timedelta(minutes=58))
        assert client.get("/admin/").status_code == 200
        clock.move_to(start + datetime.timedelta(minutes=89))

        assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_the_idle_time_is_a_setting(client, editor, settings):
    settings.SESSION_COOKIE_AGE = 5 * 60  # STAFF_IDLE_MINUTES=5
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        sign_in_with_password(client, editor)
        clock.move_to(start + datetime.timedelta(minutes=6))

        assert client.get("/admin/").status_code == 302


def test_a_staff_session_ends_when_the_browser_closes(client, editor):
    response = sign_in_with_password(client, editor)

    cookie = response.cookies["sessionid"]
    assert cookie["expires"] == ""
    assert cookie["max-age"] == ""  # a browser-session cookie
    assert cookie["httponly"]


def test_signing_in_gives_a_new_session(client):
    user = make_staff("rotating", "Content editors")
    client.post("/accounts/login/", {"login": "rotating", "password": "a-long-rotating-password"})
    halfway = client.session.session_key  # password given, code not yet
    assert halfway

    client.post("/accounts/2fa/authenticate/", {"code": user.authenticator_app.now()})

    assert client.session.session_key != halfway
    assert client.get("/admin/").status_code == 200


def test_public_pages_leave_a_staff_session_alone(client, editor):
    sign_in_with_password(client, editor)

    assert "sessionid" not in client.get("/").cookies  # a public page stays cacheable
    assert client.get("/admin/").cookies["sessionid"].value  # the admin moves the end on
