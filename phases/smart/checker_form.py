"""The checker's form filled from a chart reading, each filled answer saying where it came from.

The one place this package touches the checker (phases.checker.forms, phases.site.views,
phases.checker.lab_numbers):
the form, its page and its POST are the checker's own, unchanged; only the form's starting
values and the words beside them are new.
"""

import datetime

from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext

from phases.checker.forms import LabReportForm
from phases.checker.lab_numbers import format_number, number_style
from phases.site.views import checker_context
from phases.smart.chart import OLD_AFTER_DAYS, ChartReading, ChartValue

# The checker's names for the answers the chart gives (phases/classifier's values).
YES, NO = "yes", "no"


def filled_checker_context(request, reading: ChartReading, *, today: datetime.date) -> dict:
    """The checker page's context with the chart's values filled in, in the active language.
    Nothing is classified: the patient checks, changes and sends the form as usual."""
    form = LabReportForm(initial=starting_values(reading))
    for name, note in notes(reading, today=today).items():
        field = form[name]
        field.help_text = format_html(
            '<strong class="from-chart">{}</strong> {}', note, field.help_text
        )
    return checker_context(request, form=form) | {
        "chart": {
            "filled": len(reading.values) + (reading.age_group is not None),
            "results": len(reading.values),
            "left_out": [form[left.field].label for left in reading.left_out],
        },
        # The language links of this page would lose the values: the page has none.
        "language_versions": [],
    }


def starting_values(reading: ChartReading) -> dict[str, str]:
    style = number_style()
    values = {}
    for name, value in reading.values.items():
        if name == "blood_blasts":
            values[name] = YES if value.value > 0 else NO
        else:
            number = format_number(float(value.value), style=style)
            values[name] = f"<{number}" if value.below else number
    if reading.age_group:
        values["age_group"] = reading.age_group
    return values


def notes(reading: ChartReading, *, today: datetime.date) -> dict[str, str]:
    """Beside each answer the chart gave, where it came from; beside each it could not, why."""
    said = {name: source(value, today=today) for name, value in reading.values.items()}
    if reading.age_group:
        said["age_group"] = gettext("From the birth date in your hospital record.")
    for left in reading.left_out:
        if left.reason == "unit" and left.unit:
            said[left.field] = gettext(
                "Your hospital record has a result here in a unit we cannot change (“%(unit)s”). "
                "Type it in from your lab report."
            ) % {"unit": left.unit}
        else:
            said[left.field] = gettext(
                "Your hospital record has a result here that is not a plain number. Type it "
                "in from your lab report."
            )
    return said


def source(value: ChartValue, *, today: datetime.date) -> str:
    day = formats.date_format(value.taken, "DATE_FORMAT")
    if value.test == "marrow":
        said = gettext("From your bone marrow test on %(date)s.") % {"date": day}
    else:
        said = gettext("From your blood test on %(date)s.") % {"date": day}
    if value.field == "blood_blasts":
        listed = gettext("It lists blasts.") if value.value > 0 else gettext("It lists no blasts.")
        said = f"{said} {listed}"
    if value.is_old(today):
        said = "{} {}".format(
            said,
            gettext(
                "This test is more than %(days)s days old: a newer one may give a different answer."
            )
            % {"days": OLD_AFTER_DAYS},
        )
    return said
