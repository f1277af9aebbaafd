from django import template
from django.apps import apps
from django.urls import reverse

from phases.content.admin.filters import TRANSLATION_FILTERS, other_languages, translation_filter
from phases.content.admin.forms import saved_by
from phases.content.languages import DEFAULT, english_name
from phases.content.models import Phase
from phases.content.publishing import MISSING, OUT_OF_DATE, EditableContent

register = template.Library()


def content_models():
    return [
        model
        for model in apps.get_app_config("phases").get_models()
        if issubclass(model, EditableContent)
    ]


@register.simple_tag
def language_note(item):
    """After the name of a text in a language besides English, its language: " (Spanish)"."""
    return "" if item.language == DEFAULT else f" ({english_name(item.language)})"


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
    for model in content_models():
        opts = model._meta
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


@register.simple_tag(takes_context=True)
def translations_to_do(context):
    """For each language besides English, the texts of each kind that are out of date or
    missing, with the address of the list that shows them: [(language, [(kind, [(words,
    address)])])]. None for those who may look at no content."""
    user = context["request"].user
    models = [
        model
        for model in content_models()
        if user.has_perm(f"phases.view_{model._meta.model_name}")
        or user.has_perm(f"phases.change_{model._meta.model_name}")
    ]
    if not models:
        return None
    languages = []
    for code in other_languages():
        kinds = []
        for model in models:
            manager, opts = model._default_manager, model._meta
            counts = {
                OUT_OF_DATE: manager.translation_out_of_date(code).count(),
                MISSING: manager.translation_missing(code).count(),
            }
            changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            shown = [
                (
                    f"{count} {TRANSLATION_FILTERS[state]}",
                    f"{changelist}?translation={translation_filter(code, state)}",
                )
                for state, count in counts.items()
                if count
            ]
            if shown:
                kinds.append((opts.verbose_name_plural, shown))
        languages.append((english_name(code), kinds))
    return languages
