"""The admin behaviour every kind of patient content shares: drafts, publishing, previews,
history with word-level differences, bringing back a version, refusing stale saves, reading
levels, and translations.

The editorial rules themselves (what a draft, a publish or a revert does, and how two versions
differ) live in phases.content.publishing; this module only presents them. Each language's
text of an item is a row of its own (phases.content.languages), with its own draft, history and
review: the admin shows each row's language, and on each row how its translations stand.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import PAGE_VAR
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, re_path, reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.views.decorators.http import require_POST

from phases.content.admin_ids import no_such_item
from phases.content.languages import DEFAULT, codes, english_name
from phases.content.publishing import MISSING, OUT_OF_DATE
from phases.text.markdown_editing.views import markdown_preview
from phases.text.markdown_editing.widgets import MarkdownTextarea
from phases.text.readability import reading_level

HISTORY_PER_PAGE = 50
PREVIEW_TEMPLATE = "admin/phases/preview.html"


class EditorialForm(forms.ModelForm):
    """Opens on the draft when there is one, and refuses a save that started from an older
    version, keeping the editor's text and showing what the other editor changed."""

    # The version this editor started from; not called "version", which the model owns.
    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if "language" in self.fields and instance.pk:
            # Shown, never changed: a row is one language's text. Still a field of the form, so
            # a text is checked for uniqueness within its language before it is saved.
            self.fields["language"].disabled = True
        if instance.pk:
            model = type(instance)
            current = model.objects.filter(pk=instance.pk).values_list("version", flat=True)
            self.fields["edit_version"].initial = current.first()
            if instance.draft and not self.is_bound:
                self.initial.update({k: v for k, v in instance.draft.items() if k in self.fields})

    def clean_language(self):
        return self.cleaned_data["language"] or DEFAULT

    def clean(self):
        cleaned_data = super().clean()
        for field, value in cleaned_data.items():
            if isinstance(value, str):
                # Browsers send textarea lines ending in \r\n; store plain \n so that a
                # history or conflict comparison shows only real changes.
                cleaned_data[field] = value.replace("\r\n", "\n")
        if self.instance.pk:
            # The admin saves inside a transaction: the row stays locked until the save is done.
            current = type(self.instance).objects.select_for_update().get(pk=self.instance.pk)
            started = cleaned_data.get("edit_version")
            if started != current.version:
                self.data = self.data.copy()
                self.data["edit_version"] = current.version  # saving again, after merging, works
                raise ValidationError(conflict_message(current, started), code="stale")
        return cleaned_data


def conflict_message(current, started):
    """What the other editors changed since this editor opened the page, word by word."""
    newer = current.history.filter(version__gt=started or 0).select_related("history_user")
    names = sorted({_name(record.history_user) for record in newer})
    when = date_format(localtime(current.history.first().history_date), "DATETIME_FORMAT")
    intro = format_html(
        "Someone else saved this while you were editing it ({} at {}). Your text is still in "
        "the form below: nothing has been saved. Their changes are shown here: merge what you "
        "need into your text, then save again.",
        ", ".join(names),
        when,
    )
    original = current.history.filter(version=started).first()
    if original is None:
        return intro
    changes = current.text_changes(original.instance.with_draft(), current.with_draft())
    row = "<li><strong>{}:</strong> <span class='diff'>{}</span></li>"
    rows = format_html_join("", row, changes)
    return format_html("{}<ul class='conflict-changes'>{}</ul>", intro, rows)


def _name(user):
    return (user.get_full_name() or user.get_username()) if user else "an import"


def saved_by(record):
    """Who saved a version, as plain text: a name, or where the words came from."""
    if record.history_user is not None:
        return _name(record.history_user)
    if (record.history_change_reason or "").startswith("Imported"):
        return "Imported"
    return "Initial content"  # seeded with the portal, or its own later corrections


def _problems(obj, error):
    """A ValidationError's messages, each with the name of the text it is about."""
    if not hasattr(error, "error_dict"):
        return error.messages
    return [
        f"{obj.field_label(field)}: {message}" if field in obj.DRAFT_FIELDS else message
        for field, field_messages in error.message_dict.items()
        for message in field_messages
    ]


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


# Languages and translations


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


@dataclass
class Translation:
    """How an item's text in one language stands against its English text, as a change form
    tells it: on the English form, `row` and `url` are that language's row; on the form of the
    translation, they are the English row."""

    language: str
    name: str  # the language, in English
    state: str
    url: str | None = None  # the other row's change form
    row: object = None
    start_url: str | None = None  # "Add the … text", for those who may
    changes: list | None = None  # what changed in the English since the translation


@dataclass
class HistoryRow:
    record: object  # a history record
    who: str
    who_url: str | None  # the person's user page, for those who may open it
    changes: list  # (field label, word-by-word HTML)
    is_first: bool  # the first version of all: nothing before it to compare with
    is_current: bool  # what the record holds now


class EditorialAdmin(admin.ModelAdmin):
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
            extra_context["translations"] = self.translations(request, obj)
            extra_context["english"] = self.english_text(obj)
            if can_publish:
                texts = obj.draft or {}
                extra_context["review_note"] = self.review_note(obj, texts, action="Publishing")
        return super().changeform_view(request, object_id, form_url, extra_context)

    def review_note(self, obj, texts, *, action):
        """What `action` of `texts` would do to the item's clinical review ("" for content
        that has none): shown to approvers before they publish or bring back a version."""
        return ""

    # Saving: "Save draft" keeps the change beside the published text; "Publish" makes it live.

    def _publishing(self, request):
        return "_publish" in request.POST or (
            "_save" in request.POST and self.has_publish_permission(request)
        )

    def save_model(self, request, obj, form, change):
        if not self._publishing(request):
            obj.save_draft(by=request.user)
        elif self.has_publish_permission(request):
            obj.publish(by=request.user)
        else:
            raise PermissionDenied

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
        if obj.has_published_version:
            patients = "Patients still see the published version."
        else:
            patients = "Patients do not see it until it is published."
        if self.has_publish_permission(request):
            return f"Saved as a draft. {patients} Check it with “Preview”, then press “Publish”."
        return f"Saved as a draft. {patients} It now waits for an approver to publish it."

    def _hard_to_read(self, obj):
        shown, hard = obj.with_draft(), []
        for field in self.readability_fields:
            level = reading_level(getattr(shown, field), obj.language)
            if level is not None and level.is_too_hard:
                hard.append(
                    f"{obj.field_label(field)} reads at {level}: patients find "
                    f"{level.measure.easier} easier, so try shorter sentences and everyday words."
                )
        return hard

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
            path("<ascii_id:object_id>/preview/", view(self.preview_view), name=f"{info}_preview"),
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

    # History: every version, newest first, with what it changed word by word.

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))  # None for an id that is not one
        if obj is None:
            raise Http404("No such item.")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        records = obj.history.select_related("history_user").order_by(
            "-history_date", "-history_id"
        )
        paginator = Paginator(records, HISTORY_PER_PAGE)
        page = paginator.get_page(request.GET.get(PAGE_VAR))
        shown = list(page.object_list)
        older = records[page.end_index()] if page.has_next() else None
        rows = [
            HistoryRow(
                record=record,
                who=saved_by(record),
                who_url=self._user_url(request, record.history_user),
                changes=obj.version_changes(record, previous) if previous else [],
                is_first=previous is None,
                is_current=page.number == 1 and index == 0,
            )
            for index, (record, previous) in enumerate(
                zip(shown, [*shown[1:], older], strict=False)
            )
        ]
        context = self._context(
            request,
            obj,
            f"History: {named(obj)}",
            rows=rows,
            page=page,
            page_range=paginator.get_elided_page_range(page.number),
            page_var=PAGE_VAR,
            can_change=self.has_change_permission(request, obj),
            **(extra_context or {}),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)

    def _user_url(self, request, user):
        """The admin page of the person who saved a version, only for those who may open it."""
        if user is None or not self.admin_site.is_registered(type(user)):
            return None
        user_admin = self.admin_site.get_model_admin(type(user))
        if not user_admin.has_view_or_change_permission(request, user):
            return None
        opts = user._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[user.pk])

    # Bringing back a version: its texts, what it would change, then one button.

    def revert_view(self, request, object_id, version_id):
        obj = self.get_object(request, object_id)
        if obj is None:
            return self.add_again(request, object_id, version_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        record = obj.history.filter(history_id=version_id).select_related("history_user").first()
        if record is None:
            raise Http404("No such version.")
        can_change = self.has_change_permission(request, obj)
        can_publish = self.has_publish_permission(request)
        problems = []
        if request.method == "POST":
            if not can_change:
                raise PermissionDenied
            try:
                obj.revert_to(record, by=request.user, publish=can_publish)
            except ValidationError as error:
                problems = _problems(obj, error)
                obj = self.get_object(request, object_id)  # as stored: nothing was saved
            else:
                self.log_change(request, obj, f"Brought back version {record.version}.")
                self.message_user(request, self._reverted_message(record, obj), messages.SUCCESS)
                return redirect(self._url("change", obj.pk))
        context = self._context(
            request,
            obj,
            f"Version {record.version} of {named(obj)}",
            record=record,
            who=saved_by(record),
            who_url=self._user_url(request, record.history_user),
            texts=[(obj.field_label(field), getattr(record, field)) for field in obj.DRAFT_FIELDS],
            changes=obj.text_changes(obj, record),
            review_note=self.review_note(
                obj,
                {field: getattr(record, field) for field in obj.DRAFT_FIELDS},
                action="Bringing back this version",
            )
            if can_publish
            else "",
            problems=problems,
            can_change=can_change,
            can_publish=can_publish,
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.revert_template, context)

    def _reverted_message(self, record, obj):
        if obj.has_draft:
            return (
                f"The text of version {record.version} is back as a draft: patients still see "
                "the published version until an approver publishes it."
            )
        return f"The text of version {record.version} is back and published: patients see it now."

    def add_again(self, request, object_id, version_id):
        """A deleted item cannot be brought back in place: its words go into a new one instead."""
        history = self.model.history.filter(history_id=version_id)
        record = history.filter(**{self.opts.pk.attname: object_id}).first()
        if record is None or not self.has_add_permission(request):
            raise Http404("No such version.")
        messages.info(
            request,
            f"This {self.opts.verbose_name} was deleted, so it cannot be changed back in place. "
            "Its words from that version are filled in below: save to add it again.",
        )
        fields = ["language", *self.model.DRAFT_FIELDS]
        initial = urlencode({field: getattr(record, field) for field in fields})
        return redirect(f"{self._url('add')}?{initial}")

    # Preview: the draft exactly as patients would see it, for staff only.

    def preview_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))  # None for an id that is not one
        if obj is None:
            raise Http404("No such item.")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        # The page in the text's language, as its readers get it: its interface words, its
        # links (/es/...), and the other texts of the page in that language. Rendered here,
        # while the language is active: a template response would otherwise render later.
        with translation.override(obj.language):
            return self.render_preview(request, obj).render()

    def render_preview(self, request, obj):
        raise NotImplementedError

    def preview_response(self, request, obj, page_template, context):
        """The public page `page_template` showing the draft, with a link back to the form."""
        context = {
            **context,
            "preview": True,
            "page_template": page_template,
            "edit_url": self._url("change", obj.pk),
            "edited": obj.with_draft(),
            "language_versions": [],  # a preview has one language: no switcher to follow
        }
        return TemplateResponse(request, PREVIEW_TEMPLATE, context)

    @staticmethod
    def previewed(obj):
        """The draft of `obj` as patients of its language will read it: in its own language."""
        shown = obj.with_draft()
        shown.is_fallback = False
        return shown

    # Translations: how each language's text of an item stands, and starting a missing one.

    def translations(self, request, obj):
        """On an English row, how its text stands in each other language; None on the others."""
        if obj.language != DEFAULT:
            return None
        may_start = self.has_change_permission(request, obj)
        shown = []
        for code in other_languages():
            translated = obj.translation(code)
            state = MISSING if translated is None else translated.translation_state()
            start_url = self._url("translate", obj.pk, code) if state == MISSING else None
            shown.append(
                Translation(
                    language=code,
                    name=english_name(code),
                    state=state,
                    url=translated and self._url("change", translated.pk),
                    row=translated,
                    start_url=start_url if may_start else None,
                )
            )
        return shown

    def english_text(self, obj):
        """On a translated row, how it stands against its English text; None on an English row."""
        if obj.language == DEFAULT:
            return None
        english = obj.translation(DEFAULT)
        state = obj.translation_state()
        changes = obj.english_changes(english) if state == OUT_OF_DATE else None
        return Translation(
            language=obj.language,
            name=english_name(obj.language),
            state=state,
            url=english and self._url("change", english.pk),
            row=english,
            changes=changes,
        )

    @method_decorator(require_POST)
    def start_translation_view(self, request, object_id, language):
        """The button "Add the Spanish text" on an English row: opens its Spanish row, started
        first as a draft holding the English text when there is none."""
        english = self.get_object(request, unquote(object_id))
        if english is None or english.language != DEFAULT or language not in other_languages():
            raise Http404("No such text to translate.")
        if not self.has_change_permission(request, english):
            raise PermissionDenied
        translated = english.translation(language)
        if translated is None:
            try:
                translated = self._start_translation(request, english, language)
            except IntegrityError:  # a second press of the button, at the same moment
                translated = english.translation(language)
            self.message_user(request, self._started_message([english], language), messages.SUCCESS)
        else:
            self.message_user(
                request,
                f"“{english}” already has a {english_name(language)} text: here it is.",
                messages.INFO,
            )
        return redirect(self._url("change", translated.pk))

    def _start_translation(self, request, english, language):
        translated = english.start_translation(language, by=request.user)
        self.log_addition(request, translated, f"Started from the English text of “{english}”.")
        return translated

    def _started_message(self, started, language):
        name = english_name(language)
        items = ", ".join(f"“{english}”" for english in started)
        return (
            f"Started the {name} text of {items} from the English text, as a draft to "
            f"translate. Patients reading {name} see the English text, marked as not "
            f"translated, until the {name} text is published."
        )

    def _start_translations_action(self, language):
        """The list action "Add the Spanish text of the selected English items"."""

        def start_translations(modeladmin, request, queryset):
            name = english_name(language)
            started, left = {}, 0
            for english in queryset:
                if english.language != DEFAULT or english.translation(language):
                    left += 1
                else:
                    started[english] = self._start_translation(request, english, language)
            if started:
                message = self._started_message(list(started), language)
                self.message_user(request, message, messages.SUCCESS)
            if left:
                self.message_user(
                    request,
                    f"Nothing was started for {left} of the selected items: only an English "
                    f"text with no {name} text yet can be started.",
                    messages.INFO if started else messages.WARNING,
                )
            if len(started) == 1:
                [translated] = started.values()
                return redirect(self._url("change", translated.pk))
            return None

        return start_translations
