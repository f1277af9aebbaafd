"""The admin's words about a page's clinical review, said before and after a change."""

from django.utils.formats import date_format

from phases.content.models import ReviewStatus


def before_change(phase, texts: dict, *, action: str) -> str:
    """What `action` ("Publishing", "Bringing back this version") of `texts` would do to the
    page's clinical review, told to the approver before they press the button. "" when the
    page was never reviewed (it says so already, and keeps saying it)."""
    if phase.last_reviewed is None:
        return ""
    when, reviewer = date_format(phase.last_reviewed), phase.reviewer
    after = phase.review_status_with(texts)
    if phase.is_reviewed and after == ReviewStatus.REVIEWED:
        return (
            f"{reviewer} reviewed the words patients read now on {when}. {action} different "
            "words ends that review: the page and the API will then say it was changed since "
            "its last clinical review and awaits a new one."
        )
    if phase.is_reviewed:
        return (
            f"{action} these words will need a new clinical review: they differ from the words "
            f"{reviewer} reviewed on {when}, so the page and the API will say it was changed "
            "since its last clinical review and awaits a new one."
        )
    if after == ReviewStatus.REVIEWED:
        return (
            f"These are the words {reviewer} reviewed on {when}: {action.lower()} them brings "
            "that review back on the page and in the API."
        )
    return (
        f"Changed since its last clinical review on {when}: the page and the API say it awaits "
        "a new review. Once a clinician has checked it, use “Mark as clinically reviewed "
        "today” in the list."
    )


def after_change(phase) -> str:
    """One sentence for the message after a publish or bring-back: where the page now stands
    with its clinical review ("" when it was never reviewed)."""
    if phase.last_reviewed is None:
        return ""
    when = date_format(phase.last_reviewed)
    if phase.changed_since_review:
        return (
            "It needs a new clinical review: the page now says it was changed since its last "
            f"clinical review on {when} and awaits a new one."
        )
    return f"Patients read the words reviewed on {when}, and the page says so."
