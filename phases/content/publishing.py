"""Draft, publish, revert and safe saving: the editorial rules of every kind of content.

Patients only ever see the published fields. An edit is first kept as a draft beside them (a
JSON copy of the edited fields), so it can be previewed exactly as patients would see it, and
goes live in one "publish" step. Every save raises `version` (in `save_version`, the one place
that does), so a save that started from an older version is recognised and refused
(`EditedMeanwhile`): two editors, an editor and an import, or a script and either, never
silently overwrite each other. The admin, the import, scripts and the tests all call these
methods; the admin only presents them.
"""

import copy

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from phases.content.languages import (
    DEFAULT,
    TranslatedQuerySet,
    english_name,
    validate_language,
)
from phases.text.word_diff import same_text, word_diff_html

# How a text in another language stands against its item's English text.
UP_TO_DATE = "up-to-date"
OUT_OF_DATE = "out-of-date"  # the English text was published after it
NOT_PUBLISHED = "not-published"  # started, not yet published: patients read the English
MISSING = "missing"  # no text in that language at all: patients read the English
NO_ENGLISH = "no-english"  # a text with no English row to translate from

DRAFT_SAVED = "Draft saved"
PUBLISHED = "Published"
REVERTED_AND_PUBLISHED = "Reverted and published"
REVERTED_AS_DRAFT = "Reverted as a draft"


class EditedMeanwhile(Exception):
    """A save started from version `expected` of `row`, and the stored row has moved on to
    version `found` since: someone else saved it in between. Nothing was saved."""

    def __init__(self, row: "EditableContent", *, expected: int, found: int) -> None:
        self.row, self.expected, self.found = row, expected, found
        super().__init__(
            f"{row._meta.verbose_name} {row.pk} was saved as version {found} since version "
            f"{expected}, which this save started from."
        )


class EditableContent(models.Model):
    """Patient content in one language. Each language's row has its own draft, versions,
    history and review; rows of one item share TRANSLATION_KEY (see phases.content.languages)."""

    # The fields an edit may change; a draft holds exactly these.
    DRAFT_FIELDS: tuple[str, ...] = ()
    # The field that is the same in every language's row of one item ("" if one row per language).
    TRANSLATION_KEY = ""
    # Fields a translation takes from the English row when it is started (a phase's order...).
    SAME_IN_EVERY_LANGUAGE: tuple[str, ...] = ()

    language = models.CharField(
        max_length=8,
        default=DEFAULT,
        help_text="The language patients read this text in. It cannot be changed later.",
    )
    # Whether patients see a published version of this item (a new glossary term or a new
    # translation: not until it is first published; a draft beside it changes nothing).
    is_published = models.BooleanField(
        default=True,
        editable=False,
        help_text="Patients see this text once it has been published.",
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the text patients read was last published.",
    )

    draft = models.JSONField(
        null=True,
        blank=True,
        editable=False,
        help_text="Changes saved but not yet published.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        super().clean_fields(exclude=exclude)
        if "language" not in (exclude or ()):
            try:
                validate_language(self.language)
            except ValidationError as problem:
                raise ValidationError({"language": problem.messages}) from None

    @property
    def has_draft(self):
        return bool(self.draft)

    @classmethod
    def drafts_waiting(cls):
        """The items with a draft saved and not yet published: what approvers have to look at."""
        return cls._default_manager.filter(draft__isnull=False)

    def with_draft(self):
        """An unsaved copy showing the draft as patients would see it once published."""
        preview = copy.copy(self)
        for field, value in (self.draft or {}).items():
            setattr(preview, field, value)
        return preview

    def draft_values(self):
        return {field: getattr(self, field) for field in self.DRAFT_FIELDS}

    # Kept beside the texts, or set by every publish: not a change of what the row says.
    NOT_A_CHANGE = ("id", "version", "published_at")

    def differs_from_stored(self) -> bool:
        """Whether saving this row would change what is stored: a new row, or any field that
        is not bookkeeping (the version, the publish time, the HTML made from the texts)."""
        if self._state.adding or self.pk is None:
            return True
        names = [
            field.attname
            for field in self._meta.concrete_fields
            if field.attname not in self.NOT_A_CHANGE and not field.attname.endswith("_html")
        ]
        stored = type(self)._default_manager.filter(pk=self.pk).values(*names).first()
        return stored is None or any(stored[name] != getattr(self, name) for name in names)

    def refuse_if_edited_since(self, version: int) -> None:
        """Lock the stored row until the transaction ends, and raise EditedMeanwhile if it has
        moved on past `version` (the version a save started from): two saves at the same moment
        cannot both pass. Call it inside `transaction.atomic()`."""
        rows = type(self)._default_manager.select_for_update().filter(pk=self.pk)
        found = rows.values_list("version", flat=True).first()
        if found is not None and found > version:
            raise EditedMeanwhile(self, expected=version, found=found)

    def save_version(self, *, by, reason: str, expected_version: int | None = None) -> None:
        """Write this row as a new version, recorded in the history with who and why. Refused
        with EditedMeanwhile, and nothing written, when the stored row has moved on past
        `expected_version` (by default the version this instance was read at): the editor's
        form, the file or the script started from an older text. A save that changes nothing
        (a draft saved twice, the same text published again) writes no version and no history
        row."""
        with transaction.atomic():
            if not self._state.adding:
                started = self.version if expected_version is None else expected_version
                self.refuse_if_edited_since(started)
            if not self.differs_from_stored():
                return
            if not self._state.adding:
                self.version += 1
            self._history_user = by
            self._change_reason = reason
            self.save()

    def save_draft(
        self, *, by, reason: str = DRAFT_SAVED, expected_version: int | None = None
    ) -> None:
        """Keep the values the fields hold now as a draft; patients keep the published ones.
        `expected_version`: the version the editor started from (see save_version)."""
        with transaction.atomic():
            draft = self.draft_values()
            if not self._state.adding:
                started = self.version if expected_version is None else expected_version
                self.refuse_if_edited_since(started)
                published = type(self)._default_manager.get(pk=self.pk)  # locked just above
                for field in self.DRAFT_FIELDS:
                    setattr(self, field, getattr(published, field))
            self.draft = draft
            self.save_version(by=by, reason=reason, expected_version=expected_version)

    def publish(self, *, by, reason: str = PUBLISHED, expected_version: int | None = None) -> None:
        """Make the values the fields hold now what patients see; a waiting draft is dropped.
        `expected_version`: the version the editor started from (see save_version)."""
        self.draft = None
        self.is_published = True
        self.published_at = timezone.now()
        self.save_version(by=by, reason=reason, expected_version=expected_version)

    def revert_to(self, record, *, by, publish: bool) -> None:
        """Bring back the published text of an older version (a history record): at once for
        those who may publish, as a draft for the others. A text that is no longer valid (a
        rule added since, or a glossary term another term now uses) raises ValidationError and
        nothing is saved."""
        for field in self.DRAFT_FIELDS:
            setattr(self, field, getattr(record, field))
        # A draft is checked for uniqueness when it is published, like any other draft.
        self.full_clean(validate_unique=publish, validate_constraints=publish)
        if publish:
            self.publish(by=by, reason=REVERTED_AND_PUBLISHED)
        else:
            self.save_draft(by=by, reason=REVERTED_AS_DRAFT)

    # Translations: one row per language of each item (see phases.content.languages).

    def translation(self, language: str):
        """This item's row in `language` (matched by TRANSLATION_KEY), or None."""
        key = self.TRANSLATION_KEY
        same_item = {key: getattr(self, key)} if key else {}
        return type(self)._default_manager.filter(language=language, **same_item).first()

    def translation_state(self) -> str:
        """How this text (in a language other than English) stands against its English text."""
        if self.translation(DEFAULT) is None:
            return NO_ENGLISH
        if not self.is_published:
            return NOT_PUBLISHED
        rows = TranslatedQuerySet(type(self)).filter(pk=self.pk)
        if rows.translation_out_of_date(self.language).exists():
            return OUT_OF_DATE
        return UP_TO_DATE

    def english_changes(self, english) -> list[tuple[str, SafeString]] | None:
        """What the English text patients read changed since this translation was last
        published: the English version current then against `english` now, word by word. None
        when the English history does not reach back that far."""
        if self.published_at is None:
            return None
        then = (
            english.history.filter(history_date__lte=self.published_at)
            .order_by("-history_date", "-history_id")
            .first()
        )
        return None if then is None else english.text_changes(then, english)

    def start_translation(self, language: str, *, by):
        """A new row for this (English) item in `language`, holding the English texts as a
        draft to translate and the fields that are the same in every language. It stays
        unpublished, so patients keep reading the English text until it is published."""
        fields = dict.fromkeys([*self.SAME_IN_EVERY_LANGUAGE, *self.DRAFT_FIELDS])
        row = type(self)(
            language=language,
            is_published=False,
            **{name: getattr(self, name) for name in fields},
        )
        row.save_draft(by=by, reason=f"{english_name(language)} text started from the English text")
        return row

    # Comparing versions, for the history, reverts and edit conflicts. `before` and `after` are
    # instances or history records; the HTML escapes every text.

    @classmethod
    def field_name(cls, field: str) -> str:
        """A text's name as the admin writes it: "summary", "definition"."""
        model_field = cls._meta.get_field(field)
        assert isinstance(model_field, models.Field), f"{field} is not a field of the row"
        return str(model_field.verbose_name)

    @classmethod
    def field_label(cls, field: str) -> str:
        label = cls.field_name(field)
        return label[:1].upper() + label[1:]

    @classmethod
    def text_changes(cls, before, after) -> list[tuple[str, SafeString]]:
        """(field label, word-by-word HTML) for each patient text that differs."""
        return [
            (cls.field_label(field), mark_safe(word_diff_html(old, new)))
            for field in cls.DRAFT_FIELDS
            if not same_text(old := getattr(before, field), new := getattr(after, field))
        ]

    @classmethod
    def version_changes(cls, record, previous) -> list[tuple[str, SafeString]]:
        """What the version `record` changed against `previous`, the version before it:
        (label, word-by-word HTML) for each published text, then for each text of the draft
        this version changed, shown as "Draft of <text>" against the published text."""
        changes = cls.text_changes(previous, record)
        old_draft, new_draft = previous.draft or {}, record.draft or {}
        for field, value in new_draft.items():
            if field not in cls.DRAFT_FIELDS:
                continue
            if same_text(old_draft.get(field, getattr(previous, field)), value):
                continue  # not changed by this version
            published = getattr(record, field)
            label = f"Draft of {cls.field_name(field)}"
            if same_text(published, value):
                changes.append((label, escape("the same as the published text")))
            else:
                changes.append((label, mark_safe(word_diff_html(published, value))))
        dropped = [f for f, value in old_draft.items() if not same_text(value, getattr(record, f))]
        if old_draft and not new_draft and dropped:
            changes.append(("Draft", escape("removed without being published")))
        return changes
