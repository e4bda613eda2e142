"""A story at scale through MkDocs (issue 25): hundreds of topics and a 5,000-character word
build correctly with `mkdocs build --strict`. How long they take is bench/scale.py's to measure
(1,000 topics); the subprocess timeout (project_tools.mkdocs_build) only keeps a hang from
stopping the run. 1,000 topics are generated in process by tests/render/test_years.py; here 300
(15 times the sidebar's 20) show MkDocs' side: pages outside the sidebar, the topics' index."""

from __future__ import annotations

import re
import shutil
import struct
import sys

import pytest

from explainer.render import indexes, views
from html_tools import parse, squash
from project_tools import ROOT, TURKEY, TURKEY_SLUG, copy_code, mkdocs_build

sys.path.insert(0, str(ROOT / "bench"))
from story import add_topics

pytestmark = pytest.mark.slow
TOPICS = 300
NUMBERED_TOPIC = re.compile(r'href="[^"]*topics/topic-\d{4}/"')


def project_with(tmp_path, story):
    project = copy_code(tmp_path / "project")
    shutil.copytree(story, project / "seeds")
    return project


def test_hundreds_of_topics_build_with_a_bounded_sidebar(tmp_path):
    story = add_topics(shutil.copytree(TURKEY, tmp_path / "story"), TOPICS)
    project, site = project_with(tmp_path, story), tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    pages = sorted(p.parent.name for p in (site / "topics").glob("*/index.html"))
    assert len(pages) == TOPICS
    # A topic the sidebar doesn't name: its page holds the sidebar's few, its closest few.
    page = (site / "topics" / "topic-0200" / "index.html").read_text("utf-8")
    assert len(NUMBERED_TOPIC.findall(page)) <= indexes.NAV_TOPICS + views.RELATED_TOPICS
    assert f"All {TOPICS} topics" in page
    index = (site / "topics" / "index.html").read_text("utf-8")
    listed = set(re.findall(r'<li><a href="([a-z0-9-]+)/">', index))
    assert listed == set(pages)


def test_a_5000_character_word_in_a_title_builds_with_its_share_image(tmp_path):
    story = shutil.copytree(TURKEY, tmp_path / "story")
    article = story / f"{TURKEY_SLUG}.txt"
    title, _, body = article.read_text("utf-8").partition("\n")
    blob = "a1b2c3d4" * 625  # a pasted digest or address: one word of 5,000 characters
    article.write_text(f"{title} {blob}\n{body}", "utf-8")
    project, site = project_with(tmp_path, story), tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    page = parse((site / "articles" / TURKEY_SLUG / "index.html").read_text("utf-8"))
    h1 = next(e for e in page.iter() if e.tag == "h1")
    assert blob in squash(h1.text)
    image = (site / "assets" / "share" / "articles" / f"{TURKEY_SLUG}.png").read_bytes()
    assert image.startswith(b"\x89PNG") and struct.unpack(">II", image[16:24]) == (1200, 630)
