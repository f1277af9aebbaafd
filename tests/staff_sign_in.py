"""Signing in over HTTP as a person does, for tests that drive a real server with `requests`:
the sign-in page, the password, then the second factor (set up on the first sign-in)."""

import re

import pyotp

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SECRET = re.compile(r'id="authenticator-secret">([A-Z2-7]+)<')


def sign_in_over_http(session, base_url, username, password, *, authenticator_app=None):
    """Returns the authenticator app (a pyotp.TOTP) the person now has."""
    login = session.get(f"{base_url}/accounts/login/?next=/admin/", timeout=30)
    form = {"login": username, "password": password, "next": "/admin/"}
    step = post(session, login, form)
    assert step.status_code == 302, step.text
    if step.headers["Location"].endswith("/accounts/2fa/authenticate/"):
        page = session.get(base_url + "/accounts/2fa/authenticate/", timeout=30)
        step = post(session, page, {"code": authenticator_app.now()})
    else:  # the first sign-in: the admin sends the person to set up a second factor
        page = session.get(base_url + "/admin/", timeout=30)
        authenticator_app = pyotp.TOTP(SECRET.search(page.text).group(1))
        step = post(session, page, {"code": authenticator_app.now()})
    assert step.status_code == 302, step.text
    assert session.get(f"{base_url}/admin/", allow_redirects=False, timeout=30).status_code == 200
    return authenticator_app


def post(session, page, form):
    token = CSRF.search(page.text).group(1)
    return session.post(
        page.url,
        data={"csrfmiddlewaretoken": token, **form},
        headers={"Referer": page.url},
        allow_redirects=False,
        timeout=30,
    )
