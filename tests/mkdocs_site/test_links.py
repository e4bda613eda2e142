"""Every internal link in the built site resolves: the file exists and the #fragment is an id on it.

MkDocs' `validation` settings catch broken links in Markdown at build time; this checks the HTML
that readers actually get, including links written as raw HTML by the templates, Material's own
links and the 404 page. External links (http, https, mailto, tel) are not followed.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from html_tools import parse

pytestmark = pytest.mark.slow  # needs the session's mkdocs build

EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel"}
LINK_ATTRIBUTES = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src",
                   "source": "src", "iframe": "src"}
BASE = "http://site.invalid/"  # stands for the site root while resolving relative URLs


def page_url(site: Path, html: Path) -> str:
    relative = html.relative_to(site).as_posix()
    return BASE + (relative.removesuffix("index.html") if html.name == "index.html" else relative)


def target_file(site: Path, url: str) -> Path | None:
    """The file a resolved URL of the site serves, as a static server would; None if none."""
    path = unquote(urlsplit(url).path).removeprefix("/")
    candidate = site / PurePosixPath(path)
    if path == "" or path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() and site in candidate.resolve().parents else None


def link_problems(site: Path) -> list[str]:
    """One line per broken internal link or fragment in the HTML files of a built site."""
    pages = {html: parse(html.read_text(encoding="utf-8")) for html in sorted(site.rglob("*.html"))}
    ids = {html: {e.attributes.get("id") or e.attributes.get("name") for e in tree.iter()} - {None}
           for html, tree in pages.items()}
    problems = []
    for html, tree in pages.items():
        here = page_url(site, html)
        for element in tree.iter():
            attribute = LINK_ATTRIBUTES.get(element.tag)
            link = element.attributes.get(attribute) if attribute else None
            if link is None or urlsplit(link).scheme in EXTERNAL_SCHEMES:
                continue
            where = f"{html.relative_to(site).as_posix()}: <{element.tag} {attribute}={link!r}>"
            url = urljoin(here, link)
            scheme = urlsplit(url).scheme
            if scheme == "data" and element.tag != "a":  # an inline icon or image
                continue
            if scheme != "http":  # javascript:, or data: as a link, never belongs in our pages
                problems.append(f"{where}: not a link to a page")
                continue
            target = target_file(site, url)
            if target is None:
                problems.append(f"{where}: no such file in the site")
                continue
            fragment = unquote(urlsplit(url).fragment)
            if fragment and target.suffix == ".html" and fragment not in ids[target]:
                problems.append(f"{where}: no id {fragment!r} in "
                                f"{target.relative_to(site).as_posix()}")
    return problems


def test_every_internal_link_and_fragment_resolves(built_site):
    assert list(built_site.rglob("*.html")), "the build wrote no HTML"
    problems = link_problems(built_site)
    assert not problems, "broken links in the built site:\n  " + "\n  ".join(problems)


def test_every_page_is_linked_from_another(built_site):
    """No page is an orphan that only search or a typed URL could reach (404.html excepted)."""
    linked = set()
    for html in built_site.rglob("*.html"):
        for element in parse(html.read_text(encoding="utf-8")).iter():
            if element.tag == "a" and element.attributes.get("href"):
                target = target_file(built_site, urljoin(page_url(built_site, html),
                                                         element.attributes["href"]))
                if target is not None and target != html:
                    linked.add(target)
    orphans = {html.relative_to(built_site).as_posix() for html in built_site.rglob("*.html")}
    orphans -= {html.relative_to(built_site).as_posix() for html in linked} | {"404.html"}
    assert not orphans, f"pages no other page links to: {sorted(orphans)}"


def test_the_checker_reports_broken_links(tmp_path):
    """The checker itself: a missing page, a missing fragment and a script URL are reported."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1 id="top">A</h1>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#top">ok</a> <a href="#here" id="here">ok</a>'
        '<a href="https://example.org/x">external</a> <a href="mailto:x@example.org">mail</a>'
        '<a href="b/">missing</a> <a href="a/#nowhere">bad fragment</a>'
        '<a href="javascript:alert(1)">script</a> <img src="missing.png" alt="">'
        '<link rel="icon" href="data:image/svg+xml,%3Csvg%3E%3C/svg%3E">',
        encoding="utf-8")
    assert link_problems(tmp_path) == [
        "index.html: <a href='b/'>: no such file in the site",
        "index.html: <a href='a/#nowhere'>: no id 'nowhere' in a/index.html",
        "index.html: <a href='javascript:alert(1)'>: not a link to a page",
        "index.html: <img src='missing.png'>: no such file in the site",
    ]
