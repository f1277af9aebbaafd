"""What the server does before Django sees a request, and after (portal/asgi_worker.py).

- The whole body is read first, with a deadline (REQUEST_BODY_SECONDS, 20 s) and a size limit
  (Django's DATA_UPLOAD_MAX_MEMORY_SIZE plus the multipart overhead allowance below): a client
  that trickles its body waits in the event loop, holding no thread, and is answered 408 when
  its time is up (413 when it sends too much). Only then does Django get a thread for it.
  Everything it read is one bytes object, dropped with the request.
- The access log, one line per request in gunicorn's own format: the path as sent, still
  percent-encoded and without its query string (which could hold what a patient typed), and
  every byte outside printable ASCII written as \\xNN, so no request can write a line break or
  a forged line into the log.
"""

import asyncio
import logging
import os
import time

from django.conf import settings

access_log = logging.getLogger("gunicorn.access")  # where gunicorn's accesslog setting sends it

BODY_SECONDS = float(os.environ.get("REQUEST_BODY_SECONDS", "20"))
# Form fields beyond the data Django itself counts (boundaries, names): a little room.
BODY_ALLOWANCE = 64 * 1024


def escaped(raw: bytes | str) -> str:
    """Printable ASCII as it is; anything else, quotes and backslashes included, as \\xNN."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "backslashreplace")
    return "".join(
        chr(byte) if 0x20 <= byte < 0x7F and byte not in b'"\\' else f"\\x{byte:02x}"
        for byte in raw
    )


def header(scope, name: bytes) -> bytes:
    return next((value for key, value in scope["headers"] if key == name), b"")


async def answer(send, status: int, text: str):
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": text.encode()})


class ServedApplication:
    """An ASGI application (Django's WSGI one behind a2wsgi) with the whole body read first,
    and the access log."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.application(scope, receive, send)
        started = time.monotonic()
        sent = {"status": 0, "bytes": 0}

        async def counting_send(message):
            if message["type"] == "http.response.start":
                sent["status"] = message["status"]
            elif message["type"] == "http.response.body":
                sent["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            body = await read_body(receive)
        except TimeoutError:
            await answer(counting_send, 408, "The request took too long to arrive.")
        except BodyTooLarge:
            await answer(counting_send, 413, "The request is too large.")
        else:
            if body is not None:
                await self.application(scope, replaying(body, receive), counting_send)
        self.log(scope, sent, time.monotonic() - started)

    @staticmethod
    def log(scope, sent, seconds):
        client = scope.get("client") or ("-", 0)
        line = '{} [{}] "{} {} HTTP/{}" {} {} {}ms "{}"'.format(
            escaped(client[0]),
            time.strftime("%d/%b/%Y:%H:%M:%S %z"),
            escaped(scope["method"]),
            escaped(scope.get("raw_path") or scope["path"].encode()),
            escaped(scope["http_version"]),
            sent["status"],
            sent["bytes"],
            int(seconds * 1000),
            escaped(header(scope, b"user-agent")),
        )
        access_log.info(line)


class BodyTooLarge(Exception):
    pass


async def read_body(receive) -> bytes | None:
    """The whole body, or None when the client went away first."""
    limit = (settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0) + BODY_ALLOWANCE
    chunks, size = [], 0
    async with asyncio.timeout(BODY_SECONDS):
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if settings.DATA_UPLOAD_MAX_MEMORY_SIZE is not None and size > limit:
                raise BodyTooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


def replaying(body: bytes, receive):
    """A receive() that gives the body read already, then what the client sends next (Django
    listens for a disconnect while the view runs)."""
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def replay():
        if pending:
            return pending.pop()
        return await receive()

    return replay
