"""The glossary: terms and their plain definitions."""

import unicodedata

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from phases.content.languages import TranslatedQuerySet
from phases.content.publishing import EditableContent

MAX_DEFINITION_LENGTH = 1_000  # one to three sentences


def sort_key(words: str) -> str:
    """Words as a reader alphabetises them: case and accents aside (“Órgano” with the o's)."""
    letters = unicodedata.normalize("NFKD", words.casefold())
    return "".join(letter for letter in letters if not unicodedata.combining(letter))


class GlossaryTermQuerySet(TranslatedQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def in_language_list(self, language=None):
        """In alphabetical order of the words shown, accents aside (á sorts with a)."""
        return sorted(super().in_language_list(language), key=lambda term: sort_key(term.term))


class GlossaryTerm(EditableContent):
    DRAFT_FIELDS = ("term", "slug", "definition")
    TRANSLATION_KEY = "slug"
    SAME_IN_EVERY_LANGUAGE = ("slug",)

    term = models.CharField(max_length=80, help_text="The word or phrase.")
    slug = models.SlugField(
        "anchor",
        max_length=80,
        help_text="Links to this term end in #anchor, for example /glossary/#blasts. The same "
        "in every language: a translation takes the anchor of the English term. Changing it "
        "breaks links that already use it.",
    )
    definition = models.TextField(
        validators=[MaxLengthValidator(MAX_DEFINITION_LENGTH)],
        help_text="A plain explanation in one to three short sentences. No Markdown needed.",
    )

    is_published = models.BooleanField(
        default=False,
        editable=False,
        help_text="A new term stays hidden from patients until it is first published.",
    )
    history = HistoricalRecords()

    objects = GlossaryTermQuerySet.as_manager()

    class Meta:
        # Django takes any expression here; django-stubs only names and OrderBy.
        ordering = [Lower("term")]  # type: ignore[list-item]
        permissions = [("publish_glossaryterm", "Can publish glossary changes")]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "slug"],
                name="one_term_per_anchor_and_language",
                violation_error_message="Another term in this language already has this anchor.",
            ),
            models.UniqueConstraint(
                "language",
                Lower("term"),
                name="one_term_per_word_and_language",
                violation_error_message="This term is already in the glossary in this language.",
            ),
        ]

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return f"{reverse('phases:glossary')}#{self.slug}"
