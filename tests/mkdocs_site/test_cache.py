"""The build cache (.cache/explainer/): a build from it is the same site, made faster; any change
to what the pages depend on is a miss; a broken or unwritable cache is only a slower build."""

import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from explainer.mkdocs_site import cache, site
from project_tools import ENVIRONMENT, mkdocs_build

REUSED = "pages reused from"


def fake_png(text: str) -> bytes:
    return cache.PNG_START + text.encode()


def planted_pages(cache_dir: Path, fingerprint: str, **changes) -> None:
    """A pages.json as an attacker who knows the format would write it: digest recomputed."""
    body = {"files": {"index.md": "# Home\n"}, "nav": [{"Home": "index.md"}], "warnings": [],
            "notes": [], "site": {"title": "T", "summary": "S"}}
    body.update(changes)
    entry = {"fingerprint": fingerprint, "digest": cache.body_digest(body), **body}
    cache_dir.mkdir(parents=True, exist_ok=True)
    (cache_dir / cache.PAGES).write_text(json.dumps(entry), "utf-8")


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
    assert Path(cache.__file__).resolve().parent.parent == cache.PACKAGE_DIR
    assert {"nltk", "jinja2", "pillow", "pydantic"} <= set(cache.LIBRARIES)


# ---- pages.json -------------------------------------------------------------------------------


def test_pages_are_read_back_only_for_the_same_fingerprint(tmp_path):
    story = {"title": "Ünïcode & co", "summary": "Two lines."}
    cache.write_pages(tmp_path, "abc", {"index.md": "# Ünïcode\n"}, [{"Home": "index.md"}], ["w"],
                      story)
    assert cache.read_pages(tmp_path, "abc") == {
        "files": {"index.md": "# Ünïcode\n"}, "nav": [{"Home": "index.md"}], "warnings": ["w"],
        "notes": [], "site": story}
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


@pytest.mark.parametrize("path", ["/tmp/outside/y.md", "../../outside/y.md", "a/../../y.md",
                                  "a//b.md", "./index.md", "C:/y.md", "a\\..\\y.md", "", ".git/x",
                                  "x\x00.md"])
def test_a_page_path_outside_the_site_is_a_miss(tmp_path, path):
    """Even with a digest that matches: a planted path never reaches MkDocs."""
    planted_pages(tmp_path, "abc", files={"index.md": "# Home\n", path: "# Planted\n"})
    assert cache.read_pages(tmp_path, "abc") is None
    planted_pages(tmp_path, "abc")
    assert cache.read_pages(tmp_path, "abc") is not None, "the same record without it is used"


@pytest.mark.parametrize("changes", [
    {"files": {"index.md": 1}}, {"files": {"index.md": None}}, {"files": [["index.md", "x"]]},
    {"nav": [{"Home": "/etc/passwd"}]}, {"nav": [{"Home": 3}]}, {"nav": ["index.md"]},
    {"nav": {"Home": "index.md"}}, {"warnings": [1]}, {"warnings": "w"},
    {"site": {"title": "T"}}, {"site": {"title": b"T".hex(), "summary": ["S"]}},
    {"site": {"title": "T", "summary": "S", "extra": "x"}},
    # Characters the build refuses in its inputs (issue 25): a page's front matter that YAML
    # can't read, a feed title no XML parser accepts, a surrogate that can't even be printed.
    {"files": {"index.md": '---\ntitle: "Home \ufffe"\n---\n# Home\n'}},
    {"site": {"title": "T\uffff", "summary": "S"}}, {"nav": [{"Home\ud800": "index.md"}]},
    {"warnings": ["\x1b[2J"]}, {"nav": [{"A": [{"B": [{"C": [
        {"D": [{"E": [{"F": [{"G": [{"H": [{"I": "index.md"}]}]}]}]}]}]}]}]}]}],
    ids=lambda c: json.dumps(c)[:40])
def test_values_of_the_wrong_type_are_a_miss(tmp_path, changes):
    planted_pages(tmp_path, "abc", **changes)
    assert cache.read_pages(tmp_path, "abc") is None


def test_a_page_edited_inside_pages_json_is_a_miss(tmp_path):
    cache.write_pages(tmp_path, "abc", {"index.md": "# Home\n"}, [{"Home": "index.md"}], [],
                      {"title": "T", "summary": "S"})
    pages = tmp_path / cache.PAGES
    pages.write_text(pages.read_text("utf-8").replace("# Home", "# Hacked"), "utf-8")
    assert cache.read_pages(tmp_path, "abc") is None


def test_pages_json_is_read_only_as_a_regular_file_within_its_limit(tmp_path, monkeypatch):
    cache.write_pages(tmp_path, "abc", {"index.md": "# Home\n"}, [{"Home": "index.md"}], [],
                      {"title": "T", "summary": "S"})
    pages = tmp_path / cache.PAGES
    elsewhere = tmp_path / "elsewhere.json"
    pages.rename(elsewhere)
    pages.symlink_to(elsewhere)  # the same record, through a link: not read
    assert cache.read_pages(tmp_path, "abc") is None
    pages.unlink()
    elsewhere.rename(pages)
    monkeypatch.setattr(cache, "PAGES_LIMIT", pages.stat().st_size - 1)
    assert cache.read_pages(tmp_path, "abc") is None


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_pages_json_as_a_pipe_or_a_device_is_a_miss_at_once(tmp_path, kind):
    pages = tmp_path / cache.PAGES
    if kind == "fifo":
        os.mkfifo(pages)
    else:
        pages.symlink_to("/dev/zero")
    started = time.monotonic()
    assert cache.read_pages(tmp_path, "abc") is None
    assert time.monotonic() - started < 1


def test_a_cache_folder_that_is_a_link_is_neither_read_nor_written(tmp_path):
    """A link planted as the cache folder (or its share/) would lead writes, and the removal
    of unused images, wherever it points."""
    outside = tmp_path / "outside"
    (outside / cache.SHARE).mkdir(parents=True)
    precious = outside / cache.SHARE / "precious.png"
    precious.write_bytes(b"not ours")
    for planted in ("whole", "share", "parent"):
        project_cache = tmp_path / planted / "cache"
        if planted == "whole":
            project_cache.parent.mkdir()
            project_cache.symlink_to(outside)
        elif planted == "parent":  # ".cache" of ".cache/explainer" a link, in a project
            (tmp_path / planted).mkdir()
            (tmp_path / planted / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
            (tmp_path / planted / ".cache").symlink_to(outside)
            project_cache = tmp_path / planted / ".cache" / "explainer"
        else:
            project_cache.mkdir(parents=True)
            (project_cache / cache.SHARE).symlink_to(outside / cache.SHARE)
        cache.write_pages(project_cache, "abc", {"index.md": "x"}, [], [],
                          {"title": "", "summary": ""})
        drawn = cache.cached_share_images(project_cache, {"a.png": ("T", "S", "N")},
                                          lambda *card: fake_png("a"))
        assert drawn == {"a.png": fake_png("a")}
        assert cache.read_pages(project_cache, "abc") is None
    assert sorted(p.relative_to(outside).as_posix() for p in outside.rglob("*")) == [
        "share", "share/precious.png"], "nothing written or removed outside"
    assert not (outside / "explainer").exists()


def test_generated_paths_outside_the_site_are_named():
    assert site.paths_outside_site(["index.md", "topics/a.md", "../x.md", "/etc/y", 3]) == [
        "'../x.md'", "'/etc/y'", "3"]


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


@pytest.mark.parametrize("damage", [
    lambda content: content[:-5],  # cut short by a full disk
    lambda content: content[:12] + b"X" + content[13:],  # a byte changed in the middle
    lambda content: b"",
], ids=["cut-short", "changed-in-the-middle", "empty"])
def test_a_damaged_share_image_is_drawn_again(tmp_path, damage):
    cards = {"a.png": ("A", "", "Site")}
    cache.cached_share_images(tmp_path, cards, lambda *card: fake_png("A, a long title"))
    [cached] = (tmp_path / cache.SHARE).glob("*.png")
    cached.write_bytes(damage(cached.read_bytes()))
    assert cache.cached_share_images(tmp_path, cards, lambda *card: fake_png("A again")) == {
        "a.png": fake_png("A again")}
    assert cached.read_bytes() == fake_png("A again") + hashlib.sha256(fake_png("A again")).digest()


# ---- through MkDocs ---------------------------------------------------------------------------


@pytest.mark.slow
def test_a_build_from_the_cache_is_the_same_site(built_turkey, tmp_path):
    project, first, log = built_turkey  # a first build, from nothing
    assert REUSED not in log
    assert (project / cache.FOLDER / cache.PAGES).is_file()
    # One cached image per distinct card (the home page's and the site's are the same card).
    assert len(list((project / cache.FOLDER / cache.SHARE).glob("*.png"))) == len(
        {p.read_bytes() for p in (first / "assets" / "share").rglob("*.png")})

    second = subprocess.run(  # -X importtime: which modules the build loaded, on stderr
        [sys.executable, "-X", "importtime", "-m", "mkdocs", "build", "--strict", "--verbose",
         "--site-dir", str(tmp_path / "second")],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert second.returncode == 0, second.stderr
    assert REUSED in second.stderr
    imported = {line.split("|")[-1].strip() for line in second.stderr.splitlines()
                if line.startswith("import time:")}
    assert "explainer.mkdocs_site.cache" in imported
    assert not {"nltk", "pydantic", "explainer.pipeline", "PIL"} & imported, "the pipeline ran"
    assert site_files(tmp_path / "second") == site_files(first)


@pytest.mark.slow
def test_an_edit_after_a_cached_build_is_published(built_turkey, tmp_path):
    project = built_turkey.project  # built into tmp_path / "site"
    article = project / "seeds" / "turkey-s400-f35.txt"
    article.chmod(0o644)
    article.write_text(article.read_text("utf-8") + "\n\nA cache must never hide this.\n", "utf-8")
    result = mkdocs_build(project, tmp_path / "site", "--verbose")
    assert result.returncode == 0, result.stderr
    assert REUSED not in result.stderr
    page = (tmp_path / "site" / "articles" / "turkey-s400-f35" / "index.html").read_text("utf-8")
    assert "A cache must never hide this" in page


@pytest.mark.slow
def test_a_damaged_cache_gives_the_same_site(built_turkey, tmp_path):
    project, clean, _ = built_turkey
    (project / cache.FOLDER / cache.PAGES).write_text('{"fingerprint": ', "utf-8")
    for number, image in enumerate((project / cache.FOLDER / cache.SHARE).glob("*.png")):
        if number % 2:
            image.unlink()
        else:
            image.write_bytes(image.read_bytes()[:100])
    result = mkdocs_build(project, tmp_path / "repaired", "--verbose")
    assert result.returncode == 0, result.stderr
    assert REUSED not in result.stderr
    assert site_files(tmp_path / "repaired") == site_files(clean)


# ---- a poisoned cache, through MkDocs (issue 25) ------------------------------------------------


def limited(memory: int = 2 << 30):
    """For a child process: at most `memory` bytes of address space (a build reading
    /dev/zero would otherwise run until the kernel kills it)."""
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    return apply


def tampered_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True, env=ENVIRONMENT, timeout=120,
        preexec_fn=limited())


@pytest.mark.slow
def test_a_poisoned_cache_gives_the_clean_site_and_writes_nothing_outside(built_turkey, tmp_path):
    """Tamper with the cache every way issue 25 lists, build, compare with a clean build."""
    project = built_turkey.project
    clean = site_files(built_turkey.site)
    pages = project / cache.FOLDER / cache.PAGES
    entry = json.loads(pages.read_text("utf-8"))
    body = {key: entry[key] for key in ("files", "nav", "warnings", "notes", "site")}
    home = entry["files"]["index.md"]
    assert home.startswith("---\ntitle: ")
    odd = {**body, "files": {**body["files"],
                             "index.md": home.replace("title: ", "title: \ufffe", 1)}}
    with_noncharacter = {"fingerprint": entry["fingerprint"], "digest": cache.body_digest(odd),
                         **odd}
    body = json.loads(json.dumps(body))  # a copy to poison
    absolute = tmp_path / "absolute" / "y.md"
    body["files"][str(absolute)] = "# Planted at an absolute path\n"
    body["files"]["../../outside/y.md"] = "# Planted outside\n"
    body["files"]["index.md"] += "\nPlanted on the home page.\n"
    poisoned = {"fingerprint": entry["fingerprint"], "digest": cache.body_digest(body), **body}
    tampering = {
        "path keys, digest recomputed": lambda: pages.write_text(json.dumps(poisoned), "utf-8"),
        "wrong types": lambda: pages.write_text(json.dumps(
            {**entry, "files": {"index.md": 1}, "site": {"title": 2, "summary": None}}), "utf-8"),
        "a page edited in place": lambda: pages.write_text(json.dumps(
            {**entry, "files": {**entry["files"], "index.md": "# Edited\n"}}), "utf-8"),
        "a link to /dev/zero": lambda: (pages.unlink(), pages.symlink_to("/dev/zero")),
        "a named pipe": lambda: (pages.unlink(), os.mkfifo(pages)),
        "a noncharacter in a page's front matter, digest recomputed": lambda: pages.write_text(
            json.dumps(with_noncharacter), "utf-8"),
        "images damaged in the middle": lambda: [
            image.write_bytes(image.read_bytes()[:200] + b"\0" + image.read_bytes()[201:])
            for image in (project / cache.FOLDER / cache.SHARE).glob("*.png")],
    }
    fresh = tmp_path / "fresh-cache"
    shutil.copytree(project / cache.FOLDER, fresh, symlinks=True)
    for name, tamper in tampering.items():
        if pages.is_symlink() or pages.exists() and not pages.is_file():
            pages.unlink()
        shutil.rmtree(project / cache.FOLDER)  # the cache as the clean build left it
        shutil.copytree(fresh, project / cache.FOLDER, symlinks=True)
        tamper()
        result = tampered_build(project, tmp_path / name)
        assert result.returncode == 0, f"{name}: {result.stderr[-2000:]}"
        assert "Traceback" not in result.stderr, name
        assert site_files(tmp_path / name) == clean, f"{name}: the site differs from a clean build"
    assert not absolute.parent.exists() and not (tmp_path.parent / "outside").exists()
    assert not (project.parent / "outside").exists()
