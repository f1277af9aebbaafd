from django import template

from phases.models import Phase

register = template.Library()


@register.simple_tag
def overdue_reviews():
    """Phases whose clinical review is overdue, for the admin's front page."""
    return list(Phase.objects.review_overdue())
