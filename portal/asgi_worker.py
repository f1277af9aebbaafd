"""gunicorn's worker for the portal (gunicorn.conf.py): uvicorn's event loop in front of
Django's WSGI application, so that slow clients cannot hold the workers.

gunicorn's own sync and gthread workers read a request inside the thread that will answer it:
a client that sends its headers or body a few bytes a second holds that thread, and a few
dozen such clients hold them all. Here uvicorn reads every connection in one event loop; the
whole request, body included, is read there first (portal/serving.py), and only then does one
of gunicorn's `threads` (a2wsgi's thread pool) run Django for it, as gthread did: the same
WSGI application, the same number of threads, kept database connections. Limits:

- headers: a connection that has not sent a request's whole headers REQUEST_HEADER_SECONDS
  (10 s) after it opened, or after the previous answer, is closed;
- body: REQUEST_BODY_SECONDS (portal/serving.py);
- connections: gunicorn's worker_connections per worker; beyond them uvicorn answers 503;
- size: the request line and headers together, gunicorn's limit_request_field_size.

uvicorn's own access log is off: it writes the decoded path with its query string. The
application writes gunicorn's format instead (portal/serving.py).
"""

import inspect
import os

import h11
from a2wsgi import WSGIMiddleware
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn_worker import UvicornWorker

from portal.serving import ServedApplication

HEADER_SECONDS = float(os.environ.get("REQUEST_HEADER_SECONDS", "10"))


class HeadersOnTime(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing a connection whose headers do not arrive in time."""

    headers_deadline = None

    def connection_made(self, transport):
        super().connection_made(transport)
        self.expect_headers()

    def data_received(self, data):
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self.stop_waiting()  # the headers are in: the body has its own deadline

    def on_response_complete(self):
        super().on_response_complete()
        if not self.transport.is_closing():
            self.expect_headers()  # the next request on this kept-alive connection

    def connection_lost(self, exc):
        self.stop_waiting()
        super().connection_lost(exc)

    def expect_headers(self):
        self.stop_waiting()
        self.headers_deadline = self.loop.call_later(HEADER_SECONDS, self.headers_too_slow)

    def stop_waiting(self):
        if self.headers_deadline is not None:
            self.headers_deadline.cancel()
            self.headers_deadline = None

    def headers_too_slow(self):
        self.headers_deadline = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


class AsgiWorker(UvicornWorker):
    CONFIG_KWARGS = {
        "loop": "asyncio",
        "http": HeadersOnTime,
        "access_log": False,
        "interface": "asgi3",
        "lifespan": "off",  # Django has no start-up or shut-down events to send
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.config.limit_concurrency = self.cfg.worker_connections
        self.config.h11_max_incomplete_event_size = self.cfg.limit_request_field_size

    def load_wsgi(self):
        """`gunicorn portal.wsgi`: Django's WSGI application, run in `threads` threads per
        worker once the event loop has read each request whole. (An ASGI application, such as
        portal.asgi, is served as it is, with the same body deadline and access log.)"""
        super().load_wsgi()
        application = self.wsgi
        if not _is_asgi(application):
            application = WSGIMiddleware(application, workers=self.cfg.threads)
        self.wsgi = ServedApplication(application)


def _is_asgi(application) -> bool:
    call = application if inspect.isfunction(application) else application.__call__
    return inspect.iscoroutinefunction(call)
