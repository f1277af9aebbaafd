import datetime

from django.contrib import admin
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from phases.models import Disclaimer, Explanation, GlossaryTerm, Phase

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
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.filter(next_review_due__lt=today)
        if self.value() == "due-soon":
            soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
            return queryset.filter(next_review_due__gte=today, next_review_due__lte=soon)
        return queryset


@admin.register(Phase)
class PhaseAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "icd10_code", "last_reviewed", "review_status"]
    list_filter = [ReviewStatusFilter, "icd10_code"]
    search_fields = ["name", "summary", "body", "questions"]
    readonly_fields = ["slug"]
    fieldsets = [
        ("What patients read", {"fields": ["name", "summary", "body", "questions"]}),
        ("Clinical review", {"fields": ["last_reviewed", "next_review_due", "reviewer"]}),
        ("Page details", {"fields": ["slug", "order", "icd10_code"]}),
    ]

    class Media:
        css = {"all": ["admin-portal/admin.css"]}

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


@admin.register(Disclaimer)
class DisclaimerAdmin(admin.ModelAdmin):
    fields = ["text"]

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


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    list_display = ["term", "slug", "definition"]
    search_fields = ["term", "definition"]
    prepopulated_fields = {"slug": ["term"]}


@admin.register(Explanation)
class ExplanationAdmin(admin.ModelAdmin):
    list_display = ["when_shown", "kind", "text"]
    list_filter = ["kind"]
    search_fields = ["key", "text"]
    fields = ["when_shown", "placeholders_you_can_use", "text"]
    readonly_fields = ["when_shown", "placeholders_you_can_use"]

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
