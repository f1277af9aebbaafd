import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pages import PUBLIC_PAGES

PROJECT_DIR = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
@pytest.mark.parametrize("url", [*PUBLIC_PAGES, "/phases/no-such-phase/", "/accounts/login/"])
def test_every_page_sends_the_security_headers(client, url):
    response = client.get(url)

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def run_django(command, **environment):
    # The parent's test-only variables (a throwaway key, relaxed async checks) stay behind.
    left_out = {"SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in left_out}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_start_up_refuses_to_run_without_a_secret_key():
    result = run_django(["check"], DJANGO_DEBUG="0")

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_mode_runs_without_a_secret_key():
    result = run_django(["check"], DJANGO_DEBUG="1")

    assert result.returncode == 0, result.stderr


def test_deploy_check_is_clean_for_a_production_environment():
    result = run_django(
        ["check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_DEBUG="0",
        DJANGO_HTTPS="1",
        SECRET_KEY="x7Lq9-production-like-key-" + "k3Vb8nR2wZ" * 5,
        ALLOWED_HOSTS="leukemia-phases.example-hospital.org",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
