"""Reading articles: plain text and Markdown seeds become a title and paragraphs with lines."""

from explainer.load import load_article


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


def test_markdown_article_without_heading_takes_first_block_as_title(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("Plain first line\n\nBody.\n", "utf-8")
    article = load_article(path)
    assert article.title == "Plain first line"
    assert [p.text for p in article.paragraphs] == ["Body."]
