"""Fixtures every browser test shares: watched pages that fail the test on console errors,
exceptions, dialogs or requests to any host but the loopback server. Helpers: browser_tools.py.

The browser tests read the site of the Turkey fixture story (tests/fixtures/turkey/), whatever
story seeds/ holds: they search for "S-400", open its glossary terms, follow its anchors. The
repository's own site is checked page by page without a browser (test_site.py, test_links.py,
test_publishing.py), from what seeds/ says.
"""

from __future__ import annotations

import pytest

from browser_tools import DESKTOP, BrowserLog, serving, site_pages, topic_paths, watch


@pytest.fixture
def browser_log() -> BrowserLog:
    return BrowserLog()


@pytest.fixture
def open_page(browser, browser_log, request):
    """open_page(**context_options) → a watched page in a fresh context (closed after the test).

    Context options are Playwright's (viewport, color_scheme, has_touch, ...); the default is a
    1280×800 desktop window. After the test: fail on anything `BrowserLog.problems` lists.
    """
    contexts = []

    def open_(**options):
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(**options)
        contexts.append(context)
        page = watch(context.new_page(), browser_log)
        page.set_default_timeout(10_000)
        return page

    yield open_
    for context in contexts:
        context.close()
    problems = browser_log.problems()
    if problems:
        pytest.fail(f"{request.node.name}: what a reader must never get:\n  " + "\n  ".join(problems),
                    pytrace=False)


@pytest.fixture
def page(open_page):
    """A watched desktop page (see `open_page`)."""
    return open_page()


@pytest.fixture(scope="session")
def pages(turkey_site) -> list[str]:
    """Every page of the site as a path relative to the site URL: "", "topics/x/", ..."""
    return site_pages(turkey_site)


@pytest.fixture(scope="session")
def topics(turkey_site) -> list[str]:
    return topic_paths(turkey_site)


@pytest.fixture(scope="session")
def site_url(turkey_site):
    """The site served from loopback."""
    with serving(turkey_site) as url:
        yield url
