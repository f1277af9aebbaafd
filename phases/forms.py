import copy
import functools

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from crispy_forms.utils import TEMPLATE_PACK
from django import forms
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from phases import classifier
from phases.checker_report import Question
from phases.classifier import Answer, CountsWord, MrdResult, Treatment
from phases.lab_numbers import NumberProblem, read_number

# The words of every answer; the answers themselves are the classifier's.
ANSWER_WORDS = {
    Treatment.NONE: pgettext_lazy("checker answer", "No, not yet"),
    Treatment.RECEIVED: pgettext_lazy("checker answer", "Yes, treatment has started"),
    Answer.YES: pgettext_lazy("checker answer", "Yes"),
    Answer.NO: pgettext_lazy("checker answer", "No"),
    Answer.UNKNOWN: pgettext_lazy("checker answer", "I don't know"),
    CountsWord.NORMAL: pgettext_lazy("checker answer", "Normal"),
    CountsWord.ABNORMAL: pgettext_lazy("checker answer", "Not normal"),
    CountsWord.UNKNOWN: pgettext_lazy("checker answer", "I don't know"),
    MrdResult.POSITIVE: pgettext_lazy("checker answer", "Positive: leukemia cells were found"),
    MrdResult.NEGATIVE: pgettext_lazy("checker answer", "Negative: no leukemia cells were found"),
    MrdResult.NOT_TESTED: pgettext_lazy("checker answer", "I have not had this test"),
    MrdResult.UNKNOWN: pgettext_lazy("checker answer", "I don't know"),
}


# The questions with answers to choose, in a few words, for the printed list of answers.
SHORT_QUESTIONS = {
    "treatment": _("Treatment started"),
    "first_course_finished": _("First round of treatment (induction) finished"),
    "ever_in_remission": _("In remission before these results"),
    "symptoms": _("Signs of leukemia now"),
    "mrd": _("MRD test"),
    "outside_marrow": _("Leukemia outside the blood and marrow"),
    "cbc": _("Blood count overall"),
    "blood_blasts": _("Blasts in the blood"),
}


def choices_of(name):
    return [(answer.value, ANSWER_WORDS[answer]) for answer in classifier.CHOICES[name]]


def answer_field(name, label, help_text=""):
    """A question answered with radio buttons; unanswered counts as "I don't know"."""
    return forms.ChoiceField(
        label=label,
        choices=choices_of(name),
        initial="unknown",
        required=False,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


class LabNumberField(forms.CharField):
    """A number copied from a lab report, read as a lab would mean it (see lab_numbers)."""

    def __init__(self, *, lab_number, **kwargs):
        self.lab_number = lab_number
        widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
        super().__init__(required=False, max_length=30, widget=widget, **kwargs)
        self.error_messages["max_length"] = _(
            "This is too long for a number. Type the number only."
        )

    def clean(self, value):
        text = super().clean(value)
        try:
            return read_number(text, name=self.lab_number)
        except NumberProblem as problem:
            raise forms.ValidationError(str(problem), code="lab_number") from None


class LabReportForm(forms.Form):
    """The values of one lab report. Field names are the classifier spec's input names."""

    treatment = forms.ChoiceField(
        label=_("Has treatment for the leukemia started?"),
        choices=choices_of("treatment"),
        widget=forms.RadioSelect,
        help_text=_(
            "Chemotherapy counts, and so do steroids (such as prednisone or dexamethasone) "
            "given before it starts. Care that only eases symptoms, such as blood transfusions "
            "or medicine for fever or infection, does not count here."
        ),
        error_messages={"required": _("Choose whether treatment for the leukemia has started.")},
    )
    first_course_finished = answer_field(
        "first_course_finished",
        _(
            "Has the first round of treatment, called induction, finished? It usually takes 4 "
            "to 5 weeks."
        ),
        _(
            "Only if treatment has started. Your treatment plan, sometimes called a roadmap, "
            "names each part of treatment and its dates. Your care team can tell you too."
        ),
    )
    ever_in_remission = answer_field(
        "ever_in_remission",
        _("Before these results, had your care team ever said the leukemia was in remission?"),
        _(
            "Remission means the usual tests no longer found signs of leukemia. Doctors first "
            "check for it at the end of the first round of treatment."
        ),
    )
    symptoms = answer_field(
        "symptoms",
        _("Are there signs of leukemia now, such as bone pain, fever, bleeding or easy bruising?"),
        _("Think of how you or your child feel today."),
    )
    marrow_blasts_percent = LabNumberField(
        lab_number="marrow_blasts_percent",
        label=_("Blasts in the bone marrow, in percent (%)"),
        help_text=_(
            "On your bone marrow test report, look for “blasts” or “blast cells” with a % "
            "sign. If it says “<5%” or “none seen”, type that. Leave this empty if you have no "
            "marrow result."
        ),
    )
    mrd = answer_field(
        "mrd",
        _("Minimal residual disease (MRD) test result"),
        _(
            "An MRD test looks for very small numbers of leukemia cells in the marrow. The "
            "report may say “detected” (positive) or “not detected” (negative)."
        ),
    )
    outside_marrow = answer_field(
        "outside_marrow",
        _("Has your care team found leukemia outside the blood and bone marrow?"),
        _(
            "For example in the spinal fluid, tested with a lumbar puncture (spinal tap), or in "
            "the testicles or skin. Your care team tells you these results; they are not on a "
            "blood count report."
        ),
    )
    cbc = answer_field(
        "cbc",
        _("What does your report or care team say about your blood count overall?"),
        _(
            "The complete blood count (CBC) is the usual blood test. Results outside the lab's "
            "range are often marked H (high) or L (low)."
        ),
    )
    blood_blasts = answer_field(
        "blood_blasts",
        _("Does your blood test report list blasts?"),
        _(
            "Look in the part that counts each kind of white cell (the differential). 0% or "
            "“none seen” means no."
        ),
    )
    anc = LabNumberField(
        lab_number="anc",
        label=_("Neutrophils, absolute count (ANC), in ×10⁹/L"),
        help_text=_(
            "On the blood count, often “ANC”, “Neut #” or “Neutrophils abs”. ×10⁹/L is the "
            "same number as ×10³/µL or K/µL. A count per µL, like 1500, is fine too."
        ),
    )
    platelets = LabNumberField(
        lab_number="platelets",
        label=_("Platelets, in ×10⁹/L"),
        help_text=_(
            "On the blood count, often “PLT”. ×10⁹/L is the same number as ×10³/µL or K/µL. A "
            "count per µL, like 150000, is fine too."
        ),
    )
    wbc = LabNumberField(
        lab_number="wbc",
        label=_("White blood cells (WBC), in ×10⁹/L"),
        help_text=_(
            "On the blood count, often “WBC”. Shown next to the typical range; it does not "
            "change the phase."
        ),
    )
    hemoglobin = LabNumberField(
        lab_number="hemoglobin",
        label=_("Hemoglobin, in g/dL"),
        help_text=_(
            "On the blood count, often “Hb” or “HGB”. If your report uses g/L (like 125), type "
            "that and we will change it to g/dL."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A copy, so that a view may point this form's action elsewhere (see views.checker_context)
        # without touching the helper other requests share.
        self.helper = copy.copy(checker_helper())

    def clean(self):
        cleaned_data = super().clean()
        for field in self:
            reading = cleaned_data.get(field.name)
            if isinstance(field.field, LabNumberField) and reading and reading.understood:
                # Said beside the box, so the patient can see how we read it.
                field.help_text = format_html(
                    '<strong class="understood">{}</strong> {}', reading.understood, field.help_text
                )
        return cleaned_data

    def lab_values(self) -> classifier.LabValues:
        """The cleaned answers for the classifier; empty answers stay unknown."""
        values = {}
        for name, field in self.fields.items():
            answer = self.cleaned_data.get(name)
            if isinstance(field, LabNumberField):
                values[name] = answer.value if answer else None
            else:
                values[name] = answer or "unknown"
        return classifier.LabValues(**values)

    def answers(self) -> list[tuple[str, str]]:
        """The answers the patient chose, in a few words, for the printed result (the numbers
        they typed are in its table of numbers). Unanswered questions are left out."""
        return [
            (SHORT_QUESTIONS[field.name], dict(field.field.choices)[answer])
            for field in self
            if not isinstance(field.field, LabNumberField)
            and (answer := self.cleaned_data.get(field.name))
        ]

    def questions(self) -> dict[str, Question]:
        """Each question's label and where to jump to answer it (a box, or a set of radios)."""
        return {
            field.name: Question(field.label, field.id_for_label or f"div_{field.auto_id}")
            for field in self
        }


class QuestionGroup(Fieldset):
    """crispy's Fieldset, its questions rendered in one template (phases/_check_fieldset.html,
    each field as the helper's field_template shows it; the legend is plain text). crispy's own
    Fieldset renders every field with a template of its own and a copy of the page's context:
    most of the cost of the checker's pages, which show the whole form with every result."""

    template = "phases/_check_fieldset.html"

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        form.rendered_fields.update(self.fields)  # crispy's record of the fields shown
        return render_to_string(
            self.template,
            {
                "legend": self.legend,
                "fields": [form[name] for name in self.fields],
                "field_template": form.crispy_field_template,
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
    helper.field_template = "phases/_check_field.html"
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
            "first_course_finished",
            "ever_in_remission",
            "symptoms",
        ),
        QuestionGroup(gettext("Bone marrow test"), "marrow_blasts_percent", "mrd"),
        QuestionGroup(gettext("Other places leukemia can be"), "outside_marrow"),
        QuestionGroup(
            gettext("Blood test"), "cbc", "blood_blasts", "anc", "platelets", "wbc", "hemoglobin"
        ),
    )
    # After the layout, as a layout's Submit would be; as an input, crispy renders it from the
    # form's template instead of building a template of its text for every form.
    helper.add_input(Submit("show", gettext("Show what my results suggest")))
    return helper
