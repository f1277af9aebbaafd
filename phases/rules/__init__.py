"""The checker's rules, free of Django: the classifier (what lab values say about the phase) and
the wording every explanation must keep (its placeholders and checks). The content models
validate explanation texts against these rules, so they sit below content; the checker page
builds on both. tests/test_import_direction.py holds this package to no Django at all."""
