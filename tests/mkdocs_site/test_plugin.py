"""The MkDocs plugin (`plugins: - explainer`): its options, the site it names and styles, the
pages it hands MkDocs in memory, and its warnings under `--strict`.

Most tests build a bare Material site around the small story in tests/cases/seeds: a
mkdocs.yml with nothing but a placeholder name, `theme: material` and the plugins.
"""

from __future__ import annotations

import html
import json
import logging
import re
import shutil
from pathlib import Path

import pytest
import yaml
from markupsafe import Markup

from explainer.mkdocs_site import site
from project_tools import ROOT, copy_project, mkdocs_build

STORY = ROOT / "tests" / "cases" / "seeds"
STYLESHEET = ROOT / "explainer" / "mkdocs_site" / "theme" / "assets" / "stylesheets" / "explainer.css"
RUSSIA_UNGLOSSED = "explainer: seeds/small-article.txt:3: 'Russia' has no glossary entry"
BARE = "site_name: Placeholder\ntheme:\n  name: material\nplugins:\n  - search\n  - explainer\n"


def bare_site(folder: Path, config: str = BARE) -> Path:
    """A Material site that adds only the plugin: seeds/ and templates/ beside mkdocs.yml."""
    shutil.copytree(STORY, folder / "seeds")
    shutil.copytree(ROOT / "templates", folder / "templates")
    (folder / "docs").mkdir()
    (folder / "mkdocs.yml").write_text(config, "utf-8")
    return folder


def story() -> dict:
    return yaml.safe_load((STORY / "explainer.yml").read_text("utf-8"))


def logged(stderr: str, level: str = "ERROR") -> list[str]:
    """The messages MkDocs logged at a level ("ERROR   -  message" → "message")."""
    return [line.split("-  ", 1)[1] for line in stderr.splitlines() if line.startswith(level)]


# ---- options: MkDocs' own config errors -------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("options, message", [
    ("{seed: seeds}", "Plugin 'explainer' option 'seed': Unrecognised configuration name: seed "
                      "(did you mean 'seeds'?)"),
    ("{seeds: 3}", "Plugin 'explainer' option 'seeds': Expected type: <class 'str'> but "
                   "received: <class 'int'>"),
    ("{templates: [templates]}", "Plugin 'explainer' option 'templates': Expected type: "
                                 "<class 'str'> but received: <class 'list'>"),
    ("{seeds: nowhere}", "Plugin 'explainer' option 'seeds': The path '{project}/nowhere' isn't "
                         "an existing directory."),
    ("{cache_dir: false}", "Plugin 'explainer' option 'cache_dir': Expected type: <class 'str'> "
                           "but received: <class 'bool'>"),
], ids=["typo", "number", "list", "missing-folder", "bool"])
def test_a_bad_option_is_a_config_error_naming_it(tmp_path, options, message):
    project = bare_site(tmp_path / "project", BARE.replace("  - explainer\n",
                                                           f"  - explainer: {options}\n"))
    for strict in ("--strict", None):  # an error, not a warning: it stops any build
        result = mkdocs_build(project, tmp_path / "site", *([] if strict else ["--no-strict"]))
        assert result.returncode == 1, result.stderr
        expected = message.format(project=project)
        assert logged(result.stderr) == [f"Config value 'plugins': {expected}"], result.stderr
        assert "Traceback" not in result.stderr
        assert not (tmp_path / "site").exists()


@pytest.mark.slow
def test_another_theme_is_refused_with_one_line(tmp_path):
    project = bare_site(tmp_path / "project", BARE.replace("name: material", "name: mkdocs"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert logged(result.stderr) == [
        "explainer: needs theme 'material' (mkdocs.yml has 'mkdocs'); its pages use "
        "Material's features"], result.stderr


# ---- a bare Material site: named by the story, styled by the package ---------------------------


@pytest.fixture(scope="module")
def bare_built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bare")
    result = mkdocs_build(bare_site(folder / "project"), folder / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return folder / "site"


@pytest.mark.slow
def test_a_bare_material_site_with_only_the_plugin_is_styled(bare_built):
    home = (bare_built / "index.html").read_text("utf-8")
    assert f'<link rel="stylesheet" href="{site.STYLESHEET}">' in home
    assert (bare_built / site.STYLESHEET).read_bytes() == STYLESHEET.read_bytes()
    # The classes the generated pages use are the ones the stylesheet styles.
    assert '<ul class="topic-cards">' in home and ".md-typeset .topic-cards {" in STYLESHEET.read_text()
    # The theme overrides: the search dialog's accessible name, the Open Graph tags, the 404.
    assert 'role="dialog" aria-label="Search"' in home
    assert '<meta property="og:image" content="' in home
    assert "<h1>Page not found</h1>" in (bare_built / "404.html").read_text("utf-8")


@pytest.mark.slow
def test_the_story_names_the_site(bare_built):
    title, summary = story()["title"], " ".join(story()["summary"].split())
    home = (bare_built / "index.html").read_text("utf-8")
    assert f"<title>{html.escape(title)}</title>" in home  # said once on the home page
    assert f'<meta property="og:site_name" content="{html.escape(title)}">' in home
    topic = (bare_built / "topics" / "purchase" / "index.html").read_text("utf-8")
    assert re.search(rf"<title>[^<]+ - {re.escape(html.escape(title))}</title>", topic)
    assert re.search(rf'<span class="md-ellipsis">\s*{re.escape(html.escape(title))}\s*</span>',
                     topic), "the header names the story"
    not_found = (bare_built / "404.html").read_text("utf-8")
    assert f'<meta name="description" content="{html.escape(summary)}">' in not_found
    assert "Placeholder" not in home + topic + not_found
    assert (bare_built / "assets" / "share" / "site.png").is_file()


@pytest.mark.slow
def test_a_page_named_as_the_site_says_its_name_once(tmp_path):
    """A drafted story is named after its newest article: that article's page title is the
    site's, said once ("X", not "X - X")."""
    project = bare_site(tmp_path / "project")
    article = sorted((project / "seeds").glob("*.txt"))[0]
    headline = article.read_text("utf-8").splitlines()[0].strip()
    frame = project / "seeds" / "explainer.yml"
    frame.write_text(frame.read_text("utf-8").replace(
        f"title: {story()['title']}", f"title: {json.dumps(headline)}"), "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "articles" / article.stem / "index.html").read_text("utf-8")
    assert f"<title>{html.escape(headline)}</title>" in page


@pytest.mark.slow
def test_a_hostile_story_title_is_text_in_the_site_name(tmp_path):
    project = bare_site(tmp_path / "project")
    frame = project / "seeds" / "explainer.yml"
    frame.write_text(frame.read_text("utf-8").replace(
        f"title: {story()['title']}", "title: 'Pipes & taps </title><script>alert(1)</script>'"),
        "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "<script>alert(1)" not in home
    assert "<title>Pipes &amp; taps &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in home
    assert "&amp;amp;" not in home  # escaped once, even where the theme escapes (`| e`) too


# ---- warnings count as MkDocs' own -------------------------------------------------------------


@pytest.mark.slow
def test_a_generator_warning_fails_a_strict_build_and_only_warns_otherwise(tmp_path):
    project = bare_site(tmp_path / "project")
    glossary = project / "seeds" / "glossary.yml"
    glossary.write_text(glossary.read_text("utf-8").replace("known: [Turkey, Russia]",
                                                            "known: [Turkey]"), "utf-8")
    strict = mkdocs_build(project, tmp_path / "strict")
    assert strict.returncode == 1
    [warning] = logged(strict.stderr, "WARNING")
    assert warning.startswith(RUSSIA_UNGLOSSED), strict.stderr
    assert "Aborted with 1 warnings in strict mode!" in strict.stdout
    relaxed = mkdocs_build(project, tmp_path / "relaxed", "--no-strict")
    assert relaxed.returncode == 0, relaxed.stderr
    assert logged(relaxed.stderr, "WARNING") == [warning]
    # A build from the cache says it again: the warning is part of what was generated.
    again = mkdocs_build(project, tmp_path / "strict")
    assert again.returncode == 1 and logged(again.stderr, "WARNING") == [warning]


# ---- the plugin in process: state on the instance ----------------------------------------------


@pytest.fixture(autouse=True)
def fresh_plugin_instances():
    """MkDocs keeps plugin instances for the life of the process (so that `mkdocs serve` can
    reuse them); each test here starts as a new `mkdocs` command would."""
    from mkdocs.config.defaults import MkDocsConfig

    MkDocsConfig.plugins.plugin_cache.clear()
    yield
    MkDocsConfig.plugins.plugin_cache.clear()


def load(project: Path):
    from mkdocs.config import load_config

    return load_config(config_file=str(project / "mkdocs.yml"))


def test_while_serving_a_bad_edit_keeps_the_last_good_pages(tmp_path, caplog, monkeypatch):
    project = bare_site(tmp_path / "project")
    monkeypatch.chdir(project)  # messages name files relative to where mkdocs runs
    config = load(project)
    plugin = config.plugins["explainer"]
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_config(config)
    good = plugin.generation
    assert config.site_name == Markup.escape(story()["title"]) and good.files

    (project / "seeds" / "topics.yml").write_text("topics: [unclosed\n", "utf-8")
    config = load(project)
    assert config.plugins["explainer"] is plugin, "MkDocs keeps one instance while serving"
    with caplog.at_level(logging.WARNING):
        plugin.on_config(config)
    assert plugin.generation is good
    assert config.site_name == Markup.escape(story()["title"])
    [record] = caplog.records
    assert record.name == "mkdocs.plugins.explainer.mkdocs_site.plugin" and record.levelname == "ERROR"
    assert record.getMessage().startswith("explainer: seeds/topics.yml:2:1: YAML syntax: ")
    assert record.getMessage().endswith("(serving the last good pages until it is fixed)")


def test_a_generator_warning_is_logged_as_a_warning(tmp_path, caplog, monkeypatch):
    project = bare_site(tmp_path / "project")
    monkeypatch.chdir(project)
    glossary = project / "seeds" / "glossary.yml"
    glossary.write_text(glossary.read_text("utf-8").replace("[Turkey, Russia]", "[Turkey]"))
    config = load(project)
    config.plugins["explainer"].on_startup(command="serve", dirty=False)
    with caplog.at_level(logging.WARNING):
        config.plugins["explainer"].on_config(config)
    [record] = caplog.records
    assert record.levelname == "WARNING" and record.getMessage().startswith(RUSSIA_UNGLOSSED)


def test_a_failed_first_build_is_a_plugin_error(tmp_path, monkeypatch):
    from mkdocs.exceptions import PluginError

    project = bare_site(tmp_path / "project")
    monkeypatch.chdir(project)
    (project / "seeds" / "topics.yml").write_text("topics: [unclosed\n", "utf-8")
    config = load(project)
    config.plugins["explainer"].on_startup(command="serve", dirty=False)
    with pytest.raises(PluginError, match=r"^explainer: seeds/topics\.yml:2:1: YAML syntax: "):
        config.plugins["explainer"].on_config(config)


# ---- the plain functions the events call -------------------------------------------------------


def test_the_package_theme_goes_after_the_sites_overrides_and_before_materials():
    theme = str(site.THEME_DIR)
    assert site.add_theme(["/site/overrides", "/material", "/mkdocs"], "/site/overrides") == [
        "/site/overrides", theme, "/material", "/mkdocs"]
    assert site.add_theme(["/material", "/mkdocs"], None) == [theme, "/material", "/mkdocs"]
    assert site.add_theme([theme, "/material"], None) == [theme, "/material"]  # once


def test_the_stylesheet_comes_first_so_the_sites_own_rules_win():
    assert site.add_stylesheet(["css/mine.css"]) == [site.STYLESHEET, "css/mine.css"]
    assert site.add_stylesheet([site.STYLESHEET]) == [site.STYLESHEET]


def test_hand_written_pages_follow_the_generated_navigation():
    nav = [{"Home": "index.md"}]
    assert site.site_nav(nav, []) == nav
    assert site.site_nav(nav, ["b.md", "a.md"]) == [{"Home": "index.md"}, {"More": ["a.md", "b.md"]}]


def test_pages_left_by_the_command_line_are_replaced_and_hand_written_ones_refused():
    conflicts, dropped = site.replaced_paths(
        generated={"index.md", "glossary.md", "topics/new.md"},
        existing={"index.md", "glossary.md", "topics/old.md", "about.md", ".manifest"},
        left_by_cli={"index.md", "topics/old.md"}, manifest=".manifest")
    assert conflicts == ["glossary.md"]
    assert dropped == [".manifest", "glossary.md", "index.md", "topics/old.md"]


def test_the_site_name_is_html_text_said_once():
    generation = site.Generation({}, [], (), "Pipes & \"taps\"\n <b>", "A summary\nover lines.")
    name, description = site.site_identity(generation)
    assert (name, description) == ("Pipes &amp; &#34;taps&#34; &lt;b&gt;", "A summary\nover lines.")
    assert isinstance(name, Markup) and site.plain(name) == 'Pipes & "taps" <b>'


# ---- hand-written pages beside the generated ones (the repository's site) ---------------------


@pytest.mark.slow
def test_hand_written_page_is_built_and_in_the_navigation(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "about.md").write_text("# About us\n\nWritten by hand.\n", "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "Written by hand." in (tmp_path / "site" / "about" / "index.html").read_text("utf-8")
    home = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert 'href="about/"' in home  # in the navigation
    assert (project / "docs" / "about.md").read_text("utf-8") == "# About us\n\nWritten by hand.\n"


@pytest.mark.slow
def test_hand_written_page_at_a_generated_path_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    manifest = project / "docs" / ".explainer-manifest.json"
    manifest.write_text(manifest.read_text("utf-8").replace('"glossary.md",', ""), "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "glossary.md: exists but was not generated" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_stale_generated_page_left_in_docs_is_not_published(tmp_path):
    project = copy_project(tmp_path / "project")
    topics = project / "seeds" / "topics.yml"
    text = topics.read_text("utf-8")
    topics.write_text(text[:text.index("  - slug: energy")], "utf-8")
    (project / "seeds" / "timeline.yml").write_text(
        (project / "seeds" / "timeline.yml").read_text("utf-8").replace(
            "topics: [energy]", "topics: []"), "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (project / "docs" / "topics" / "energy.md").exists()  # the CLI's copy, untouched
    assert not (tmp_path / "site" / "topics" / "energy").exists()
