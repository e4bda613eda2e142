"""The MkDocs hook: generated pages in memory, hand-written pages kept and listed."""

import pytest

from project_tools import copy_project, mkdocs_build

pytestmark = pytest.mark.slow


def test_hand_written_page_is_built_and_in_the_navigation(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "about.md").write_text("# About us\n\nWritten by hand.\n", "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "Written by hand." in (tmp_path / "site" / "about" / "index.html").read_text("utf-8")
    home = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert 'href="about/"' in home  # in the navigation
    assert (project / "docs" / "about.md").read_text("utf-8") == "# About us\n\nWritten by hand.\n"


def test_hand_written_page_at_a_generated_path_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    manifest = project / "docs" / ".explainer-manifest.json"
    manifest.write_text(manifest.read_text("utf-8").replace('"glossary.md",', ""), "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "glossary.md: exists but was not generated" in result.stderr
    assert "Traceback" not in result.stderr


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
