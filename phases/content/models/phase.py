"""A phase of ALL: its page, and its clinical review."""

import copy
import datetime
import hashlib
import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phases.content.dates import add_months
from phases.content.languages import TranslatedQuerySet
from phases.content.models.markdown import (
    MARKDOWN_HELP,
    RenderedMarkdown,
    rendered_html,
    validate_markdown,
)
from phases.content.publishing import EditableContent

# A reviewer is recorded as "full name, role"; a title is not part of the full name.
TITLES = {"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "dame"}
REVIEWER_NEEDED = (
    "Write the reviewer's full name, a comma, then their role, for example “Dr A. Example, "
    "paediatric haematologist”. Patients read both."
)


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
