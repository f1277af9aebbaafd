"""gunicorn's settings for the portal.

gunicorn reads ./gunicorn.conf.py by itself, so the server is started from the project's
folder with just `.venv/bin/gunicorn portal.wsgi`. Options given on the command line win over
these. The README ("Deploying") and docs/deployment.md say what each group is for.
"""

import os


def _flag(name):
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


# Listen on this machine only: nginx (or the hospital's proxy) in front ends TLS and forwards.
bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"

# uvicorn's event loop reads every request whole before one of the threads answers it, so slow
# clients (or ones that never send the rest of their request) hold no thread and no worker:
# 2 workers of 4 threads answer 8 requests at once, whatever waits in the loop. Headers must
# arrive within REQUEST_HEADER_SECONDS, a body within REQUEST_BODY_SECONDS
# (portal/asgi_worker.py, portal/serving.py). At most worker_connections connections a worker.
worker_class = "portal.asgi_worker.AsgiWorker"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = 4
worker_connections = 500
# The master loads the application, and then what it would load on demand (portal/preload.py:
# URLs, translations, templates, the reading-level tables), once, before it forks: the workers
# share those pages with it instead of each building its own copy (docs/deployment.md, Memory).
# A code change needs a restart of the master (not HUP alone) to reach the workers.
preload_app = True
timeout = 30  # a worker silent this long is restarted
graceful_timeout = 30  # on restart, requests under way get this long to finish
keepalive = 5  # seconds an idle kept-alive connection is held open

# Small requests only: patients and editors never send long addresses or many headers. The
# worker holds a request line and its headers to this many bytes in all (431 beyond).
limit_request_field_size = 16 * 1024

# Both logs on standard error/output ("-"), so that systemd or docker keep them. The error log
# gets gunicorn's messages; Django's own log (tracebacks of 500 errors included) goes to the
# console too (LOGGING in portal/settings.py). The access log (written by portal/serving.py in
# this format: '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s"') shows the path as
# sent, without the query string and with every control character escaped, and no referring
# address: a query could hold what a patient typed.
errorlog = "-"
loglevel = "info"
accesslog = "-"

# No control socket: nothing to manage the server at run time but the process's own signals
# (gunicorn would otherwise open one at the same place, $HOME/.gunicorn, for every server).
control_socket_disable = True

# Believe X-Forwarded-* headers only from the proxy, and only when there is one.
if _flag("DJANGO_BEHIND_PROXY"):
    forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
else:
    forwarded_allow_ips = ""


def when_ready(server):
    """In the master, after the application is loaded and before the first worker is forked."""
    from portal.preload import warm

    warm()
