"""A real OpenID Connect provider on 127.0.0.1 for the sign-on tests: oidc-provider-mock
(Authlib's server) in a thread, with users and their groups set through its PUT /users/{sub}."""

import contextlib
import os
import threading
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import oidc_provider_mock
import requests
import werkzeug.serving

CLIENT_ID = "all-phase-portal"
CLIENT_SECRET = "tests-only-client-secret"
EDITOR_GROUP = "ALL-portal-editors"
APPROVER_GROUP = "ALL-portal-approvers"


@contextlib.contextmanager
def running_provider():
    # The provider serves plain HTTP on the loopback address; Authlib, on both sides, then
    # needs to be told that is intended.
    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"
    server = werkzeug.serving.make_server(
        "127.0.0.1", 0, oidc_provider_mock.app(require_nonce=True), threaded=True
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield Provider(f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


class Provider:
    def __init__(self, url):
        self.url = url

    def set_user(self, sub, *, groups, **claims):
        response = requests.put(
            f"{self.url}/users/{sub}", json={"groups": groups, **claims}, timeout=10
        )
        response.raise_for_status()

    def settings(self):
        return {
            "OIDC_ISSUER": self.url,
            "OIDC_CLIENT_ID": CLIENT_ID,
            "OIDC_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_GROUPS_CLAIM": "groups",
            "OIDC_EDITOR_GROUPS": [EDITOR_GROUP],
            "OIDC_APPROVER_GROUPS": [APPROVER_GROUP, "ALL-portal-clinical-leads"],
        }

    def authorize(self, authorize_url, sub):
        """The person signs in at the provider (its form takes the subject); the address the
        provider sends the browser back to."""
        response = requests.post(
            authorize_url, data={"sub": sub}, allow_redirects=False, timeout=10
        )
        assert response.status_code == 302, response.text
        return response.headers["Location"]


def with_query(url, **changes):
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query)) | changes
    return urlunsplit(parts._replace(query=urlencode(query)))


def path_of(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"
