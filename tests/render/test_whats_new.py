"""What's new: when a follow-up arrives, the home page and each topic page say what it added
("New on <date>: ...") in words, after the topic's answer, and mark its sentences "New" until
the next follow-up."""

from __future__ import annotations

import html
import re
import shutil

import pytest

from explainer.pipeline import generate
from page_html import page_html
from project_tools import ROOT, TURKEY

FOLLOWUPS = ROOT / "tests" / "fixtures" / "followups"
SEED = "turkey-s400-f35"
MARKED = re.compile(r'<span class="new-marker">New</span> <span class="sentence" id="([^"]+)">')
NEW_ANY = re.compile(r'<span class="new-marker">New</span> <span class="sentence')
SENTENCE = re.compile(r'<span class="sentence" id="([^"]+)">')
WHATS_NEW = re.compile(r'<aside class="whats-new" aria-label="What\'s new">(.*?)</aside>', re.S)


def add(seeds, slug: str, published: str) -> None:
    if slug != SEED:
        shutil.copy2(FOLLOWUPS / f"{slug}.txt", seeds / f"{slug}.txt")
    (seeds / f"{slug}.meta.yml").write_text(f'published: "{published}"\n', "utf-8")


def topic_pages(files: dict[str, str]) -> dict[str, str]:
    return {path: page_html(text) for path, text in files.items() if path.startswith("topics/")}


@pytest.fixture(scope="module")
def stages(tmp_path_factory) -> list[dict[str, str]]:
    """The generated files after each arrival: the seed alone, + one follow-up, + another."""
    seeds = shutil.copytree(TURKEY, tmp_path_factory.mktemp("new") / "seeds")
    result = []
    for slug, published in ((SEED, "2023-06-01"), ("followup-alliance", "2024-02-01"),
                            ("followup-programme", "2024-05-01")):
        add(seeds, slug, published)
        result.append(generate(seeds, ROOT / "templates")[1])
    return result


def test_a_single_article_has_nothing_new(stages):
    for path, page in topic_pages(stages[0]).items():
        assert not MARKED.findall(page), path
        assert "whats-new" not in page, path
    assert "whats-new" not in page_html(stages[0]["index.md"])


@pytest.mark.parametrize("stage, new, old", [(1, "followup-alliance", SEED),
                                             (2, "followup-programme", "followup-alliance")])
def test_markers_sit_on_the_newest_follow_up_only(stages, stage, new, old):
    marked_anywhere = []
    for path, page in topic_pages(stages[stage]).items():
        marked = MARKED.findall(page)
        assert all(anchor.startswith(new + "-") for anchor in marked), (path, marked)
        expected = [a for a in SENTENCE.findall(page) if a.startswith(new + "-")]
        assert marked == expected, f"{path}: every sentence of {new} is marked, no other"
        marked_anywhere += marked
        [block] = WHATS_NEW.findall(page)
        said = html.unescape(re.sub(r"<[^>]+>", "", block))
        assert not re.search(r"paragraph \d+, sentence \d+", said), "in words, not positions"
        lead = re.search(r'<a class="source-link" href="([^"]+)">', block)
        if lead:  # the newest article's best answer, linked to its place
            assert lead.group(1).startswith(f"#{new}-") or f"articles/{new}/" in lead.group(1)
        else:  # no claim that it says nothing on the question: only what it adds here
            assert re.search(r"its answer is (?:in every point|the (?:\w+, )*\w+(?: and \w+)? "
                             r"points?) above", said) \
                or re.search(r"adds (?:nothing on this topic|\d+ sentences? below)", said), path
        count = len(NEW_ANY.findall(page))  # with the context a new sentence needs
        if count:
            assert f"({count} new sentence{'s' if count > 1 else ''} below" in said \
                or f"adds {count} sentence{'s' if count > 1 else ''} below" in said, path
        if 'id="in-short"' in page:  # never between the question and its answer
            assert page.index('id="in-short"') < page.index('class="whats-new"'), path
    assert marked_anywhere, f"{new} added sentences to no topic"
    assert not any(a.startswith(old + "-") for a in marked_anywhere)


def test_home_says_when_and_what_the_newest_follow_up_added(stages):
    home = page_html(stages[2]["index.md"])
    [block] = WHATS_NEW.findall(home)
    text = html.unescape(re.sub(r"<[^>]+>", "", block)).strip()
    assert text.startswith("New on 1 May 2024:"), text
    assert "Out of the Cockpit" in text  # the follow-up's title
    targets = re.findall(r'href="(topics/[^"#]+/)#([^"]+)">(\d+) on ', block)
    assert targets, "the block links to the new sentences on their topic pages"
    topics = topic_pages(stages[2])
    for url, anchor, count in targets:
        page = topics["topics/" + url.split("/")[1] + ".md"]
        assert f'<span class="new-marker">New</span> <span class="sentence" id="{anchor}">' in page
        # the count the home page gives is the one the topic page marks
        assert len(NEW_ANY.findall(page)) == int(count), url
    # ... and the total is the sentences the topic pages mark, each counted once
    marked = {text for page in topics.values()  # a context sentence has no id: by its text
              for text in re.findall(r'<span class="new-marker">New</span> <span class="sentence'
                                     r'(?: sentence--context)?"(?: id="[^"]+")?>([^<]*)', page)}
    total = re.search(r"adds (\d+) sentences? to the topics", text)
    assert total and int(total.group(1)) == len(marked), (total, len(marked))
    assert "Last updated 1 May 2024" in home
    # an editor's: a title opening "The" is set in lowercase inside the sentence
    assert not re.search(r"\d+ on (?:The|A|An) ", text), text


def test_a_topic_title_in_running_text_opens_in_lowercase():
    from explainer.render.views import in_running_text

    assert in_running_text("The S-400 purchase") == "the S-400 purchase"
    assert in_running_text("Theft at the port") == "Theft at the port"
    assert in_running_text("NATO cohesion") == "NATO cohesion"


def test_marker_is_visible_text_for_every_reader(stages):
    """The marker is a word, not a colour or an icon: screen readers read it, print shows it."""
    page = topic_pages(stages[1])["topics/s-400-purchase.md"]
    assert MARKED.search(page)
    css = (ROOT / "explainer/mkdocs_site/theme/assets/stylesheets/explainer.css").read_text("utf-8")
    rule = css.split(".md-typeset .new-marker {", 1)[1].split("}", 1)[0]
    assert "display: none" not in rule and "visibility" not in rule



def with_a_follow_up(seeds, tmp_path):
    """The story built with a follow-up (the Turkey seed gets its first), and its newest
    articles' slugs."""
    from explainer.pipeline import build_explainer
    from explainer.understand.queries import newest_articles

    story = shutil.copytree(seeds, tmp_path / "seeds")
    if seeds == TURKEY:
        for slug, published in ((SEED, "2023-06-01"), ("followup-alliance", "2024-02-01")):
            add(story, slug, published)
    explainer = build_explainer(story)
    return explainer, {a.slug for a in newest_articles(explainer)}


@pytest.mark.parametrize("seeds", [TURKEY, ROOT / "tests" / "golden" / "seeds"],
                         ids=["turkey", "golden"])
def test_a_topics_news_is_not_a_point_the_box_already_makes(tmp_path, seeds):
    """The block says what the follow-up adds: an answer the box above doesn't already show,
    unless the box shows every answer the follow-up holds."""
    from explainer.render.views import whats_new
    from explainer.understand.answers import FLOOR, answer_points, ranked_answers

    explainer, newest = with_a_follow_up(seeds, tmp_path)
    told = 0
    for topic in explainer.story.topics:
        block = whats_new(explainer, "topics/x.md", topic)
        if block is None or block.lead is None:
            continue
        boxed = {p.text for p in answer_points(explainer, topic)}
        fresh = {c.text for c in ranked_answers(explainer, topic)
                 if c.article.slug in newest and c.score >= FLOOR}
        assert block.lead.text not in boxed or fresh <= boxed, (topic.slug, block.lead.text)
        told += block.lead.text not in boxed
    # (the golden story's follow-up: every answer good enough for a box is in it)
    assert told or seeds != TURKEY


def fares_story(tmp_path, topic_extra: str, articles: list[tuple[str, str, str]]):
    """A seeds folder of a fares story: one topic ("Why are fares going up?", with
    `topic_extra` lines), and each article (slug, published, body; its slug its title)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "explainer.yml").write_text("title: Fares\nsummary: Bus fares are going up.\n",
                                         "utf-8")
    (seeds / "topics.yml").write_text(
        "topics:\n  - slug: fares\n    title: Fares\n    question: Why are fares going up?\n"
        "    signals: [fare, fares]\n" + topic_extra, "utf-8")
    for slug, published, body in articles:
        (seeds / f"{slug}.txt").write_text(f"{slug}\n\n{body}\n", "utf-8")
        (seeds / f"{slug}.meta.yml").write_text(f'published: "{published}"\n', "utf-8")
    return seeds


def test_a_topics_news_names_in_full_whom_an_earlier_article_did(tmp_path):
    """A follow-up that names someone by surname alone ("Quill said …"): its news on the topic
    page gives her name in full, as the box's points do: the earlier article did."""
    from explainer.pipeline import build_explainer
    from explainer.render.views import whats_new

    # the box's point is the editor's: the news is no point of it
    seeds = fares_story(tmp_path, "    key_points:\n      - text: The buses lose money.\n"
                                  "        cites: [fares-proposed#p1s1]\n", [
        ("fares-proposed", "2026-01-05", "Mayor Dana Quill proposed a fare rise on Monday "
         "because the buses lose money.\n\nRiders said the fares were already too high."),
        ("fares-passed", "2026-02-03", "The council met on Tuesday and voted.\n\nQuill said "
         "the fares had to rise because fuel costs had doubled.")])
    explainer = build_explainer(seeds)
    block = whats_new(explainer, "topics/fares.md", explainer.story.topics[0])
    assert block is not None and block.lead is not None
    assert "Quill" in block.lead.text and "[Dana] Quill" in block.lead.text, block.lead.text


def test_a_topics_news_already_in_its_box_is_not_said_twice(tmp_path):
    """Where the newest article's answers are points of In short already, the block says so
    rather than print one of them a second time under the box."""
    from explainer.pipeline import build_explainer
    from explainer.render.views import answer_points, whats_new

    seeds = fares_story(tmp_path, "", [
        ("fares-proposed", "2026-01-05", "The mayor proposed a fare rise on Monday."),
        ("fares-passed", "2026-02-03", "Fares will rise because fuel costs had doubled.")])
    explainer = build_explainer(seeds)
    topic = explainer.story.topics[0]
    assert any("fuel costs" in p.text for p in answer_points(explainer, topic))
    block = whats_new(explainer, "topics/fares.md", topic)
    assert block is not None and block.lead is None
    # which point, in words (a newcomer's: "among the points above" left them to guess)
    number = next(n for n, p in enumerate(answer_points(explainer, topic)) if "fuel costs" in p.text)
    assert block.in_box == f"the {('first', 'second', 'third')[number]} point"


def test_a_topics_news_is_only_a_sentence_good_enough_for_the_box(tmp_path):
    """A follow-up whose sentences on the topic answer the question far worse than the box's
    points (an introduction, a passing word) has no news on the question: the block says so
    rather than quote the best of them."""
    from explainer.pipeline import build_explainer
    from explainer.render.views import answer_points, whats_new
    from explainer.understand.answers import ANSWERING, RELATIVE, ranked_answers

    seeds = fares_story(tmp_path, "", [
        ("fares-proposed", "2026-01-05", "Fares will rise because fuel costs doubled and the "
         "state cut its grant, so the fare increase pays for the deficit."),
        ("fares-passed", "2026-02-03", "Dana Quill chairs the fares committee.")])
    explainer = build_explainer(seeds)
    topic = explainer.story.topics[0]
    ranked = ranked_answers(explainer, topic)
    fresh = [c for c in ranked if c.article.slug == "fares-passed"]
    assert fresh and all(c.score < ranked[0].score * (ANSWERING if c.parts else RELATIVE)
                         for c in fresh), [(c.text, c.score) for c in ranked]
    assert not any("Quill" in p.text for p in answer_points(explainer, topic))
    block = whats_new(explainer, "topics/fares.md", topic)
    assert block is not None and block.lead is None and not block.in_box


@pytest.mark.parametrize("seeds", [TURKEY, ROOT / "tests" / "golden" / "seeds"],
                         ids=["turkey", "golden"])
def test_a_topics_news_is_read_in_place_on_its_own_page(tmp_path, seeds):
    """The block quotes one of the page's own new sentences where the follow-up answers the
    question in one ("Read it in place" reads it there), and the home page links each topic
    to the follow-up's best answer on it."""
    from explainer.render.views import whats_new
    from explainer.understand.answers import FLOOR, ranked_answers

    explainer, newest = with_a_follow_up(seeds, tmp_path)
    for topic in explainer.story.topics:
        block = whats_new(explainer, "topics/x.md", topic)
        on_page = [c for c in ranked_answers(explainer, topic) if c.article.slug in newest
                   and c.score >= FLOOR and topic.slug in c.sentence.topics]
        if block and block.lead and on_page:
            assert block.lead.href.startswith("#"), (topic.slug, block.lead.text)
    home = whats_new(explainer, "index.md")
    for topic in explainer.story.topics:
        link = next((link for link in home.links if link.title.endswith(f" on {topic.title}")),
                    None)
        best = next((c for c in ranked_answers(explainer, topic) if c.article.slug in newest
                     and c.parts and c.score >= FLOOR and topic.slug in c.sentence.topics), None)
        if link and best:
            assert link.href.endswith(f"#{best.article.slug}-{best.sentence.anchor}"), topic.slug
