"""The admin's list filters and the language choices every kind of content shares."""

from django.contrib import admin

from phases.content.languages import DEFAULT, codes, english_name
from phases.content.publishing import MISSING, OUT_OF_DATE

DUE_SOON_DAYS = 30


class DraftFilter(admin.SimpleListFilter):
    title = "draft"
    parameter_name = "draft"

    def lookups(self, request, model_admin):
        return [("waiting", "Draft waiting"), ("none", "No draft")]

    def queryset(self, request, queryset):
        waiting = queryset.model.drafts_waiting().values("pk")
        if self.value() == "waiting":
            return queryset.filter(pk__in=waiting)
        if self.value() == "none":
            return queryset.exclude(pk__in=waiting)
        return queryset


def other_languages() -> list[str]:
    """The languages content is translated into from English."""
    return [code for code in codes() if code != DEFAULT]


def named(obj) -> str:
    """An item as the admin names it: "Remisión (Spanish)" for a text in another language."""
    return str(obj) if obj.language == DEFAULT else f"{obj} ({english_name(obj.language)})"


def language_choices():
    return [(code, english_name(code)) for code in codes()]


TRANSLATION_FILTERS = {OUT_OF_DATE: "out of date", MISSING: "missing"}


def translation_filter(code: str, state: str) -> str:
    """The value of the "translation" list filter for a language's texts in `state`."""
    return f"{code}-{state}"


class LanguageFilter(admin.SimpleListFilter):
    title = "language"
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return language_choices()

    def queryset(self, request, queryset):
        if self.value() in codes():
            return queryset.filter(language=self.value())
        return queryset


class TranslationFilter(admin.SimpleListFilter):
    """Translators' work, for each language besides English (so a new language in settings has
    its own): its texts out of date (the English text was published after them) and the
    English texts it has no published text for (missing)."""

    title = "translation"
    parameter_name = "translation"

    @staticmethod
    def filters():
        return {
            translation_filter(code, state): (code, state)
            for code in other_languages()
            for state in TRANSLATION_FILTERS
        }

    def lookups(self, request, model_admin):
        return [
            (value, f"{english_name(code)} {TRANSLATION_FILTERS[state]}")
            for value, (code, state) in self.filters().items()
        ]

    def queryset(self, request, queryset):
        code, state = self.filters().get(self.value(), (None, None))
        if state == OUT_OF_DATE:
            return queryset.translation_out_of_date(code)
        if state == MISSING:
            return queryset.translation_missing(code)
        return queryset


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
