"""The content patients read, and the partners who embed it. All editable in the admin."""

import contextlib
import copy
import datetime
import hashlib
import json
import logging
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phases import colours, staff_markdown, wording
from phases.dates import add_months
from phases.languages import TranslatedQuerySet
from phases.origins import OriginProblem, normalised_origins, valid_origins
from phases.publishing import EditableContent

logger = logging.getLogger(__name__)
MAX_DEFINITION_LENGTH = 1_000  # one to three sentences

# A reviewer is recorded as "full name, role"; a title is not part of the full name.
TITLES = {"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "dame"}
REVIEWER_NEEDED = (
    "Write the reviewer's full name, a comma, then their role, for example “Dr A. Example, "
    "paediatric haematologist”. Patients read both."
)

MARKDOWN_HELP = (
    "Written in Markdown: a blank line starts a new paragraph, ## starts a heading, "
    "- starts a list item, and [words](/glossary/#blasts) makes a link. "
    "Keep sentences short: aim for the reading level shown below the form's texts."
)


def sort_key(words: str) -> str:
    """Words as a reader alphabetises them: case and accents aside (“Órgano” with the o's)."""
    letters = unicodedata.normalize("NFKD", words.casefold())
    return "".join(letter for letter in letters if not unicodedata.combining(letter))


def validate_markdown(text):
    """Refuse a text that could break or slow down a page (see phases.staff_markdown)."""
    try:
        staff_markdown.check(text)
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


def text_fingerprint(texts) -> str:
    """A fingerprint of the words patients read (64 hex digits): the same words give the same
    fingerprint, whatever line endings or trailing spaces a browser sent with them."""
    tidied = []
    for text in texts:
        text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        tidied.append("\n".join(line.rstrip() for line in text.split("\n")))
    return hashlib.sha256(json.dumps(tidied).encode()).hexdigest()


class ReviewStatus(models.TextChoices):
    """Where a phase page stands with its clinical review, as patients and the API are told."""

    REVIEWED = "reviewed", "Reviewed"
    CHANGED_SINCE_REVIEW = "changed_since_review", "Changed since its last review"
    AWAITING = "awaiting_clinical_review", "Awaiting clinical review"


class PhaseQuerySet(TranslatedQuerySet):
    def awaiting_review(self):
        """Phases whose words no clinician has reviewed: never reviewed, or changed since."""
        unreviewed = [phase.pk for phase in self if not phase.is_reviewed]
        return self.filter(pk__in=unreviewed)

    def review_overdue(self):
        return self.filter(next_review_due__lt=timezone.localdate())

    def review_due_within(self, days):
        today = timezone.localdate()
        soon = today + datetime.timedelta(days=days)
        return self.filter(next_review_due__gte=today, next_review_due__lte=soon)


class Phase(RenderedMarkdown, EditableContent):
    DRAFT_FIELDS = ("name", "summary", "body", "questions", "references")
    MARKDOWN_FIELDS = ("body", "questions", "references")
    TRANSLATION_KEY = "slug"
    SAME_IN_EVERY_LANGUAGE = ("slug", "order", "icd10_code")

    class Slug(models.TextChoices):
        UNTREATED = "untreated", "Untreated"
        REMISSION = "remission", "Remission"
        MINIMAL_RESIDUAL_DISEASE = "minimal-residual-disease", "Minimal residual disease"
        REFRACTORY = "refractory", "Refractory"
        RELAPSED = "relapsed", "Relapsed"

    class Icd10Code(models.TextChoices):
        NOT_IN_REMISSION = "C91.00", _("C91.00: ALL that has not achieved remission")
        IN_REMISSION = "C91.01", _("C91.01: ALL in remission")
        IN_RELAPSE = "C91.02", _("C91.02: ALL in relapse")

    slug = models.SlugField(
        choices=Slug,
        help_text="The fixed web address of this phase, the same in every language. It cannot "
        "be changed.",
    )
    order = models.PositiveSmallIntegerField(
        help_text="Where this phase stands in lists: 1 comes first.",
    )
    name = models.CharField(max_length=80, help_text="The phase's name as patients see it.")
    summary = models.CharField(
        max_length=240,
        help_text="One plain sentence shown on the home page card and at the top of the page.",
    )
    body = models.TextField(
        "explanation",
        validators=[validate_markdown],
        help_text="What this phase means, what the tests show, and what usually happens next. "
        + MARKDOWN_HELP,
    )
    questions = models.TextField(
        "questions to ask your care team",
        validators=[validate_markdown],
        help_text="A list of questions patients can take to their next visit, one per line "
        "starting with -. " + MARKDOWN_HELP,
    )
    references = models.TextField(
        "sources",
        blank=True,
        validators=[validate_markdown],
        help_text="The sources this page is based on, one per line starting with -, as a "
        "Markdown list. Patients see them at the end of the page under “Sources”.",
    )
    icd10_code = models.CharField(
        "ICD-10-CM code",
        max_length=6,
        choices=Icd10Code,
        help_text="The diagnosis code doctors use for this phase. Shown in small print.",
    )
    # Empty until a clinician has reviewed the page: patients are then told it awaits review.
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="The day a clinician last checked this page. Empty: not reviewed yet.",
    )
    next_review_due = models.DateField(
        null=True, blank=True, help_text="The day this page should be checked again."
    )
    reviewer = models.CharField(
        "reviewed by",
        max_length=120,
        blank=True,
        help_text="Full name and role of the clinician who last checked this page, for "
        "example “Dr A. Example, paediatric haematologist”.",
    )
    # What the last review covered: the fingerprint of the texts the clinician checked. Once
    # the published texts differ, the review no longer speaks for them (see `review_status`).
    reviewed_fingerprint = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="A fingerprint of the texts the last clinical review covered.",
    )

    body_html = rendered_html()
    questions_html = rendered_html()
    references_html = rendered_html()

    history = HistoricalRecords()

    objects = PhaseQuerySet.as_manager()

    class Meta:
        ordering = ["order"]
        permissions = [
            ("publish_phase", "Can publish phase changes"),
            ("review_phase", "Can mark phases as clinically reviewed"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "slug"],
                name="one_phase_per_slug_and_language",
                violation_error_message="This phase already has a text in this language.",
            ),
            models.UniqueConstraint(
                fields=["language", "order"],
                name="one_phase_per_place_and_language",
                violation_error_message="Another phase already has this place in the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(last_reviewed__isnull=True, next_review_due__isnull=True)
                | models.Q(next_review_due__gte=models.F("last_reviewed")),
                name="phase_review_due_after_last_review",
                violation_error_message="The next review must be due after the last review.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("phases:detail", kwargs={"slug": self.slug})

    def text_fingerprint(self) -> str:
        """The fingerprint of the texts this row holds now (a draft preview: the draft's)."""
        return text_fingerprint(getattr(self, field) for field in self.DRAFT_FIELDS)

    @property
    def review_status(self) -> ReviewStatus:
        """Reviewed only while patients read exactly the words the last review covered. New
        words (published, or brought back from another version) end the claim until the next
        review; bringing back the reviewed words restores it."""
        if self.last_reviewed is None:
            return ReviewStatus.AWAITING
        if self.reviewed_fingerprint != self.text_fingerprint():
            return ReviewStatus.CHANGED_SINCE_REVIEW
        return ReviewStatus.REVIEWED

    @property
    def is_reviewed(self):
        """Whether a clinician reviewed the words this page shows (not just an older version)."""
        return self.review_status == ReviewStatus.REVIEWED

    @property
    def changed_since_review(self):
        """Reviewed once, but its words have changed since: awaiting a new review."""
        return self.review_status == ReviewStatus.CHANGED_SINCE_REVIEW

    def review_status_with(self, texts: dict) -> ReviewStatus:
        """The review status this page would have once `texts` (field: text) are published:
        what the admin tells an approver before a publish or a bring-back."""
        published = copy.copy(self)
        for field in self.DRAFT_FIELDS:
            if field in texts:
                setattr(published, field, texts[field])
        return published.review_status

    def review_is_overdue(self, *, today=None):
        due = self.next_review_due
        return due is not None and due < (today or timezone.localdate())

    @staticmethod
    def reviewer_name_and_role(text: str) -> str:
        """The reviewer as patients will read it, "Dr A. Example, paediatric haematologist",
        with its spaces tidied. A first name alone, or a name without a role after a comma,
        raises ValidationError: patients are told who checked the page and as what."""
        reviewer = " ".join(text.split())
        name, _, role = (part.strip() for part in reviewer.partition(","))
        names = [word for word in name.split() if word.lower().rstrip(".") not in TITLES]
        if len(names) < 2 or not role:
            raise ValidationError(REVIEWER_NEEDED, code="reviewer")
        return reviewer

    def mark_reviewed(self, *, reviewer: str, by, today: datetime.date) -> None:
        """Record a clinician's review of the page as stored now: who (full name and role),
        today, and when the next review is due. Drafts and texts are left as they are."""
        reviewer = self.reviewer_name_and_role(reviewer)
        with transaction.atomic():
            # The stored row, locked: a colleague's save since this page was loaded is kept.
            self.refresh_from_db(from_queryset=Phase.objects.select_for_update())
            self.last_reviewed = today
            self.next_review_due = add_months(today, settings.REVIEW_INTERVAL_MONTHS)
            self.reviewer = reviewer
            self.reviewed_fingerprint = self.text_fingerprint()
            self.save_version(by=by, reason="Marked as clinically reviewed")


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
        return next(iter(cls.objects.in_language(language)), None)

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
        return {section.key: section for section in cls.objects.in_language(language)}


class GlossaryTermQuerySet(TranslatedQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def in_language(self, language=None):
        """In alphabetical order of the words shown, accents aside (á sorts with a)."""
        return sorted(super().in_language(language), key=lambda term: sort_key(term.term))


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
        ordering = [Lower("term")]  # type: ignore[list-item]  # Django takes an expression
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


class PartnerQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


def validate_origins(text):
    try:
        normalised_origins(text)
    except OriginProblem as problem:
        raise ValidationError(str(problem)) from None


def validate_accent_colour(colour):
    if not colours.HEX_COLOUR.match(colour):
        raise ValidationError("Write the colour as # and six hex digits, like #0b5f6f.")
    ratio = colours.contrast(colour, colours.WHITE)
    if ratio < colours.MIN_CONTRAST:
        raise ValidationError(
            f"This colour is too light: white text on it, and links in it on white, would have "
            f"a contrast of {ratio:.1f} to 1. Choose a darker colour (at least "
            f"{colours.MIN_CONTRAST} to 1) so everyone can read it."
        )


class Partner(models.Model):
    """A hospital health library that embeds the portal's pages in its own site."""

    name = models.CharField(max_length=120, help_text="The library or hospital, for staff.")
    key = models.SlugField(
        max_length=40,
        unique=True,
        help_text="Short name in the embed address (/embed/KEY/) and in the snippet. Changing "
        "it breaks the partner's embeds.",
    )
    allowed_origins = models.TextField(
        validators=[validate_origins],
        blank=True,
        help_text="The web addresses allowed to show the pages in a frame, one per line, like "
        "https://library.example-hospital.org. Only these may frame the pages or call the API "
        "from a browser.",
    )
    accent_colour = models.CharField(
        max_length=7,
        default="#0b5f6f",
        validators=[validate_accent_colour],
        help_text="The partner's colour for headings, links and buttons, like #0b5f6f. It must "
        "be dark enough for readable text.",
    )
    back_link_url = models.URLField(
        "“back to the library” address",
        blank=True,
        help_text="Where the link at the top of embedded pages leads, on the partner's site.",
    )
    back_link_text = models.CharField(
        "“back to the library” words", max_length=80, default="Back to the health library"
    )
    is_active = models.BooleanField(
        "active", default=True, help_text="Untick to stop the partner's embeds at once."
    )

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        # Stored in one written form, one per line; validate_origins has refused bad ones.
        with contextlib.suppress(OriginProblem):
            self.allowed_origins = "\n".join(normalised_origins(self.allowed_origins))

    @property
    def origins(self):
        """The origins for headers: only valid ones, whatever the database holds."""
        return valid_origins(self.allowed_origins)


# The staff sign-in log lives with the rest of staff sign-in; the app finds its models here.
from phases.staff_auth.models import SignInEvent  # noqa: E402, F401
