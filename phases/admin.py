from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt

from phases.clinical_review import notes as review_notes
from phases.dates import add_months
from phases.editorial_admin import EditorialAdmin
from phases.languages import codes
from phases.models import (
    Disclaimer,
    Explanation,
    GlossaryTerm,
    Partner,
    Phase,
    SharedSection,
    sort_key,
)
from phases.views import checker_context, phase_page_context

DUE_SOON_DAYS = 30
LIST_WORDS = 16  # the start of a long text, in a list of many
PREVIEW_PHASE = "remission"  # the phase page a shared section's preview is shown on


class ReviewStatusFilter(admin.SimpleListFilter):
    title = "clinical review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("awaiting", "Awaiting clinical review"),
            ("overdue", "Overdue"),
            ("due-soon", f"Due within {DUE_SOON_DAYS} days"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "awaiting":
            return queryset.awaiting_review()
        if self.value() == "overdue":
            return queryset.review_overdue()
        if self.value() == "due-soon":
            return queryset.review_due_within(DUE_SOON_DAYS)
        return queryset


class PublishedFilter(admin.SimpleListFilter):
    title = "whether patients see it"
    parameter_name = "published"

    def lookups(self, request, model_admin):
        return [("yes", "Published"), ("no", "Not published yet")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(is_published=self.value() == "yes")
        return queryset


class ReviewerForm(forms.Form):
    """The second step of "Mark as clinically reviewed": who reviewed the pages."""

    reviewer = forms.CharField(
        label="Reviewer's full name and role",
        max_length=Phase._meta.get_field("reviewer").max_length,
        help_text="The clinician who checked these pages, as patients will read it: full "
        "name, a comma, then role, for example “Dr A. Example, paediatric haematologist”.",
        error_messages={"required": "Write the reviewer's full name and role."},
        widget=forms.TextInput(attrs={"size": 60, "class": "vTextField"}),
    )

    def clean_reviewer(self):
        return Phase.reviewer_name_and_role(self.cleaned_data["reviewer"])


@admin.register(Phase)
class PhaseAdmin(EditorialAdmin):
    # Few, short columns: the list fits beside the menu and the filters at 1280 pixels.
    list_display = ["name", "last_reviewed", "review_status", "draft_status"]
    list_filter = [ReviewStatusFilter, "icd10_code"]
    search_fields = ["name", "summary", "body", "questions", "references"]
    ordering = ["order", "language"]  # each phase's languages together, English first
    # Fixed facts, the same in every language (a translation takes them from the English
    # page), and review dates that change only through "Mark as clinically reviewed".
    readonly_fields = [
        "slug",
        "order",
        "icd10_code",
        "last_reviewed",
        "next_review_due",
        "reviewer",
    ]
    readability_fields = ("summary", "body", "questions")
    text_rows = {"summary": 3, "body": 24, "questions": 10, "references": 8}
    actions = ["mark_reviewed"]
    fieldsets = [
        ("What patients read", {"fields": ["name", "summary", "body", "questions", "references"]}),
        ("Reading level", {"fields": ["reading_level"]}),
        ("Clinical review", {"fields": ["last_reviewed", "next_review_due", "reviewer"]}),
        ("Page details", {"fields": ["slug", "order", "icd10_code"]}),
    ]

    @admin.display(description="Next review", ordering="next_review_due")
    def review_status(self, phase):
        if phase.changed_since_review:
            last = date_format(phase.last_reviewed)
            return format_html("<strong>{}</strong>", f"Changed since its review of {last}")
        if not phase.is_reviewed:
            return format_html("<strong>{}</strong>", "Awaiting clinical review")
        due = date_format(phase.next_review_due)
        if phase.review_is_overdue():
            return format_html('<strong class="review-overdue">Overdue: was due {}</strong>', due)
        return due

    def has_add_permission(self, request):
        # The five phases are fixed; their pages and the checker depend on each of them.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_review_permission(self, request):
        return request.user.has_perm("phases.review_phase")

    @admin.action(description="Mark as clinically reviewed today", permissions=["review"])
    def mark_reviewed(self, request, queryset):
        """First a page asking who reviewed the selected phases; then, with a name and role,
        each is recorded as reviewed today by them."""
        form = ReviewerForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "title": "Mark as clinically reviewed",
                "opts": self.opts,
                "phases": queryset,
                "form": form,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "next_due": add_months(timezone.localdate(), settings.REVIEW_INTERVAL_MONTHS),
            }
            return TemplateResponse(request, "admin/phases/mark_reviewed.html", context)
        reviewer, today = form.cleaned_data["reviewer"], timezone.localdate()
        phases = list(queryset)
        for phase in phases:
            phase.mark_reviewed(reviewer=reviewer, by=request.user, today=today)
        pages = ngettext("%(count)d page", "%(count)d pages", len(phases)) % {"count": len(phases)}
        stop = "" if reviewer.endswith(".") else "."
        next_due = add_months(today, settings.REVIEW_INTERVAL_MONTHS)
        self.message_user(
            request,
            f"Marked {pages} as clinically reviewed by {reviewer}{stop} Patients now read who "
            f"reviewed them and when. The next review is due {date_format(next_due)}.",
            messages.SUCCESS,
        )
        return None

    # The approver is told what a publish or bring-back does to the page's clinical review.

    def review_note(self, phase, texts, *, action):
        return review_notes.before_change(phase, texts, action=action)

    def _saved_message(self, request, obj):
        message = super()._saved_message(request, obj)
        if obj.has_draft:
            return message
        return " ".join(filter(None, [message, review_notes.after_change(obj)]))

    def _reverted_message(self, record, obj):
        message = super()._reverted_message(record, obj)
        if obj.has_draft:
            return message
        return " ".join(filter(None, [message, review_notes.after_change(obj)]))

    def render_preview(self, request, phase):
        shown = self.previewed(phase)
        # The other phases as readers of this language see them; this one is the draft, even
        # while its translation is not published and the English page stands in for it.
        phases = [
            shown if other.slug == phase.slug else other for other in Phase.objects.in_language()
        ]
        context = phase_page_context(shown, phases=phases)
        return self.preview_response(request, phase, "phases/phase_detail.html", context)


@admin.register(SharedSection)
class SharedSectionAdmin(EditorialAdmin):
    list_display = ["section", "title", "draft_status"]
    ordering = ["key", "language"]
    fields = ["title", "text", "reading_level"]
    readability_fields = ("text",)
    text_rows = {"text": 14}

    @admin.display(description="Section")
    def section(self, section):
        return str(section)

    def has_add_permission(self, request):
        # Each phase page shows these by name; a new one would never be shown.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def render_preview(self, request, section):
        """A phase page in the section's language with the draft of this section in place; the
        fever warning on the checker's page, where it is shown."""
        if section.key == SharedSection.Key.FEVER_WARNING:
            context = checker_context(request, drafts=True)
            context["fever_warning"] = self.previewed(section)
            return self.preview_response(request, section, "phases/check.html", context)
        phases = Phase.objects.in_language()
        phase = next((phase for phase in phases if phase.slug == PREVIEW_PHASE), None)
        if phase is None and not phases:
            raise Http404("There is no phase page to show the section on.")
        sections = SharedSection.by_key() | {section.key: self.previewed(section)}
        context = phase_page_context(phase or phases[0], sections=sections, phases=phases)
        return self.preview_response(request, section, "phases/phase_detail.html", context)


@admin.register(Disclaimer)
class DisclaimerAdmin(EditorialAdmin):
    """One disclaimer in each language."""

    list_display = ["__str__", "draft_status"]
    ordering = ["language"]
    fields = ["text", "reading_level"]
    readability_fields = ("text",)
    text_rows = {"text": 6}

    def languages_without_one(self):
        have = set(Disclaimer.objects.values_list("language", flat=True))
        return [code for code in codes() if code not in have]

    def has_add_permission(self, request):
        # For a language that has none yet; "Add the … text" on the English one does the same.
        return super().has_add_permission(request) and bool(self.languages_without_one())

    def get_changeform_initial_data(self, request):
        first_missing = next(iter(self.languages_without_one()), None)
        return {"language": first_missing, **super().get_changeform_initial_data(request)}

    def has_delete_permission(self, request, obj=None):
        return False

    def render_preview(self, request, disclaimer):
        context = {"phases": Phase.objects.in_language(), "disclaimer": self.previewed(disclaimer)}
        return self.preview_response(request, disclaimer, "phases/home.html", context)


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(EditorialAdmin):
    list_display = ["term", "slug", "publication", "draft_status", "definition_start"]
    list_filter = [PublishedFilter]
    search_fields = ["term", "definition"]
    prepopulated_fields = {"slug": ["term"]}
    fields = ["term", "slug", "definition", "reading_level"]
    readability_fields = ("definition",)
    text_rows = {"definition": 4}

    @admin.display(description="Patients see it", ordering="is_published")
    def publication(self, term):
        return "Yes" if term.is_published else "Not yet"

    @admin.display(description="Definition")
    def definition_start(self, term):
        return Truncator(term.definition).words(LIST_WORDS)

    def render_preview(self, request, term):
        """The glossary in the term's language, this term's draft in place (added, or standing
        for the English term, while it is not published)."""
        others = [other for other in GlossaryTerm.objects.in_language() if other.slug != term.slug]
        terms = sorted([*others, self.previewed(term)], key=lambda shown: sort_key(shown.term))
        return self.preview_response(request, term, "phases/glossary.html", {"terms": terms})


@admin.register(Explanation)
class ExplanationAdmin(EditorialAdmin):
    list_display = ["when_shown", "kind", "text_start", "draft_status"]
    list_filter = ["kind"]
    search_fields = ["key", "text"]
    ordering = ["kind", "key", "language"]
    fields = ["when_shown", "placeholders_you_can_use", "text", "reading_level"]
    readonly_fields = ["when_shown", "placeholders_you_can_use"]
    readability_fields = ("text",)
    text_rows = {"text": 8}

    @admin.display(description="Text")
    def text_start(self, explanation):
        return Truncator(explanation.text).words(LIST_WORDS)

    @admin.display(description="Shown when")
    def when_shown(self, explanation):
        return str(explanation)

    @admin.display(description="Placeholders you can use")
    def placeholders_you_can_use(self, explanation):
        if not explanation.placeholders:
            return "None: this text is shown as it is."
        return ", ".join("{" + name + "}" for name in explanation.placeholders)

    def has_add_permission(self, request):
        # The checker asks for each text by name; a new one would never be shown.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @method_decorator(csrf_exempt)  # like the public checker, the preview changes nothing
    def preview_view(self, request, object_id):
        return super().preview_view(request, object_id)

    def render_preview(self, request, explanation):
        from phases.views import checker_context

        context = checker_context(request, drafts=True)
        return self.preview_response(request, explanation, "phases/check.html", context)


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "is_active", "origins_list", "accent_colour"]
    list_filter = ["is_active"]
    search_fields = ["name", "key", "allowed_origins"]
    prepopulated_fields = {"key": ["name"]}
    change_form_template = "admin/phases/partner_change_form.html"
    fields = [
        "name",
        "key",
        "is_active",
        "allowed_origins",
        "accent_colour",
        "back_link_url",
        "back_link_text",
    ]

    @admin.display(description="Allowed origins")
    def origins_list(self, partner):
        return ", ".join(partner.origins) or "none"

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        # The snippets, pasted as they are: the portal's real address, this partner's key.
        partner = context.get("original")
        if partner is not None and partner.pk:
            context["snippets"] = partner_snippets(request, partner)
        return super().render_change_form(request, context, add, change, **kwargs)


def partner_snippets(request, partner):
    """(language name, snippet) for the checker, in each language: a plain link (what a
    visitor without JavaScript gets) and the script that makes it a frame."""
    embed_js = request.build_absolute_uri(f"{settings.STATIC_URL}embed.js")
    snippets = []
    for code, name, link_text in (
        ("en", "English", "Check your lab results (ALL Phase Portal)"),
        ("es", "Spanish", "Revise sus resultados de laboratorio (Portal de las fases de la LLA)"),
    ):
        with translation.override(code):
            page = request.build_absolute_uri(reverse("embed:check", args=[partner.key]))
        lang = "" if code == "en" else f' data-lang="{code}"'
        snippets.append(
            (
                name,
                f'<a href="{page}">{link_text}</a>\n'
                f'<script src="{embed_js}" data-partner="{partner.key}" data-page="check"'
                f"{lang} async></script>",
            )
        )
    return snippets


def partners_under_their_own_heading(get_app_list):
    """The admin's menu with Partners (hospital libraries' embed settings, not patient
    content) under a heading of their own, after Patient content."""

    def app_list(request, app_label=None):
        apps = get_app_list(request, app_label)
        for index, app in enumerate(apps):
            if app["app_label"] != Partner._meta.app_label:
                continue
            partners = [model for model in app["models"] if model["model"] is Partner]
            content = [model for model in app["models"] if model["model"] is not Partner]
            if partners:
                shown = [{**app, "models": content}] if content else []
                apps[index : index + 1] = [*shown, {**app, "name": "Partners", "models": partners}]
            break
        return apps

    return app_list


admin.site.get_app_list = partners_under_their_own_heading(admin.site.get_app_list)  # type: ignore[method-assign]


# The staff sign-in log (phases/staff_auth/admin.py).
from phases.staff_auth import admin as staff_auth_admin  # noqa: E402, F401
