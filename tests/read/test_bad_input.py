"""Bad input never breaks the site (issue 6): each case in tests/cases/bad_input.yml either builds
a site that shows the text exactly as written, or stops with one line naming the file, exit 2.

Most cases call build.main in-process (fast); a few run the real command line to prove that what
the user sees is one line and no traceback.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.meta import get_data

import build
from html_tools import squash
from page_html import article_reading_text, element_shapes, heading_text, page_tree, sentence_texts
from project_tools import ROOT, SEEDS, TESTS, TURKEY, TURKEY_SLUG, copy_story

FIXTURE_SEEDS = TESTS / "cases" / "seeds"
CASE_FILE = TESTS / "cases" / "bad_input.yml"
# Run through the real command line too: one case of each kind of failure, and one build.
CLI_CASES = {
    "NUL byte, reported with line and column",
    "Latin-1 byte (not UTF-8), reported with its line and offset",
    "YAML syntax error (unclosed flow list)",
    "YAML tag that builds a Python object",
    "event mention that no sentence contains",
    "HTML and JavaScript",
    "article that links to a file outside the seeds folder",
    "data file that is a named pipe",
    "billion laughs, nine levels deep",
    "recursive alias (a list that contains itself)",
    "publication date as an ISO week date",
    "a file the generator doesn't read is named in a warning",
}
FORBIDDEN_TAGS = {"script", "iframe", "img", "style", "object", "embed", "svg", "math", "form",
                  "input", "link", "meta", "base", "frame", "frameset", "video", "audio"}


# ---- the case file ----------------------------------------------------------------------------


def load_cases() -> list:
    text = CASE_FILE.read_text("utf-8")
    cases = yaml.safe_load(text)
    lines = [node.start_mark.line + 1 for node in yaml.compose(text).value]
    return [pytest.param(case, id=f"bad_input.yml:{line}: {case['name']}")
            for case, line in zip(cases, lines)]


CASES = load_cases()


def case_named(name: str) -> dict:
    return next(p.values[0] for p in CASES if p.values[0]["name"] == name)


SECRET = "SECRET-FROM-OUTSIDE-THE-SEEDS-FOLDER"


def make_seeds(tmp_path: Path, case: dict) -> Path:
    """A copy of the fixture seeds with the case's change applied (see the case file's keys)."""
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, seeds)
    outside = tmp_path / "outside"  # a private folder beside seeds/, never to reach the site
    outside.mkdir()
    (outside / "secret.txt").write_text(f"A secret\n\n{SECRET}. Turkey bought the S-400 in "
                                        "2017. NATO allies objected in 2019.\n", "utf-8")
    places = {"seeds": seeds, "outside": outside}
    if "remove" in case:
        (seeds / case["remove"]).unlink()
    if "file" in case:
        text = case.get("before", "") + case["text"] * case.get("repeat", 1) + case.get("after", "")
        (seeds / case["file"]).write_bytes(text.encode(case.get("encoding", "utf-8")))
    for name, text in case.get("also", {}).items():
        (seeds / name).write_text(text, "utf-8")
    for name in case.get("folders", []):
        (seeds / name).mkdir()
    for name in case.get("pipes", []):
        os.mkfifo(seeds / name)
    for name, target in case.get("links", {}).items():
        (seeds / name).symlink_to(target.format(**places))
    for name, target in case.get("hardlinks", {}).items():
        os.link(target.format(**places), seeds / name)
    return seeds


def expected(line: str, seeds: Path) -> str:
    """A case's expected line with {seeds} and {outside} filled in."""
    return line.format(seeds=seeds, outside=os.path.realpath(seeds.parent / "outside"))


class TookTooLong(Exception):
    pass


def within_seconds(seconds: int):
    """A case that hangs fails after `seconds` instead of stopping the test run."""
    def alarm(signum, frame):
        raise TookTooLong(f"the build took more than {seconds} s")
    signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)


def run_in_process(capsys, *arguments: str) -> tuple[int, str, str]:
    status = build.main([str(a) for a in arguments])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def run_cli(*arguments: str) -> tuple[int, str, str]:
    result = subprocess.run([sys.executable, "build.py", *map(str, arguments)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    return result.returncode, result.stdout, result.stderr


# ---- what a good build must show --------------------------------------------------------------


@pytest.fixture(scope="module")
def baseline_shapes(tmp_path_factory) -> set:
    """Every (tag, attribute names) the templates produce for plain explainers."""
    shapes = set()
    # The real seeds mark repeated terms too; the golden story has two articles, so an index.
    for seeds in (FIXTURE_SEEDS, ROOT / "seeds", ROOT / "tests" / "golden" / "seeds"):
        docs = tmp_path_factory.mktemp("baseline") / "docs"
        assert build.main(["--seeds", str(seeds), "--docs", str(docs)]) == 0
        shapes |= {shape for page in docs.rglob("*.md")
                   for shape in element_shapes(page_tree(page.read_text("utf-8")))}
    return shapes


def written_as(case: dict, seeds: Path) -> tuple[str, str]:
    """(title, body) as the reader must see them, whitespace squashed."""
    if "title" in case:
        return case["title"], squash(case["body"])
    text = (seeds / (case.get("article") or case["file"])).read_bytes().decode("utf-8-sig")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    title, _, body = text.partition("\n")
    return squash(title), squash(body)


def assert_shows_as_written(docs: Path, article: str, title: str, body: str) -> None:
    """The article page shows every sentence exactly as segmented, and together they are the
    body as written (whitespace between sentences aside: see test_exclamation_run_stays_whole)."""
    page = (docs / "articles" / f"{article}.md").read_text("utf-8")
    tree = page_tree(page)
    assert heading_text(tree) == title
    shown = sentence_texts(tree)
    export = json.loads((docs / "explainer.json").read_text("utf-8"))
    segmented = next(a for a in export["articles"] if a["slug"] == article)
    assert shown == {s["anchor"]: squash(s["text"])
                     for p in segmented["paragraphs"] for s in p["sentences"]}
    # Byline, dateline and subheadings are on the page too, apart from the sentences (issue 13).
    assert re.sub(r"\s", "", "".join(article_reading_text(tree))) == re.sub(r"\s", "", body)
    # The theme prints front matter into <title> and <meta> unescaped: it must be HTML text.
    _, meta = get_data(page)
    assert not re.search(r"[<>\"]", meta["title"] + meta["description"])
    assert squash(html.unescape(meta["title"])) == title


def assert_inert(docs: Path, shapes: set) -> None:
    """No page gained an element, an attribute, a script or a javascript: link."""
    for path in docs.rglob("*.md"):
        tree = page_tree(path.read_text("utf-8"))  # the page as a reader's browser gets it
        extra = element_shapes(tree) - shapes
        assert not extra, f"{path}: elements the templates don't make: {extra}"
        for element in tree.iter():
            assert element.tag not in FORBIDDEN_TAGS, path
            assert not any(name.startswith("on") for name in element.attributes), path
            for value in element.attributes.values():
                assert not re.match(r"\s*(javascript|data|vbscript):", value or "", re.I), path


# ---- the cases --------------------------------------------------------------------------------


# "No case may take more than a few seconds" of the processor's time: counted as this
# process's own (the suite's other workers share the cores), with a hang stopped by the clock.
CASE_SECONDS = 5
HANG_SECONDS = 60


@pytest.mark.parametrize("case", CASES)
def test_case(case, tmp_path, capsys, baseline_shapes):
    seeds, docs = make_seeds(tmp_path, case), tmp_path / "docs"
    started = time.process_time()
    within_seconds(HANG_SECONDS)
    try:
        status, out, err = run_in_process(capsys, "--seeds", seeds, "--docs", docs)
    finally:
        signal.alarm(0)
    assert time.process_time() - started < CASE_SECONDS
    if "error" in case:
        assert (status, err.splitlines()) == (2, [expected(case["error"], seeds)])
        assert not docs.exists(), "a failed build must not create or touch docs/"
        return
    assert status == 0, err
    assert "Traceback" not in err
    if "warnings" in case:
        assert warned(err) == [expected(w, seeds) for w in case["warnings"]]
    for page in docs.rglob("*"):
        assert not page.is_file() or SECRET.encode() not in page.read_bytes(), page
    article = (case.get("article") or case["file"]).rsplit(".", 1)[0]
    assert_shows_as_written(docs, article, *written_as(case, seeds))
    assert_inert(docs, baseline_shapes)


def warned(err: str) -> list[str]:
    """What the build said, less its notes (information such as an undated article, checked
    in tests/understand/test_answers.py)."""
    return [line for line in err.splitlines() if not line.startswith("note: ")]


@pytest.mark.parametrize("name", sorted(CLI_CASES))
def test_real_command_line_prints_one_line(name, tmp_path):
    case = case_named(name)
    seeds, docs = make_seeds(tmp_path, case), tmp_path / "docs"
    status, out, err = run_cli("--seeds", seeds, "--docs", docs)
    assert "Traceback" not in err
    if "error" in case:
        assert (status, out, err) == (2, "", expected(case["error"], seeds) + "\n")
    else:
        assert status == 0, err
        assert not [line for line in warned(err) if not line.startswith("warning: ")]


def test_every_case_is_named_once():
    names = [p.values[0]["name"] for p in CASES]
    assert len(names) == len(set(names))
    assert set(names) >= CLI_CASES


# ---- cases too big for the case file ----------------------------------------------------------


@pytest.mark.parametrize("word", ["S400" * 5000, "<*_#>" * 4000],
                         ids=["letters and digits", "markup punctuation"])
def test_a_20000_character_word_builds(tmp_path, capsys, baseline_shapes, word):
    case = {"file": "small-article.txt",
            "text": f"Turkey and the S-400\n\nTurkey bought the S-400 {word} from Russia. NATO allies "
                    "objected in 2019.\n"}
    seeds, docs = make_seeds(tmp_path, case), tmp_path / "docs"
    status, _, err = run_in_process(capsys, "--seeds", seeds, "--docs", docs)
    assert status == 0, err
    assert_shows_as_written(docs, "small-article", *written_as(case, seeds))
    assert_inert(docs, baseline_shapes)


@pytest.mark.slow  # about 20 s; how the time grows with length is bench/run.py --only generate
def test_a_multi_megabyte_article_builds(tmp_path, capsys):
    """A real article's body repeated to about 2 MB builds, every sentence on the page."""
    seeds, docs = copy_story(tmp_path / "seeds", TURKEY), tmp_path / "docs"
    article = seeds / f"{TURKEY_SLUG}.txt"
    title, _, body = article.read_text("utf-8").partition("\n")
    repeats = 2_000_000 // len(body.encode("utf-8")) + 1
    article.write_text(title + "\n" + "\n\n".join([body.strip()] * repeats) + "\n", "utf-8")
    assert article.stat().st_size > 2_000_000
    status, _, err = run_in_process(capsys, "--seeds", seeds, "--docs", docs)
    assert status == 0, err.splitlines()[-1:]
    assert_shows_as_written(docs, TURKEY_SLUG, squash(title),
                            squash(article.read_text("utf-8").partition("\n")[2]))


def test_real_seeds_build_from_a_copy(tmp_path, capsys):
    """The shipped seeds build too, and a hostile line added to a real article shows as is."""
    seeds = copy_story(tmp_path / "seeds", SEEDS)
    article = min(p for p in seeds.iterdir() if p.suffix in (".txt", ".md"))
    hostile = '<script>alert(1)</script> {{ 7*7 }} --8<-- "mkdocs.yml" *[NATO]: x'
    article.write_text(article.read_text("utf-8").rstrip("\n") + f"\n\n{hostile}\n", "utf-8")
    status, _, err = run_in_process(capsys, "--seeds", seeds, "--docs", tmp_path / "docs")
    assert status == 0, err
    tree = page_tree((tmp_path / "docs" / "articles" / f"{article.stem}.md").read_text("utf-8"))
    assert squash(hostile) in sentence_texts(tree).values(), "one sentence, shown as written"


def test_exclamation_run_stays_whole(tmp_path, capsys):
    case = {"file": "small-article.txt",
            "text": "Turkey and the S-400\n\nTurkey bought the S-400.\n\n!!! note NATO allies "
                    "objected in 2019.\n"}
    seeds, docs = make_seeds(tmp_path, case), tmp_path / "docs"
    assert run_in_process(capsys, "--seeds", seeds, "--docs", docs)[0] == 0
    tree = page_tree((docs / "articles" / "small-article.md").read_text("utf-8"))
    paragraphs = [  # the sentences and the gaps between them, as the reader sees them
        "".join(part if isinstance(part, str) else part.text for part in p.parts
                if isinstance(part, str) or part.attributes.get("class") == "sentence")
        for section in tree.iter() if section.tag == "section"
        for p in section.parts[:] if not isinstance(p, str) and p.tag == "p"
        and any(not isinstance(c, str) and c.attributes.get("class") == "sentence" for c in p.parts)]
    assert squash(" ".join(paragraphs)) == squash(case["text"].partition("\n")[2])
