"""Writing Markdown in the admin: a help panel and a live preview beside each text box.

Django's own widget machinery (a Textarea with its own template and Media) and an admin view
that renders the text exactly as a saved text is rendered (phases.text.staff_markdown: checked,
converted, sanitised); a small static script asks it for the preview as the editor types. No
inline script or style, nothing from a CDN.
"""
