"""Which browsers may call the API from another site: those on an active partner's site."""

from phases.embed.models import Partner
from phases.embed.origins import valid_origins


def origin_is_a_partner(sender, request, **kwargs):
    """django-cors-headers asks this for requests from other sites; only the API answers them."""
    origin = request.headers.get("Origin")
    if not origin or not request.path_info.startswith("/api/"):
        return False
    partners = Partner.objects.active().values_list("allowed_origins", flat=True)
    return any(origin in valid_origins(allowed) for allowed in partners)
