"""The admin behaviour every kind of patient content shares: drafts, publishing, previews,
history with word-level differences, refusing stale saves, and reading levels."""

from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import ModelChange, ModelDelta
from simple_history.template_utils import HistoricalRecordContextHelper

from phases.readability import MAX_GRADE, reading_level
from phases.word_diff import same_text, word_diff_html

UNCOMPARED = {"id", "version", "updated_at"}  # bookkeeping, not content


class EditorialForm(forms.ModelForm):
    """Opens on the draft when there is one, and refuses a save that started from an older
    version, keeping the editor's text and showing what the other editor changed."""

    use_draft = True  # False on the history page, where an old published version is shown
    # The version this editor started from; not called "version", which the model owns.
    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance.pk:
            model = type(instance)
            current = model.objects.filter(pk=instance.pk).values_list("version", flat=True)
            self.fields["edit_version"].initial = current.first()
            if self.use_draft and instance.draft and not self.is_bound:
                self.initial.update({k: v for k, v in instance.draft.items() if k in self.fields})

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
    before, after = original.instance.with_draft(), current.with_draft()
    changes = [
        (capfirst_label(current, field), mark_safe(word_diff_html(old, new)))
        for field in current.DRAFT_FIELDS
        if (old := getattr(before, field)) != (new := getattr(after, field))
    ]
    row = "<li><strong>{}:</strong> <span class='diff'>{}</span></li>"
    rows = format_html_join("", row, changes)
    return format_html("{}<ul class='conflict-changes'>{}</ul>", intro, rows)


def _name(user):
    return (user.get_full_name() or user.get_username()) if user else "an import"


def capfirst_label(instance, field):
    label = str(instance._meta.get_field(field).verbose_name)
    return label[:1].upper() + label[1:]


class WordDiffContextHelper(HistoricalRecordContextHelper):
    """History shows text changes word by word; a draft is shown as what it would change in
    the published text."""

    def context_for_delta_changes(self, delta):
        changes = []
        for change in delta.changes:
            if change.field == "draft":
                changes += self._draft_changes(change.new)
            elif isinstance(change.old, str) and isinstance(change.new, str):
                diff = mark_safe(word_diff_html(change.old, change.new))
                changes.append({"field": capfirst_label(self.model, change.field), "diff": diff})
            else:
                label = capfirst_label(self.model, change.field)
                changes.append({"field": label, "old": change.old, "new": change.new})
        return changes

    def _draft_changes(self, draft):
        if not draft:
            return [{"field": "Draft", "old": "unpublished changes", "new": "none"}]
        return [
            {
                "field": f"Draft of {capfirst_label(self.model, field).lower()}",
                "diff": mark_safe(word_diff_html(getattr(self.record, field), value)),
            }
            for field, value in draft.items()
            if not same_text(value, getattr(self.record, field))
        ]


class EditorialAdmin(SimpleHistoryAdmin):
    form = EditorialForm
    change_form_template = "admin/phases/editorial_change_form.html"
    object_history_list_template = "admin/phases/history_list.html"
    readability_fields: tuple[str, ...] = ()
    history_list_display = ["version"]

    class Media:
        css = {"all": ["admin-portal/admin.css"]}

    # Permissions: "Content editors" save drafts; "Content approvers" also publish.
    def has_publish_permission(self, request):
        return request.user.has_perm(f"phases.publish_{self.opts.model_name}")

    @admin.display(description="Unpublished draft", boolean=True)
    def draft_status(self, obj):
        return obj.has_draft

    def get_fieldsets(self, request, obj=None):
        # The hidden version travels with the form, so a stale save can be recognised.
        (name, options), *rest = super().get_fieldsets(request, obj)
        fields = [field for field in options["fields"] if field != "edit_version"]
        return [(name, {**options, "fields": [*fields, "edit_version"]}), *rest]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "reading_level"]

    @admin.display(description="Reading level")
    def reading_level(self, obj):
        if obj is None or not obj.pk:
            return "Shown after the first save."
        shown = obj.with_draft()
        too_hard = f" (above grade {MAX_GRADE}: try shorter sentences and words)"
        levels = []
        for field in self.readability_fields:
            grade, words = reading_level(getattr(shown, field))
            hint = too_hard if grade > MAX_GRADE else ""
            levels.append((capfirst_label(obj, field), f"{grade:.1f}", words, hint))
        return format_html_join(mark_safe("<br>"), "{}: US grade {} · {} words{}", levels)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        can_publish = self.has_publish_permission(request)
        extra_context = {**(extra_context or {}), "can_publish": can_publish}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404("No such item.")
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if not (str(version_id).isdigit() and str(object_id).isdigit()):
            raise Http404("No such version.")
        if self.get_object(request, unquote(object_id)) is None:
            return self.add_again(request, unquote(object_id), version_id)
        request.reverting = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def add_again(self, request, object_id, version_id):
        """A deleted item cannot be reverted in place: its words go into a new one instead."""
        history = self.model.history.filter(history_id=version_id)
        record = history.filter(**{self.opts.pk.attname: object_id}).first()
        if record is None or not self.has_add_permission(request):
            raise Http404("No such version.")
        messages.info(
            request,
            f"This {self.opts.verbose_name} was deleted, so it cannot be changed back in place. "
            "Its words from that version are filled in below: save to add it again.",
        )
        initial = urlencode({field: getattr(record, field) for field in self.model.DRAFT_FIELDS})
        return redirect(
            f"{reverse(f'admin:{self.opts.app_label}_{self.opts.model_name}_add')}?{initial}"
        )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if getattr(request, "reverting", False):
            return type(form.__name__, (form,), {"use_draft": False})
        return form

    def get_historical_record_context_helper(self, request, historical_record):
        return WordDiffContextHelper(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        # Like simple-history's, but drafts (not editable in a form field) count as changes.
        # (simple-history's diff_against skips fields that are not editable in a form.)
        compared = [f.attname for f in self.model._meta.concrete_fields if f.name not in UNCOMPARED]
        newer = None
        for older in historical_records:
            if newer is not None:
                changes = [
                    ModelChange(field, old, new)
                    for field in compared
                    if (old := getattr(older, field)) != (new := getattr(newer, field))
                ]
                helper = self.get_historical_record_context_helper(request, newer)
                newer.history_delta_changes = helper.context_for_delta_changes(
                    ModelDelta(changes, [change.field for change in changes], older, newer)
                )
            newer = older

    def save_model(self, request, obj, form, change):
        publishing = "_publish" in request.POST or (
            "_save" in request.POST and self.has_publish_permission(request)
        )
        if publishing and not self.has_publish_permission(request):
            raise PermissionDenied
        reverting = getattr(request, "reverting", False)
        if change:
            obj.version = (form.cleaned_data.get("edit_version") or obj.version) + 1
        if publishing:
            obj.draft = None
            if hasattr(obj, "is_published"):
                obj.is_published = True
            obj._change_reason = "Reverted and published" if reverting else "Published"
        else:
            if change:
                obj.keep_as_draft(published=type(obj).objects.get(pk=obj.pk))
            else:
                obj.draft = obj.draft_values()
            obj._change_reason = "Reverted as a draft" if reverting else "Draft saved"
        super().save_model(request, obj, form, change)
        self.message_user(request, self._saved_message(obj, publishing), messages.SUCCESS)
        self._warn_about_reading_level(request, obj)

    def _saved_message(self, obj, published):
        if published:
            return "Published: patients now see this version."
        return (
            "Saved as a draft. Patients still see the published version. Use “Preview” to "
            "see the draft as patients will, and ask an approver to publish it."
        )

    def _warn_about_reading_level(self, request, obj):
        shown = obj.with_draft()
        for field in self.readability_fields:
            grade, _ = reading_level(getattr(shown, field))
            if grade > MAX_GRADE:
                self.message_user(
                    request,
                    f"{capfirst_label(obj, field)} reads at US grade {grade:.1f}. Patients find "
                    f"grade {MAX_GRADE} or below easier: try shorter sentences and everyday words.",
                    messages.WARNING,
                )

    # Preview: the draft exactly as patients would see it, for staff only.
    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        name = f"{self.opts.app_label}_{self.opts.model_name}_preview"
        return [path("<path:object_id>/preview/", preview, name=name), *super().get_urls()]

    def preview_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))  # None for an id that is not one
        if obj is None:
            raise Http404("No such item.")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return self.render_preview(request, obj)

    def render_preview(self, request, obj):
        raise NotImplementedError
