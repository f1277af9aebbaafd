"""The API's problems in words, in the answer's language: pydantic's schema-layer messages are
read by their type and context and said again through gettext (their English is pydantic's
own), so a Spanish answer has no English left in it."""

import re

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from phases.checker.lab_numbers import format_number, number_style, one_of

# Problems this API words itself (already in the answer's language), by type.
OWN_PROBLEMS = {"value_error", "anc_unit_needed", "anc_out_of_range"}
# pydantic's messages, by error type, as gettext strings: the English ones are pydantic's own.
SCHEMA_MESSAGES = {
    "missing": _("Field required"),
    "extra_forbidden": _("Extra inputs are not permitted"),
    "enum": _("Input should be %(expected)s"),
    "literal_error": _("Input should be %(expected)s"),
    "float_type": _("Input should be a valid number"),
    "float_parsing": _("Input should be a valid number"),
    "finite_number": _("Input should be a finite number"),
    "less_than_equal": _("Input should be less than or equal to %(le)s"),
    "greater_than_equal": _("Input should be greater than or equal to %(ge)s"),
    "model_attributes_type": _(
        "Input should be a valid dictionary or object to extract fields from"
    ),
    "dict_type": _("Input should be a valid dictionary"),
    "string_type": _("Input should be a valid string"),
}
# Counts written per µL are the most common reason a count is too large.
PER_MICROLITRE_HINT = {
    "platelets": _("If your report gives the count per µL, divide it by 1000."),
    "wbc": _("If your report gives the count per µL, divide it by 1000."),
    "anc": _('If your report gives the count per µL, send anc_unit "per_uL".'),
}


def problem_in_words(error: dict) -> str:
    """A problem in the active language. Our own messages (a ValueError's, or a problem this
    API raised) are already in it; pydantic's are read by their type and context."""
    context = error.get("ctx") or {}
    if error["type"] == "value_error" and "error" in context:
        return str(context["error"])
    if error["type"] not in SCHEMA_MESSAGES:
        return (
            error["msg"] if error["type"] in OWN_PROBLEMS else gettext("This value is not valid.")
        )
    values = {name: _said(value) for name, value in context.items()}
    if "expected" in context:
        values["expected"] = one_of(
            [f"'{word}'" for word in re.findall(r"'([^']*)'", context["expected"])]
        )
    words = SCHEMA_MESSAGES[error["type"]] % values
    hint = PER_MICROLITRE_HINT.get(error["loc"][-1]) if error["type"] == "less_than_equal" else None
    return f"{words}. {hint}" if hint else words


def _said(value):
    return format_number(value, style=number_style()) if isinstance(value, int | float) else value
