"""The other texts in the admin: shared sections, the disclaimer, glossary terms and the
checker's explanations."""

from django.contrib import admin
from django.utils.text import Truncator

from phases.content.admin.editorial import EditorialAdmin
from phases.content.admin.filters import PublishedFilter
from phases.content.languages import codes
from phases.content.models import Disclaimer, Explanation, GlossaryTerm, SharedSection

LIST_WORDS = 16  # the start of a long text, in a list of many


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
