"""Markdown fields: checked when saved, their sanitised HTML stored beside them, so a
patient's request never runs Markdown."""

import logging

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.safestring import mark_safe

from phases.text import staff_markdown

logger = logging.getLogger(__name__)

MARKDOWN_HELP = (
    "Written in Markdown: a blank line starts a new paragraph, ## starts a heading, "
    "- starts a list item, and [words](/glossary/#blasts) makes a link. "
    "Keep sentences short: aim for the reading level shown below the form's texts."
)


def validate_markdown(text):
    """Refuse a text that could break or slow down a page (see phases.text.staff_markdown)."""
    try:
        staff_markdown.render(text)
    except staff_markdown.TextProblem as problem:
        raise ValidationError(str(problem)) from None


class SanitisedHtmlField(models.TextField):
    """HTML that staff_markdown rendered and sanitised when its text was saved: safe to show."""

    def from_db_value(self, value, expression, connection):
        return mark_safe(value)


def rendered_html():
    """The sanitised HTML of a Markdown field, stored when the text is saved."""
    return SanitisedHtmlField(editable=False, blank=True, default="")


class RenderedMarkdown(models.Model):
    """Markdown fields whose sanitised HTML is stored beside them when they are saved, so a
    patient's request never runs Markdown. Each field `name` in MARKDOWN_FIELDS has `name_html`.
    """

    MARKDOWN_FIELDS: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.render_html()
        if (fields := kwargs.get("update_fields")) is not None:
            html = {f"{field}_html" for field in self.MARKDOWN_FIELDS if field in fields}
            kwargs["update_fields"] = {*fields, *html}
        super().save(*args, **kwargs)

    def render_html(self):
        """Store each field's HTML. A text that fails anyway (it was validated when it was
        written) keeps the HTML of its last good version, and the failure is logged."""
        for field in self.MARKDOWN_FIELDS:
            try:
                setattr(self, f"{field}_html", staff_markdown.render(getattr(self, field)))
            except staff_markdown.TextProblem:
                logger.error(
                    "%s %s: %s could not be shown; kept the last good version.",
                    type(self).__name__,
                    self.pk,
                    field,
                )

    def with_draft(self):
        """A preview (for staff) renders the draft's texts; the stored HTML is the published."""
        preview = super().with_draft()
        if self.draft:
            preview.render_html()
        return preview
