"""The README's promises match the code: its two commands and CI; and the reference
(guides/reference.md) documents every make target, command-line option and plugin option."""

import re
import subprocess
import sys

from project_tools import ROOT

README = (ROOT / "README.md").read_text("utf-8")
REFERENCE = (ROOT / "guides" / "reference.md").read_text("utf-8")


def test_readme_gives_the_two_setup_commands_and_ci_runs_the_test_one():
    assert "make serve" in README and "make test" in README
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert re.search(r"^make test$", ci, re.M), ".ci/run must run the README's test command"
    assert re.search(r"^make fork-check$", ci, re.M), ".ci/run must check that forks keep tests"
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for target in ("serve", "test", "fork-check", "build", "golden", "bench", "check", "lock"):
        assert re.search(rf"^{target}:", makefile, re.M), target
        assert f"make {target}" in REFERENCE, f"the reference doesn't mention make {target}"


def test_the_reference_documents_every_cli_option():
    help_text = subprocess.run([sys.executable, "build.py", "--help"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout
    for option in re.findall(r"(--[a-z-]+)", help_text):
        if option != "--help":
            assert option in REFERENCE, f"the reference doesn't document {option}"


def test_the_reference_documents_every_plugin_option_with_its_default():
    from explainer.mkdocs_site.config import ExplainerConfig

    for name, option in ExplainerConfig._schema:
        row = re.search(rf"^\| `{name}` \| `([^`]*)` \|", REFERENCE, re.M)
        assert row, f"the reference's plugin options table lacks {name}"
        assert row[1] == option.default, f"the reference gives {name} the default {row[1]!r}"


def test_the_reference_shows_the_plugin_as_mkdocs_yml_uses_it():
    import yaml

    snippet = re.search(r"## Add the explainer to any MkDocs Material site.*?```yaml\n(.*?)```",
                        REFERENCE, re.S)
    assert snippet, "the reference lost its plugins snippet"
    shown = yaml.safe_load(snippet[1])
    used = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert shown["plugins"][1] == {"explainer": {"seeds": "seeds", "templates": "templates"}}
    assert {"explainer": shown["plugins"][1]["explainer"]} in used["plugins"]
    assert shown["site_name"] == used["site_name"]


def test_a_placeholder_site_address_is_named_in_a_note_not_an_error():
    """A newcomer's: `make build` passed with https://explainer.example.org/ as site_url, so
    shared links, the feed and the sitemap pointed at no site. It is a note: forks and CI build
    with it, and only the editor knows the real address."""
    from explainer.urls import is_placeholder_address

    assert is_placeholder_address("https://explainer.example.org/")
    assert is_placeholder_address("http://localhost:8000/")
    assert not is_placeholder_address("https://news.example-times.com/")
    assert not is_placeholder_address("https://explainers.voanews.com/turkey/")
