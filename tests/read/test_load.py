"""Reading articles: plain text and Markdown seeds become a title and paragraphs with lines; the
seeds folder's file rules (issue 14); dates at any precision."""

import json
import os
import shutil
import time
from pathlib import Path

import pytest

import build
from explainer.errors import InputError
from explainer.mkdocs_site import cache
from explainer.read.load import load_article
from explainer.read.schema import DATA_FILES
from explainer.read.seedfiles import DATA_FILE_NAMES, read_limited, scan_seeds
from project_tools import ROOT, TESTS, copy_project, mkdocs_build


def test_plain_text_article_title_paragraphs_and_lines(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("The title\n\nFirst paragraph, first line\nsecond line.\n\n\nSecond one.\n",
                    "utf-8")
    article = load_article(path)
    assert article.title == "The title"
    assert [p.text for p in article.paragraphs] == [
        "First paragraph, first line\nsecond line.", "Second one."]
    assert [p.source.line for p in article.paragraphs] == [3, 7]
    assert article.source_file == f"{tmp_path.name}/story.txt"


def test_markdown_article_uses_heading_as_title_and_keeps_text_only(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(
        "# A *Markdown* title\n\n"
        "Text with **bold**, a [link](https://example.org) and <b>html</b>.\n\n"
        "## A subheading\n\n"
        "- a list item\n\n"
        "> a quote\n", "utf-8")
    article = load_article(path)
    assert article.title == "A Markdown title"
    assert [p.text for p in article.paragraphs] == [
        "Text with bold, a link and <b>html</b>.", "a list item", "a quote"]
    assert [p.source.line for p in article.paragraphs] == [3, 7, 9]
    [subheading] = article.furniture  # a heading is a subheading, not a paragraph
    assert (subheading.kind, subheading.text, subheading.before) == ("subheading", "A subheading", 2)


def test_a_markdown_deck_under_the_title_leaves_the_byline_and_dateline_above_the_story(
        tmp_path):
    path = tmp_path / "story.md"
    path.write_text(
        "# Q&A: What a stuck door on a weather satellite means\n\n"
        "## Engineers plan to rock the satellite on Friday\n\n"
        "By Marcus Hale, United Wire\nOctober 19, 2026\n\n"
        "WASHINGTON (UW) — Nearly two weeks after launch, the instrument still cannot see.\n\n"
        "The cover failed to open on Oct. 7.\n", "utf-8")
    article = load_article(path)
    assert [p.text for p in article.paragraphs] == [
        "Nearly two weeks after launch, the instrument still cannot see.",
        "The cover failed to open on Oct. 7."]
    kinds = [(f.kind, f.text, f.before) for f in article.furniture]
    assert ("byline", "By Marcus Hale, United Wire", 1) in kinds
    assert ("dateline", "WASHINGTON (UW) —", 1) in kinds
    # the date line under the byline dates the article, as a side file would (which wins)
    assert article.meta.published == "2026-10-19"
    (tmp_path / "story.meta.yml").write_text('published: "2026-10-18"\n', "utf-8")
    assert load_article(path).meta.published == "2026-10-18"


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_date_line_first_under_the_title_dates_the_article_and_is_no_sentence(tmp_path,
                                                                                  suffix):
    """A newcomer's: a report's "May 23, 2018" under its title, with no byline, was the first
    paragraph, the drafted summary and an event."""
    path = tmp_path / f"report{suffix}"
    path.write_text(f"{'# ' if suffix == '.md' else ''}DACA Rescission: Legal Issues\n\n"
                    "May 23, 2018\n\nThe administration said it would end the program. "
                    "Courts then ruled.\n\nA second paragraph follows.\n", "utf-8")
    article = load_article(path)
    assert article.meta.published == "2018-05-23"
    assert article.paragraphs[0].text.startswith("The administration said")
    assert [(f.kind, f.text) for f in article.furniture] == [("byline", "May 23, 2018")]


def test_a_letters_head_stands_above_it_and_its_date_dates_it(tmp_path):
    """An editor's: a department's letter pasted as text showed its letterhead, address block
    and "Dear Mr. Pappas:" as paragraphs, and its date line as a subheading, so it was
    undated. Its lines down to the salutation stand above the story."""
    path = tmp_path / "letter.txt"
    path.write_text("Response to the letter on jet sales\n\nUnited States Department of State\n"
                    "Washington, D.C. 20520\n\nDecember 15, 2025\n\nThe Honorable Chris Pappas\n"
                    "House of Representatives\n\nDear Mr. Pappas:\n\nThank you for your letter. "
                    "Our position has not changed.\n\nThe sale was notified in January.\n", "utf-8")
    article = load_article(path)
    assert article.meta.published == "2025-12-15"
    assert [p.text for p in article.paragraphs] == [
        "Thank you for your letter. Our position has not changed.",
        "The sale was notified in January."]
    assert [f.text for f in article.furniture] == [
        "United States Department of State", "Washington, D.C. 20520", "December 15, 2025",
        "The Honorable Chris Pappas", "House of Representatives", "Dear Mr. Pappas:"]
    # a story that quotes a letter's salutation further down keeps its paragraphs
    path.write_text("Mayor writes to council\n\nThe mayor wrote on Monday. The letter began:\n\n"
                    "Dear colleagues,\n\nWe must act.\n", "utf-8")
    assert load_article(path).paragraphs[0].text.startswith("The mayor wrote")


def test_markdown_article_without_heading_takes_first_block_as_title(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("Plain first line\n\nBody.\n", "utf-8")
    article = load_article(path)
    assert article.title == "Plain first line"
    assert [p.text for p in article.paragraphs] == ["Body."]


# ---- the seeds folder's file rules (issue 14) -------------------------------------------------


FIXTURE_SEEDS = TESTS / "cases" / "seeds"
TEMPLATES = ROOT / "templates"


@pytest.fixture
def seeds(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURE_SEEDS, tmp_path / "seeds"))


def test_the_light_file_rules_know_every_data_file():
    assert tuple(DATA_FILES) == DATA_FILE_NAMES


def test_reading_a_pipe_never_blocks(tmp_path):
    """Even a pipe handed straight to the reader (`--suggest` takes any path) can't block it."""
    os.mkfifo(tmp_path / "story.txt")
    started = time.perf_counter()
    with pytest.raises(InputError, match="a named pipe, not a file"):
        read_limited(tmp_path / "story.txt", 100, "an article")
    assert time.perf_counter() - started < 1


def test_a_device_is_read_no_further_than_the_limit():
    with pytest.raises(InputError, match="a device, not a file"):
        read_limited(Path("/dev/zero"), 100, "an article")


def test_suggest_refuses_a_link_out_of_the_seeds_folder(seeds, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret\n\nA private paragraph.\n", "utf-8")
    (seeds / "leak.txt").symlink_to(secret)
    with pytest.raises(InputError, match="outside the seeds folder"):
        load_article(seeds / "leak.txt")


def test_a_linked_seeds_folder_builds(seeds, tmp_path, capsys):
    """The folder itself may be a link; the rules apply to what is inside it."""
    (tmp_path / "story").symlink_to(seeds, target_is_directory=True)
    status = build.main(["--seeds", str(tmp_path / "story"), "--docs", str(tmp_path / "docs")])
    assert status == 0, capsys.readouterr().err
    assert (tmp_path / "docs" / "articles" / "small-article.md").exists()


def test_scan_names_roles_and_warnings(seeds):
    (seeds / "small-article.meta.yml").write_text('published: "2019"\n', "utf-8")
    (seeds / "notes.txt~").write_text("backup\n", "utf-8")
    listing = scan_seeds(seeds)
    assert [p.name for p in listing.articles] == ["small-article.txt"]
    assert listing.metas == {"small-article": seeds / "small-article.meta.yml"}
    assert sorted(listing.data) == sorted(DATA_FILE_NAMES)
    assert [str(w).rsplit("/", 1)[1] for w in listing.warnings] == [
        "notes.txt~: not an article (.txt, .md, .html, .text, .markdown, .htm) or a data file, so it is ignored"]


def test_missing_seeds_folder_is_one_line(tmp_path):
    with pytest.raises(InputError, match="no such folder"):
        scan_seeds(tmp_path / "nowhere")


# ---- the cache's fingerprint obeys the same rules ---------------------------------------------


def test_fingerprint_refuses_a_pipe_instead_of_hanging(seeds):
    (seeds / "glossary.yml").unlink()
    os.mkfifo(seeds / "glossary.yml")
    started = time.perf_counter()
    with pytest.raises(InputError, match="a named pipe, not a file"):
        cache.inputs_fingerprint(seeds, TEMPLATES)
    assert time.perf_counter() - started < 2


def test_fingerprint_refuses_a_link_out_of_the_folder(seeds):
    (seeds / "zero.txt").symlink_to("/dev/zero")
    with pytest.raises(InputError, match="outside the seeds folder"):
        cache.inputs_fingerprint(seeds, TEMPLATES)


def test_fingerprint_follows_what_the_build_reads_and_warns_about(seeds):
    first = cache.seeds_fingerprint(seeds)
    (seeds / ".hidden").write_text("not read, not named\n", "utf-8")
    assert cache.seeds_fingerprint(seeds) == first
    (seeds / "notes.docx").write_text("named in a warning\n", "utf-8")
    second = cache.seeds_fingerprint(seeds)
    assert second != first
    (seeds / "small-article.txt").write_text(
        (seeds / "small-article.txt").read_text("utf-8") + "\nOne more.\n", "utf-8")
    assert cache.seeds_fingerprint(seeds) != second


@pytest.mark.slow  # a real `mkdocs build` in a copy of the project: about 3 s
def test_mkdocs_build_with_a_pipe_in_seeds_fails_fast_with_one_line(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    os.mkfifo(project / "seeds" / "notes")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    started = time.perf_counter()
    result = mkdocs_build(project, tmp_path / "site")
    assert time.perf_counter() - started < 60
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "seeds/notes: a named pipe, not a file" in result.stderr


# ---- dates at the precision the editor knows them ---------------------------------------------


@pytest.mark.parametrize("published, shown", [("2024", "2024"), ("2024-07", "July 2024"),
                                              ("2024-07-05", "5 July 2024")])
def test_last_updated_shows_a_publication_date_of_any_precision(seeds, tmp_path, capsys,
                                                                 published, shown):
    (seeds / "small-article.meta.yml").write_text(f"published: {published}\n", "utf-8")
    docs = tmp_path / "docs"
    assert build.main(["--seeds", str(seeds), "--docs", str(docs)]) == 0, capsys.readouterr().err
    assert f"Last updated {shown}, from 1 article." in (docs / "index.md").read_text("utf-8")


def test_load_article_matches_the_suffix_without_regard_to_case(tmp_path):
    path = tmp_path / "story.MARKDOWN"
    path.write_text("# A title\n\nBody *text*.\n", "utf-8")
    article = load_article(path)
    assert (article.slug, article.title, [p.text for p in article.paragraphs]) == (
        "story", "A title", ["Body text."])


def test_articles_are_ordered_newest_first_whatever_the_precision(seeds, tmp_path, capsys):
    """A date known only to the year counts from its start: after a day later that year."""
    body = "\n\nTurkey bought the S-400 in 2017. NATO allies objected in 2019.\n"
    for slug, published in [("year-only", "2019"), ("month-only", "2019-03"),
                            ("full-date", "2019-07-12"), ("older", "2018-12-31")]:
        (seeds / f"{slug}.txt").write_text(f"{slug}{body}", "utf-8")
        (seeds / f"{slug}.meta.yml").write_text(f"published: {published}\n", "utf-8")
    docs = tmp_path / "docs"
    assert build.main(["--seeds", str(seeds), "--docs", str(docs)]) == 0, capsys.readouterr().err
    order = [a["slug"] for a in json.loads((docs / "explainer.json").read_text("utf-8"))["articles"]]
    assert order == ["full-date", "month-only", "year-only", "older", "small-article"]


def test_a_soft_hyphen_in_a_text_article_is_no_letter(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Fire\n\nThe evac\u00aduations went on all day.\n", "utf-8")
    assert load_article(path).paragraphs[0].text == "The evacuations went on all day."


def test_a_markdown_table_is_left_out_of_the_prose_with_a_note(tmp_path):
    path = tmp_path / "fire.md"
    path.write_text("# Fire grows\n\nThe fire grew on Friday.\n\n| | Thursday | Friday |\n"
                    "|---|---|---|\n| Acres burned | 2,100 | 3,400 |\n\nCrews held the line.\n",
                    "utf-8")
    article = load_article(path)
    assert [p.text for p in article.paragraphs] == ["The fire grew on Friday.",
                                                    "Crews held the line."]
    [table] = [f for f in article.furniture if f.kind == "table"]
    assert table.source.line == 5 and "Acres burned" in table.text


def test_a_wire_photos_caption_pasted_with_a_text_article_is_left_out_with_a_note(tmp_path):
    """A newcomer's: "FILE - US President Barack Obama meets …", pasted from VOA, was an "In
    short" point, two drafted events and a glossary term "FILE"."""
    from explainer.understand.audit import captions_left_out

    path = tmp_path / "dreamers.txt"
    path.write_text("Congress Mulls Options for Dreamers\n\nBy VOA News\n\nWASHINGTON — "
                    "Lawmakers weighed options on Friday. They met for hours.\n\nFILE - US "
                    "President Barack Obama meets with young immigrants, Feb. 4, 2015.\n\n"
                    "The talks go on next week.\n", "utf-8")
    article = load_article(path)
    assert [p.text for p in article.paragraphs] == [
        "Lawmakers weighed options on Friday. They met for hours.", "The talks go on next week."]
    assert ("dateline", "WASHINGTON —") in [(f.kind, f.text) for f in article.furniture]
    [note] = captions_left_out((article,))
    assert note.message.startswith("a photo's caption, left out") and "FILE - US" in note.message


def test_a_reports_footnotes_under_their_heading_are_left_out_with_one_note(tmp_path):
    """A newcomer's: a CRS sidebar's "## Footnotes" list was read as the story's text: "Tex.",
    ")." and "Ibid." were sentences, and a docket number's 1907 a drafted event."""
    from explainer.understand.audit import notes_left_out

    path = tmp_path / "daca.md"
    path.write_text("# DACA Rescission\n\nThe administration said it would end DACA.[1] Courts "
                    "then ruled.\n\n## The lawsuits\n\nSeveral courts blocked it.[2]\n\n"
                    "## Footnotes\n\n1. See 82 Fed. Reg. 1 (2017).\n2. NAACP v. Trump, No. "
                    "17-cv-1907 (D.D.C. April 24, 2018).\n", "utf-8")
    article = load_article(path)
    assert [p.text for p in article.paragraphs] == [
        "The administration said it would end DACA.[1] Courts then ruled.",
        "Several courts blocked it.[2]"]
    assert [f.kind for f in article.furniture].count("notes") == 3
    [note] = notes_left_out((article,))
    assert note.where.endswith("daca.md:9") and "'Footnotes' (2 more lines)" in note.message
