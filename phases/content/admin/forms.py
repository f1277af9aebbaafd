"""The form every kind of content is edited in: it opens on the draft, and refuses a save that
started from an older version (the stale-save check), showing what the other editor changed."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime

from phases.content.languages import DEFAULT


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


def problems_of(obj, error):
    """A ValidationError's messages, each with the name of the text it is about."""
    if not hasattr(error, "error_dict"):
        return error.messages
    return [
        f"{obj.field_label(field)}: {message}" if field in obj.DRAFT_FIELDS else message
        for field, field_messages in error.message_dict.items()
        for message in field_messages
    ]
