"""The sign-in log: who signed in or out of the admin, how, and what failed.

Staff only (patients never sign in). It holds no password, code or token: a name typed on the
sign-in page, the address, the method and the outcome. Rows older than
STAFF_SIGN_IN_LOG_DAYS are removed as new ones are written, so failures sent from outside
cannot grow the table without bound.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone


class SignInEvent(models.Model):
    class Outcome(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in"
        SIGNED_OUT = "signed_out", "Signed out"
        FAILED = "failed", "Failed"
        REFUSED = "refused", "Refused: no portal role"

    class Method(models.TextChoices):
        SSO = "sso", "Hospital account (single sign-on)"
        PASSWORD_AND_APP = "password_totp", "Password + authenticator app"
        PASSWORD_AND_RECOVERY_CODE = "password_recovery_codes", "Password + recovery code"
        PASSWORD_AND_PASSKEY = "password_webauthn", "Password + passkey"
        PASSWORD_NO_FACTOR_YET = "password", "Password (second factor to set up)"
        SECOND_FACTOR = "second_factor", "Second factor"
        UNKNOWN = "", "-"

    when = models.DateTimeField(default=timezone.now, db_index=True)
    username = models.CharField(max_length=150, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    method = models.CharField(max_length=30, choices=Method.choices, blank=True)
    address = models.GenericIPAddressField(null=True, blank=True)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        app_label = "phases"
        ordering = ["-when"]
        verbose_name = "staff sign-in"
        verbose_name_plural = "staff sign-in log"

    def __str__(self):
        return f"{self.when:%Y-%m-%d %H:%M} {self.username}: {self.get_outcome_display()}"

    @classmethod
    def record(cls, *, outcome, username="", method="", address=None, detail=""):
        oldest_kept = timezone.now() - datetime.timedelta(days=settings.STAFF_SIGN_IN_LOG_DAYS)
        cls.objects.filter(when__lt=oldest_kept).delete()
        return cls.objects.create(
            outcome=outcome,
            username=printable(username)[:150],
            method=method,
            address=address or None,
            detail=printable(detail)[:200],
        )


def printable(text):
    """Control characters (a forged line break) never reach the log."""
    return "".join(char if char.isprintable() else "?" for char in str(text or ""))
