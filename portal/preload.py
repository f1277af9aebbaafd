"""What gunicorn's master loads once, before it forks its workers (gunicorn.conf.py).

With `preload_app`, the master imports the application (Django, every app's models and admin)
and then runs warm() below; each worker it forks starts with all of it in pages it shares with
the master and the other workers, copy-on-write, instead of building its own copy the first
time an editor opens the admin. warm() loads what a worker would otherwise load on demand:

- the URL patterns (every view module, the admin's and the API's) under each language;
- each language's translation catalogues;
- every template the site, the admin and the forms can render, compiled by the cached loaders;
- the reading-level tables: the English syllable table (phases/text/english_syllables/) and Pyphen's
  hyphenation patterns for each language the editors are shown a score in.

Nothing here opens a database connection, a socket or a thread: they would be shared by
processes that each believe they own them. tests/test_preload.py checks that.

Then gc.freeze() moves every object made so far out of the garbage collector's reach, so that
a worker's collections do not write into (and so copy) the pages it shares with the master.
"""

import gc
from pathlib import Path

from django.conf import settings
from django.forms.renderers import get_default_renderer
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.urls import get_resolver, reverse
from django.utils import translation

from phases.text.readability import MEASURES

TEMPLATE_SUFFIXES = {".html", ".txt", ".xml"}
SAMPLE = "A child with leukemia goes to the clinic. The doctor checks the blood."


def warm():
    """Load the application's on-demand parts in this process; freeze what exists."""
    get_resolver().url_patterns  # noqa: B018 - imports every view module
    for language, _ in settings.LANGUAGES:
        with translation.override(language):
            reverse("phases:home")
            reverse("admin:index")
    for engine in [*engines.all(), get_default_renderer().engine]:
        compile_templates(engine)
    for measure in MEASURES.values():
        measure.formula(SAMPLE, measure.syllables)
    gc.collect()
    gc.freeze()


def compile_templates(engine):
    """Every template in the engine's folders, compiled into its cached loaders."""
    for folder in map(Path, engine.template_dirs):
        for path in sorted(folder.rglob("*")):
            if path.suffix not in TEMPLATE_SUFFIXES:
                continue
            try:
                engine.get_template(path.relative_to(folder).as_posix())
            except (TemplateDoesNotExist, TemplateSyntaxError):
                continue  # a library's template that needs an app the portal does not run
