"""One rule for the characters text may hold, wherever it enters the build.

A character is unfit when XML 1.0 (the feed), YAML (every page's front matter) or a page can't
hold it:

- C0 and C1 control characters other than tab and line feed (a carriage return is a line
  ending: loaders normalise it before checking raw text);
- surrogates, U+D800 to U+DFFF: in a Python string every one is unpaired (a YAML escape such
  as "\\uD83D" makes one; UTF-8 can't);
- noncharacters: U+FDD0 to U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF,
  U+1FFFE, …, U+10FFFF).

Text is refused where it enters, before any stage sees it: `refuse_unfit_characters` for raw
text (naming line and column), `refuse_unfit_value` for a value that only exists after parsing
(a YAML escape, a Markdown or HTML character reference), naming where it stands. Output code
uses `replace_unfit` as a last defence, so no file the build writes is ever malformed.
"""

from __future__ import annotations

import re

from .errors import InputError

CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
SURROGATES = "\ud800-\udfff"
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane + 0xfffe) + chr(plane + 0xffff) for plane in range(0, 0x110000, 0x10000))
UNFIT = re.compile(f"[{CONTROLS}{SURROGATES}{NONCHARACTERS}]")


def describe_unfit(character: str) -> str:
    """What is wrong with an unfit character and what to do, for an error line."""
    code = ord(character)
    if 0xd800 <= code <= 0xdfff:
        return (f"unpaired surrogate U+{code:04X} can't be shown on a page; write the character "
                "itself (in YAML, a character beyond U+FFFF is escaped as \\U0001F600, not as "
                "two \\u halves)")
    kind = "noncharacter" if code >= 0xfdd0 else "control character"
    return f"{kind} U+{code:04X} can't be shown on a page; remove it"


def refuse_unfit_characters(text: str, where: str) -> None:
    """Raw text as it was read (line endings normalised): stop at the first unfit character,
    naming `where:line:column`.

    Every reader of text calls this on what it decoded, before parsing: articles (.txt, .md),
    side files and data files (explainer/read/). A new reader (saved web pages, say) calls it
    on the decoded source, then `refuse_unfit_value` on whatever its parser produced, since a
    character reference (`&#xFFFE;`) makes an unfit character only after parsing."""
    bad = UNFIT.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise InputError(f"{where}:{line}:{column}", describe_unfit(bad.group()))


def refuse_unfit_value(value: str, where: str, key: str = "") -> None:
    """A value that exists only after parsing (a YAML escape, a character reference): stop
    if it holds an unfit character, naming `where` (file and line) and the key, if any."""
    bad = UNFIT.search(value)
    if bad:
        raise InputError(where, (f"{key}: " if key else "") + describe_unfit(bad.group()))


def replace_unfit(text: str) -> str:
    """Unfit characters as U+FFFD: the output's defence, for text that was never refused."""
    return UNFIT.sub("\ufffd", text)
