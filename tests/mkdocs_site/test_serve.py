"""`mkdocs serve` as the editor's workbench: a real server on a loopback port, real edits.

Each test serves a private copy of the project, saves an edit the way an editor would and
watches what the server serves and logs: the new text arrives within a bound, the server
rebuilds once per save and then settles, a bad save leaves the last good pages up with one
error line, and fixing the file recovers without a restart.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from importlib.metadata import version
from pathlib import Path

import pytest

from project_tools import TURKEY, TURKEY_SLUG, copy_project, with_sentence_about_s400
from project_tools import MkDocsServer as Served

SLUG = TURKEY_SLUG
ARTICLE = f"seeds/{SLUG}.txt"
ARTICLE_URL = f"articles/{SLUG}/"
TOPIC_URL = "topics/s-400-purchase/"
SETTLE_WINDOW = 4.0  # seconds of quiet expected after a rebuild
LIVERELOAD_SCRIPT = re.compile(r"livereload\((\d+), (\d+)\);")
# Log lines to count builds by. MkDocs drops a repeated "Documentation built in 0.35 seconds"
# (a duplicate filter on its build logger), so count the serve loop's own lines instead.
STARTED = "Building documentation..."  # every build, the first one included
RELOADED = "Reloading browsers"  # every successful rebuild after the first build


# ---- a served copy of the project -------------------------------------------------------------


@pytest.fixture
def served(tmp_path):
    """`mkdocs serve` of a private copy of the project holding the Turkey fixture story."""
    server = Served(copy_project(tmp_path / "project", TURKEY))
    try:
        server.wait_until_up(within=30.0)
        yield server
    finally:
        server.stop()


def token() -> str:
    """A word that appears nowhere else: lower case letters and digits survive escaping."""
    return "probe" + uuid.uuid4().hex[:10]


def add_sentence_about_s400(project: Path, word: str) -> None:
    """Save the article with one sentence more, in the first paragraph that names the S-400."""
    path = project / ARTICLE
    path.write_text(with_sentence_about_s400(path.read_text("utf-8"), word), "utf-8")


def livereload_epoch(page: str) -> tuple[int, int]:
    match = LIVERELOAD_SCRIPT.search(page)
    assert match, "no live-reload script in the served page: is live reload off (click version)?"
    return int(match[1]), int(match[2])


def poll_livereload(server: Served, epoch: int, request: int, timeout: float) -> int | None:
    """The browser's live-reload poll: the newer epoch, or None if none arrived in time."""
    try:
        return int(server.fetch(f"livereload/{epoch}/{request}", timeout=timeout))
    except TimeoutError:
        return None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            return None
        raise


def without_livereload(page: str) -> str:
    return LIVERELOAD_SCRIPT.sub("", page)


# ---- tests ------------------------------------------------------------------------------------


def test_pins_keep_live_reload_working():
    """MkDocs 1.6's live reload is broken with click 8.2.2-8.3.x; MkDocs 2 can't run Material."""
    click = tuple(int(part) for part in version("click").split(".")[:3])
    assert not (8, 2, 2) <= click < (8, 4), f"click {version('click')} breaks live reload"
    assert version("mkdocs").startswith("1."), "MkDocs 2 drops plugins and can't run Material"


@pytest.mark.slow
def test_article_edit_is_served_once_then_the_server_settles(served):
    page = served.fetch(TOPIC_URL)
    epoch, request = livereload_epoch(page)
    assert "Watching paths for changes" in served.log()
    word = token()

    add_sentence_about_s400(served.project, word)
    latency = served.wait_for_text(ARTICLE_URL, word)
    served.wait_for_text(TOPIC_URL, word, within=1.0)  # same rebuild: no second wait
    print(f"save → served in {latency:.2f} s")

    # The browser's poll learns of exactly one new version of the site...
    new_epoch = poll_livereload(served, epoch, request, timeout=5.0)
    assert new_epoch is not None and new_epoch > epoch
    assert livereload_epoch(served.fetch(TOPIC_URL))[0] == new_epoch
    # ...and no other: a poll on the new version waits out the whole window (no reload loop).
    builds = served.count(STARTED)
    assert poll_livereload(served, new_epoch, request, timeout=SETTLE_WINDOW) is None
    assert served.count(STARTED) == builds == 2, served.log()
    assert served.count(RELOADED) == 1, served.log()


@pytest.mark.slow
def test_template_edit_regenerates_the_pages(served):
    word = token()
    template = served.project / "templates" / "topic.md.j2"
    template.write_text(template.read_text("utf-8") + f"\nTemplate probe {word}\n", "utf-8")

    served.wait_for_text(TOPIC_URL, word)
    time.sleep(SETTLE_WINDOW / 2)
    assert served.count(STARTED) == 2 and served.count(RELOADED) == 1, served.log()


def error_lines(server: Served) -> list[str]:
    return [line for line in server.log().splitlines() if "ERROR" in line]


@pytest.mark.slow
def test_bad_edits_keep_the_last_good_site_and_fixing_recovers(served):
    topics = served.project / "seeds" / "topics.yml"
    good_yaml = topics.read_text("utf-8")
    good_page = without_livereload(served.fetch(TOPIC_URL))

    # Broken YAML: one error line naming the file, no traceback, the last good page served
    # (MkDocs alone would hold every request until the build succeeds again).
    topics.write_text(good_yaml + "  - slug: [unclosed\n", "utf-8")
    served.wait_for_log(RELOADED, 1)
    assert len(error_lines(served)) == 1, served.log()
    assert re.search(r"ERROR +- +explainer: seeds/topics\.yml:\d+:\d+: YAML syntax: ",
                     error_lines(served)[0]), served.log()
    assert without_livereload(served.fetch(TOPIC_URL)) == good_page

    # An article edit while the data is broken: one more error line, still the last good page.
    word = token()
    add_sentence_about_s400(served.project, word)
    served.wait_for_log(RELOADED, 2)
    assert len(error_lines(served)) == 2 and "seeds/topics.yml" in error_lines(served)[1]
    assert without_livereload(served.fetch(ARTICLE_URL)).count(word) == 0
    assert without_livereload(served.fetch(TOPIC_URL)) == good_page

    # Fixing the file recovers without a restart: the edit made meanwhile appears.
    topics.write_text(good_yaml, "utf-8")
    served.wait_for_text(ARTICLE_URL, word)
    served.wait_for_text(TOPIC_URL, word, within=1.0)

    # An empty article: the same story.
    article = served.project / ARTICLE
    good_article = article.read_text("utf-8")
    recovered_page = without_livereload(served.fetch(TOPIC_URL))
    article.write_text("", "utf-8")
    # (its error, not a reload: under load the last edit's second rebuild may reload first)
    served.wait_for_log("ERROR", 3)
    assert len(error_lines(served)) == 3, served.log()
    assert f"explainer: {ARTICLE}" in error_lines(served)[2], served.log()
    assert without_livereload(served.fetch(TOPIC_URL)) == recovered_page

    word = token()
    article.write_text(good_article, "utf-8")
    add_sentence_about_s400(served.project, word)
    served.wait_for_text(ARTICLE_URL, word)
    assert len(error_lines(served)) == 3, served.log()
    assert "Traceback" not in served.log()
    assert served.process.poll() is None


def test_a_broken_manifest_or_a_page_in_the_way_keeps_the_site_served(served):
    """Errors met after the pages are generated (docs/'s manifest unreadable, a hand-written
    page where a topic's would go) are one error line each; the server goes on answering."""
    manifest = served.project / "docs" / ".explainer-manifest.json"
    good_manifest = manifest.read_text("utf-8")
    rebuilt = served.count(RELOADED)
    manifest.write_text("{broken", "utf-8")
    served.wait_for_log(RELOADED, rebuilt + 1)
    assert [line for line in error_lines(served) if "unreadable manifest" in line], served.log()
    assert "S-400" in served.fetch(TOPIC_URL)

    # docs/topics/syria.md, no longer the generator's (not in its manifest): written by hand
    in_the_way = served.project / "docs" / "topics" / "syria.md"
    generated_page = in_the_way.read_text("utf-8")
    owned = json.loads(good_manifest)
    owned["files"].remove("topics/syria.md")
    manifest.write_text(json.dumps(owned), "utf-8")
    in_the_way.write_text("# Notes on Syria\n\nWritten by hand.\n", "utf-8")
    served.wait_for_log(RELOADED, rebuilt + 2)
    assert "topics/syria.md: exists but was not generated" in served.log(), served.log()
    assert "S-400" in served.fetch(TOPIC_URL)  # the rest of the site is served
    in_the_way.write_text(generated_page, "utf-8")
    manifest.write_text(good_manifest, "utf-8")
    assert "Traceback" not in served.log()


@pytest.mark.slow
def test_a_story_folder_replaced_while_serving_is_watched_afresh(served, tmp_path):
    """An editor swaps in another story: `rm -rf seeds`, a while, then `cp -r …/seeds seeds`.
    It is served, and so is the next save in it: MkDocs (polling) stopped watching the folder
    once it saw it gone, and saves went unserved until a restart."""
    other = tmp_path / "other"
    shutil.copytree(served.project / "seeds", other / "seeds")
    word = token()
    add_sentence_about_s400(other, word)
    shutil.rmtree(served.project / "seeds")
    time.sleep(SETTLE_WINDOW / 2)  # MkDocs polls every half second: it has seen it gone
    shutil.copytree(other / "seeds", served.project / "seeds")
    served.wait_for_text(ARTICLE_URL, word)
    time.sleep(SETTLE_WINDOW / 2)  # that rebuild is over: only the save below can start one

    word = token()
    add_sentence_about_s400(served.project, word)
    served.wait_for_text(ARTICLE_URL, word)
    assert "Traceback" not in served.log()
    assert served.process.poll() is None


@pytest.mark.slow
def test_a_story_folder_gone_or_a_file_keeps_the_last_good_site_served(served):
    """`seeds/` removed, or a file in its place, while serving: one error line, the last good
    site served (MkDocs' own config check of the option had held every request), and the
    folder put back is served again."""
    seeds = served.project / "seeds"
    kept = served.project.parent / "kept-seeds"
    good_page = without_livereload(served.fetch(TOPIC_URL))
    rebuilt = served.count(RELOADED)
    seeds.rename(kept)
    seeds.write_text("not a folder\n", "utf-8")
    (served.project / "templates" / "topic.md.j2").touch()  # a save elsewhere rebuilds
    served.wait_for_log(RELOADED, rebuilt + 1)
    assert without_livereload(served.fetch(TOPIC_URL, timeout=5.0)) == good_page
    assert error_lines(served), served.log()
    seeds.unlink()
    kept.rename(seeds)
    word = token()
    add_sentence_about_s400(served.project, word)
    served.wait_for_text(ARTICLE_URL, word)
    assert "Traceback" not in served.log()


def unclosed_slug(seeds):
    topics = seeds / "topics.yml"
    topics.write_text(topics.read_text("utf-8") + "  - slug: [unclosed\n", "utf-8")
    return "topics.yml:"


def noncharacter_in_a_title(seeds):  # issue 25: it reached the front matter, a YAML traceback
    article = seeds / "turkey-s400-f35.txt"
    article.write_text("Turkey \ufffe" + article.read_text("utf-8"), "utf-8")
    return "turkey-s400-f35.txt:1:8: noncharacter U+FFFE"


def noncharacter_escaped_in_an_outlet(seeds):  # ... and a feed no XML parser accepts
    (seeds / "turkey-s400-f35.meta.yml").write_text('outlet: "VOA \\uFFFF"\n', "utf-8")
    return "turkey-s400-f35.meta.yml:1: outlet: noncharacter U+FFFF"


@pytest.mark.slow
@pytest.mark.parametrize("break_it", [unclosed_slug, noncharacter_in_a_title,
                                      noncharacter_escaped_in_an_outlet])
def test_mkdocs_build_stops_on_a_bad_edit_with_one_line(tmp_path, break_it):
    """Outside `mkdocs serve` there are no last good pages to fall back on: the build fails."""
    project = copy_project(tmp_path / "project")
    where = break_it(project / "seeds")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
        cwd=project, capture_output=True, text=True, timeout=120,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "ERROR" in line]
    assert len(errors) == 1 and f"explainer: seeds/{where}" in errors[0], result.stderr
    assert "Traceback" not in result.stderr
