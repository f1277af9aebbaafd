"""SMART on FHIR: the hospital's record launches the checker and fills it in from the chart's
latest results, keeping nothing (docs/smart-launch.md)."""
