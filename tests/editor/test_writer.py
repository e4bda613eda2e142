"""Nothing lost (issue 6): a failed build leaves docs/ byte for byte as it was, and the generator
never overwrites or deletes a file it did not generate (docs/.explainer-manifest.json)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import build
from explainer.editor.write import MANIFEST, safe_relative
from explainer.errors import WriteError
from project_tools import ROOT, TESTS

FIXTURE_SEEDS = TESTS / "cases" / "seeds"
GENERATED = {"index.md", "glossary.md", "timeline.md", "explainer.json", "articles/small-article.md",
             "topics/purchase.md", "topics/alliance.md", "feed.xml", "search/synonyms.json"}
HAND_WRITTEN = {"about.md": "# About\n\nWritten by hand.\n",
                "topics/notes.md": "Notes kept beside the generated topic pages.\n",
                "stylesheets/extra.css": "body { color: black; }\n"}
TOPICS_WITHOUT_ALLIANCE = """\
topics:
  - slug: purchase
    title: The purchase
    question: Why was it bought?
    signals: [purchase, bought, NATO]
"""


@pytest.fixture
def seeds(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURE_SEEDS, tmp_path / "seeds"))


@pytest.fixture
def docs(tmp_path) -> Path:
    return tmp_path / "docs"


def run(capsys, seeds: Path, docs: Path, *options: str) -> tuple[int, str, str]:
    status = build.main(["--seeds", str(seeds), "--docs", str(docs), *options])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder (hidden ones too) → its bytes; folders as None."""
    return {path.relative_to(folder).as_posix(): (path.read_bytes() if path.is_file() else None)
            for path in sorted(folder.rglob("*"))}


def refused_changing_nothing(capsys, seeds: Path, docs: Path, message: str) -> None:
    """A build that stops with this one line and leaves docs/ byte for byte as it was."""
    before = snapshot(docs)
    status, _, err = run(capsys, seeds, docs)
    assert (status, err.splitlines()) == (2, [message])
    assert snapshot(docs) == before


def write_hand_written(docs: Path) -> None:
    for name, text in HAND_WRITTEN.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, "utf-8")


def drop_alliance_topic(seeds: Path) -> None:
    (seeds / "topics.yml").write_text(TOPICS_WITHOUT_ALLIANCE, "utf-8")
    timeline = (seeds / "timeline.yml").read_text("utf-8")
    (seeds / "timeline.yml").write_text(timeline.replace("[alliance, purchase]", "[purchase]"),
                                        "utf-8")


# ---- a failed build changes nothing -----------------------------------------------------------


@pytest.mark.parametrize("breakage", ["control character in the article", "YAML error",
                                      "event pointing at no sentence", "link out of seeds/",
                                      "named pipe", "alias bomb", "two articles at one URL"])
def test_failed_build_leaves_docs_byte_for_byte(breakage, seeds, docs, capsys):
    assert run(capsys, seeds, docs)[0] == 0
    write_hand_written(docs)
    (seeds / "small-article.txt").write_text(
        "Turkey and the S-400\n\nTurkey bought the S-400 from Russia in 2017. NATO allies "
        "objected in 2019.\n\nA new paragraph that changes every page.\n", "utf-8")
    before = snapshot(docs)
    if breakage == "control character in the article":
        with (seeds / "small-article.txt").open("a", encoding="utf-8") as stream:
            stream.write("\nA bell\a rings.\n")
    elif breakage == "YAML error":
        (seeds / "glossary.yml").write_text("terms: [\n", "utf-8")
    elif breakage == "link out of seeds/":
        (seeds / "passwd.txt").symlink_to("/etc/passwd")
    elif breakage == "named pipe":
        os.mkfifo(seeds / "notes")
    elif breakage == "alias bomb":
        (seeds / "glossary.yml").write_text(
            "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n"
                for i in range(9)), "utf-8")
    elif breakage == "two articles at one URL":
        (seeds / "small-article.md").write_text("# Title\n\nA paragraph.\n", "utf-8")
    else:
        drop_alliance_topic(seeds)
        timeline = (seeds / "timeline.yml").read_text("utf-8")
        (seeds / "timeline.yml").write_text(timeline.replace("NATO allies objected in 2019]",
                                                             "NATO allies agreed]"), "utf-8")
    status, out, err = run(capsys, seeds, docs)
    assert (status, len(err.splitlines())) == (2, 1), err
    assert snapshot(docs) == before


def test_refusal_at_write_time_changes_nothing(seeds, docs, capsys):
    """The writer checks every path before it writes any: a new page that would replace a
    hand-written file stops the build with docs/ as it was, though other pages changed too."""
    assert run(capsys, seeds, docs)[0] == 0
    (seeds / "topics.yml").write_text((seeds / "topics.yml").read_text("utf-8") + """
  - slug: notes
    title: Notes
    question: What else?
    signals: [strained]
""", "utf-8")
    write_hand_written(docs)  # docs/topics/notes.md is hand-written
    refused_changing_nothing(capsys, seeds, docs, (
        f"error: {docs}/topics/notes.md: exists but was not generated; the generator won't "
        "overwrite it: rename or remove it"))


# ---- never overwrite or delete what the generator did not write -------------------------------


def test_hand_written_file_at_a_generated_path_is_refused(seeds, docs):
    """Through the real command line: one line, exit 2, the file untouched, nothing written."""
    page = docs / "topics" / "purchase.md"
    page.parent.mkdir(parents=True)
    page.write_text("My own page about the purchase.\n", "utf-8")
    result = subprocess.run([sys.executable, "build.py", "--seeds", str(seeds), "--docs", str(docs)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", f"error: {page}: exists but was not generated; the generator won't overwrite it: "
               "rename or remove it\n")
    assert snapshot(docs) == {"topics": None,
                              "topics/purchase.md": b"My own page about the purchase.\n"}


def test_hand_written_pages_survive_every_build(seeds, docs, capsys):
    write_hand_written(docs)
    assert run(capsys, seeds, docs)[0] == 0
    assert run(capsys, seeds, docs)[0] == 0  # an unchanged rebuild
    drop_alliance_topic(seeds)  # a rebuild that removes a page beside topics/notes.md
    assert run(capsys, seeds, docs)[0] == 0
    for name, text in HAND_WRITTEN.items():
        assert (docs / name).read_text("utf-8") == text
    owned = json.loads((docs / MANIFEST).read_text("utf-8"))["files"]
    assert not set(owned) & set(HAND_WRITTEN)


def test_manifest_lists_exactly_the_generated_files(seeds, docs, capsys):
    write_hand_written(docs)
    assert run(capsys, seeds, docs)[0] == 0
    assert set(json.loads((docs / MANIFEST).read_text("utf-8"))["files"]) == GENERATED
    files = {p for p, content in snapshot(docs).items() if content is not None}
    assert files == GENERATED | set(HAND_WRITTEN) | {MANIFEST}


def test_stale_generated_pages_are_removed(seeds, docs, capsys):
    assert run(capsys, seeds, docs)[0] == 0
    drop_alliance_topic(seeds)
    (seeds / "small-article.txt").rename(seeds / "renamed.txt")
    status, out, _ = run(capsys, seeds, docs)
    assert status == 0
    assert "2 removed" in out
    assert not (docs / "topics" / "alliance.md").exists()
    assert not (docs / "articles" / "small-article.md").exists()
    assert (docs / "articles" / "renamed.md").exists()
    owned = set(json.loads((docs / MANIFEST).read_text("utf-8"))["files"])
    assert owned == GENERATED - {"topics/alliance.md", "articles/small-article.md"} | {
        "articles/renamed.md"}


def test_a_deleted_generated_page_is_not_an_error(seeds, docs, capsys):
    assert run(capsys, seeds, docs)[0] == 0
    (docs / "topics" / "alliance.md").unlink()  # an editor tidied up by hand
    drop_alliance_topic(seeds)
    assert run(capsys, seeds, docs)[0] == 0


def test_unreadable_manifest_stops_with_one_line(seeds, docs, capsys):
    assert run(capsys, seeds, docs)[0] == 0
    (docs / MANIFEST).write_text("{not json", "utf-8")
    before = snapshot(docs)
    status, _, err = run(capsys, seeds, docs)
    assert (status, err.splitlines()) == (
        2, [f"error: {docs / MANIFEST}: unreadable manifest; restore it from git"])
    assert snapshot(docs) == before


def test_manifest_cannot_make_the_generator_delete_outside_docs(seeds, docs, tmp_path, capsys):
    """A tampered manifest naming ../precious.txt: refused, and the file stays."""
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n", "utf-8")
    assert run(capsys, seeds, docs)[0] == 0
    (docs / MANIFEST).write_text(json.dumps({"files": sorted(GENERATED) + ["../precious.txt"]}),
                                 "utf-8")
    status, _, err = run(capsys, seeds, docs)
    assert status == 2 and len(err.splitlines()) == 1
    assert "'../precious.txt'" in err
    assert precious.read_text("utf-8") == "keep me\n"


def test_a_page_listed_in_the_manifest_by_hand_is_not_deleted(seeds, docs, capsys):
    """The manifest records each generated file's SHA-256: a page that is no longer generated
    is removed only while its bytes are the generator's. A hand-written page listed in the
    manifest (or a generated one edited since) stays, and is named."""
    assert run(capsys, seeds, docs)[0] == 0
    write_hand_written(docs)
    manifest = json.loads((docs / MANIFEST).read_text("utf-8"))
    manifest["files"].append("about.md")
    (docs / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    drop_alliance_topic(seeds)
    (docs / "topics" / "alliance.md").write_text("Edited by hand.\n", "utf-8")
    status, out, err = run(capsys, seeds, docs)
    assert status == 0 and "0 removed" in out
    assert (docs / "about.md").read_text("utf-8") == HAND_WRITTEN["about.md"]
    assert (docs / "topics" / "alliance.md").read_text("utf-8") == "Edited by hand.\n"
    assert [line for line in err.splitlines() if "left in place" in line] == [
        f"note: {docs / name}: no longer generated, but changed since it was written: left "
        "in place (delete it if you don't need it)" for name in ("about.md", "topics/alliance.md")]
    assert set(json.loads((docs / MANIFEST).read_text("utf-8"))["files"]) == GENERATED - {
        "topics/alliance.md"}


def test_a_folder_in_the_manifest_stops_the_build_before_docs_changes(seeds, docs, capsys):
    assert run(capsys, seeds, docs)[0] == 0
    manifest = json.loads((docs / MANIFEST).read_text("utf-8"))
    (docs / MANIFEST).write_text(json.dumps({"files": manifest["files"] + ["topics"]}), "utf-8")
    (seeds / "small-article.txt").write_text(
        (seeds / "small-article.txt").read_text("utf-8") + "\nA new paragraph.\n", "utf-8")
    refused_changing_nothing(capsys, seeds, docs, (
        f"error: {docs / MANIFEST} lists 'topics', which is not a file the generator wrote; "
        "restore the manifest from git"))


def test_docs_may_not_be_the_seeds_folder(seeds, capsys):
    before = snapshot(seeds)
    status, _, err = run(capsys, seeds, seeds)
    assert (status, err.splitlines()) == (2, [
        f"error: {seeds}: the same folder as the seeds; the pages go into a folder of their "
        "own (--docs), apart from the articles (--seeds)"])
    assert snapshot(seeds) == before


def test_symbolic_link_out_of_docs_is_refused(seeds, docs, tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    docs.mkdir()
    (docs / "topics").symlink_to(outside, target_is_directory=True)
    status, _, err = run(capsys, seeds, docs)
    assert status == 2 and len(err.splitlines()) == 1
    assert "symbolic link leads outside" in err
    assert list(outside.iterdir()) == []


# ---- --check ----------------------------------------------------------------------------------


def test_check_names_out_of_date_files_and_writes_nothing(seeds, docs, capsys):
    assert run(capsys, seeds, docs)[0] == 0
    drop_alliance_topic(seeds)
    before = snapshot(docs)
    status, out, err = run(capsys, seeds, docs, "--check")
    assert status == 1
    lines = out.splitlines()
    assert f"no longer generated: {docs}/topics/alliance.md" in lines
    assert f"out of date: {docs}/index.md" in lines
    assert all(line.startswith(("out of date: ", "no longer generated: ")) for line in lines)
    assert snapshot(docs) == before


def test_check_on_an_empty_docs_names_every_page(seeds, docs, capsys):
    status, out, _ = run(capsys, seeds, docs, "--check")
    assert status == 1
    assert sorted(out.splitlines()) == sorted(f"out of date: {docs}/{p}" for p in GENERATED)
    assert snapshot(docs) == {}  # --check made the folder and nothing in it


def test_check_passes_when_up_to_date(seeds, docs, capsys):
    write_hand_written(docs)
    assert run(capsys, seeds, docs)[0] == 0
    assert run(capsys, seeds, docs, "--check") == (0, "", "")


def test_check_refuses_what_a_build_would_refuse(seeds, docs, capsys):
    page = docs / "glossary.md"
    page.parent.mkdir()
    page.write_text("Hand-written glossary.\n", "utf-8")
    status, _, err = run(capsys, seeds, docs, "--check")
    assert status == 2 and len(err.splitlines()) == 1
    assert page.read_text("utf-8") == "Hand-written glossary.\n"


# ---- writing only what changed ----------------------------------------------------------------


def test_unchanged_files_are_not_rewritten(seeds, docs, capsys):
    assert run(capsys, seeds, docs)[0] == 0
    stats = {path: (path.stat().st_mtime_ns, path.stat().st_ino) for path in docs.rglob("*")}
    status, out, _ = run(capsys, seeds, docs)
    assert status == 0
    assert out.startswith("0 file(s) written, 0 removed, 9 unchanged")
    assert {path: (path.stat().st_mtime_ns, path.stat().st_ino) for path in docs.rglob("*")} == stats


def test_only_changed_files_are_rewritten(seeds, docs, capsys):
    assert run(capsys, seeds, docs)[0] == 0
    glossary = docs / "glossary.md"
    index = docs / "index.md"
    before = {p: p.stat().st_ino for p in (glossary, index)}
    explainer = seeds / "explainer.yml"
    explainer.write_text(explainer.read_text("utf-8").replace("A small explainer", "A new title"),
                         "utf-8")
    status, out, _ = run(capsys, seeds, docs)
    # Only the home page, the export and the feed show the explainer's title.
    assert status == 0 and out.startswith("3 file(s) written, 0 removed, 6 unchanged")
    assert glossary.stat().st_ino == before[glossary]
    assert index.stat().st_ino != before[index]


def test_no_temporary_files_are_left(seeds, docs, capsys):
    assert run(capsys, seeds, docs)[0] == 0
    assert not [p for p in docs.rglob("*") if p.name.startswith(".tmp-")]


def test_written_files_are_readable_by_others(seeds, docs, capsys):
    old = os.umask(0o022)
    try:
        assert run(capsys, seeds, docs)[0] == 0
    finally:
        os.umask(old)
    assert (docs / "index.md").stat().st_mode & 0o777 == 0o644


# ---- safe_relative ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["../x", "/abs", "a\\b", "c:x", "C:/x", "topics/../../x", "",
                                  "./x", "a//b", "x/", "a\0b"])
def test_safe_relative_refuses_paths_that_leave_docs(path):
    with pytest.raises(WriteError, match="generated paths must stay inside docs/"):
        safe_relative(path)


@pytest.mark.parametrize("path", ["index.md", "topics/purchase.md", "explainer.json"])
def test_safe_relative_accepts_plain_relative_paths(path):
    assert safe_relative(path).as_posix() == path


# ---- a folder that refuses the write ----------------------------------------------------------


def refuse_writes_in(folder: Path, monkeypatch) -> None:
    """Make `folder` refuse new files: read-only for an ordinary user; as root, whom permissions
    don't stop, by making the system calls fail as a read-only folder makes them fail."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return
    import tempfile
    real_mkstemp, real_mkdir = tempfile.mkstemp, Path.mkdir

    def mkstemp(*args, dir=None, **kwargs):
        if Path(dir) == folder:
            raise PermissionError(13, "Permission denied", f"{dir}/.tmp-x.part")
        return real_mkstemp(*args, dir=dir, **kwargs)

    def mkdir(self, *args, **kwargs):
        if self.parent == folder and not self.exists():
            raise PermissionError(13, "Permission denied", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(Path, "mkdir", mkdir)


def test_read_only_docs_names_the_page_and_the_folder(seeds, docs, capsys, monkeypatch):
    assert run(capsys, seeds, docs)[0] == 0
    explainer = seeds / "explainer.yml"
    explainer.write_text(explainer.read_text("utf-8").replace("A small explainer", "A new title"),
                         "utf-8")
    before = snapshot(docs)
    refuse_writes_in(docs, monkeypatch)
    try:
        status, _, err = run(capsys, seeds, docs)
    finally:
        docs.chmod(0o755)
    assert (status, err.splitlines()) == (2, [
        f"error: {docs}/explainer.json: can't write this file into {docs}: Permission denied"])
    assert ".tmp-" not in err
    assert snapshot(docs) == before


def test_read_only_subfolder_names_the_page_and_the_folder(seeds, docs, capsys, monkeypatch):
    docs.mkdir()
    refuse_writes_in(docs, monkeypatch)
    try:
        status, _, err = run(capsys, seeds, docs)
    finally:
        docs.chmod(0o755)
    assert status == 2
    assert err.splitlines() == [
        f"error: {docs}/articles/small-article.md: can't write this file into {docs}: "
        "Permission denied"]
    assert snapshot(docs) == {}


def test_symbolic_link_as_docs_writes_into_its_target(seeds, tmp_path, capsys):
    """docs/ may itself be a link (to a folder the user chose): the pages land in its target,
    and nothing outside it."""
    target = tmp_path / "elsewhere"
    target.mkdir()
    docs = tmp_path / "docs"
    docs.symlink_to(target, target_is_directory=True)
    assert run(capsys, seeds, docs)[0] == 0
    assert set(snapshot(target)) >= GENERATED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "elsewhere", "seeds"]
