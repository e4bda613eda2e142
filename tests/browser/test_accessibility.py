"""Accessibility of the built site: axe-core on every page in both colour schemes, contrast of
the explainer's own components, and keyboard-only reading."""

from __future__ import annotations

import json
import re
from pathlib import Path

import axe_playwright_python
import pytest
from playwright.sync_api import expect

from browser_tools import artifact_path

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"  # axe-core, bundled on PyPI
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme → Material's scheme


def axe_violations(page) -> list[dict]:
    # Mid-transition colours (search results fade in) are not what a reader ends up seeing.
    page.evaluate("""Promise.all(document.getAnimations()
        .filter(animation => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map(animation => animation.finished))""")
    page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return results["violations"]


def summary(violation: dict) -> str:
    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
    return f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])}×): {targets}"


@pytest.mark.parametrize("color_scheme", SCHEMES)
def test_axe_finds_no_violations_on_any_page(open_page, site_url, pages, color_scheme):
    """Every built page, as a reader whose system prefers `color_scheme` first sees it."""
    page = open_page(color_scheme=color_scheme)
    found = {}
    for path in pages:
        page.goto(site_url + path)
        assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[color_scheme]
        violations = axe_violations(page)
        if violations:
            found[path or "home"] = violations
    # Search open, with results: the dialog, result list and highlights.
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("S-400", delay=30)
    expect(page.locator("li.md-search-result__item mark").first).to_be_visible()
    if violations := axe_violations(page):
        found["home, searching for S-400"] = violations
    for path, violations in found.items():
        name = re.sub(r"[^\w.-]+", "_", path.strip("/")) or "home"
        artifact_path("axe", f"{color_scheme}-{name}.json").write_text(
            json.dumps(violations, indent=2), encoding="utf-8")
    assert not found, f"axe violations ({color_scheme}; details in test-artifacts/axe/):\n" + \
        "\n".join(f"  {path}: {summary(v)}" for path, vs in found.items() for v in vs)


# ---- contrast of our own components -----------------------------------------------------------
# axe checks every text node it can, but reports as "incomplete" (not as a violation) any text
# whose background it can't work out, such as the timeline's links next to its dots. This check
# computes the contrast of the explainer's own classes itself, blending translucent colours over
# the backgrounds behind them, in both schemes.

OUR_TEXT = ", ".join([
    ".topic-card__title", ".topic-card__question", ".topic-card__lead", ".topic-card__count",
    ".source-link", ".explainer-summary", ".explainer-updated", ".reading-time", ".topic-question",
    ".article-meta", ".paragraph-topics", ".paragraph-topics a", ".event-strip a",
    ".key-points li", ".group-byline", ".omission", ".passing-mentions li",
    ".event-strip time", ".timeline time", ".timeline-event__headline", ".timeline-event__links",
    ".timeline-event__links a", ".glossary dt", ".glossary__aliases", ".glossary__links a",
    "abbr.term", "a.term", ".sentence", ".article-paragraph:target p", ".md-copyright",
])

CONTRAST_JS = """selector => {
  const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const over = (top, bottom) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat(1); };
  const luminance = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const background = element => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] === 1) break; }
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const out = [];
  for (const element of document.querySelectorAll(selector)) {
    const style = getComputedStyle(element), box = element.getBoundingClientRect();
    if (!element.innerText.trim() || box.width === 0 || style.visibility === 'hidden') continue;
    const bg = background(element), fg = over(parse(style.color), bg);
    const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const needed = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    out.push({ text: element.innerText.trim().slice(0, 40), cls: element.className, ratio: (l1 + 0.05) / (l2 + 0.05), needed });
  }
  return out;
}"""


@pytest.mark.parametrize("color_scheme", SCHEMES)
def test_explainer_components_have_enough_contrast(open_page, site_url, topics, color_scheme):
    page = open_page(color_scheme=color_scheme)
    low, checked = [], 0
    for path in ["", topics[0], "timeline/", "glossary/", "articles/turkey-s400-f35/#p2"]:
        page.goto(site_url + path)
        for item in page.evaluate(CONTRAST_JS, OUR_TEXT):
            checked += 1
            if item["ratio"] < item["needed"]:
                low.append(f"{path or 'home'}: {item['cls']!r} {item['text']!r} "
                           f"{item['ratio']:.2f}:1 < {item['needed']}:1")
    assert checked > 50, f"only {checked} elements checked: did the class names change?"
    assert not low, f"text below WCAG AA contrast ({color_scheme}):\n  " + "\n  ".join(low)


# ---- keyboard ---------------------------------------------------------------------------------


def test_keyboard_alone_reaches_every_topic(page, site_url, topics):
    """From the home page, Tab (and nothing else) reaches a link to each topic; Enter opens it."""
    for path in topics:
        page.goto(site_url)
        target = site_url + path
        for _ in range(1, 200):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.href") == target:
                break
        else:
            pytest.fail(f"200 presses of Tab never reached a link to {path}")
        focused = page.locator(":focus")
        expect(focused).to_be_visible()
        expect(focused).to_be_in_viewport()
        page.keyboard.press("Enter")
        expect(page).to_have_url(target)
        expect(page.locator("article h1").first).to_be_visible()


def test_every_tab_stop_is_seen(page, site_url, topics):
    """Tab never lands on something the reader can't see (Material's empty search results box
    was a stop on every page), and the focus ring is at least 2 px."""
    page.goto(site_url + topics[0])
    for press in range(1, 40):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement;
            const box = e.getBoundingClientRect(), style = getComputedStyle(e);
            const next = e.nextElementSibling;  // Material rings the label after its radio
            const label = next && next.tagName === "LABEL" ? next
              : e.id && document.querySelector(`label[for="${e.id}"]`);
            return {what: e.tagName + "." + e.className, width: box.width, height: box.height,
                    label: label ? label.getBoundingClientRect().width : 0,
                    ring: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth)}; }""")
        # a visually hidden control (the colour toggle's radio) is seen through its label
        seen = (focused["width"] > 0 and focused["height"] > 0) or focused["label"] > 0
        assert seen, f"Tab {press} lands on an invisible {focused['what']}"
        if focused["what"].startswith("A."):
            assert focused["ring"] >= 2, f"Tab {press}: a {focused['ring']} px focus ring"
