"""The checker's texts, as editors write them; phases.rules.wording says which exist and
what each may say."""

from django.core.exceptions import ValidationError
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
from phases.rules import wording


class Explanation(RenderedMarkdown, EditableContent):
    """One text of the lab-values checker: a phase result, a finding, or a can't-tell text."""

    DRAFT_FIELDS = ("text",)
    MARKDOWN_FIELDS = ("text",)
    TRANSLATION_KEY = "key"
    SAME_IN_EVERY_LANGUAGE = ("key", "kind")

    class Kind(models.TextChoices):
        PHASE = "phase", "Phase result"
        URGENT = "urgent", "Urgent advice"
        FINDING = "finding", "Finding"
        CANT_TELL = "cant-tell", "Can't tell yet"

    key = models.SlugField(
        max_length=60,
        help_text="Which text this is. The checker looks it up by this name.",
    )
    kind = models.CharField(max_length=12, choices=Kind)
    text = models.TextField(
        validators=[validate_markdown],
        help_text="What the patient reads. Put a value in with its placeholder in curly "
        "brackets, for example {marrow_blasts_percent}; the placeholders this text may use are "
        "listed above. " + MARKDOWN_HELP,
    )

    text_html = rendered_html()
    history = HistoricalRecords()

    objects = TranslatedQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "key"]
        verbose_name = "checker explanation"
        permissions = [("publish_explanation", "Can publish checker explanation changes")]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "key"],
                name="one_explanation_per_key_and_language",
                violation_error_message="This text already exists in this language.",
            ),
        ]

    def __str__(self):
        return wording.WHEN_SHOWN.get(self.key, self.key)

    @property
    def placeholders(self):
        return wording.PLACEHOLDERS.get(self.key, ())

    def clean(self):
        if self.key not in wording.PLACEHOLDERS:
            raise ValidationError({"key": "The checker has no text by this name."})
        try:
            wording.check(self.text, key=self.key)
        except wording.WordingProblem as problem:
            raise ValidationError({"text": str(problem)}) from None
