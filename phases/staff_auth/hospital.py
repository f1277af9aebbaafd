"""The hospital's OpenID Connect provider, as Authlib's Django client.

Authlib reads the provider's discovery document, sends the authorization code request with
PKCE (S256), a state and a nonce, and on return checks the state, then the ID token's
signature (the provider's published keys), issuer, audience, expiry and nonce.
"""

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.django_client import OAuth
from django.conf import settings
from joserfc.errors import JoseError

# What a provider that is down, slow, or answering nonsense raises on the way.
PROVIDER_ERRORS = (requests.RequestException, ValueError)
# What a sign-in that must be refused raises: a wrong state or nonce, a bad signature or
# issuer, the person pressing "deny" at the provider, a token without a subject.
REFUSED_SIGN_IN_ERRORS = (AuthlibBaseError, JoseError, KeyError)


def enabled():
    return bool(settings.OIDC_ISSUER)


def client():
    """A client made from the settings of the moment (sign-ins are rare; the discovery
    document is read again for each)."""
    return OAuth().register(
        name="hospital",
        client_id=settings.OIDC_CLIENT_ID,
        client_secret=settings.OIDC_CLIENT_SECRET,
        server_metadata_url=f"{settings.OIDC_ISSUER}/.well-known/openid-configuration",
        client_kwargs={
            "scope": "openid profile email",
            "code_challenge_method": "S256",
            "default_timeout": 10,
        },
    )


def sign_in_choices(request):
    """Template context: whether the sign-in page offers the hospital's account."""
    return {"hospital_sign_in": enabled()}
