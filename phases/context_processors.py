from django.utils.functional import SimpleLazyObject

from phases.models import Disclaimer


def disclaimer(request):
    """The disclaimer for every page, read only when a template shows it."""
    return {"disclaimer": SimpleLazyObject(Disclaimer.current)}
