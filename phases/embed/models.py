"""The partners: hospital health libraries that embed the portal's pages in their sites."""

import contextlib

from django.core.exceptions import ValidationError
from django.db import models

from phases.embed import colours
from phases.embed.origins import OriginProblem, normalised_origins, valid_origins


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
