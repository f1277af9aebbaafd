from django import template
from django.apps import apps
from django.urls import reverse

from phases.editorial_admin import saved_by
from phases.models import Phase
from phases.publishing import EditableContent

register = template.Library()


@register.simple_tag
def overdue_reviews():
    """Phases whose clinical review is overdue, for the admin's front page."""
    return list(Phase.objects.review_overdue())


@register.simple_tag
def reviews_due_within(days):
    """Phases whose clinical review falls due in the next `days` days."""
    return list(Phase.objects.review_due_within(days))


@register.simple_tag
def awaiting_reviews():
    """Phases no clinician has reviewed yet, for the admin's front page."""
    return list(Phase.objects.awaiting_review())


@register.simple_tag(takes_context=True)
def drafts_waiting(context):
    """The drafts this user may publish, by kind of content: (kind, [draft]), each draft with
    its item, the address of its form, and who saved it when. None for those who may publish
    nothing: drafts are not theirs to look at."""
    user, waiting, may_publish = context["request"].user, [], False
    for model in apps.get_app_config("phases").get_models():
        opts = model._meta
        if not issubclass(model, EditableContent):
            continue
        if not user.has_perm(f"{opts.app_label}.publish_{opts.model_name}"):
            continue
        may_publish, drafts = True, []
        for item in model.drafts_waiting():
            record = item.history.first()
            drafts.append(
                {
                    "item": item,
                    "url": reverse(
                        f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]
                    ),
                    "who": saved_by(record) if record else "",
                    "when": record.history_date if record else None,
                }
            )
        if drafts:
            waiting.append((opts.verbose_name_plural, drafts))
    return waiting if may_publish else None
