"""The projects the benchmarks compare, each a private copy in a temporary folder.

- the explainer: the repository as it is (the plugin generates the pages on every build);
- the explainer without generation: no generator, docs/ holding the pages the CLI wrote, the
  same navigation, name and theme; MkDocs' own rebuild of the same site;
- a one-page Material site: the same theme configuration, the article text in docs/index.md.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # project_tools: the tests' copy of the project

from explainer.pipeline import generate  # noqa: E402  (needs ROOT on sys.path)
from explainer.render import nav  # noqa: E402
from explainer.write import write_tree  # noqa: E402
from project_tools import copy_project  # noqa: E402

SLUG = "turkey-s400-f35"
ARTICLE = Path("seeds") / f"{SLUG}.txt"
ARTICLE_URL = f"articles/{SLUG}/"
# The generator in mkdocs.yml, which the projects without generation leave out.
PLUGIN = "  - explainer:\n      seeds: seeds\n      templates: templates\n"
# What the plugin adds besides the pages, spelled out for a site without it.
THEME = ROOT / "explainer" / "theme"
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_explainer(destination: Path) -> Path:
    """The project as it is in the repository (copied as the tests copy it)."""
    copy_project(destination)
    for path in (destination / "seeds").iterdir():
        path.chmod(0o644)  # the seed article is read-only in the repository
    return destination


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
    title = yaml.safe_load((ROOT / "seeds" / "explainer.yml").read_text("utf-8"))["title"]
    config = without_plugin((ROOT / "mkdocs.yml").read_text("utf-8"), title)
    (destination / "mkdocs.yml").write_text(config, "utf-8")
    heading, *paragraphs = (ROOT / ARTICLE).read_text("utf-8").split("\n\n")
    page = "\n\n".join([f"# {heading.strip()}", *(p.strip() for p in paragraphs)]) + "\n"
    (destination / "docs" / "index.md").write_text(page, "utf-8")
    return destination


# ---- editing the article the same way in both serve projects ----------------------------------


def edit_seed(project: Path, original: str, word: str) -> None:
    """Save the seed article with one more sentence in the first paragraph naming the S-400."""
    title, *paragraphs = original.split("\n\n")
    index = next(i for i, p in enumerate(paragraphs) if "S-400" in p)
    paragraphs[index] += f" Analysts now weigh the S-400 question {word}."
    (project / ARTICLE).write_text("\n\n".join([title, *paragraphs]), "utf-8")


def edit_generated_page(project: Path, original: str, word: str) -> None:
    """The same sentence added to the same paragraph, in the article page the CLI generated."""
    lines = original.split("\n")
    index = next(i for i, line in enumerate(lines) if 'id="p1s1"' in line)
    end = lines[index].rindex("</span>")  # the end of the paragraph's last sentence
    assert end > 0, "the article page's layout changed"
    lines[index] = (lines[index][:end] + f" Analysts now weigh the S&#45;400 question "
                    f"{word}&#46;" + lines[index][end:])
    (project / "docs" / "articles" / f"{SLUG}.md").write_text("\n".join(lines), "utf-8")


# ---- a served project -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`mkdocs serve` on a project, its output in a log file beside it."""

    def __init__(self, project: Path):
        self.project = project
        self.url = f"http://127.0.0.1:{free_port()}/"
        self.log_path = project.parent / f"{project.name}-serve.log"
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", self.url[7:-1]],
                cwd=project, env=ENVIRONMENT, stdout=log, stderr=subprocess.STDOUT,
            )
        self._wait_until_up()

    def fetch(self, path: str, timeout: float = 10.0) -> str:
        with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
            return response.read().decode("utf-8")

    def rebuilds(self) -> int:
        return self.log_path.read_text("utf-8", errors="replace").count("Building documentation...")

    def _wait_until_up(self, within: float = 60.0) -> None:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"mkdocs serve exited:\n{self.log_path.read_text()}")
            try:
                self.fetch("", timeout=1.0)
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.05)
        raise RuntimeError(f"mkdocs serve did not start:\n{self.log_path.read_text()}")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)  # MkDocs' Ctrl-C: removes its temporary site
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
