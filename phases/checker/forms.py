import copy
from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from phases.checker.choice_words import words_for
from phases.checker.lab_numbers import NumberProblem
from phases.checker.layout import checker_helper
from phases.checker.number_reading import anc_readings, read_number
from phases.checker.report import Question
from phases.rules import classifier
from phases.rules.classifier import (
    AncUnit,
    anc_is_ambiguous,
)

# An ambiguous ANC's unit is asked only when the number cannot tell: "I don't know" is no help.
ANC_UNITS = [unit for unit in AncUnit if unit is not AncUnit.UNKNOWN]

# The questions with answers to choose, in a few words, for the printed list of answers.
SHORT_QUESTIONS = {
    "treatment": _("Treatment ever given"),
    "age_group": _("Who is treated"),
    "fever": _("Fever now or in the last 24 hours"),
    "mrd_level": _("MRD level"),
    "anc_unit": _("How the ANC is written"),
    "first_course_finished": _("First round of treatment (induction) finished"),
    "ever_in_remission": _("In remission before these results"),
    "symptoms": _("Other signs of leukemia now"),
    "mrd": _("MRD test"),
    "outside_marrow": _("Leukemia outside the blood and marrow in the latest tests"),
    "cbc": _("Blood count overall"),
    "blood_blasts": _("Blasts in the blood"),
}


def choices_of(name: str) -> list[tuple[str, Promise]]:
    """The answers the form offers to the question `name`, each with its words."""
    offered = [
        answer for answer in classifier.CHOICES[name] if name != "anc_unit" or answer in ANC_UNITS
    ]
    return [(answer.value, words_for(name, answer).offered) for answer in offered]


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
        label=_("Has any treatment for the leukemia ever been given?"),
        choices=choices_of("treatment"),
        widget=forms.RadioSelect,
        help_text=_(
            "Chemotherapy counts, and so do steroids (such as prednisone or dexamethasone) "
            "given before it starts. Answer yes even if treatment is paused now, for example "
            "while waiting for new treatment. Care that only eases symptoms, such as blood "
            "transfusions or medicine for fever or infection, does not count here."
        ),
        error_messages={"required": _("Choose whether treatment for the leukemia was ever given.")},
    )
    age_group = answer_field(
        "age_group",
        _("Who is being treated?"),
        _(
            "Teams that treat children and teams that treat adults judge the first round of "
            "treatment in different ways. Teenagers and young adults are often treated on a "
            "children's plan: your care team can tell you which."
        ),
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
    fever = answer_field(
        "fever",
        _("Is there a fever now, or was there one in the last 24 hours?"),
        _(
            "A temperature of 38.0 °C (100.4 °F) or higher, or above the number your care "
            "team gave you. A temperature taken under the arm reads a little lower."
        ),
    )
    symptoms = answer_field(
        "symptoms",
        _("Other than fever, are there signs that the leukemia may be active now?"),
        _(
            "New bone pain, bleeding or bruising easily, swollen glands, or feeling very tired "
            "or looking pale. Think of how you or your child are today."
        ),
    )
    marrow_blasts_percent = LabNumberField(
        lab_number="marrow_blasts_percent",
        label=_("Blasts in the bone marrow, in percent (%)"),
        help_text=_(
            "On your bone marrow test report, look for “blasts” or “blast cells” with a % "
            "sign. If it says “<5%”, “1-2%” or “none seen”, type that. Leave this empty if you "
            "have no new marrow result."
        ),
    )
    mrd = answer_field(
        "mrd",
        _("Minimal residual disease (MRD) test result"),
        _(
            "An MRD test looks for very small numbers of leukemia cells, most often in the "
            "marrow. “Negative”, “not detected” or “below the limit” of the test all mean "
            "negative. “Positive” or “detected” means positive, and so does a number, such as "
            "0.01% or 1 in 10,000."
        ),
    )
    mrd_level = answer_field(
        "mrd_level",
        _("If the MRD test was positive, what level did it find?"),
        _(
            "Only if the MRD test was positive. The report may give the level as a percent, or "
            "as 1 leukemia cell in a number of cells: 1 in 100 is 1%."
        ),
    )
    outside_marrow = answer_field(
        "outside_marrow",
        _(
            "In the latest tests, has your care team found leukemia outside the blood and bone "
            "marrow?"
        ),
        _(
            "For example in the spinal fluid, tested with a lumbar puncture (spinal tap), or in "
            "the testicles or skin. If it was found there only when the leukemia was first "
            "found, answer no. Your care team tells you these results; they are not on a blood "
            "count report."
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
    anc_unit = forms.ChoiceField(
        label=_("How does your report write the ANC?"),
        choices=choices_of("anc_unit"),
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Look for the unit printed beside the number, or ask your care team. If you are "
            "not sure, leave the ANC empty."
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
        self._read_anc_in_its_unit(cleaned_data)
        for field in self:
            reading = cleaned_data.get(field.name)
            if isinstance(field.field, LabNumberField) and reading and reading.understood:
                # Said beside the box, so the patient can see how we read it.
                field.help_text = format_html(
                    '<strong class="understood">{}</strong> {}', reading.understood, field.help_text
                )
        return cleaned_data

    @property
    def asks_anc_unit(self) -> bool:
        """The ANC's unit is asked beside it when the number alone cannot tell, and stays shown
        once chosen, so the patient sees which reading was used."""
        return bool(self["anc_unit"].errors or self.data.get("anc_unit"))

    def _read_anc_in_its_unit(self, cleaned_data):
        """An ANC from 10 to 100, or above the WBC, may be per µL or x10^9/L: read it in the unit
        the patient chose, else ask, with both readings written out beside the box."""
        typed = self.data.get("anc", "")
        anc, unit = cleaned_data.get("anc"), cleaned_data.get("anc_unit")
        if anc is None or "anc" in self.errors:
            return
        shown = read_number(typed, name="anc", unit=AncUnit.X10_9_PER_L) if not anc.scaled else None
        if shown is not None:
            readings = anc_readings(shown.value)
            self.fields["anc_unit"].choices = [(code, readings[code]) for code in readings]
        if unit:
            try:
                cleaned_data["anc"] = read_number(typed, name="anc", unit=unit)
            except NumberProblem as problem:
                self.add_error("anc", str(problem))
            return
        wbc = cleaned_data.get("wbc")
        if not anc.scaled and anc_is_ambiguous(anc.value, wbc and wbc.value):
            self.add_error(
                "anc_unit",
                gettext(
                    "An ANC of %(number)s can mean two very different counts. Choose the one "
                    "your report means."
                )
                % {"number": typed.strip()},
            )

    def lab_values(self) -> classifier.LabValues:
        """The cleaned answers for the classifier; empty answers stay unknown. A count read
        per µL tells the classifier so."""
        values: dict[str, Any] = {}
        for name, field in self.fields.items():
            answer = self.cleaned_data.get(name)
            if isinstance(field, LabNumberField):
                values[name] = answer.value if answer else None
            else:
                values[name] = answer or "unknown"
        anc = self.cleaned_data.get("anc")
        if anc and anc.scaled:
            values["anc_unit"] = AncUnit.PER_UL
        return classifier.LabValues(**values)

    def answers(self) -> list[tuple[str | Promise, str | Promise]]:
        """The answers the patient chose, in a few words, for the printed result (the numbers
        they typed are in its table of numbers). Unanswered questions are left out."""
        return [
            (SHORT_QUESTIONS[field.name], dict(field.field.choices)[answer])  # type: ignore[attr-defined]
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
