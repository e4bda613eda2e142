"""The one rule for characters (explainer/characters.py), checked against the standards it
stands for: every code point is tried once."""

from __future__ import annotations

import pytest
import yaml

from explainer.characters import (
    UNFIT,
    describe_unfit,
    refuse_unfit_characters,
    refuse_unfit_value,
    replace_unfit,
)
from explainer.errors import InputError
from explainer.read.data import refuse_unfit_scalars
from explainer.read.seedfiles import shown


def by_the_standards(code: int) -> bool:
    """Unfit as the standards say, written apart from the code under test: outside XML 1.0's
    Char or YAML's printable set, a Unicode noncharacter, or a control but tab and line feed."""
    xml = code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD \
        or 0x10000 <= code <= 0x10FFFF
    noncharacter = 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE
    control = (code < 0x20 and code not in (0x9, 0xA)) or 0x7F <= code <= 0x9F
    return not xml or noncharacter or control


def test_every_code_point_is_judged_as_the_standards_say():
    wrong = [f"U+{code:04X}" for code in range(0x110000)
             if bool(UNFIT.fullmatch(chr(code))) != by_the_standards(code)]
    assert wrong == []


@pytest.mark.parametrize(("character", "kind"), [
    ("\x00", "control character U+0000"), ("\x85", "control character U+0085"),
    ("\ufdd0", "noncharacter U+FDD0"), ("\uffff", "noncharacter U+FFFF"),
    ("\U0010fffe", "noncharacter U+10FFFE"), ("\ud83d", "unpaired surrogate U+D83D"),
])
def test_each_kind_is_named(character, kind):
    assert describe_unfit(character).startswith(f"{kind} can't be shown on a page; ")


def test_raw_text_is_refused_at_its_line_and_column():
    with pytest.raises(InputError) as raised:
        refuse_unfit_characters("Title\n\nA \U0001fffe B", "seeds/a.txt")
    assert str(raised.value) == ("seeds/a.txt:3:3: noncharacter U+1FFFE can't be shown on a "
                                 "page; remove it")


def test_a_parsed_value_is_refused_with_its_key():
    with pytest.raises(InputError) as raised:
        refuse_unfit_value("Voice \ufffe", "seeds/a.meta.yml:2", "outlet")
    assert str(raised.value) == ("seeds/a.meta.yml:2: outlet: noncharacter U+FFFE can't be "
                                 "shown on a page; remove it")


def test_a_surrogate_from_pure_python_yaml_is_refused_with_its_key_path():
    """libyaml refuses "\\uD83D" itself; PyYAML's own reader passes it on, and the rule holds."""
    node = yaml.compose('terms:\n  - term: "S\\uD83D"\n', Loader=yaml.SafeLoader)
    with pytest.raises(InputError) as raised:
        refuse_unfit_scalars(node, "seeds/glossary.yml")
    assert str(raised.value).startswith("seeds/glossary.yml:2: terms[0].term: unpaired "
                                        "surrogate U+D83D can't be shown on a page; ")


def test_output_defence_and_error_lines_never_carry_one():
    assert replace_unfit("a\ufffe\x00\ud800b\tc\n") == "a\ufffd\ufffd\ufffdb\tc\n"
    assert shown("key\ufffe\ud800") == "key\\ufffe\\ud800"
