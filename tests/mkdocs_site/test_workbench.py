"""The editor's workbench at scale (issue 16): under `mkdocs serve --dirty` a save re-does only
what depends on it, and what is served is what a full build gives.

- Kept pages (explainer/memo.py) are the pages rendering would give: a story generated after a
  run of edits in one process equals the same story generated from nothing.
- The search index of a dirty rebuild holds each page once, the saved text included, and a page
  the story no longer has is gone from the site and from search.
- The theme's templates are compiled once, and again when their source changes.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import time

import jinja2
import pytest

from project_tools import ROOT, TEMPLATES, with_sentence_about_s400

sys.path.insert(0, str(ROOT / "bench"))
from explainer import memo
from explainer.mkdocs_site.site import CompiledTemplates
from explainer.pipeline import generate
from story import grow_story

FIRST = "turkey-s400-f35.txt"


def from_nothing(seeds, templates=TEMPLATES, site_url=None) -> dict[str, str]:
    """The generated files with nothing kept from an earlier generation."""
    memo.forget()
    return generate(seeds, templates, site_url=site_url)[1]


def test_kept_pages_are_the_pages_rendering_gives(tmp_path):
    seeds = grow_story(tmp_path / "seeds", 24)
    site_url = "https://example.org/story/"
    generate(seeds, TEMPLATES, site_url=site_url)  # fills the kept pages, as a first build does

    edits = [  # (edit, whether pages are kept across it)
        # the oldest article (the background of its topics) gains a sentence on the S-400
        (lambda: (seeds / FIRST).write_text(
            with_sentence_about_s400((seeds / FIRST).read_text("utf-8"), "probekept"), "utf-8"),
         True),
        # a follow-up of the newest week: the "New" markers move, older articles to archives
        (lambda: add_follow_up(seeds), True),
        # an article removed
        (lambda: remove_article(sorted(seeds.glob("follow-up-*.txt"))[3]), True),
        # a glossary change: a new era, every page is rendered again
        (lambda: (seeds / "glossary.yml").write_text(
            (seeds / "glossary.yml").read_text("utf-8").replace(
                "definition: ", "definition: In short, ", 1), "utf-8"), False),
    ]
    for edit, kept_some in edits:
        edit()
        kept = generate(seeds, TEMPLATES, site_url=site_url)[1]
        assert (memo.last().reused > 0) == kept_some
        fresh = from_nothing(seeds, site_url=site_url)
        assert kept.keys() == fresh.keys()
        different = [path for path in fresh if kept[path] != fresh[path]]
        assert not different, different[:5]


def remove_article(article):
    article.unlink()
    article.with_name(article.stem + ".meta.yml").unlink()


def add_follow_up(seeds):
    newest = max(seeds.glob("follow-up-*.txt"))
    source = newest.read_text("utf-8")
    meta = newest.with_name(newest.stem + ".meta.yml").read_text("utf-8")
    date = re.search(r"published: ['\"]?(\d{4}-\d\d-\d\d)", meta)[1]
    later = f"{int(date[:4]) + 1}{date[4:]}"
    target = seeds / f"follow-up-{later}.txt"
    target.write_text(source.replace("\n\n", "\n\nThe S-400 deal came up again this week.\n\n", 1),
                      "utf-8")
    target.with_name(target.stem + ".meta.yml").write_text(meta.replace(date, later), "utf-8")


def test_a_template_change_renders_every_page_again(tmp_path):
    seeds = grow_story(tmp_path / "seeds", 6)
    templates = tmp_path / "templates"
    templates.mkdir()
    for template in TEMPLATES.iterdir():
        (templates / template.name).write_bytes(template.read_bytes())
    generate(seeds, templates)
    article = templates / "article.md.j2"
    article.write_text(article.read_text("utf-8") + "\n<!-- probe template -->\n", "utf-8")
    kept = generate(seeds, templates)[1]
    assert all("probe template" in c for p, c in kept.items() if p.startswith("articles/")
               and p != "articles/index.md")
    assert kept == from_nothing(seeds, templates)


def test_dirty_serve_skips_only_pages_whose_markdown_and_navigation_are_unchanged():
    from explainer.mkdocs_site.site import unchanged_pages

    nav = [{"Home": "index.md"}]
    last = ({"index.md": "a", "b.md": "b", "x.json": "{}"}, nav)
    assert unchanged_pages(None, {"index.md": "a"}, nav) == set()
    assert unchanged_pages(last, {"index.md": "a", "b.md": "B", "x.json": "{}"}, nav) == {"index.md"}
    assert unchanged_pages(last, {"index.md": "a"}, [{"Home": "index.md"}, {"T": "t.md"}]) == set()


# ---- the search index -------------------------------------------------------------------------


def fragment(path) -> dict:
    """A Pagefind fragment: gzip of a signature, then the page's JSON (url, content, meta)."""
    data = gzip.decompress(path.read_bytes())
    return json.loads(data[data.index(b"{"):])


def test_the_search_index_holds_the_marked_pages_without_what_repeats_the_articles(tmp_path):
    from explainer.mkdocs_site.search_index import ignored_by_search, index_site

    pages = {
        "index.html": '<div data-pagefind-body><h1>Home</h1><p>Alpha words.</p>'
                      '<div data-search-exclude="x"><p>Repeated zebra text.</p></div></div>',
        "articles/a/index.html": '<div data-pagefind-body><h1>Article</h1><p>Alpha zebra.</p></div>',
        "topics/x/2021-03/index.html": "<h1>Archive</h1><p>Alpha archived.</p>",  # not marked
    }
    for path, body in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(f"<html lang=en><body>{ignored_by_search(body)}</body></html>",
                                     "utf-8")
    (tmp_path / "pagefind" / "stale").mkdir(parents=True)
    assert index_site(tmp_path) == 2
    bundle = tmp_path / "pagefind"
    fragments = [fragment(f) for f in (bundle / "fragment").iterdir()]
    assert sorted(f["url"] for f in fragments) == ["/", "/articles/a/"]
    home = next(f for f in fragments if f["url"] == "/")
    assert "zebra" not in home["content"] and "Alpha" in home["content"]
    shipped = sorted(p.relative_to(bundle).as_posix() for p in bundle.iterdir())
    assert "pagefind.js" in shipped and "wasm.en.pagefind" in shipped
    assert not [p for p in shipped if "ui" in p or p in ("stale", "pagefind-highlight.js")], shipped


def test_a_removed_page_leaves_neither_its_files_nor_their_empty_folders(tmp_path):
    from explainer.mkdocs_site.site import remove_outputs

    site, outside = tmp_path / "site", tmp_path / "outside.html"
    outside.write_text("not the site's")
    files = ["articles/gone/index.html", "assets/share/articles/gone.png",
             "articles/kept/index.html", "assets/share/articles/kept.png"]
    for name in files:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(name)
    remove_outputs(str(site), [str(site / files[0]), str(site / files[1]),
                               str(site / "articles" / ".." / ".." / "outside.html"),
                               str(site / "articles/never-built/index.html")])
    left = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    assert left == ["articles", "articles/kept", "articles/kept/index.html", "assets",
                    "assets/share", "assets/share/articles", "assets/share/articles/kept.png"]
    assert outside.exists()


# ---- the theme's templates ---------------------------------------------------------------------


def test_theme_templates_are_compiled_once_and_again_when_changed():
    compiled = CompiledTemplates()
    sources = {"page.html": "one {{ 1 + 1 }}"}

    def render_page() -> str:  # MkDocs makes a new environment for every build
        environment = jinja2.Environment(loader=jinja2.DictLoader(sources),
                                         bytecode_cache=compiled)
        return environment.get_template("page.html").render()

    assert render_page() == "one 2"
    assert len(compiled.code) == 1
    assert render_page() == "one 2"
    sources["page.html"] = "two {{ 2 + 2 }}"
    assert render_page() == "two 4"


# ---- under `mkdocs serve --dirty` --------------------------------------------------------------


@pytest.mark.slow
def test_dirty_serve_keeps_search_and_pages_true_to_the_story(tmp_path):
    from project_tools import MkDocsServer, copy_project

    story = grow_story(tmp_path / "story", 20)
    server = MkDocsServer(copy_project(tmp_path / "project", story), "--dirty")
    try:
        server.wait_until_up(within=60)
        pages_indexed = wait_until_indexed(server)
        seeds = server.project / "seeds"
        gone, other = sorted(seeds.glob("follow-up-*.txt"))[2:4]
        gone_page, other_page = f"articles/{gone.stem}/", f"articles/{other.stem}/"
        gone_image = f"assets/share/articles/{gone.stem}.png"
        assert server.fetch(gone_page) and server.fetch_bytes(gone_image)
        other_before = server.fetch(other_page)
        article = seeds / FIRST
        article.write_text(with_sentence_about_s400(article.read_text("utf-8"), "probedirty"))
        server.wait_for_text("topics/s-400-purchase/", "probedirty", within=60)
        # a page the save didn't change is not rendered again: the very same bytes
        assert unreloaded(server.fetch(other_page)) == unreloaded(other_before)
        assert "pages changed" in server.log()
        gone.unlink()
        gone.with_name(gone.stem + ".meta.yml").unlink()
        wait_until_missing(server, gone_page)
        wait_until_missing(server, gone_image)  # issue 25: its share image went with it
        # the search index follows (built on a thread after each build): one page fewer
        wait_until_indexed(server, pages_indexed - 1)
        assert "dirty' build" not in server.log()  # the plugin keeps dirty builds accurate

        # What is served is what a full build gives: the pages rendered again and the others.
        site = tmp_path / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                       cwd=server.project, check=True, capture_output=True)
        for page in ("", "topics/s-400-purchase/", f"articles/{FIRST.removesuffix('.txt')}/",
                     f"articles/{sorted(seeds.glob('follow-up-*.txt'))[-1].stem}/",
                     "articles/"):
            built = (site / page / "index.html").read_text("utf-8")
            assert main_region(server.fetch(page)) == main_region(built), page
    finally:
        server.stop()


def wait_until_indexed(server, pages: int | None = None, within: float = 60) -> int:
    """The pages in the served search index, once it has `pages` of them (or any)."""
    deadline = time.monotonic() + within
    while True:
        try:
            entry = json.loads(server.fetch("pagefind/pagefind-entry.json"))
            count = sum(language["page_count"] for language in entry["languages"].values())
            if pages is None or count == pages:
                return count
        except (ValueError, KeyError, OSError):
            count = None
        if time.monotonic() > deadline:
            raise AssertionError(f"search index has {count} pages, not {pages}")
        time.sleep(0.2)


def unreloaded(page: str) -> str:
    """A served page less its live-reload epoch."""
    return re.sub(r"livereload\(\d+, \d+\)", "", page)


def main_region(html: str) -> str:
    """The navigation, the page and its table of contents: what a save may change."""
    start = html.index('<div class="md-main__inner md-grid">')
    return html[start:html.index("<footer", start)]


def wait_until_missing(server, path: str, within: float = 60.0) -> None:
    import time
    import urllib.error

    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            server.fetch_bytes(path)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return
        time.sleep(0.1)
    raise AssertionError(f"{path} is still served {within} s after its article was removed")
