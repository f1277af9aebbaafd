"""Signing in with the hospital's account, and signing out. Thin: Authlib does the protocol
(phases/staff_auth/hospital.py), roles.py the roles, models.py the log."""

from django.conf import settings
from django.contrib.auth import login, logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from phases.staff_auth import hospital
from phases.staff_auth.addresses import client_address
from phases.staff_auth.backends import signed_in_through_hospital
from phases.staff_auth.models import SignInEvent
from phases.staff_auth.roles import LocalAccountConflict, staff_from_claims

NEXT_KEY = "staff_auth_next"
HOSPITAL_BACKEND = "phases.staff_auth.backends.HospitalAccountBackend"


def provider_unavailable(request):
    return render(request, "staff_auth/provider_unavailable.html", status=503)


def refused(request, *, username="", detail="", reason):
    SignInEvent.record(
        outcome=SignInEvent.Outcome.REFUSED if reason == "no_role" else SignInEvent.Outcome.FAILED,
        username=username,
        method=SignInEvent.Method.SSO,
        address=client_address(request),
        detail=detail,
    )
    return render(request, "staff_auth/refused.html", {"reason": reason}, status=403)


@require_GET
def start(request):
    if not hospital.enabled():
        return redirect("account_login")
    next_url = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        request.session[NEXT_KEY] = next_url
    callback = request.build_absolute_uri(reverse("staff_auth:hospital_callback"))
    try:
        return hospital.client().authorize_redirect(request, callback)
    except hospital.PROVIDER_ERRORS:
        return provider_unavailable(request)


@require_GET
def callback(request):
    if not hospital.enabled():
        return redirect("account_login")
    try:
        claims = hospital.client().authorize_access_token(request)["userinfo"]
        user, role = staff_from_claims(claims)
    except hospital.PROVIDER_ERRORS:
        return provider_unavailable(request)
    except LocalAccountConflict as conflict:
        return refused(
            request, username=str(conflict), detail="name of a local account", reason="conflict"
        )
    except hospital.REFUSED_SIGN_IN_ERRORS as error:
        return refused(request, detail=type(error).__name__, reason="failed")
    if role is None:
        return refused(
            request, username=user.username, detail="in no portal group", reason="no_role"
        )
    next_url = request.session.pop(NEXT_KEY, "") or settings.LOGIN_REDIRECT_URL
    login(request, user, backend=HOSPITAL_BACKEND)  # a new session key
    return redirect(next_url)


@require_POST
def sign_out(request):
    """The admin's "Log out": ends the portal's session, then says how to end the hospital's."""
    through_hospital = signed_in_through_hospital(request)
    logout(request)
    return redirect(reverse("staff_auth:signed_out") + ("?hospital=1" if through_hospital else ""))


@require_GET
def signed_out(request):
    offer_hospital = hospital.enabled() and request.GET.get("hospital") == "1"
    return render(request, "staff_auth/signed_out.html", {"offer_hospital": offer_hospital})


@require_GET
def hospital_sign_out(request):
    """The provider's end-session endpoint, where it has one, back to the signed-out page."""
    if not hospital.enabled():
        return redirect("staff_auth:signed_out")
    back = request.build_absolute_uri(reverse("staff_auth:signed_out"))
    try:
        return hospital.client().logout_redirect(
            request, post_logout_redirect_uri=back, client_id=settings.OIDC_CLIENT_ID
        )
    except RuntimeError:  # the provider publishes no end-session endpoint
        return redirect("staff_auth:signed_out")
    except hospital.PROVIDER_ERRORS:
        return provider_unavailable(request)


def not_offered(request):
    """Sign-up and password reset by email: staff accounts are an administrator's to make."""
    return render(request, "staff_auth/not_offered.html", status=404)
