"""Which chart results fill which box of the checker, and how their units become the checker's:
one table of LOINC codes and one of UCUM units, each entry with its source.

Django-free, like the classifier: phases/smart/chart.py reads a chart with these tables, and the
tests and docs/smart-launch.md show them.
"""

from dataclasses import dataclass
from decimal import Decimal

LOINC_SYSTEM = "http://loinc.org"
UCUM_SYSTEM = "http://unitsofmeasure.org"
# Where each code and unit is defined.
LOINC_SOURCE = "https://loinc.org/{code}/"
UCUM_SOURCE = "https://ucum.org/ucum (The Unified Code for Units of Measure, §4.2 and §4.3)"


@dataclass(frozen=True)
class ChartCode:
    """A LOINC code whose result fills the checker's `field`."""

    code: str
    name: str  # LOINC's long common name
    field: str  # the checker's input (phases/forms.py LabReportForm)
    test: str  # which kind of test it comes from: "marrow" or "blood"

    @property
    def source(self) -> str:
        return LOINC_SOURCE.format(code=self.code)


# In each field's order of preference when two codes have results on the same day: automated
# counts before manual ones, specific codes before the method-less one.
CHART_CODES = (
    ChartCode("11150-0", "Blasts/Leukocytes in Bone marrow", "marrow_blasts_percent", "marrow"),
    ChartCode("26446-5", "Blasts/Leukocytes in Blood", "blood_blasts", "blood"),
    ChartCode("709-6", "Blasts [#/volume] in Blood by Manual count", "blood_blasts", "blood"),
    ChartCode("751-8", "Neutrophils [#/volume] in Blood by Automated count", "anc", "blood"),
    ChartCode("753-4", "Neutrophils [#/volume] in Blood by Manual count", "anc", "blood"),
    ChartCode("26499-4", "Neutrophils [#/volume] in Blood", "anc", "blood"),
    ChartCode("777-3", "Platelets [#/volume] in Blood by Automated count", "platelets", "blood"),
    ChartCode("778-1", "Platelets [#/volume] in Blood by Manual count", "platelets", "blood"),
    ChartCode("26515-7", "Platelets [#/volume] in Blood", "platelets", "blood"),
    ChartCode("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "wbc", "blood"),
    ChartCode("804-5", "Leukocytes [#/volume] in Blood by Manual count", "wbc", "blood"),
    ChartCode("26464-8", "Leukocytes [#/volume] in Blood", "wbc", "blood"),
    ChartCode("718-7", "Hemoglobin [Mass/volume] in Blood", "hemoglobin", "blood"),
)
BY_CODE = {chart_code.code: chart_code for chart_code in CHART_CODES}
# The checker's inputs the chart can fill, in the form's order.
FIELDS = tuple(dict.fromkeys(chart_code.field for chart_code in CHART_CODES))


@dataclass(frozen=True)
class UnitConversion:
    """A UCUM unit code, and what to multiply its value by for the checker's unit."""

    ucum: str
    factor: Decimal
    source: str


# The checker's units: percent; cells ×10⁹/L (the same number as ×10³/µL); hemoglobin g/dL.
PERCENT = "%"
COUNT = "10*9/L"
MASS = "g/dL"
UNITS = {
    PERCENT: (UnitConversion("%", Decimal(1), "UCUM: % is 10*-2 (a hundredth)"),),
    COUNT: (
        UnitConversion("10*9/L", Decimal(1), "UCUM: the checker's own unit"),
        UnitConversion("10*3/uL", Decimal(1), "UCUM: 1 L = 10*6 uL, so 10*3/uL = 10*9/L"),
        UnitConversion("10*3/mm3", Decimal(1), "UCUM: 1 mm3 = 1 uL, so 10*3/mm3 = 10*9/L"),
        UnitConversion("/nL", Decimal(1), "UCUM: 1 L = 10*9 nL, so /nL = 10*9/L"),
        UnitConversion("/uL", Decimal("0.001"), "UCUM: /uL = 10*6/L, a thousandth of 10*9/L"),
        UnitConversion("/mm3", Decimal("0.001"), "UCUM: /mm3 = /uL = 10*6/L"),
        UnitConversion("10*6/L", Decimal("0.001"), "UCUM: a thousandth of 10*9/L"),
    ),
    MASS: (
        UnitConversion("g/dL", Decimal(1), "UCUM: the checker's own unit"),
        UnitConversion("g/L", Decimal("0.1"), "UCUM: 1 L = 10 dL, so g/L ÷ 10 = g/dL"),
        UnitConversion("mg/dL", Decimal("0.001"), "UCUM: 1 g = 1000 mg"),
    ),
}
# The unit each field is filled in. Blood blasts answer yes or no: a percent or a count.
FIELD_UNITS = {
    "marrow_blasts_percent": (PERCENT,),
    "blood_blasts": (PERCENT, COUNT),
    "anc": (COUNT,),
    "platelets": (COUNT,),
    "wbc": (COUNT,),
    "hemoglobin": (MASS,),
}


def conversion(field: str, ucum: str) -> UnitConversion | None:
    """How a value in UCUM unit `ucum` becomes `field`'s unit; None when it cannot."""
    for unit in FIELD_UNITS[field]:
        for known in UNITS[unit]:
            if known.ucum == ucum:
                return known
    return None
