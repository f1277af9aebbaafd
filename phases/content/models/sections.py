"""Texts written once and shown in several places: the medical disclaimer, and the shared
sections (urgent help, support, the fever warning)."""

from django.db import models
from simple_history.models import HistoricalRecords

from phases.content.languages import TranslatedQuerySet
from phases.content.models.markdown import (
    MARKDOWN_HELP,
    RenderedMarkdown,
    rendered_html,
    validate_markdown,
)
from phases.content.publishing import EditableContent


class Disclaimer(RenderedMarkdown, EditableContent):
    """The medical disclaimer shown on every page: one in each language."""

    DRAFT_FIELDS = ("text",)
    MARKDOWN_FIELDS = ("text",)

    text = models.TextField(
        validators=[validate_markdown],
        help_text="Shown at the foot of every page and with every checker result. " + MARKDOWN_HELP,
    )
    updated_at = models.DateTimeField(auto_now=True)
    text_html = rendered_html()
    history = HistoricalRecords()

    objects = TranslatedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "medical disclaimer"
        permissions = [("publish_disclaimer", "Can publish disclaimer changes")]
        constraints = [
            models.UniqueConstraint(
                fields=["language"],
                name="one_disclaimer_per_language",
                violation_error_message="There is already a disclaimer in this language.",
            ),
        ]

    def __str__(self):
        return "Medical disclaimer"

    @classmethod
    def current(cls, language=None):
        """The disclaimer a reader of `language` (the active language by default) sees: the
        English one, marked is_fallback, while that language has none. None if none at all."""
        return next(iter(cls.objects.in_language_list(language)), None)

    @property
    def html(self):
        return self.text_html


class SharedSection(RenderedMarkdown, EditableContent):
    """A text written once and shown in several places: when to get help right away (every
    phase page, the checker's urgent box, the handout and the API: one text per language),
    where to find support (every phase page), and the fever warning the checker's form opens
    with."""

    DRAFT_FIELDS = ("title", "text")
    MARKDOWN_FIELDS = ("text",)
    TRANSLATION_KEY = "key"
    SAME_IN_EVERY_LANGUAGE = ("key",)

    class Key(models.TextChoices):
        URGENT_HELP = "urgent-help", "When to get help right away"
        SUPPORT = "support", "Where to get support"
        FEVER_WARNING = "fever-warning", "Fever warning at the top of the checker"

    key = models.SlugField(choices=Key, editable=False)
    title = models.CharField(
        max_length=80, help_text="The heading shown above the text (in bold for the fever warning)."
    )
    text = models.TextField(validators=[validate_markdown], help_text=MARKDOWN_HELP)
    text_html = rendered_html()
    history = HistoricalRecords()

    objects = TranslatedQuerySet.as_manager()

    class Meta:
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "key"],
                name="one_section_per_key_and_language",
                violation_error_message="This section already has a text in this language.",
            ),
        ]
        verbose_name = "shared text"
        verbose_name_plural = "shared texts"
        permissions = [("publish_sharedsection", "Can publish changes to shared sections")]

    def __str__(self):
        return self.get_key_display()

    @property
    def html(self):
        return self.text_html

    @classmethod
    def by_key(cls, language=None):
        return {section.key: section for section in cls.objects.in_language_list(language)}
