"""Draft, publish and safe saving, shared by every kind of content staff edit.

Patients only ever see the published fields. An edit is first kept as a draft beside them (a
JSON copy of the edited fields), so it can be previewed exactly as patients would see it, and
goes live in one "publish" step. Every save raises `version`: a save that started from an older
version is refused, so two editors never silently overwrite each other.
"""

import calendar
import copy
import datetime

from django.db import models


class EditableContent(models.Model):
    # The fields an edit may change; a draft holds exactly these.
    DRAFT_FIELDS: tuple[str, ...] = ()

    draft = models.JSONField(
        null=True,
        blank=True,
        editable=False,
        help_text="Changes saved but not yet published.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    @property
    def has_draft(self):
        return bool(self.draft)

    def with_draft(self):
        """An unsaved copy showing the draft as patients would see it once published."""
        preview = copy.copy(self)
        for field, value in (self.draft or {}).items():
            setattr(preview, field, value)
        return preview

    def draft_values(self):
        return {field: getattr(self, field) for field in self.DRAFT_FIELDS}

    def keep_as_draft(self, published):
        """Move the edited values into the draft and put the published ones back."""
        self.draft = self.draft_values()
        for field in self.DRAFT_FIELDS:
            setattr(self, field, getattr(published, field))

    def publish(self):
        for field, value in (self.draft or {}).items():
            setattr(self, field, value)
        self.draft = None


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the 31st becomes the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))
