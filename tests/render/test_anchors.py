"""Anchors for every name (issue 21): glossary terms and timeline events in any script get
readable, distinct anchors, transliterated rather than dropped (python-slugify); an anchor an
earlier version published keeps working as an alias where it changed."""

from __future__ import annotations

import re
import shutil

import pytest

from explainer import urls
from explainer.pipeline import generate
from project_tools import TEMPLATES, TESTS, copy_project, mkdocs_build

NAMES = {
    "Ağrı Dağı": "agri-dagi",  # Turkish dotless i and g with breve: no letter dropped
    "Kılıçdaroğlu": "kilicdaroglu",
    "Москва": "moskva",  # Cyrillic: transliterated, not "x"
    "Санкт-Петербург": "sankt-peterburg",
    "Αθήνα": "athena",  # Greek
    "Θεσσαλονίκη": "thessalonike",
    "北京": "bei-jing",  # Chinese
    "上海": "shang-hai",
    "Recep Tayyip Erdoğan": "recep-tayyip-erdogan",  # as before
}


@pytest.mark.parametrize(("name", "anchor"), NAMES.items())
def test_a_name_becomes_a_readable_anchor(name, anchor):
    assert urls.slug_of(name) == anchor


def test_an_anchor_that_changed_keeps_its_former_form_as_an_alias():
    assert urls.former_slug_of("Ağrı Dağı") == "agr-dag"  # what was published before
    assert urls.former_slug_of("Recep Tayyip Erdoğan") is None  # unchanged: no alias
    assert urls.former_slug_of("Москва") is None  # was "x", never a working anchor


def story_with_names(tmp_path):
    seeds = shutil.copytree(TESTS / "golden" / "seeds", tmp_path / "seeds")
    terms = "".join(f"  - term: {name}\n    definition: A place or a person named {name}.\n"
                    f"    source: https://example.org/{anchor}\n" for name, anchor in NAMES.items())
    glossary = (seeds / "glossary.yml").read_text("utf-8").replace("terms:\n", "terms:\n" + terms)
    (seeds / "glossary.yml").write_text(glossary, "utf-8")
    timeline = (seeds / "timeline.yml").read_text("utf-8")
    event = ('  - date: "1998"\n    headline: A visit to Ağrı Dağı\n    text: The party climbed.\n'
             '    topics: [the-flood]\n    mentions: []\n    source: https://example.org/ararat\n')
    (seeds / "timeline.yml").write_text(timeline.replace("events:\n", "events:\n" + event), "utf-8")
    return seeds


def test_a_glossary_of_names_in_four_scripts_has_distinct_readable_anchors(tmp_path):
    _, files = generate(story_with_names(tmp_path), TEMPLATES)
    ids = re.findall(r'<dt id="([^"]+)">', files["glossary.md"])
    assert set(NAMES.values()) <= set(ids)
    assert len(ids) == len(set(ids))
    assert '<span id="agr-dag"></span>Ağrı Dağı' in files["glossary.md"], "the former anchor"
    timeline = files["timeline.md"]
    assert 'id="1998-a-visit-to-agri-dagi"' in timeline
    assert '<span id="1998-a-visit-to-agr-dag"></span>' in timeline


@pytest.mark.slow
def test_mkdocs_builds_such_a_glossary_strictly(tmp_path):
    project = copy_project(tmp_path / "project", story_with_names(tmp_path))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    glossary = (tmp_path / "site" / "glossary" / "index.html").read_text("utf-8")
    for anchor in NAMES.values():
        assert f'id="{anchor}"' in glossary
