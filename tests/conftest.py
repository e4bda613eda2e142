"""Shared fixtures: a built copy of the site, a loopback server for it, and headless Chromium.

Helpers that tests import live in project_tools.py: a conftest is not a module to import from
(tests/browser has a conftest of its own, and both would be called `conftest`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from project_tools import (CHROMIUM, CHROMIUM_ARGS, ROOT, chromium_missing_reason, mkdocs_build,
                           serve_folder)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The repository's site, built once per test session with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """Base URL of the built site, served from loopback."""
    server = serve_folder(built_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()  # else the socket's ResourceWarning fails the last test


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright. Missing browser: skip, or fail in CI."""
    reason = chromium_missing_reason()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(f"SKIPPED LOUDLY: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
