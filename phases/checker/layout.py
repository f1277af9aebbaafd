"""How crispy-forms lays out the checker's form (phases.checker.forms.LabReportForm): its groups of
questions, its templates and its button. The same for every patient, so it is built once per
language; only the ANC's unit question is shown or not, by the form it renders."""

import functools

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from crispy_forms.utils import TEMPLATE_PACK
from django.template.loader import render_to_string
from django.utils.translation import get_language, gettext

FIELD_TEMPLATE = "phases/_check_field.html"  # how each question is shown


class QuestionGroup(Fieldset):
    """crispy's Fieldset, its questions rendered in one template (phases/_check_fieldset.html,
    each field as FIELD_TEMPLATE shows it; the legend is plain text). crispy's own
    Fieldset renders every field with a template of its own and a copy of the page's context:
    most of the cost of the checker's pages, which show the whole form with every result."""

    template = "phases/_check_fieldset.html"

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        shown = [name for name in self.fields if name != "anc_unit" or form.asks_anc_unit]
        return render_to_string(
            self.template,
            {
                "legend": self.legend,
                "fields": [form[name] for name in shown],
                "field_template": FIELD_TEMPLATE,
            },
        )


def checker_helper() -> FormHelper:
    """How crispy-forms lays out the checker, in the active language."""
    return _checker_helper(get_language())


@functools.lru_cache(maxsize=8)
def _checker_helper(language: str) -> FormHelper:
    """Built once per process and language: it is the same for every patient and holds none
    of their answers (those stay on the form), only the words of its legends and button. Its
    templates are short versions of crispy-bootstrap5's with the same markup, so that the
    form, which every result page shows again filled in, costs little to render."""
    helper = FormHelper()
    helper.template = "phases/_check_form.html"
    helper.field_template = FIELD_TEMPLATE
    helper.form_method = "post"
    # A URL name, which crispy reverses when it renders the form (/es/check/ on a Spanish page).
    helper.form_action = "phases:check"
    helper.form_id = "lab-report"
    # The checker changes nothing, so it needs no CSRF cookie (see views.check).
    helper.disable_csrf = True
    # A result page opens its links in a new tab (see check.html); the form stays here.
    helper.attrs = {"novalidate": "", "target": "_self"}
    helper.layout = Layout(
        QuestionGroup(
            gettext("Treatment so far"),
            "treatment",
            "age_group",
            "first_course_finished",
            "ever_in_remission",
        ),
        QuestionGroup(gettext("How things are now"), "fever", "symptoms"),
        QuestionGroup(gettext("Bone marrow test"), "marrow_blasts_percent", "mrd", "mrd_level"),
        QuestionGroup(gettext("Other places leukemia can be"), "outside_marrow"),
        QuestionGroup(
            gettext("Blood test"),
            "cbc",
            "blood_blasts",
            "anc",
            "anc_unit",
            "platelets",
            "wbc",
            "hemoglobin",
        ),
    )
    # After the layout, as a layout's Submit would be; as an input, crispy renders it from the
    # form's template instead of building a template of its text for every form.
    helper.add_input(Submit("show", gettext("Show what my results suggest")))
    return helper
