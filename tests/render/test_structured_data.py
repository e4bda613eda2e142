"""JSON-LD on every page, checked against schema.org's vocabulary (tests/fixtures/schema_org.yml):
the right type per page, required properties present, values of the right type, and nothing
the data doesn't have (no invented date, publisher or source)."""

from __future__ import annotations

import datetime
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from explainer.pipeline import generate
from golden import SITE_URL
from project_tools import ROOT, TURKEY

VOCABULARY = yaml.safe_load((ROOT / "tests/fixtures/schema_org.yml").read_text("utf-8"))["types"]
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
FRONT_MATTER = re.compile(r"^structured_data: (.*)$", re.M)


def check_value(value, expected: list[str], where: str) -> None:
    if isinstance(value, list):
        assert value, f"{where}: empty list"
        for item in value:
            check_value(item, expected, where)
        return
    if isinstance(value, dict):
        assert value.get("@type") in expected, f"{where}: {value.get('@type')} not in {expected}"
        check_node(value, where)
        return
    assert not isinstance(value, bool) and value not in ("", None), f"{where}: empty value"
    kinds = []
    if isinstance(value, int):
        kinds = ["Integer"]
    elif isinstance(value, str):
        kinds = ["Text"]
        if re.fullmatch(r"https?://\S+", value):
            kinds.append("URL")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            datetime.date.fromisoformat(value)
            kinds.append("Date")
    assert set(kinds) & set(expected), f"{where}: {value!r} is not one of {expected}"


def check_node(node: dict, where: str = "") -> None:
    """One schema.org node: known type, its required properties, only known properties."""
    kind = node.get("@type")
    assert kind in VOCABULARY, f"{where}: unknown type {kind!r}"
    spec = VOCABULARY[kind]
    for name in spec["required"]:
        assert name in node, f"{where}: {kind} lacks {name}"
    for name, value in node.items():
        if name == "@type":
            continue
        assert name in spec["properties"], f"{where}: {kind} has no property {name!r}"
        check_value(value, spec["properties"][name], f"{where} {kind}.{name}")


def graph_of(document: dict, where: str) -> dict[str, list[dict]]:
    assert document["@context"] == "https://schema.org", where
    by_type: dict[str, list[dict]] = {}
    for node in document["@graph"]:
        check_node(node, where)
        by_type.setdefault(node["@type"], []).append(node)
    return by_type


def page_graph(site: Path, path: str) -> dict[str, list[dict]]:
    html = (site / path).read_text("utf-8")
    scripts = SCRIPT.findall(html)
    assert len(scripts) == 1, f"{path}: {len(scripts)} JSON-LD scripts"
    assert "<" not in scripts[0], f"{path}: '<' inside the JSON-LD script"
    return graph_of(json.loads(scripts[0]), path)


def breadcrumb_names(graph: dict) -> list[str]:
    [trail] = graph["BreadcrumbList"]
    items = trail["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    return [item["name"] for item in items]


def test_every_page_type_carries_valid_json_ld(built_site):
    export = json.loads((built_site / "explainer.json").read_text("utf-8"))
    glossary = yaml.safe_load((ROOT / "seeds/glossary.yml").read_text("utf-8"))["terms"]

    home = page_graph(built_site, "index.html")
    assert home["WebSite"][0]["url"] == SITE_URL

    for topic in export["topics"]:
        graph = page_graph(built_site, topic["url"] + "index.html")
        assert breadcrumb_names(graph) == ["Home", topic["title"]]
        assert graph["BreadcrumbList"][0]["itemListElement"][-1]["item"] == SITE_URL + topic["url"]

    for article in export["articles"]:
        graph = page_graph(built_site, article["url"] + "index.html")
        [news] = graph["NewsArticle"]
        assert news["headline"] == article["title"]
        # The seed article has no .meta.yml: nothing may be invented for it.
        for name, known in (("datePublished", article["published"]),
                            ("publisher", article["outlet"]), ("isBasedOn", article["source_url"])):
            assert (name in news) == (known is not None), name

    terms = page_graph(built_site, "glossary/index.html")["DefinedTermSet"][0]["hasDefinedTerm"]
    assert sorted(t["name"] for t in terms) == sorted(t["term"] for t in glossary)
    for term in terms:
        entry = next(t for t in glossary if t["term"] == term["name"])
        assert term["description"] == " ".join(entry["definition"].split())
        assert term.get("alternateName", []) == entry["aliases"]

    assert breadcrumb_names(page_graph(built_site, "timeline/index.html"))[-1] == "Timeline"


def front_matter_graph(page: str) -> dict[str, list[dict]]:
    [line] = FRONT_MATTER.findall(page)
    return graph_of(yaml.safe_load(line), "front matter")


def test_a_dated_article_with_an_outlet_says_so(tmp_path):
    seeds = shutil.copytree(TURKEY, tmp_path / "seeds")
    (seeds / "turkey-s400-f35.meta.yml").write_text(
        'published: "2023-06-01"\noutlet: The Example Times\nurl: https://news.example.org/s400\n',
        "utf-8")
    _, files = generate(seeds, ROOT / "templates", site_url=SITE_URL)
    [news] = front_matter_graph(files["articles/turkey-s400-f35.md"])["NewsArticle"]
    assert news["datePublished"] == "2023-06-01"
    assert news["publisher"] == {"@type": "Organization", "name": "The Example Times"}
    assert news["isBasedOn"] == "https://news.example.org/s400"


def test_without_a_site_url_no_url_is_made_up(tmp_path):
    _, files = generate(TURKEY, ROOT / "templates")
    assert "feed.xml" not in files
    graph = front_matter_graph(files["topics/syria.md"])
    assert all("item" not in item for item in graph["BreadcrumbList"][0]["itemListElement"])


@pytest.mark.parametrize("title", ["Talks </script><script>alert(1)</script> end",
                                   'Quotes " and \\ and <!-- comment --> and \u2028 break'])
def test_json_ld_survives_any_title(tmp_path, title):
    seeds = shutil.copytree(TURKEY, tmp_path / "seeds")
    article = seeds / "turkey-s400-f35.txt"
    body = article.read_text("utf-8").split("\n", 1)[1]
    article.write_text(title + "\n" + body, "utf-8")
    explainer, files = generate(seeds, ROOT / "templates", site_url=SITE_URL)
    [news] = front_matter_graph(files["articles/turkey-s400-f35.md"])["NewsArticle"]
    assert news["headline"] == explainer.articles[0].title == title  # as written, whole
