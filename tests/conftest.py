"""Shared fixtures: built sites and headless Chromium; the Hypothesis profiles;
the `shipped_story` marker.

Helpers that tests import live in project_tools.py: a conftest is not a module to import from
(tests/browser has a conftest of its own, and both would be called `conftest`).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, settings

from project_tools import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    SEEDS,
    TURKEY,
    chromium_missing_reason,
    copy_project,
    mkdocs_build,
)

# Property tests: a quick run on a laptop, a thorough one in CI (.ci/run sets CI=true).
# `pytest --hypothesis-profile thorough` asks for the CI run anywhere.
settings.register_profile("quick", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=250, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("thorough" if os.environ.get("CI") == "true" else "quick")


def pytest_runtest_setup(item):
    """`@pytest.mark.shipped_story("<article>.txt")`: a test about the story that ships in
    seeds/ (its hand labels, say) runs only while seeds/ holds that article."""
    marker = item.get_closest_marker("shipped_story")
    if marker and not (SEEDS / marker.args[0]).is_file():
        pytest.skip(f"about the story shipped with seeds/{marker.args[0]}; "
                    "seeds/ holds another story")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The repository's site (the story in seeds/, whatever it is), built once per session
    with `mkdocs build --strict`. Tests of it read what to expect from seeds/."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


class Built(NamedTuple):
    project: Path  # its build cache (.cache/explainer/) filled by the build
    site: Path
    log: str  # the build's stderr, with --verbose


@pytest.fixture(scope="session")
def turkey_build(tmp_path_factory) -> Built:
    """The Turkey fixture story's project (tests/fixtures/turkey/), built once per session
    with `mkdocs build --strict --verbose`, from nothing. Read it, never change it: a test
    that builds again or edits takes a copy (`built_turkey`)."""
    project = copy_project(tmp_path_factory.mktemp("turkey") / "project", TURKEY)
    site = project.parent / "site"
    result = mkdocs_build(project, site, "--verbose")
    assert result.returncode == 0, result.stderr
    return Built(project, site, result.stderr)


@pytest.fixture(scope="session")
def turkey_site(turkey_build) -> Path:
    """The site of the Turkey fixture story: for tests that look for something a particular
    story has (a search for "S-400")."""
    return turkey_build.site


@pytest.fixture
def built_turkey(turkey_build, tmp_path) -> Built:
    """A private copy of the built Turkey project (its cache too) and of its site, in tmp_path
    (project/, site/): what a first `mkdocs build` leaves, for a test to build again, edit or
    damage. A copy costs milliseconds; the build it saves, seconds."""
    project = Path(shutil.copytree(turkey_build.project, tmp_path / "project", symlinks=True))
    site = Path(shutil.copytree(turkey_build.site, tmp_path / "site", symlinks=True))
    return Built(project, site, turkey_build.log)


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


STORY_SKIP = "seeds/ holds another story"  # the one reason a test may skip in CI


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Under CI=true a skip is a failure unless the test is about the shipped story and seeds/
    holds another (the fork check): a check that can't run must not pass quietly."""
    if os.environ.get("CI") != "true":
        return
    unexpected = [report.nodeid for report in terminalreporter.stats.get("skipped", [])
                  if STORY_SKIP not in str(report.longrepr)]
    if unexpected:
        terminalreporter.write_line("CI=true: tests skipped for another reason than the "
                                    f"story: {', '.join(unexpected)}", red=True)
        terminalreporter._session.exitstatus = pytest.ExitCode.TESTS_FAILED
