"""Previews: a draft on its public page, exactly as patients of its language would read it, for
staff only. The admin links here (phases.content.admin.editorial); these views, not the admin,
know how each kind of content is shown on the site.

They answer at the admin's own addresses (/admin/phases/<model>/<id>/preview/), so staff's
sign-in rules (second factor, session) apply as on every admin page, and they ask what the admin
asks: a signed-in staff member who may view or change that kind of content."""

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from phases.content.models import (
    Disclaimer,
    Explanation,
    GlossaryTerm,
    Phase,
    SharedSection,
    sort_key,
)
from phases.site.views import checker_context, phase_page_context

PREVIEW_TEMPLATE = "admin/phases/preview.html"
PREVIEW_PHASE = "remission"  # the phase page a shared section's preview is shown on


def may_preview(user, model) -> bool:
    """The admin's own check: staff, with the view or the change permission on the model."""
    opts = model._meta
    return (
        user.is_active
        and user.is_staff
        and any(
            user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
            for action in ("view", "change")
        )
    )


def preview_of(model):
    """A staff-only view showing the draft of one `model` row with `render(request, row)`."""

    def decorate(render):
        @never_cache
        @staff_member_required
        def preview(request, object_id):
            obj = model.objects.filter(pk=object_id).first()
            if obj is None:
                raise Http404("No such item.")
            if not may_preview(request.user, model):
                raise PermissionDenied
            # The page in the text's language, as its readers get it: its interface words, its
            # links (/es/...), and the other texts of the page in that language. Rendered here,
            # while the language is active: a template response would otherwise render later.
            with translation.override(obj.language):
                return render(request, obj).render()

        preview.__name__ = preview.__qualname__ = render.__name__
        return preview

    return decorate


def previewed(obj):
    """The draft of `obj` as patients of its language will read it: in its own language."""
    shown = obj.with_draft()
    shown.is_fallback = False
    return shown


def preview_response(request, obj, page_template, context):
    """The public page `page_template` showing the draft, with a link back to the form."""
    opts = obj._meta
    context = {
        **context,
        "preview": True,
        "page_template": page_template,
        "edit_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
        "edited": obj.with_draft(),
        "language_versions": [],  # a preview has one language: no switcher to follow
    }
    return TemplateResponse(request, PREVIEW_TEMPLATE, context)


@preview_of(Phase)
def phase(request, phase):
    shown = previewed(phase)
    # The other phases as readers of this language see them; this one is the draft, even
    # while its translation is not published and the English page stands in for it.
    phases = [
        shown if other.slug == phase.slug else other for other in Phase.objects.in_language_list()
    ]
    context = phase_page_context(shown, phases=phases)
    return preview_response(request, phase, "phases/phase_detail.html", context)


@preview_of(SharedSection)
def shared_section(request, section):
    """A phase page in the section's language with the draft of this section in place; the
    fever warning on the checker's page, where it is shown."""
    if section.key == SharedSection.Key.FEVER_WARNING:
        context = checker_context(request, drafts=True)
        context["fever_warning"] = previewed(section)
        return preview_response(request, section, "phases/check.html", context)
    phases = Phase.objects.in_language_list()
    shown_on = next((phase for phase in phases if phase.slug == PREVIEW_PHASE), None)
    if shown_on is None and not phases:
        raise Http404("There is no phase page to show the section on.")
    sections = SharedSection.by_key() | {section.key: previewed(section)}
    context = phase_page_context(shown_on or phases[0], sections=sections, phases=phases)
    return preview_response(request, section, "phases/phase_detail.html", context)


@preview_of(Disclaimer)
def disclaimer(request, disclaimer):
    context = {"phases": Phase.objects.in_language_list(), "disclaimer": previewed(disclaimer)}
    return preview_response(request, disclaimer, "phases/home.html", context)


@preview_of(GlossaryTerm)
def glossary_term(request, term):
    """The glossary in the term's language, this term's draft in place (added, or standing
    for the English term, while it is not published)."""
    others = [other for other in GlossaryTerm.objects.in_language_list() if other.slug != term.slug]
    terms = sorted([*others, previewed(term)], key=lambda shown: sort_key(shown.term))
    return preview_response(request, term, "phases/glossary.html", {"terms": terms})


@csrf_exempt  # like the public checker, the preview changes nothing
@preview_of(Explanation)
def explanation(request, explanation):
    context = checker_context(request, drafts=True)
    return preview_response(request, explanation, "phases/check.html", context)
