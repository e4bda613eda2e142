"""The projects the benchmarks compare, each a private copy in a temporary folder.

Every one holds the Turkey fixture story (tests/fixtures/turkey/), whatever seeds/ holds, so
that numbers measured in a fork compare with guides/benchmarks.md's.

- the explainer: the repository as it is (the plugin generates the pages on every build);
- the explainer without generation: no generator, docs/ holding the pages the CLI wrote, the
  same navigation, name and theme; MkDocs' own rebuild of the same site;
- a one-page Material site: the same theme configuration, the article text in docs/index.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # project_tools: the tests' copy of the project

from explainer.editor.write import write_tree  # noqa: E402
from explainer.pipeline import generate  # noqa: E402  (needs ROOT on sys.path)
from explainer.render.pages import nav  # noqa: E402
from project_tools import (  # noqa: E402,F401
    ENVIRONMENT,
    TURKEY,
    TURKEY_SLUG,
    MkDocsServer,
    copy_project,
    with_sentence_about_s400,
)

SLUG = TURKEY_SLUG
ARTICLE = Path("seeds") / f"{SLUG}.txt"
ARTICLE_URL = f"articles/{SLUG}/"
# The generator in mkdocs.yml, which the projects without generation leave out.
PLUGIN = "  - explainer:\n      seeds: seeds\n      templates: templates\n"
# What the plugin adds besides the pages, spelled out for a site without it.
THEME = ROOT / "explainer" / "mkdocs_site" / "theme"


def copy_explainer(destination: Path) -> Path:
    """The project with the Turkey fixture story (copied as the tests copy it)."""
    return copy_project(destination, TURKEY)


def without_plugin(config: str, site_name: str) -> str:
    """mkdocs.yml without the explainer plugin, with what it adds (name, theme) spelled out."""
    assert PLUGIN in config, "mkdocs.yml no longer lists the plugin as the benchmark expects"
    config = config.replace(PLUGIN, "").replace("site_name: Explainer\n",
                                                f"site_name: {json.dumps(site_name)}\n")
    return config.replace("  name: material\n", f"  name: material\n  custom_dir: {THEME}\n") + (
        "\nextra_css: [assets/stylesheets/explainer.css]\n")


def copy_without_generation(destination: Path) -> Path:
    """The same site with the generator switched off: docs/ holds the CLI's pages, nav spelled
    out."""
    project = copy_explainer(destination)
    explainer, files = generate(project / "seeds", project / "templates")
    write_tree(project / "docs", files)
    config = without_plugin((project / "mkdocs.yml").read_text("utf-8"), explainer.story.title)
    config += f"\nnav: {json.dumps(nav(explainer))}\n"
    (project / "mkdocs.yml").write_text(config, "utf-8")
    return project


def copy_one_page_site(destination: Path) -> Path:
    """A one-page Material site with the explainer's theme configuration and the article text."""
    (destination / "docs").mkdir(parents=True)
    title = yaml.safe_load((TURKEY / "explainer.yml").read_text("utf-8"))["title"]
    config = without_plugin((ROOT / "mkdocs.yml").read_text("utf-8"), title)
    (destination / "mkdocs.yml").write_text(config, "utf-8")
    heading, *paragraphs = (TURKEY / ARTICLE.name).read_text("utf-8").split("\n\n")
    page = "\n\n".join([f"# {heading.strip()}", *(p.strip() for p in paragraphs)]) + "\n"
    (destination / "docs" / "index.md").write_text(page, "utf-8")
    return destination


# ---- editing the article the same way in both serve projects ----------------------------------


def edit_seed(project: Path, original: str, word: str) -> None:
    """Save the seed article with one more sentence in the first paragraph naming the S-400."""
    (project / ARTICLE).write_text(with_sentence_about_s400(original, word), "utf-8")


def edit_generated_page(project: Path, original: str, word: str) -> None:
    """The same sentence added to the same paragraph, in the article page the CLI generated."""
    lines = original.split("\n")
    index = next(i for i, line in enumerate(lines) if 'id="p1s1"' in line)
    end = lines[index].rindex("</span>")  # the end of the paragraph's last sentence
    assert end > 0, "the article page's layout changed"
    lines[index] = (lines[index][:end] + f" Analysts now weigh the S&#45;400 question "
                    f"{word}&#46;" + lines[index][end:])
    (project / "docs" / "articles" / f"{SLUG}.md").write_text("\n".join(lines), "utf-8")


class BuildCost(NamedTuple):
    wall: float  # seconds
    cpu: float  # seconds, user + system
    memory: float  # peak resident MB


def measured_build(project: Path, site: Path) -> BuildCost:
    """`mkdocs build` of a project in a fresh process, and what it cost."""
    log = project.parent / f"{site.name}-build.log"  # a file: thousands of warnings would
    with open(log, "wb") as output:                   # fill a pipe and stall the build
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
            cwd=project, env=ENVIRONMENT, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        errors = log.read_text("utf-8", errors="replace")
        raise RuntimeError(f"mkdocs build failed in {project}:\n{errors[-2000:]}")
    return BuildCost(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
