"""Database queries of each page, cold then warm, for bench_pages.py (run by it, not alone).

Runs in a process of its own, set up like the benchmark's server (same database, same
environment), so its caches start empty: the first request of a page is cold, the second is
what a cached page costs. Takes the pages as JSON on the command line and prints, as JSON,
{name: [cold, warm]}. A page that does not answer 200 stops the benchmark here, before the load.
"""

import json
import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django.setup()

from django.db import connection  # noqa: E402  (after django.setup())
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def count(client, page):
    with CaptureQueriesContext(connection) as queries:
        if page["form"]:
            response = client.post(page["path"], page["form"])
        else:
            response = client.get(page["path"])
    if response.status_code != 200:
        sys.exit(f"{page['name']} answered {response.status_code}")
    return len(queries)


def main():
    client = Client(SERVER_NAME="127.0.0.1")  # an ALLOWED_HOSTS name, as the server gets
    counts = {}
    for page in json.loads(sys.argv[1]):
        counts[page["name"]] = [count(client, page), count(client, page)]
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
