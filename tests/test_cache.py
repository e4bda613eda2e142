"""The build cache (.cache/explainer/): a build from it is the same site, made faster; any change
to what the pages depend on is a miss; a broken or unwritable cache is only a slower build."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from explainer import cache
from project_tools import copy_project, mkdocs_build

REUSED = "pages reused from"


def fake_png(text: str) -> bytes:
    return cache.PNG_START + text.encode() + cache.PNG_END


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


# ---- fingerprints -----------------------------------------------------------------------------


@pytest.fixture
def inputs(tmp_path) -> tuple[Path, Path]:
    seeds, templates = tmp_path / "seeds", tmp_path / "templates"
    (seeds / "notes").mkdir(parents=True)
    templates.mkdir()
    (seeds / "story.txt").write_text("Title\n\nA sentence.\n", "utf-8")
    (seeds / "notes" / "topics.yml").write_text("topics: []\n", "utf-8")
    (templates / "page.md.j2").write_text("{{ page }}\n", "utf-8")
    return seeds, templates


@pytest.mark.parametrize("change", [
    lambda s, t: (s / "story.txt").write_text("Title\n\nA sentence!\n", "utf-8"),
    lambda s, t: (s / "notes" / "topics.yml").rename(s / "topics.yml"),
    lambda s, t: (s / "extra.yml").write_text("", "utf-8"),
    lambda s, t: (s / "story.txt").unlink(),
    lambda s, t: (t / "page.md.j2").write_text("{{ page }}", "utf-8"),
    lambda s, t: (t / "overrides").mkdir() or (t / "overrides" / "main.html").write_text("x"),
], ids=["edit", "move", "add", "delete", "template", "new-template-folder"])
def test_any_change_to_the_inputs_changes_the_fingerprint(inputs, change):
    before = cache.inputs_fingerprint(*inputs)
    change(*inputs)
    assert cache.inputs_fingerprint(*inputs) != before


def test_a_new_site_address_changes_the_fingerprint(inputs):
    """The feed's ids and the JSON-LD's URLs hold the address: SITE_URL=... must regenerate."""
    assert (cache.inputs_fingerprint(*inputs, "https://a.example/")
            != cache.inputs_fingerprint(*inputs, "https://b.example/"))


def test_the_fingerprint_ignores_timestamps_and_listing_order(inputs):
    seeds, templates = inputs
    before = cache.inputs_fingerprint(seeds, templates)
    story = seeds / "story.txt"
    content = story.read_bytes()
    story.unlink()  # re-created: a new inode, a new place in the directory listing, a new mtime
    story.write_bytes(content)
    assert cache.inputs_fingerprint(seeds, templates) == before


def test_the_fingerprint_covers_the_package_code_and_library_versions():
    assert cache.PACKAGE_DIR == Path(cache.__file__).resolve().parent
    assert {"nltk", "jinja2", "pillow", "pydantic"} <= set(cache.LIBRARIES)


# ---- pages.json -------------------------------------------------------------------------------


def test_pages_are_read_back_only_for_the_same_fingerprint(tmp_path):
    story = {"title": "Ünïcode & co", "summary": "Two lines."}
    cache.write_pages(tmp_path, "abc", {"index.md": "# Ünïcode\n"}, [{"Home": "index.md"}], ["w"],
                      story)
    assert cache.read_pages(tmp_path, "abc") == {
        "files": {"index.md": "# Ünïcode\n"}, "nav": [{"Home": "index.md"}], "warnings": ["w"],
        "site": story}
    assert cache.read_pages(tmp_path, "abd") is None


@pytest.mark.parametrize("content", [b"", b"{not json", b"[]", b'{"fingerprint": "abc"}',
                                     b'{"fingerprint": "abc", "files": [], "nav": [], '
                                     b'"warnings": [], "site": {"title": "", "summary": ""}}',
                                     b'{"fingerprint": "abc", "files": {}, "nav": [], '
                                     b'"warnings": [], "site": {"title": 1, "summary": ""}}',
                                     b'{"fingerprint": "abc", "files": {}, "nav": [], '
                                     b'"warnings": []}', b"\xff\xfe"])
def test_a_damaged_pages_file_is_a_miss(tmp_path, content):
    (tmp_path / cache.PAGES).write_bytes(content)
    assert cache.read_pages(tmp_path, "abc") is None


def test_an_unwritable_cache_is_ignored(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go", "utf-8")
    cache.write_pages(blocked, "abc", {}, [], [], {"title": "", "summary": ""})  # no exception
    assert cache.read_pages(blocked, "abc") is None
    drawn = cache.cached_share_images(blocked, {"a.png": ("T", "S", "N")}, lambda *c: fake_png("a"))
    assert drawn == {"a.png": fake_png("a")}


# ---- share images -----------------------------------------------------------------------------


def test_share_images_are_drawn_once_and_unused_ones_removed(tmp_path):
    calls = []

    def draw(title, subtitle, site_name):
        calls.append(title)
        return fake_png(title)

    cards = {"a.png": ("A", "", "Site"), "b.png": ("B", "", "Site")}
    first = cache.cached_share_images(tmp_path, cards, draw)
    assert first == {"a.png": fake_png("A"), "b.png": fake_png("B")} and calls == ["A", "B"]
    assert cache.cached_share_images(tmp_path, cards, draw) == first
    assert calls == ["A", "B"], "the second build drew nothing"
    changed = {"a.png": ("A", "", "Site"), "b.png": ("B, renamed", "", "Site")}
    assert cache.cached_share_images(tmp_path, changed, draw)["b.png"] == fake_png("B, renamed")
    assert calls == ["A", "B", "B, renamed"]
    keys = {cache.share_key(*card) for card in changed.values()}
    assert {p.stem for p in (tmp_path / cache.SHARE).glob("*.png")} == keys


def test_a_share_image_cut_short_is_drawn_again(tmp_path):
    cards = {"a.png": ("A", "", "Site")}
    cache.cached_share_images(tmp_path, cards, lambda *card: fake_png("A"))
    [cached] = (tmp_path / cache.SHARE).glob("*.png")
    cached.write_bytes(fake_png("A")[:-5])
    assert cache.cached_share_images(tmp_path, cards, lambda *card: fake_png("A again")) == {
        "a.png": fake_png("A again")}
    assert cached.read_bytes() == fake_png("A again")


# ---- through MkDocs ---------------------------------------------------------------------------


@pytest.mark.slow
def test_a_build_from_the_cache_is_the_same_site(tmp_path):
    project = copy_project(tmp_path / "project")
    first = mkdocs_build(project, tmp_path / "first", "--verbose")
    assert first.returncode == 0, first.stderr
    assert REUSED not in first.stderr
    assert (project / cache.FOLDER / cache.PAGES).is_file()
    # One cached image per distinct card (the home page's and the site's are the same card).
    assert len(list((project / cache.FOLDER / cache.SHARE).glob("*.png"))) == len(
        {p.read_bytes() for p in (tmp_path / "first" / "assets" / "share").rglob("*.png")})

    second = subprocess.run(  # -X importtime: which modules the build loaded, on stderr
        [sys.executable, "-X", "importtime", "-m", "mkdocs", "build", "--strict", "--verbose",
         "--site-dir", str(tmp_path / "second")],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert second.returncode == 0, second.stderr
    assert REUSED in second.stderr
    imported = {line.split("|")[-1].strip() for line in second.stderr.splitlines()
                if line.startswith("import time:")}
    assert "explainer.cache" in imported
    assert not {"nltk", "pydantic", "explainer.pipeline", "PIL"} & imported, "the pipeline ran"
    assert site_files(tmp_path / "second") == site_files(tmp_path / "first")


@pytest.mark.slow
def test_an_edit_after_a_cached_build_is_published(tmp_path):
    project = copy_project(tmp_path / "project")
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    article = project / "seeds" / "turkey-s400-f35.txt"
    article.chmod(0o644)
    article.write_text(article.read_text("utf-8") + "\n\nA cache must never hide this.\n", "utf-8")
    result = mkdocs_build(project, tmp_path / "site", "--verbose")
    assert result.returncode == 0, result.stderr
    assert REUSED not in result.stderr
    page = (tmp_path / "site" / "articles" / "turkey-s400-f35" / "index.html").read_text("utf-8")
    assert "A cache must never hide this" in page


@pytest.mark.slow
def test_a_damaged_cache_gives_the_same_site(tmp_path):
    project = copy_project(tmp_path / "project")
    assert mkdocs_build(project, tmp_path / "clean").returncode == 0
    (project / cache.FOLDER / cache.PAGES).write_text('{"fingerprint": ', "utf-8")
    for number, image in enumerate((project / cache.FOLDER / cache.SHARE).glob("*.png")):
        if number % 2:
            image.unlink()
        else:
            image.write_bytes(image.read_bytes()[:100])
    result = mkdocs_build(project, tmp_path / "repaired", "--verbose")
    assert result.returncode == 0, result.stderr
    assert REUSED not in result.stderr
    assert site_files(tmp_path / "repaired") == site_files(tmp_path / "clean")
