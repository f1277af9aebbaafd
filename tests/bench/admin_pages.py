"""An editor's round of the admin, for bench_pages.py: signed in, the lists, each phase's
change form, history and preview (which show reading levels and word diffs), in both
languages, so that the workers' memory can be read after the admin as after the load."""

import http.cookiejar
import re
import urllib.parse
import urllib.request

USERNAME, PASSWORD = "bench-editor", "bench-only-not-a-password-7Qp2"
CREATE_EDITOR = (
    "from django.contrib.auth.models import User; "
    f"User.objects.create_superuser({USERNAME!r}, password={PASSWORD!r})"
)
ROUNDS = 6  # each page this often, over new connections: every worker serves some


def signed_in(base):
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = browser.open(base + "/admin/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = {"csrfmiddlewaretoken": token, "username": USERNAME, "password": PASSWORD}
    request = urllib.request.Request(
        base + "/admin/login/?next=/admin/",
        data=urllib.parse.urlencode(form).encode(),
        headers={"Referer": base + "/admin/login/"},
    )
    assert 'action="/admin/logout/"' in browser.open(request, timeout=30).read().decode()
    return browser


def visit_admin(base):
    """Every page of the round ROUNDS times; how many pages were served."""
    browser = signed_in(base)
    listing = browser.open(base + "/admin/phases/phase/", timeout=30).read().decode()
    ids = sorted(set(re.findall(r"/admin/phases/phase/(\d+)/change/", listing)))
    pages = ["/admin/", "/admin/phases/phase/", "/admin/phases/glossaryterm/"]
    for id_ in ids:
        pages += [f"/admin/phases/phase/{id_}/{view}/" for view in ("change", "history", "preview")]
    served = 0
    for _ in range(ROUNDS):
        for page in pages:
            browser.open(base + page, timeout=60).read()
            served += 1
    return served
