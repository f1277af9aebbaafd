from django.contrib.auth.backends import ModelBackend


class HospitalAccountBackend(ModelBackend):
    """Marks a session begun through the hospital's single sign-on (the session keeps the
    backend's name). It never checks a password: the sign-on views sign people in with it."""

    def authenticate(self, request, **credentials):
        return None


def signed_in_through_hospital(request):
    from django.contrib.auth import BACKEND_SESSION_KEY

    return request.session.get(BACKEND_SESSION_KEY) == f"{__name__}.HospitalAccountBackend"
