"""The command line: help, and a broken template reported as one line like any other error."""

import shutil
import subprocess
import sys

from project_tools import ROOT


def run_cli(*arguments):
    return subprocess.run([sys.executable, "build.py", *map(str, arguments)], cwd=ROOT,
                          capture_output=True, text=True)


def test_help_names_the_options():
    result = run_cli("--help")
    assert result.returncode == 0
    for option in ("--seeds", "--docs", "--templates", "--check", "--strict", "--suggest"):
        assert option in result.stdout


def test_broken_template_is_one_line_naming_template_and_line(tmp_path):
    templates = shutil.copytree(ROOT / "templates", tmp_path / "templates")
    topic = templates / "topic.md.j2"
    topic.write_text(topic.read_text("utf-8") + "{{ unclosed(\n", "utf-8")
    result = run_cli("--templates", templates, "--docs", tmp_path / "docs")
    assert result.returncode == 2
    assert result.stderr.startswith("error: templates/topic.md.j2:")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "docs").exists()  # nothing written


def test_missing_template_is_one_line_naming_it(tmp_path):
    """A fork's templates/ copied before a template was added: one line saying what to copy
    (Jinja's TemplateNotFound is an OSError with no file name or reason of its own)."""
    templates = shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (templates / "timeline.md.j2").unlink()
    result = run_cli("--templates", templates, "--docs", tmp_path / "docs")
    assert (result.returncode, result.stderr) == (2, (
        "error: templates/timeline.md.j2: no such template; copy it from the explainer's own "
        "templates/ folder\n"))


def test_options_that_name_no_usable_folder_or_address_stop_with_one_line(tmp_path):
    """The options are checked before anything is read or written: a templates folder that
    isn't there, a file where the pages' folder belongs, an address that is no web address."""
    seeds = ROOT / "tests" / "cases" / "seeds"
    cases = [
        (("--templates", tmp_path / "none"),
         f"error: {tmp_path / 'none'}: no such folder of templates (--templates)\n"),
        (("--docs", seeds / "explainer.yml"),
         f"error: {seeds / 'explainer.yml'}: not a folder; --docs names the folder of the "
         "generated pages\n"),
        (("--site-url", "javascript:alert(1)//"),
         "error: --site-url 'javascript:alert(1)//': not a web address (write the https:// "
         "address the site is published at)\n"),
    ]
    for options, message in cases:
        result = run_cli("--seeds", seeds, *(("--docs", tmp_path / "docs") if "--docs" not in
                                              options else ()), *options)
        assert (result.returncode, result.stderr) == (2, message)
    assert not (tmp_path / "docs").exists()
