"""The checker page's parts: reading the numbers a patient types (lab_numbers, number_reading),
the form, its layout, and the report a result is put into. It applies phases.rules and reads
the explanations from phases.content; the views that serve it are the site's
(phases.site.views) and the API's (phases.api.checker)."""
