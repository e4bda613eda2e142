"""Screenshots of the repository's site (the story in seeds/) at desktop and phone widths,
written as test artifacts.

    test-artifacts/screenshots/<page>-<desktop|phone>.png   every run (gitignored)
    screenshots/<page>-<desktop|phone>.png                   only with UPDATE_SCREENSHOTS=1

The README shows screenshots/home-desktop.png. Refresh the committed images after a visible change
with `UPDATE_SCREENSHOTS=1 .venv/bin/python -m pytest tests/browser/test_screenshots.py`.
"""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from browser_tools import DESKTOP, PHONE, SCREENSHOTS, artifact_path, serving, update_screenshots
from project_tools import first_topic_slug

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = {"home": "", "topic": f"topics/{first_topic_slug()}/", "timeline": "timeline/",
         "glossary": "glossary/"}
WIDTHS = {"desktop": {"viewport": DESKTOP},
          "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True}}


@pytest.fixture(scope="module")
def shipped_url(built_site):
    with serving(built_site) as url:
        yield url


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots(open_page, shipped_url, width):
    page = open_page(color_scheme="light", **WIDTHS[width])
    for name, path in PAGES.items():
        page.goto(shipped_url + path)
        page.wait_for_load_state("networkidle")
        # What the picture must show: the page's heading, and nothing wider than the window.
        expect(page.locator("article h1").first).to_be_in_viewport()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} at {width} width scrolls sideways by {overflow} px"
        shot = artifact_path("screenshots", f"{name}-{width}.png")
        page.screenshot(path=shot, animations="disabled", caret="hide")
        if update_screenshots():
            SCREENSHOTS.mkdir(exist_ok=True)
            shutil.copyfile(shot, SCREENSHOTS / shot.name)
