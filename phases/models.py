"""Every model of the app, where Django looks for them. Each is declared in its feature's
package: the content in phases/content/models/, the partners in phases/embed/models.py, the
staff sign-in log in phases/staff_auth/models.py. The migrations name the validators and the
field class below by these paths."""

from phases.content.models import (
    Disclaimer,
    Explanation,
    GlossaryTerm,
    Phase,
    RenderedMarkdown,
    ReviewStatus,
    SanitisedHtmlField,
    SharedSection,
    sort_key,
    validate_markdown,
)
from phases.embed.models import Partner, validate_accent_colour, validate_origins
from phases.staff_auth.models import SignInEvent

__all__ = [
    "Disclaimer",
    "Explanation",
    "GlossaryTerm",
    "Partner",
    "Phase",
    "RenderedMarkdown",
    "ReviewStatus",
    "SanitisedHtmlField",
    "SharedSection",
    "SignInEvent",
    "sort_key",
    "validate_accent_colour",
    "validate_markdown",
    "validate_origins",
]
