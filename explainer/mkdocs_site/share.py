"""Share images: one 1200×630 PNG per page, for the Open Graph / Twitter cards of shared links.

Made locally with Pillow's built-in font (no download, no system fonts), so the build stays
offline. The bytes depend only on the text and the Pillow version: the same page always gets
the same image, and `mkdocs serve` sees no change when nothing changed.

    share_cards({"topics/syria.md": markdown, ...}, site_name)
        → {"assets/share/topics/syria.png": (title, subtitle, site_name), ...}
    share_image(title, subtitle, site_name) → PNG bytes

The MkDocs plugin keeps the images it drew in the build cache (explainer/mkdocs_site/cache.py).
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import unicodedata
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeAlias

import yaml

from ..memo import per_content, per_process

if TYPE_CHECKING:
    from PIL import ImageFont

    Font: TypeAlias = ImageFont.FreeTypeFont | ImageFont.ImageFont  # what load_default gives

WIDTH, HEIGHT = 1200, 630
FOLDER = "assets/share"
SITE_IMAGE = f"{FOLDER}/site.png"  # for pages without their own, such as 404.html
MARGIN = 80
BACKGROUND = (48, 63, 159)  # Material's indigo 700: white text on it is 9:1
FOREGROUND = (255, 255, 255)
ACCENT = (140, 158, 255)  # indigo A200, the bar under the site name

# The image is drawn in one 8-bit channel and saved with a palette: a third of the bytes to
# compress, which makes the build's PNG encoding three times faster and the files half the
# size. Values 0-254 blend BACKGROUND into FOREGROUND (antialiased text lands in between);
# 255 is the ACCENT bar.
TEXT, BAR = 254, 255
MUTED = round(TEXT * 0.72)  # secondary text: about indigo 100 (197, 201, 228), 5.5:1
PALETTE = [round(b + (f - b) * level / TEXT) for level in range(TEXT + 1)
           for b, f in zip(BACKGROUND, FOREGROUND)] + list(ACCENT)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where installed
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
# More text than an image shows at any size (three title lines, about eight of the subtitle, a
# few dozen characters each): the rest never reaches the layout.
SHOWN_LIMIT = 2000


def image_path(page: str) -> str:
    """`topics/syria.md` → `assets/share/topics/syria.png` (the template derives the same)."""
    return f"{FOLDER}/{posixpath.splitext(page)[0]}.png"


def front_matter(markdown: str) -> dict[str, object]:
    """A page's YAML front matter (empty when it has none or it isn't a mapping)."""
    match = FRONT_MATTER.match(markdown)
    return dict(parsed_front_matter(match.group(1))) if match else {}


@per_content(maxsize=8192)  # under `mkdocs serve` a save changes few pages' front matter
def parsed_front_matter(text: str) -> MappingProxyType[str, object]:
    data = yaml.load(text, Loader=SAFE_LOADER)
    return MappingProxyType(data if isinstance(data, dict) else {})


def share_cards(pages: dict[str, str], site_name: str, site_description: str = ""
                ) -> dict[str, tuple[str, str, str]]:
    """Page path → Markdown with front matter, in; image path → the text of its image, out
    (title, subtitle, site name), plus site.png for the site as a whole."""
    cards = {SITE_IMAGE: (site_name, site_description, "")}
    for page, markdown in sorted(pages.items()):
        meta = front_matter(markdown)
        # Front matter holds HTML text (explainer/escape.py: front_matter); the image, plain text.
        title = html.unescape(str(meta.get("title") or site_name))
        description = html.unescape(str(meta.get("description") or ""))
        # The home page's title is usually the site's name: say it once.
        cards[image_path(page)] = (title, description, "" if title == site_name else site_name)
    return cards


@per_process(maxsize=256)  # `mkdocs serve` rebuilds: redraw only what changed
def share_image(title: str, subtitle: str, site_name: str) -> bytes:
    """A 1200×630 PNG: the site name, the page title, and as much of the subtitle as fits."""
    from PIL import Image, ImageDraw  # here: a build whose images are all cached never needs it

    image = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(image)
    width = WIDTH - 2 * MARGIN
    y = MARGIN - 10
    if site_name:
        small = font(32)
        for line in wrap(plain(site_name), small, width, 1):
            draw.text((MARGIN, y), line, font=small, fill=MUTED)
            y += 44
        draw.rectangle((MARGIN, y + 8, MARGIN + 120, y + 14), fill=BAR)
        y += 50
    size, lines = fit_title(plain(title), width)
    big = font(size)
    for line in lines:
        draw.text((MARGIN, y), line, font=big, fill=TEXT)
        y += round(size * 1.2)
    body = font(34)
    room = max(0, (HEIGHT - MARGIN + 10 - (y + 24)) // 46)
    y += 24
    for line in wrap(plain(subtitle), body, width, room):
        draw.text((MARGIN, y), line, font=body, fill=MUTED)
        y += 46
    paletted = Image.frombytes("P", image.size, image.tobytes())
    paletted.putpalette(PALETTE)
    output = io.BytesIO()
    paletted.save(output, format="PNG")  # no metadata chunks: the same text gives the same bytes
    return output.getvalue()


@per_process(maxsize=None)
def font(size: int) -> Font:
    from PIL import ImageFont

    return ImageFont.load_default(size=size)


def fit_title(title: str, width: int) -> tuple[int, list[str]]:
    """The largest size (72 down to 44) at which the title fits in three lines."""
    for size in (72, 64, 56, 50, 44):
        lines = wrap(title, font(size), width, 3)
        if not lines or not lines[-1].endswith("…"):
            return size, lines
    return 44, lines


# Curly quotes, dashes and a no-break space → their plain forms, character for character.
PLAIN_TYPOGRAPHY = str.maketrans("“”‘’–—\u00a0", "\"\"''-- ")


def plain(text: str) -> str:
    """Typographic characters the built-in font lacks, made plain; other text kept as is, up to
    what an image can show at all."""
    text = text[:SHOWN_LIMIT].translate(PLAIN_TYPOGRAPHY)
    return " ".join(unicodedata.normalize("NFC", text).split())


def wrap(text: str, font: Font, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap to `width` pixels; the last line ends with "…" when text is cut.

    A word wider than the line is cut to the longest start that fits before "…", found with a
    few dozen measurements, so the work grows with the text (which `plain` bounds) no faster
    than linearly, however long a word is."""
    lines: list[str] = []
    words = text.split()[::-1]  # the next word last: taken with pop(), not pop(0)
    while words and len(lines) < max_lines:
        line = words.pop()
        while words and font.getlength(f"{line} {words[-1]}") <= width:
            line += " " + words.pop()
        if font.getlength(line) > width:  # one very long word
            line = line[:fitting_start(line, font, width, "…")] + "…"
        lines.append(line)
    if words and lines:
        last = lines[-1]
        while " " in last and font.getlength(last + " …") > width:
            last = last.rsplit(" ", 1)[0]
        if font.getlength(last + " …") > width:  # one word, cut: room for " …" too
            last = last[:fitting_start(last, font, width, " …")]
        lines[-1] = last.rstrip(" ,;:") + " …"
    return lines


def fitting_start(text: str, font: Font, width: int, end: str = "") -> int:
    """How many characters of `text` fit in `width` pixels followed by `end`.

    Measured a few dozen times, on starts at most twice as long as the answer: the start
    doubles until it no longer fits, then a binary search between the last two lengths (text
    grows wider as it grows longer). Cutting one character at a time measured the whole word
    once per character: a 5,000-character word cost over a minute."""
    def fits(length: int) -> bool:
        return font.getlength(text[:length] + end) <= width

    fitting, trying = 0, 1  # fits(0) is taken as true: the end alone always fits
    while True:
        trying = min(trying, len(text))
        if not fits(trying):
            break
        fitting = trying
        if fitting == len(text):
            return fitting
        trying *= 2
    while trying - fitting > 1:
        middle = (fitting + trying) // 2
        if fits(middle):
            fitting = middle
        else:
            trying = middle
    return fitting
