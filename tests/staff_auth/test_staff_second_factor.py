"""A password sign-in needs a second factor before any admin page opens: set up on the first
sign-in, asked at every one after; wrong and replayed codes refused; recovery codes once."""

import re

import pyotp
import pytest
import time_machine
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver
from django.utils import timezone

from phases.staff_auth.models import SignInEvent
from tests.conftest import make_staff, sign_in_with_password

pytestmark = pytest.mark.django_db
SET_UP = "/accounts/2fa/totp/activate/"


def admin_paths(patterns=None, prefix="/admin/"):
    """Every address the admin answers, with a sample value in each parameter."""
    for pattern in admin.site.urls[0] if patterns is None else patterns:
        text = str(pattern.pattern)
        text = re.sub(r"<[^>]+>", "1", text)
        text = re.sub(r"\(\?P<app_label>[^)]*\)", "phases", text)
        text = re.sub(r"\(\?P<url>[^)]*\)", "no-such-page/", text)
        text = text.replace("^", "").replace("$", "").replace("\\", "")
        if isinstance(pattern, URLResolver):
            yield from admin_paths(pattern.url_patterns, prefix + text)
        elif isinstance(pattern, URLPattern):
            yield prefix + text


def password_only(client, user):
    response = client.post(
        "/accounts/login/?next=/admin/",
        {"login": user.username, "password": f"a-long-{user.username}-password"},
    )
    assert response.status_code == 302
    return response


def set_up_in_the_browser(client):
    page = client.get(SET_UP).text
    app = pyotp.TOTP(re.search(r'id="authenticator-secret">([A-Z2-7]+)<', page).group(1))
    response = client.post(SET_UP, {"code": app.now()})
    return app, response


def test_without_a_second_factor_no_admin_page_opens(client):
    user = make_staff("newcomer", "Content approvers", second_factor=False)
    user.is_superuser = True
    user.save()
    password_only(client, user)
    paths = sorted(set(admin_paths()) - {"/admin/logout/"})

    assert len(paths) > 50  # every model's list, add, change, history, delete; the rest
    for path in paths:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(SET_UP), path
    assert client.post("/admin/phases/phase/add/", {"slug": "x"})["Location"].startswith(SET_UP)
    event = SignInEvent.objects.get(outcome="signed_in")
    assert event.method == SignInEvent.Method.PASSWORD_NO_FACTOR_YET


def test_the_set_up_page_explains_and_the_app_code_opens_the_admin(client):
    user = make_staff("newcomer", "Content editors", second_factor=False)
    password_only(client, user)

    page = client.get(client.get("/admin/")["Location"])
    assert "Set up your second factor" in page.text
    assert "data:image/svg+xml;base64," in page.text  # the QR code
    _, response = set_up_in_the_browser(client)

    assert response.status_code == 302
    recovery = client.get(response["Location"])
    assert "Recovery Codes" in recovery.text
    assert client.get("/admin/").status_code == 200


def test_the_next_sign_in_asks_for_a_code_and_it_opens_the_admin(client, editor):
    asked = password_only(client, editor)
    assert asked["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session  # not signed in with the password alone
    assert client.get("/admin/").status_code == 302

    response = client.post("/accounts/2fa/authenticate/", {"code": editor.authenticator_app.now()})

    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    event = SignInEvent.objects.get(outcome="signed_in")
    assert (event.username, event.method) == ("editor", SignInEvent.Method.PASSWORD_AND_APP)


def test_a_wrong_code_is_refused(client, editor):
    password_only(client, editor)
    right = editor.authenticator_app.now()
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"

    response = client.post("/accounts/2fa/authenticate/", {"code": wrong})

    assert response.status_code == 200
    assert "Incorrect code" in response.text
    assert "_auth_user_id" not in client.session
    failed = SignInEvent.objects.get(outcome="failed")
    assert failed.method == SignInEvent.Method.SECOND_FACTOR
    assert wrong not in failed.detail
    assert right not in failed.detail


def test_a_replayed_code_is_refused(editor):
    code = editor.authenticator_app.now()
    first, thief = Client(), Client()
    password_only(first, editor)
    assert first.post("/accounts/2fa/authenticate/", {"code": code})["Location"] == "/admin/"

    password_only(thief, editor)
    replayed = thief.post("/accounts/2fa/authenticate/", {"code": code})

    assert replayed.status_code == 200
    assert "_auth_user_id" not in thief.session


def test_a_recovery_code_signs_in_once(client):
    user = make_staff("traveller", "Content editors", second_factor=False)
    password_only(client, user)
    _, response = set_up_in_the_browser(client)
    page = client.get(response["Location"]).text
    codes = re.search(r'<textarea[^>]*id="recovery_codes"[^>]*>\s*([^<]+)<', page).group(1).split()
    client.post("/staff/sign-out/")

    password_only(client, user)
    first = client.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert first["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert SignInEvent.objects.filter(method="password_recovery_codes").exists()
    client.post("/staff/sign-out/")

    password_only(client, user)
    again = client.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert again.status_code == 200
    assert "_auth_user_id" not in client.session


def test_resetting_a_second_factor_is_in_the_admins_history_and_asks_for_a_new_one(
    client, editor, approver
):
    sign_in_with_password(client, editor)
    assert client.get("/admin/").status_code == 200

    call_command("reset_second_factor", "editor", "--by", "approver")

    entry = LogEntry.objects.get(object_id=str(editor.pk))
    assert entry.user == approver
    assert "Second factor reset" in entry.get_change_message()
    assert client.get("/admin/")["Location"].startswith("/admin/login/")  # signed out
    password_only(client, editor)  # no factor any more: straight in, then to set up a new one
    assert client.get("/admin/")["Location"].startswith(SET_UP)


def test_a_hospital_account_needs_no_portal_second_factor(client, editor):
    editor.set_unusable_password()  # as hospital accounts are made
    editor.save()
    client.force_login(editor, backend="phases.staff_auth.backends.HospitalAccountBackend")

    assert client.get("/admin/").status_code == 200


def test_the_sign_in_log_is_for_superusers_to_read_only(client, approver):
    SignInEvent.record(outcome="signed_in", username="someone", method="sso")
    client.force_login(approver)
    assert client.get("/admin/phases/signinevent/").status_code == 403
    approver.is_superuser = True
    approver.save()

    page = client.get("/admin/phases/signinevent/")

    assert page.status_code == 200
    assert "someone" in page.text
    assert "Add staff sign-in" not in page.text


def test_old_rows_leave_the_sign_in_log(settings):
    settings.STAFF_SIGN_IN_LOG_DAYS = 30
    with time_machine.travel(timezone.now() - timezone.timedelta(days=31)):
        SignInEvent.record(outcome="failed", username="long-ago")

    SignInEvent.record(outcome="failed", username="today\nFORGED LINE")

    assert list(SignInEvent.objects.values_list("username", flat=True)) == ["today?FORGED LINE"]
