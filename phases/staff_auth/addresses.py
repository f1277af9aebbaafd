"""The address a request comes from, for lockouts and the sign-in log.

Without a proxy (TRUSTED_PROXY_COUNT=0) it is the socket's address: an X-Forwarded-For header
then comes from the client itself and is ignored. Behind N proxies, each of which appends the
address it saw to X-Forwarded-For, the client's address is the N-th entry from the right; what
stands further left was written by the client and is never read. (Werkzeug's ProxyFix and
gunicorn read the header the same way; django-ipware's proxy count counts the proxies' own
entries in the header instead, which nginx's `proxy_add_x_forwarded_for` does not write.)
"""

import ipaddress

from django.conf import settings


def client_address(request):
    socket_address = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return socket_address
    hops = [hop.strip() for hop in request.headers.get("x-forwarded-for", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < count:
        return socket_address  # not through all the proxies: the nearest one's address
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return socket_address
