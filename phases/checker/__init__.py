"""The checker page: the form a patient fills in, the report it shows and the views that serve
both. It applies phases.rules to the numbers and reads the explanations from phases.content."""
