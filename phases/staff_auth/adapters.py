import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records

from phases.staff_auth.addresses import client_address


class StaffAccountAdapter(DefaultAccountAdapter):
    """Staff accounts are made by an administrator (or the hospital's sign-on), never by a
    visitor; the client's address is read as everywhere else (addresses.py)."""

    def is_open_for_signup(self, request):
        return False

    def get_client_ip(self, request):
        return client_address(request) or super().get_client_ip(request)

    def is_reauthentication_required(self, *, app, **kwargs):
        """Setting up the first second factor, and reading its recovery codes, come right
        after the sign-in: a sign-in in the last REAUTHENTICATION_TIMEOUT seconds counts as
        recent, as a reauthentication does. Later changes ask for the password again."""
        user = getattr(self.request, "user", None)
        if user is not None and user.is_authenticated:
            records = get_authentication_records(self.request, user)
            if (
                records
                and time.time() - records[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT
            ):
                return False
        return super().is_reauthentication_required(app=app, **kwargs)
