from allauth.account.adapter import DefaultAccountAdapter

from phases.staff_auth.addresses import client_address


class StaffAccountAdapter(DefaultAccountAdapter):
    """Staff accounts are made by an administrator (or the hospital's sign-on), never by a
    visitor; the client's address is read as everywhere else (addresses.py)."""

    def is_open_for_signup(self, request):
        return False

    def get_client_ip(self, request):
        return client_address(request) or super().get_client_ip(request)
