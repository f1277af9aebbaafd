"""Every sign-in, sign-out and failure into the sign-in log (models.py): names, methods and
addresses only; the credentials Django and allauth hand over are never read past the name."""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.signals import authentication_failed
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from phases.staff_auth.addresses import client_address
from phases.staff_auth.backends import signed_in_through_hospital
from phases.staff_auth.models import SignInEvent

FACTOR_METHODS = {
    "totp": SignInEvent.Method.PASSWORD_AND_APP,
    "recovery_codes": SignInEvent.Method.PASSWORD_AND_RECOVERY_CODE,
    "webauthn": SignInEvent.Method.PASSWORD_AND_PASSKEY,
}


def method_of(request, user):
    if signed_in_through_hospital(request):
        return SignInEvent.Method.SSO
    factors = [
        record.get("type")
        for record in get_authentication_records(request, user)
        if record.get("method") == "mfa"
    ]
    if factors:
        return FACTOR_METHODS.get(factors[-1], SignInEvent.Method.SECOND_FACTOR)
    return SignInEvent.Method.PASSWORD_NO_FACTOR_YET


def signed_in(sender, request, user, **kwargs):
    if request is None:
        return
    SignInEvent.record(
        outcome=SignInEvent.Outcome.SIGNED_IN,
        username=user.get_username(),
        method=method_of(request, user),
        address=client_address(request),
    )


def signed_out(sender, request, user, **kwargs):
    if request is None or user is None:
        return
    SignInEvent.record(
        outcome=SignInEvent.Outcome.SIGNED_OUT,
        username=user.get_username(),
        method=method_of(request, user),
        address=client_address(request),
    )


def password_failed(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    locked = getattr(request, "axes_locked_out", False)
    SignInEvent.record(
        outcome=SignInEvent.Outcome.FAILED,
        username=credentials.get("username", ""),
        method=SignInEvent.Method.PASSWORD_NO_FACTOR_YET,
        address=client_address(request),
        detail="locked out: too many failures" if locked else "wrong name or password",
    )


def second_factor_failed(sender, request, user, **kwargs):
    if request is None:
        return
    SignInEvent.record(
        outcome=SignInEvent.Outcome.FAILED,
        username=user.get_username(),
        method=SignInEvent.Method.SECOND_FACTOR,
        address=client_address(request),
        detail="wrong or already used code",
    )


def connect():
    user_logged_in.connect(signed_in, dispatch_uid="staff-auth-signed-in")
    user_logged_out.connect(signed_out, dispatch_uid="staff-auth-signed-out")
    user_login_failed.connect(password_failed, dispatch_uid="staff-auth-failed")
    authentication_failed.connect(second_factor_failed, dispatch_uid="staff-auth-factor-failed")
