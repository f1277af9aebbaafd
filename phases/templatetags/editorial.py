from django import template

from phases.models import Phase

register = template.Library()


@register.simple_tag
def overdue_reviews():
    """Phases whose clinical review is overdue, for the admin's front page."""
    return list(Phase.objects.review_overdue())


@register.simple_tag
def awaiting_reviews():
    """Phases no clinician has reviewed yet, for the admin's front page."""
    return list(Phase.objects.awaiting_review())
