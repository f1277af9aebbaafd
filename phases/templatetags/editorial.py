from django import template
from django.utils import timezone

from phases.models import Phase

register = template.Library()


@register.simple_tag
def overdue_reviews():
    """Phases whose clinical review is overdue, for the admin's front page."""
    return list(Phase.objects.filter(next_review_due__lt=timezone.localdate()))
