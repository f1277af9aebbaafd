"""Signing in with the hospital's account, against a real OpenID Connect provider on
127.0.0.1 (tests/identity_provider.py): roles from the groups claim at every sign-in, refusals,
a forged state or a wrong nonce refused, a provider that is down."""

import socket
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User

from phases.staff_auth.models import SignInEvent
from tests.identity_provider import APPROVER_GROUP, EDITOR_GROUP, path_of, with_query

pytestmark = pytest.mark.django_db


def start(client):
    response = client.get("/staff/sign-in/hospital/?next=/admin/")
    assert response.status_code == 302
    return response["Location"]


def sign_in(client, provider, sub):
    back = provider.authorize(start(client), sub)
    return client.get(path_of(back))


def groups_of(username):
    return set(User.objects.get(username=username).groups.values_list("name", flat=True))


def test_the_sign_in_page_offers_the_hospital_account_first(client, hospital_sign_on):
    page = client.get("/accounts/login/?next=/admin/").text

    assert "Sign in with your hospital account" in page
    assert page.index("Sign in with your hospital account") < page.index('name="password"')


def test_without_an_issuer_the_sign_in_page_has_passwords_only(client, settings):
    settings.OIDC_ISSUER = ""

    page = client.get("/accounts/login/").text

    assert "hospital account" not in page
    assert 'name="password"' in page
    assert client.get("/staff/sign-in/hospital/")["Location"] == "/accounts/login/"


def test_the_request_uses_pkce_a_state_and_a_nonce(client, hospital_sign_on):
    query = parse_qs(urlsplit(start(client)).query)

    assert query["code_challenge_method"] == ["S256"]
    assert query["code_challenge"][0]
    assert query["state"][0]
    assert query["nonce"][0]
    assert query["response_type"] == ["code"]


@pytest.mark.parametrize(
    ("group", "role"),
    [(EDITOR_GROUP, "Content editors"), (APPROVER_GROUP, "Content approvers")],
)
def test_a_hospital_account_lands_in_the_admin_with_its_role(client, hospital_sign_on, group, role):
    hospital_sign_on.set_user(
        "a1b2-c3d4",
        groups=[group, "Some-other-group"],
        email="sam.jones@hospital.example",
        given_name="Sam",
        family_name="Jones",
    )

    response = sign_in(client, hospital_sign_on, "a1b2-c3d4")

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    admin = client.get("/admin/")
    assert admin.status_code == 200  # no portal second factor: the hospital asks for its own
    user = User.objects.get(username="a1b2-c3d4")
    assert groups_of("a1b2-c3d4") == {role}
    assert user.is_staff
    assert not user.is_superuser
    assert not user.has_usable_password()
    assert (user.first_name, user.last_name, user.email) == (
        "Sam",
        "Jones",
        "sam.jones@hospital.example",
    )
    event = SignInEvent.objects.get(outcome="signed_in")
    assert (event.username, event.method) == ("a1b2-c3d4", SignInEvent.Method.SSO)


def test_only_an_approver_may_publish(client, hospital_sign_on):
    hospital_sign_on.set_user("ed-1", groups=[EDITOR_GROUP])
    sign_in(client, hospital_sign_on, "ed-1")

    assert User.objects.get(username="ed-1").has_perm("phases.change_phase")
    assert not User.objects.get(username="ed-1").has_perm("phases.publish_phase")


def test_a_hospital_account_in_neither_group_is_refused(client, hospital_sign_on):
    hospital_sign_on.set_user("visitor-9", groups=["Cardiology"])

    response = sign_in(client, hospital_sign_on, "visitor-9")

    assert response.status_code == 403
    assert "not in a group that may edit or approve patient content" in response.text
    assert "_auth_user_id" not in client.session
    assert not User.objects.get(username="visitor-9").is_staff
    assert client.get("/admin/").status_code == 302
    assert SignInEvent.objects.get(outcome="refused").username == "visitor-9"


def test_a_person_removed_from_a_group_loses_the_role_at_the_next_sign_in(client, hospital_sign_on):
    hospital_sign_on.set_user("moving-on", groups=[APPROVER_GROUP])
    sign_in(client, hospital_sign_on, "moving-on")
    assert groups_of("moving-on") == {"Content approvers"}
    client.post("/admin/logout/")

    hospital_sign_on.set_user("moving-on", groups=[EDITOR_GROUP])
    sign_in(client, hospital_sign_on, "moving-on")
    assert groups_of("moving-on") == {"Content editors"}
    client.post("/admin/logout/")

    hospital_sign_on.set_user("moving-on", groups=[])
    response = sign_in(client, hospital_sign_on, "moving-on")

    assert response.status_code == 403
    assert groups_of("moving-on") == set()
    assert not User.objects.get(username="moving-on").is_staff


def test_a_forged_state_is_refused(client, hospital_sign_on):
    hospital_sign_on.set_user("ed-2", groups=[EDITOR_GROUP])
    back = hospital_sign_on.authorize(start(client), "ed-2")

    response = client.get(path_of(with_query(back, state="forged-by-an-attacker")))

    assert response.status_code == 403
    assert "did not complete" in response.text
    assert "_auth_user_id" not in client.session


def test_a_wrong_nonce_in_the_id_token_is_refused(client, hospital_sign_on):
    hospital_sign_on.set_user("ed-3", groups=[EDITOR_GROUP])
    # The provider puts into the ID token the nonce it is sent: not the one the portal chose.
    authorize = with_query(start(client), nonce="a-nonce-the-portal-never-sent")
    back = hospital_sign_on.authorize(authorize, "ed-3")

    response = client.get(path_of(back))

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    assert SignInEvent.objects.get(outcome="failed").method == SignInEvent.Method.SSO


def test_a_person_who_denies_at_the_provider_is_not_signed_in(client, hospital_sign_on):
    back = client.get("/staff/sign-in/hospital/callback/?error=access_denied&state=x")

    assert back.status_code == 403
    assert "_auth_user_id" not in client.session


def closed_port_url():
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{closed.getsockname()[1]}"


def test_a_provider_that_is_down_gives_a_clear_page(client, settings):
    settings.OIDC_ISSUER = closed_port_url()
    settings.OIDC_CLIENT_ID, settings.OIDC_CLIENT_SECRET = "x", "y"

    response = client.get("/staff/sign-in/hospital/")

    assert response.status_code == 503
    assert "sign-in service is not answering" in response.text


def test_a_provider_that_goes_down_during_the_sign_in_gives_a_clear_page(
    client, hospital_sign_on, settings
):
    hospital_sign_on.set_user("ed-6", groups=[EDITOR_GROUP])
    back = hospital_sign_on.authorize(start(client), "ed-6")
    settings.OIDC_ISSUER = closed_port_url()

    response = client.get(path_of(back))

    assert response.status_code == 503
    assert "sign-in service is not answering" in response.text
    assert "_auth_user_id" not in client.session


def test_signing_out_ends_the_session_and_offers_the_providers_sign_out(client, hospital_sign_on):
    hospital_sign_on.set_user("ed-4", groups=[EDITOR_GROUP])
    sign_in(client, hospital_sign_on, "ed-4")

    signed_out = client.post("/admin/logout/", follow=True)

    assert "You are signed out of the portal" in signed_out.text
    assert client.get("/admin/").status_code == 302
    to_provider = client.get("/staff/sign-out/hospital/")
    assert to_provider["Location"].startswith(f"{hospital_sign_on.url}/oauth2/end_session?")
    assert "post_logout_redirect_uri" in to_provider["Location"]
    assert SignInEvent.objects.filter(outcome="signed_out", username="ed-4").exists()


def test_signing_in_gives_a_new_session_key(client, hospital_sign_on):
    hospital_sign_on.set_user("ed-5", groups=[EDITOR_GROUP])
    start(client)
    before = client.session.session_key

    back = hospital_sign_on.authorize(start(client), "ed-5")
    client.get(path_of(back))

    assert client.session.session_key != before
    assert client.session["_auth_user_id"]
