"""The patient content and its editing: models, publishing and review rules, languages, the
editors' admin and the content file's import and export."""
