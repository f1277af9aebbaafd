"""The phases in the admin: their pages, and marking them as clinically reviewed."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import ngettext

from phases.content.admin.editorial import EditorialAdmin
from phases.content.admin.filters import ReviewStatusFilter
from phases.content.clinical_review import notes as review_notes
from phases.content.dates import add_months
from phases.content.models import Phase


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
