"""The form every kind of content is edited in: it opens on the draft and carries the version
the editor started from, so that the model can refuse a save that started from an older one
(phases.content.publishing.EditedMeanwhile); the form then shows what the other editor changed."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.timezone import localtime

from phases.content.languages import DEFAULT
from phases.content.publishing import EditedMeanwhile


class EditorialForm(forms.ModelForm):
    """Opens on the draft when there is one. After a save refused as edited meanwhile, the
    admin builds it again with `edited_meanwhile` set: it keeps the editor's text, says what
    the other editor changed, and carries the version now stored, so saving again (after
    merging) works."""

    # The version this editor started from; not called "version", which the model owns.
    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # The refusal of this form's save, when the admin shows the form again after one.
    edited_meanwhile: EditedMeanwhile | None = None

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and self.edited_meanwhile is not None:
            data = data.copy()  # the request's own data stays as it was sent
            data["edit_version"] = self.edited_meanwhile.found
        super().__init__(data, *args, **kwargs)
        instance = self.instance
        if "language" in self.fields and instance.pk:
            # Shown, never changed: a row is one language's text. Still a field of the form, so
            # a text is checked for uniqueness within its language before it is saved.
            self.fields["language"].disabled = True
        if instance.pk:
            self.fields["edit_version"].initial = instance.version
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
        if self.edited_meanwhile is not None:
            edited = self.edited_meanwhile
            raise ValidationError(conflict_message(self.instance, edited.expected), code="stale")
        return cleaned_data

    @property
    def started_from(self) -> int:
        """The version the editor's save started from (0 when the form did not say)."""
        return self.cleaned_data.get("edit_version") or 0


def conflict_message(current, started: int) -> SafeString:
    """What the other editors changed since this editor opened the page, word by word."""
    newer = current.history.filter(version__gt=started).select_related("history_user")
    original = current.history.filter(version=started).first()
    context = {
        "names": ", ".join(sorted({_name(record.history_user) for record in newer})),
        "when": date_format(localtime(current.history.first().history_date), "DATETIME_FORMAT"),
        "changes": (
            current.text_changes(original.instance.with_draft(), current.with_draft())
            if original is not None
            else None
        ),
    }
    return render_to_string("admin/phases/edited_meanwhile.html", context)


def _name(user):
    return (user.get_full_name() or user.get_username()) if user else "an import"


def saved_by(record):
    """Who saved a version, as plain text: a name, or where the words came from."""
    if record.history_user is not None:
        return _name(record.history_user)
    if (record.history_change_reason or "").startswith("Imported"):
        return "Imported"
    return "Initial content"  # seeded with the portal, or its own later corrections


def problems_of(obj, error):
    """A ValidationError's messages, each with the name of the text it is about."""
    if not hasattr(error, "error_dict"):
        return error.messages
    return [
        f"{obj.field_label(field)}: {message}" if field in obj.DRAFT_FIELDS else message
        for field, field_messages in error.message_dict.items()
        for message in field_messages
    ]
