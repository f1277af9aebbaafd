"""The admin behaviour every kind of patient content shares: drafts, publishing, links to the
previews (phases.site.previews), history with word-level differences and bringing back a
version (history.py), showing a save the model refused as stale (EditedMeanwhile; forms.py),
reading levels, and translations (translations.py).

The editorial rules themselves (what a draft, a publish or a revert does, and how two versions
differ) live in phases.content.publishing; this module only presents them. Each language's
text of an item is a row of its own (phases.content.languages), with its own draft, history and
review: the admin shows each row's language, and on each row how its translations stand.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, re_path, reverse
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from phases.content.admin.filters import (
    DraftFilter,
    LanguageFilter,
    TranslationFilter,
    language_choices,
    other_languages,
)
from phases.content.admin.forms import EditorialForm
from phases.content.admin.history import HistoryViews
from phases.content.admin.translations import TranslationViews
from phases.content.admin_ids import no_such_item
from phases.content.languages import DEFAULT, english_name
from phases.content.publishing import EditedMeanwhile
from phases.text.markdown_editing.views import markdown_preview
from phases.text.markdown_editing.widgets import MarkdownTextarea
from phases.text.readability import hard_to_read, reading_level


class EditorialAdmin(HistoryViews, TranslationViews, admin.ModelAdmin):
    form = EditorialForm
    change_form_template = "admin/phases/editorial_change_form.html"
    object_history_template = "admin/phases/editorial_history.html"
    revert_template = "admin/phases/editorial_revert.html"
    delete_confirmation_template = "admin/phases/editorial_delete_confirmation.html"
    readability_fields: tuple[str, ...] = ()
    # Rows of the text box of each multi-line text; sentences get a box, not a one-line field.
    text_rows: dict[str, int] = {}
    # Fields besides the texts that are the same in every language: a translation takes them
    # from the English row when it is started.

    class Media:
        css = {"all": ["admin-portal/admin.css"]}

    # Permissions: "Content editors" save drafts; "Content approvers" also publish.
    def has_publish_permission(self, request):
        return request.user.has_perm(f"phases.publish_{self.opts.model_name}")

    @admin.display(description="Draft", empty_value="")
    def draft_status(self, obj):
        return "Draft waiting" if obj.has_draft else ""

    @admin.display(description="Language")
    def language_name(self, obj):
        return english_name(obj.language)

    def get_list_display(self, request):
        # The language right after the item's name: each language's row is a line of its own.
        first, *rest = super().get_list_display(request)
        return [first, "language_name", *rest]

    def get_list_filter(self, request):
        return [LanguageFilter, TranslationFilter, *super().get_list_filter(request), DraftFilter]

    def get_actions(self, request):
        # Django's bulk delete would skip the confirmation in plain words and its message.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        if self.has_change_permission(request):
            for code in other_languages():
                name = f"start_translation_{code}"
                description = f"Add the {english_name(code)} text of the selected English items"
                actions[name] = (self._start_translations_action(code), name, description)
        return actions

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "language":
            return forms.ChoiceField(
                choices=language_choices(),
                initial=DEFAULT,
                required=False,  # English unless chosen otherwise
                label="Language",
                help_text="The language patients read this text in. It cannot be changed later.",
            )
        if db_field.name in getattr(self.model, "MARKDOWN_FIELDS", ()):
            # Markdown: help and a live preview beside the box (phases.text.markdown_editing).
            rows = self.text_rows.get(db_field.name, 10)
            attrs = {"rows": rows, "class": "vLargeTextField"}
            preview_url = self._url("markdown_preview")
            kwargs["widget"] = MarkdownTextarea(attrs=attrs, preview_url=preview_url)
        elif db_field.name in self.text_rows:
            attrs = {"rows": self.text_rows[db_field.name], "class": "vLargeTextField"}
            kwargs["widget"] = forms.Textarea(attrs=attrs)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        # The language comes first (chosen when an item is added, then shown); the hidden
        # version travels with the form, so a stale save can be recognised.
        (name, options), *rest = super().get_fieldsets(request, obj)
        fields = [field for field in options["fields"] if field not in ("language", "edit_version")]
        return [(name, {**options, "fields": ["language", *fields, "edit_version"]}), *rest]

    def get_view_on_site_url(self, obj=None):
        # The page in the text's language: /es/phases/remission/ for the Spanish text.
        if super().get_view_on_site_url(obj) is None:
            return None
        with translation.override(obj.language):
            return obj.get_absolute_url()

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "reading_level"]

    @admin.display(description="Reading level")
    def reading_level(self, obj):
        if obj is None or not obj.pk:
            return "Shown after the first save."
        shown, levels = obj.with_draft(), []
        for field in self.readability_fields:
            level = reading_level(getattr(shown, field), obj.language)
            if level is None:
                return f"The portal has no reading measure for {english_name(obj.language)} yet."
            hint = (
                " · harder than the aim: try shorter sentences and words"
                if level.is_too_hard
                else ""
            )
            levels.append((obj.field_label(field), level, level.measure.aim, level.words, hint))
        return format_html_join(mark_safe("<br>"), "{}: {} ({}) · {} words{}", levels)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        can_publish = self.has_publish_permission(request)
        extra_context = {**(extra_context or {}), "can_publish": can_publish}
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if obj is not None and self.has_view_or_change_permission(request, obj):
            # The draft on its public page: a staff-only view of the site (phases.site.previews).
            extra_context["preview_url"] = reverse(
                f"previews:{self.opts.model_name}", args=[obj.pk]
            )
            extra_context["translations"] = self.translations(request, obj)
            extra_context["english"] = self.english_text(obj)
            if can_publish:
                texts = obj.draft or {}
                extra_context["review_note"] = self.review_note(obj, texts, action="Publishing")
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditedMeanwhile as edited:
            # Nothing was saved (the admin's transaction rolled back). The form again, as the
            # editor sent it, refused with what the other editor changed (get_form passes the
            # refusal to the form).
            request.edited_meanwhile = edited
            return super().changeform_view(request, object_id, form_url, extra_context)

    def review_note(self, obj, texts, *, action):
        """What `action` of `texts` would do to the item's clinical review ("" for content
        that has none): shown to approvers before they publish or bring back a version."""
        return ""

    def _publishing(self, request):
        return "_publish" in request.POST or (
            "_save" in request.POST and self.has_publish_permission(request)
        )

    def save_model(self, request, obj, form, change):
        # A change saves only if nobody saved since the editor opened the form (EditedMeanwhile
        # otherwise, shown by changeform_view); a new item has nothing to be stale against.
        started = form.started_from if change else None
        if not self._publishing(request):
            obj.save_draft(by=request.user, expected_version=started)
        elif self.has_publish_permission(request):
            obj.publish(by=request.user, expected_version=started)
        else:
            raise PermissionDenied

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        edited = getattr(request, "edited_meanwhile", None)
        if edited is None:
            return form
        return type(form.__name__, (form,), {"edited_meanwhile": edited})

    def response_add(self, request, obj, post_url_continue=None):
        if IS_POPUP_VAR in request.POST:
            return super().response_add(request, obj, post_url_continue)
        return self._saved(request, obj, then=self.response_post_save_add)

    def response_change(self, request, obj):
        if IS_POPUP_VAR in request.POST:
            return super().response_change(request, obj)
        return self._saved(request, obj, then=self.response_post_save_change)

    def _saved(self, request, obj, *, then):
        """One message saying what happened and what comes next, in place of Django's "…
        was changed successfully", and a note for each text that reads too hard; a draft
        reopens in the form, a publish goes to the list."""
        self.message_user(request, self._saved_message(request, obj), messages.SUCCESS)
        for note in self._hard_to_read(obj):  # beside the success, not instead of it
            self.message_user(request, note, messages.WARNING)
        if not obj.has_draft:
            return then(request, obj)
        return redirect(self._url("change", obj.pk))

    def _saved_message(self, request, obj):
        if not obj.has_draft:
            return "Published: patients see this version now."
        if obj.is_published:
            patients = "Patients still see the published version."
        else:
            patients = "Patients do not see it until it is published."
        if self.has_publish_permission(request):
            return f"Saved as a draft. {patients} Check it with “Preview”, then press “Publish”."
        return f"Saved as a draft. {patients} It now waits for an approver to publish it."

    def _hard_to_read(self, obj):
        shown = obj.with_draft()
        texts = {obj.field_label(field): getattr(shown, field) for field in self.readability_fields}
        return hard_to_read(texts, obj.language)

    def response_delete(self, request, obj_display, obj_id):
        if IS_POPUP_VAR in request.POST:
            return super().response_delete(request, obj_display, obj_id)
        self.message_user(
            request,
            f"Deleted the {self.opts.verbose_name} “{obj_display}”: patients no longer see it.",
            messages.SUCCESS,
        )
        return redirect(self._url("changelist"))

    def _url(self, action, *args):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{action}", args=args)

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view  # signed-in staff only, CSRF-protected
        return [
            path("markdown-preview/", view(markdown_preview), name=f"{info}_markdown_preview"),
            path(
                "<ascii_id:object_id>/translate/<str:language>/",
                view(self.start_translation_view),
                name=f"{info}_translate",
            ),
            path(
                "<ascii_id:object_id>/history/<ascii_id:version_id>/",
                view(self.revert_view),
                name=f"{info}_revert",
            ),
            # Any other id there (Unicode digits: "²".isdigit() is true, int("²") fails) is a
            # plain 404, never simple_history's view of the same address.
            re_path(r"^[^/]+/(?:preview|history/[^/]+|translate/[^/]+)/$", view(no_such_item)),
            *super().get_urls(),
        ]

    def _context(self, request, obj, title, **context):
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": None,
            "opts": self.opts,
            "object": obj,
            "module_name": capfirst(self.opts.verbose_name_plural),
            "media": self.media,
            **context,
        }
