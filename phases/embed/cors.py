"""Which browsers may call the API from another site: those on an active partner's site.
django-cors-headers asks its check_request_enabled signal; the receiver below answers it once
this module is imported (PhasesConfig.ready does)."""

from corsheaders.signals import check_request_enabled
from django.dispatch import receiver

from phases.embed.models import Partner
from phases.embed.origins import valid_origins


@receiver(check_request_enabled, dispatch_uid="phases-partner-cors")
def origin_is_a_partner(sender, request, **kwargs):
    """django-cors-headers asks this for requests from other sites; only the API answers them."""
    origin = request.headers.get("Origin")
    if not origin or not request.path_info.startswith("/api/"):
        return False
    partners = Partner.objects.active().values_list("allowed_origins", flat=True)
    return any(origin in valid_origins(allowed) for allowed in partners)
