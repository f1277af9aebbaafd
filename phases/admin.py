from django.conf import settings
from django.contrib import admin, messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.html import format_html
from django.views.decorators.csrf import csrf_exempt

from phases.editorial_admin import EditorialAdmin
from phases.models import Disclaimer, Explanation, GlossaryTerm, Partner, Phase
from phases.publishing import add_months

DUE_SOON_DAYS = 30


class ReviewStatusFilter(admin.SimpleListFilter):
    title = "clinical review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("overdue", "Overdue"),
            ("due-soon", f"Due within {DUE_SOON_DAYS} days"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue()
        if self.value() == "due-soon":
            return queryset.review_due_within(DUE_SOON_DAYS)
        return queryset


@admin.register(Phase)
class PhaseAdmin(EditorialAdmin):
    list_display = ["name", "order", "icd10_code", "last_reviewed", "review_status", "draft_status"]
    list_filter = [ReviewStatusFilter, "icd10_code"]
    search_fields = ["name", "summary", "body", "questions"]
    # Fixed facts, and review dates that change only through "Mark as clinically reviewed".
    # Fixed facts, and review dates that change only through "Mark as clinically reviewed".
    readonly_fields = [
        "slug",
        "order",
        "icd10_code",
        "last_reviewed",
        "next_review_due",
        "reviewer",
    ]
    readability_fields = ("summary", "body", "questions")
    actions = ["mark_reviewed"]
    fieldsets = [
        ("What patients read", {"fields": ["name", "summary", "body", "questions"]}),
        ("Reading level", {"fields": ["reading_level"]}),
        ("Clinical review", {"fields": ["last_reviewed", "next_review_due", "reviewer"]}),
        ("Page details", {"fields": ["slug", "order", "icd10_code"]}),
    ]

    @admin.display(description="Next review", ordering="next_review_due")
    def review_status(self, phase):
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
        today = timezone.localdate()
        reviewer = request.user.get_full_name() or request.user.get_username()
        next_due = add_months(today, settings.REVIEW_INTERVAL_MONTHS)
        for phase in queryset:
            phase.last_reviewed, phase.next_review_due, phase.reviewer = today, next_due, reviewer
            phase.version += 1
            phase._history_user = request.user
            phase._change_reason = "Marked as reviewed"
            phase.save()
        self.message_user(
            request,
            f"Marked {len(queryset)} as reviewed by {reviewer}. Next review due "
            f"{date_format(next_due)}.",
            messages.SUCCESS,
        )

    def render_preview(self, request, phase):
        previous, following = phase.neighbours()
        context = {"phase": phase.with_draft(), "previous": previous, "next": following}
        return render(request, "phases/phase_detail.html", context | {"preview": True})


@admin.register(Disclaimer)
class DisclaimerAdmin(EditorialAdmin):
    fields = ["text", "reading_level"]
    readability_fields = ("text",)

    def changelist_view(self, request, extra_context=None):
        # There is only one disclaimer: take the editor straight to it.
        disclaimer = Disclaimer.current()
        if disclaimer is None:
            return super().changelist_view(request, extra_context)
        return redirect("admin:phases_disclaimer_change", disclaimer.pk)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and Disclaimer.current() is None

    def has_delete_permission(self, request, obj=None):
        return False

    def render_preview(self, request, disclaimer):
        context = {"phases": Phase.objects.all(), "disclaimer": disclaimer.with_draft()}
        return render(request, "phases/home.html", context | {"preview": True})


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(EditorialAdmin):
    list_display = ["term", "slug", "is_published", "draft_status", "definition"]
    list_filter = ["is_published"]
    search_fields = ["term", "definition"]
    prepopulated_fields = {"slug": ["term"]}
    fields = ["term", "slug", "definition", "reading_level"]
    readability_fields = ("definition",)

    def render_preview(self, request, term):
        terms = [other.with_draft() if other == term else other for other in self.glossary(term)]
        return render(request, "phases/glossary.html", {"terms": terms, "preview": True})

    def glossary(self, term):
        """The published glossary, with this term added if it is not published yet."""
        terms = list(GlossaryTerm.objects.published())
        if not term.is_published:
            terms.append(term)
        return sorted(terms, key=lambda other: other.with_draft().term.lower())


@admin.register(Explanation)
class ExplanationAdmin(EditorialAdmin):
    list_display = ["when_shown", "kind", "text", "draft_status"]
    list_filter = ["kind"]
    search_fields = ["key", "text"]
    fields = ["when_shown", "placeholders_you_can_use", "text", "reading_level"]
    readonly_fields = ["when_shown", "placeholders_you_can_use"]
    readability_fields = ("text",)

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
        from phases.views import render_checker

        return render_checker(request, drafts=True)


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "is_active", "origins_list", "accent_colour"]
    list_filter = ["is_active"]
    search_fields = ["name", "key", "allowed_origins"]
    prepopulated_fields = {"key": ["name"]}
    readonly_fields = ["snippet"]
    fields = [
        "name",
        "key",
        "is_active",
        "allowed_origins",
        "accent_colour",
        "back_link_url",
        "back_link_text",
        "snippet",
    ]

    @admin.display(description="Allowed origins")
    def origins_list(self, partner):
        return ", ".join(partner.origins) or "none"

    @admin.display(description="Snippet for the partner's webmaster")
    def snippet(self, partner):
        if not partner.pk:
            return "Shown after the first save."
        return format_html(
            '<code>&lt;script src="…/static/embed.js" data-partner="{}" data-page="check" '
            "async&gt;&lt;/script&gt;</code><br>More pages and a live preview: "
            '<a href="/embed/help/">the embedding help page</a>.',
            partner.key,
        )
