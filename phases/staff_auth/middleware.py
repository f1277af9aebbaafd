from allauth.mfa.models import Authenticator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

ADMIN_PREFIX = "/admin/"


def needs_second_factor(user):
    """A password account with no second factor set up. Hospital accounts have no usable
    password: the hospital's own sign-in asks for their second factor. A password account
    that has one cannot sign in without using it (allauth asks before the session starts)."""
    return (
        user.is_authenticated
        and user.has_usable_password()
        and not Authenticator.objects.filter(user=user).exists()
    )


class SecondFactorRequiredMiddleware:
    """No admin page opens for a password account until it has set up a second factor: every
    admin address sends it to the set-up page (signing out stays open)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith(ADMIN_PREFIX)
            and path != reverse("admin:logout")
            and needs_second_factor(request.user)
        ):
            set_up = reverse("mfa_activate_totp")
            return redirect(f"{set_up}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


STAFF_PREFIXES = (ADMIN_PREFIX, "/accounts/", "/staff/")


class StaffSessionActivityMiddleware:
    """Each request of a signed-in person to the admin or the sign-in pages starts the idle
    time (SESSION_COOKIE_AGE) again; public pages leave the session alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(STAFF_PREFIXES) and request.user.is_authenticated:
            request.session.modified = True
        return response
