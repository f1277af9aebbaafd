"""Web origins a partner may frame the pages from, read strictly: they end up in a header.

An origin is exactly scheme://host[:port]. Anything else a person might paste (a path, a query,
a user name, a wildcard, a semicolon that would start another CSP directive) is refused with a
message, so the Content-Security-Policy and CORS answers are only ever built from clean values.
Nothing here imports Django.
"""

import re

LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]"}
LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
HOST = re.compile(rf"^(?:{LABEL}\.)*{LABEL}$")
ORIGIN = re.compile(
    r"^(?P<scheme>https?)://(?P<host>\[::1\]|[^/:?#@\s\[\]]+)(?::(?P<port>\d{1,5}))?$"
)
EXAMPLE = "https://library.example-hospital.org"


class OriginProblem(ValueError):
    """Not an origin we accept; the message is written for the portal's administrators."""


def normalised_origin(text: str) -> str:
    """The origin in its one written form: lower case, no slash at the end, default port left
    out."""
    written = text.strip().lower()
    match = ORIGIN.match(written[:-1] if written.endswith("/") else written)
    if match is None:
        raise OriginProblem(
            f"“{text}” is not a web origin. Write only the scheme and the host, like {EXAMPLE} "
            "(no path, no slash at the end, no * wildcard)."
        )
    scheme, host, port = match["scheme"], match["host"], match["port"]
    if host not in LOCAL_HOSTS and not HOST.match(host):
        raise OriginProblem(f"“{text}” has a host name that is not valid. Write it like {EXAMPLE}.")
    if scheme == "http" and not _local(host):
        raise OriginProblem(
            f"“{text}” uses http. Partner sites must use https (http is only for localhost)."
        )
    if port is not None and not 0 < int(port) < 65536:
        raise OriginProblem(f"“{text}” has a port number that is not valid.")
    default_port = {"https": "443", "http": "80"}[scheme]
    return f"{scheme}://{host}" + (f":{int(port)}" if port and port != default_port else "")


def _local(host: str) -> bool:
    """This machine: localhost, its loopback addresses, and names under .localhost (RFC 6761)."""
    return host in LOCAL_HOSTS or host.endswith(".localhost")


def normalised_origins(text: str) -> list[str]:
    """Every origin of a list written one per line; raises on the first one that is not valid."""
    return list(dict.fromkeys(normalised_origin(line) for line in text.split()))


def valid_origins(text: str) -> list[str]:
    """Only the valid origins of a stored list, for headers: a bad one is left out, never sent."""
    origins = []
    for line in text.split():
        try:
            origins.append(normalised_origin(line))
        except OriginProblem:
            continue
    return list(dict.fromkeys(origins))
