"""Generate the explainer's pages from the command line.

    python build.py               write the generated pages into docs/
    python build.py --check       exit 1 if docs/ is out of date, writing nothing
    python build.py --suggest F   a head start on the editorial data for an article
    python build.py --warnings    every warning about the story (mkdocs serve shows new ones)

`mkdocs build` and `mkdocs serve` don't need it: the `explainer` plugin
(explainer/mkdocs_site/plugin.py)
generates the same pages in memory on every build. All logic lives in the `explainer`
package; this file parses arguments and maps errors to one line and an exit status.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jinja2 import TemplateError

from explainer.errors import ExplainerError, error_lines
from explainer.escape import is_web_address
from explainer.urls import is_placeholder_address

ROOT = Path(__file__).resolve().parent


# ---- command line -----------------------------------------------------------------------------


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Turn the articles and editorial data in a seeds folder into the Markdown "
        "pages of an explainer site.",
    )
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", metavar="DIR",
                        help="articles and editorial data (default: seeds/)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", metavar="DIR",
                        help="where the generated pages go (default: docs/)")
    parser.add_argument("--templates", type=Path, default=ROOT / "templates", metavar="DIR",
                        help="Jinja templates for the pages (default: templates/)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 and name the files if DIR is out of date")
    parser.add_argument("--strict", action="store_true",
                        help="treat every warning as an error, as `mkdocs build --strict` does "
                             "(before anything is written)")
    parser.add_argument("--site-url", default=None, metavar="URL",
                        help="the address the site is published at, for the feed and the "
                        "structured data (default: $SITE_URL, else site_url in mkdocs.yml)")
    parser.add_argument("--explain", nargs="?", const="", metavar="ARTICLE",
                        help="print, for each sentence (of one article, given its file), the "
                        "topics it is about and mentions, and why")
    parser.add_argument("--warnings", action="store_true",
                        help="print every warning about the story (mkdocs serve shows only "
                        "the new ones), write nothing")
    parser.add_argument("--draft", action="store_true",
                        help="draft the glossary, timeline and topics (and explainer.yml) the "
                        "editor's files lack into SEEDS/drafts/, touching no file the editor "
                        "wrote")
    parser.add_argument("--suggest", type=Path, metavar="ARTICLE",
                        help="print candidate glossary terms, dated mentions and unfiled "
                        "sentences for an article, to help start an explainer")
    return parser.parse_args(argv)


def run(arguments: argparse.Namespace) -> int:
    if arguments.draft:
        return run_draft(arguments)
    if arguments.suggest:
        from explainer.editor.suggest import suggest

        print(suggest(arguments.suggest, arguments.seeds), end="")
        return 0
    if arguments.explain is not None:
        return run_explain(arguments)
    if arguments.warnings:
        return run_warnings(arguments)
    for folder, option in ((arguments.docs, "--docs"), (arguments.templates, "--templates")):
        if folder.exists() and not folder.is_dir():
            raise ExplainerError(f"{folder}: not a folder; {option} names the folder of the "
                                 + ("generated pages" if option == "--docs" else "templates"))
    if not arguments.templates.is_dir():
        raise ExplainerError(f"{arguments.templates}: no such folder of templates (--templates)")
    if arguments.site_url and not is_web_address(arguments.site_url):
        raise ExplainerError(f"--site-url {arguments.site_url!r}: not a web address (write "
                             "the https:// address the site is published at)")
    overlap = folders_overlap(arguments.docs, arguments.seeds)
    if overlap:
        raise ExplainerError(f"{arguments.docs}: {overlap}; the pages go into a folder of "
                             "their own (--docs), apart from the articles (--seeds)")
    # The pipeline (half a second of imports) only now: a mistyped option is told at once.
    from explainer.editor.write import plan_write, write_tree
    from explainer.pipeline import generate

    site_url = arguments.site_url or default_site_url()
    explainer, files = generate(arguments.seeds, arguments.templates, arguments.strict, site_url)
    for warning in explainer.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if arguments.check:
        plan = plan_write(arguments.docs, files)
        for path in plan.changed:
            print(f"out of date: {arguments.docs / path}")
        for path in plan.stale:
            print(f"no longer generated: {arguments.docs / path}")
        return 1 if not plan.empty else 0
    arguments.docs.mkdir(parents=True, exist_ok=True)
    plan = write_tree(arguments.docs, files)
    print(f"{len(plan.changed)} file(s) written, {len(plan.stale)} removed, "
          f"{len(files) - len(plan.changed)} unchanged in {arguments.docs}")
    for path in plan.kept:
        print(f"note: {arguments.docs / path}: no longer generated, but changed since it was "
              "written: left in place (delete it if you don't need it)", file=sys.stderr)
    for note in explainer.notes:  # information, once the build has succeeded
        print(f"note: {note}", file=sys.stderr)
    if site_url and is_placeholder_address(site_url):
        print(f"note: site_url is {site_url}, a placeholder: before publishing, set it in "
              "mkdocs.yml (or SITE_URL) to the site's address; shared links, the feed and the "
              "sitemap use it", file=sys.stderr)
    return 0


def folders_overlap(docs: Path, seeds: Path) -> str:
    """Why the pages can't be written to `docs`, if it is the seeds folder, within it or
    around it: the next build would read the pages as articles."""
    docs, seeds = docs.resolve(), seeds.resolve()
    if docs == seeds:
        return "the same folder as the seeds"
    if docs.is_relative_to(seeds):
        return "inside the seeds folder"
    if seeds.is_relative_to(docs):
        return "holds the seeds folder"
    return ""


def default_site_url() -> str | None:
    """mkdocs.yml's `site_url` (SITE_URL, when set, overrides it there too)."""
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as stream:
        return yaml_load(stream).get("site_url")


def run_explain(arguments: argparse.Namespace) -> int:
    from explainer.editor.explain import explain
    from explainer.pipeline import build_explainer

    explainer = build_explainer(arguments.seeds)
    only = Path(arguments.explain).name.rsplit(".", 1)[0] if arguments.explain else None
    if only is not None and only not in {a.slug for a in explainer.articles}:
        raise ExplainerError(f"{arguments.explain}: no such article in {arguments.seeds}")
    print(explain(explainer, only), end="")
    return 0


def run_draft(arguments: argparse.Namespace) -> int:
    from explainer.editor.draft import draft_files, undated_mentions, write_drafts

    drafted = draft_files(arguments.seeds)
    written, removed = write_drafts(arguments.seeds, drafted)
    for line in draft_summary(arguments.seeds, drafted, written, removed):
        print(line)
    for line in undated_mentions(arguments.seeds):
        print(line)
    return 0


def draft_summary(seeds: Path, drafted: dict[str, str], written: list[str],
                  removed: list[str]) -> list[str]:
    from explainer.editor.draft import count_entries

    folder = seeds / "drafts"
    lines = [f"drafted {folder / name}: {count_entries(name, text)}"
             for name, text in drafted.items()]
    lines += [f"removed {folder / name}: nothing left to draft" for name in removed]
    if not drafted:
        lines.append("nothing to draft: the editor's files hold everything the articles name")
    else:
        lines.append(f"{len(written)} file(s) changed. Review them on the site (make serve: each "
                     "drafted entry is marked Draft), then move each entry into the file of the "
                     f"same name in {seeds}; `make build` (strict) refuses unreviewed drafts.")
    return lines


def run_warnings(arguments: argparse.Namespace) -> int:
    from explainer.pipeline import build_explainer

    warnings = build_explainer(arguments.seeds, arguments.strict).warnings
    for warning in warnings:
        print(f"warning: {warning}")
    print(f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}")
    return 0


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        return run(arguments)
    except (ExplainerError, OSError, TemplateError) as error:
        for line in error_lines(error):
            print(f"error: {line}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
