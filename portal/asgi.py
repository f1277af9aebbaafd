"""The portal's ASGI application, which gunicorn serves with the worker of gunicorn.conf.py
(portal/asgi_worker.py): `.venv/bin/gunicorn portal.asgi`. Django's own ASGI handler, with the
whole request body read first and the access log (portal/serving.py)."""

import os
import warnings

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

from portal.serving import ServedApplication  # noqa: E402  (after the settings are named)

# WhiteNoise answers static files with a FileResponse, which Django reads in a thread, chunk by
# chunk, under ASGI: right for files, and said once per worker in a warning that means nothing
# here.
warnings.filterwarnings(
    "ignore", message="StreamingHttpResponse must consume synchronous iterators"
)

application = ServedApplication(get_asgi_application())
