"""Stage 1, load (data): the editorial YAML files of a seeds folder, read once and validated,
each with the geometry of its keys (which line every key path stands on), so that later stages
can name a file, line and key without going back to disk.
"""

from __future__ import annotations

import difflib
import os
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from ..characters import UNFIT, refuse_unfit_characters, refuse_unfit_value
from ..errors import InputError
from ..memo import per_content
from ..model import SourceSpan
from ..urls import slug_of
from .schema import (
    DATA_FILES,
    DRAFT_FILES,
    PATTERN_HINTS,
    REQUIRED_DATA_FILES,
    SLUG_PATTERN,
    Strict,
)
from .seedfiles import (
    DATA_LIMIT,
    Listing,
    decode_utf8,
    display_path,
    read_limited,
    require_file,
    shown,
)

# The data files need four levels (events → an event → its topics); anything much deeper is a
# mistake, and a bound keeps every walk over the tree far from Python's recursion limit.
MAX_DEPTH = 16
NULLS = {"", "~", "null", "Null", "NULL"}  # plain scalars YAML reads as "nothing"
# Tags that only say what a value already is. Any other (!!binary, !!set, !!python/...) would
# make a value the schema doesn't expect, or worse.
PLAIN_TAGS = {"!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}

Key = str | int  # a part of a key path: a mapping's key or a list's index
S = TypeVar("S", bound=Strict)


# libyaml's parser when PyYAML has it: 20 times faster, which `mkdocs serve` feels on every save.
# (mypy checks against the pure-Python loader, a base it can see: the two share one interface.)
if TYPE_CHECKING:
    SafeLoader = yaml.SafeLoader
else:
    SafeLoader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


class DataLoader(SafeLoader):
    """PyYAML's safe loader, except that every plain value stays text for the schema to check.

    Every field of the data files is text, so YAML 1.1's guesses only hurt: an unquoted
    2019-02-30 would crash the date resolver, `0x7E3` would pass as the year 2019, `NO` (Norway)
    would become False. Only an empty value still means "none".
    """


DataLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}


def yaml_problem(where: str, error: yaml.YAMLError) -> InputError:
    """A PyYAML error as one line with the file, line and column."""
    if not isinstance(error, yaml.MarkedYAMLError):
        return InputError(where, f"YAML syntax: {' '.join(str(error).split())}")
    mark = error.problem_mark or error.context_mark
    line = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
    message = error.problem or error.context or ""
    # An unclosed bracket or quote is noticed lines later: name the line where it opened.
    opened = error.context_mark if error.problem and error.context else None
    if opened and mark and opened.line != mark.line:
        message += f" ({error.context} from line {opened.line + 1})"
    return InputError(f"{where}{line}", f"YAML syntax: {message}")


class KeyPath:
    """Where the YAML event stream is, as a key path (["events", 2, "topics"]), kept while
    the stream is read, so that a refusal can name the key as well as the line."""

    def __init__(self) -> None:
        self.frames: list[list[Any]] = []  # [is_mapping, key or index, expecting a key]

    def parts(self) -> list[Key]:
        return [frame[1] for frame in self.frames if not (frame[0] and frame[2])]

    def at_key(self) -> bool:
        return bool(self.frames) and self.frames[-1][0] and self.frames[-1][2]

    def scalar(self, value: str) -> None:
        if self.frames and self.frames[-1][0] and self.frames[-1][2]:
            self.frames[-1][1] = value
        self.node_done()

    def open(self, is_mapping: bool) -> None:
        if self.frames and self.frames[-1][0] and self.frames[-1][2]:
            self.frames[-1][1] = "?"  # a mapping or list used as a key
        self.frames.append([is_mapping, None if is_mapping else 0, True])

    def close(self) -> None:
        self.frames.pop()
        self.node_done()

    def node_done(self) -> None:
        if not self.frames:
            return
        frame = self.frames[-1]
        if frame[0]:
            frame[2] = not frame[2]
        else:
            frame[1] += 1


def check_events(text: str, where: str) -> None:
    """Read the YAML event stream once, refusing aliases, tags and nesting deeper than MAX_DEPTH.

    Aliases are what a "billion laughs" file and a list that contains itself are made of; the
    data files never need them. Checking the flat event stream, before any tree is built,
    keeps both from costing more than one pass over the text."""
    loader = DataLoader(text)
    path = KeyPath()
    try:
        while True:
            # types-PyYAML leaves Parser.get_event untyped; the isinstance checks below narrow it.
            event: yaml.Event = loader.get_event()  # type: ignore[no-untyped-call]
            if isinstance(event, yaml.StreamEndEvent):
                return
            mark = event.start_mark  # the parser marks every event; the stubs allow None
            at = f"{where}:{mark.line + 1}:{mark.column + 1}" if mark else where
            key = format_key_path(path.parts()) or "(top level)"
            if isinstance(event, yaml.AliasEvent):
                raise InputError(at, f"{key}: YAML alias *{event.anchor}: aliases aren't "
                                     "allowed in data files; write the value out in full")
            tag = getattr(event, "tag", None)
            if tag is not None and tag not in PLAIN_TAGS:
                shown = tag.replace("tag:yaml.org,2002:", "!!")
                raise InputError(at, f"{key}: YAML tag {shown}: tags aren't allowed in data "
                                     "files; write plain text")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(path.frames) >= MAX_DEPTH:
                    raise InputError(at, f"{key}: nested more than {MAX_DEPTH} levels deep; the "
                                         "data files need at most 4")
                path.open(isinstance(event, yaml.MappingStartEvent))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                path.close()
            elif isinstance(event, yaml.ScalarEvent):
                if path.at_key() and event.implicit[0] and event.value in NULLS:
                    raise InputError(at, f"{key}: a key with no name; write the key's name "
                                         "before the colon")
                path.scalar(event.value)
    except yaml.YAMLError as error:
        raise yaml_problem(where, error) from None
    finally:
        loader.dispose()


def parse_yaml(text: str, where: str) -> tuple[yaml.Node | None, object]:
    """YAML text → (node tree, data), every way it can fail as one InputError."""
    refuse_unfit_characters(text.replace("\r\n", "\n").replace("\r", "\n"), where)
    check_events(text, where)
    loader = DataLoader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    except yaml.YAMLError as error:
        raise yaml_problem(where, error) from None
    except RecursionError:  # can't happen within MAX_DEPTH; never let it escape as a traceback
        raise InputError(where, "YAML nested too deeply") from None
    except (ValueError, TypeError) as error:  # a tagged value that isn't one: !!float abc
        raise InputError(where, f"YAML value: {error}") from None
    finally:
        loader.dispose()


def refuse_unfit_scalars(node: yaml.Node | None, where: str, location: tuple[Key, ...] = ()
                         ) -> None:
    """Every key and value as parsed, by the one rule for characters (explainer/characters.py):
    a double-quoted escape ("\\uFFFE") makes a character the raw text didn't hold."""
    if isinstance(node, yaml.ScalarNode):
        if UNFIT.search(node.value):  # the key path only for the error: formatting costs
            refuse_unfit_value(node.value, f"{where}:{node.start_mark.line + 1}",
                               format_key_path(list(location)) or "(top level)")
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else "?"
            refuse_unfit_scalars(key, where, location + (name,))
            refuse_unfit_scalars(value, where, location + (name,))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            refuse_unfit_scalars(item, where, location + (index,))


def duplicate_key(node: yaml.Node | None, location: list[Key]) -> tuple[list[Key], int] | None:
    """(key path, line) of the first key that repeats in a mapping: YAML keeps only the last."""
    if isinstance(node, yaml.MappingNode):
        seen: set[object] = set()  # the keys' texts (the ids of keys that aren't text)
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value in seen:
                return location + [key.value], key.start_mark.line + 1
            seen.add(key.value if isinstance(key, yaml.ScalarNode) else id(key))
            found = duplicate_key(value, location + [key.value])
            if found:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            found = duplicate_key(item, location + [index])
            if found:
                return found
    return None


@dataclass(frozen=True)
class Positions:
    """The lines of a data file's keys: key path (("events", 2, "topics")) → line, kept from the
    one reading of the file."""

    file: str
    lines: Mapping[tuple[Key, ...], int]

    def span(self, location: Sequence[Key]) -> SourceSpan:
        """Where a key path stands: the deepest part of it the file has (a missing key: its
        parent), with the key path written out."""
        location = tuple(location)
        for length in range(len(location), -1, -1):
            if location[:length] in self.lines:
                return SourceSpan(self.file, self.lines[location[:length]], 0,
                                  format_key_path(list(location)))
        return SourceSpan(self.file, 0, 0, format_key_path(list(location)))

    def where(self, location: Sequence[Key]) -> str:
        """`file:line` of a key path, for an error line."""
        span = self.span(location)
        return str(span) if span.line else self.file


@dataclass(frozen=True)
class DataFile:
    """One validated data file and the positions of its keys."""

    content: Strict
    positions: Positions

    def of(self, schema: type[S]) -> S:
        """The content, as the schema the file was validated against: the name of a data file
        says which, and asking for another is a bug."""
        if not isinstance(self.content, schema):
            raise TypeError(f"{self.positions.file} holds a {type(self.content).__name__}, "
                            f"not a {schema.__name__}")
        return self.content


def key_lines(node: yaml.Node, location: tuple[Key, ...] = ()) -> dict[tuple[Key, ...], int]:
    """Every key path of a YAML node tree → its line (a mapping key's, a list item's)."""
    lines = {location: node.start_mark.line + 1} if not location else {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                lines[location + (key.value,)] = key.start_mark.line + 1
                lines.update(key_lines(value, location + (key.value,)))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[location + (index,)] = item.start_mark.line + 1
            lines.update(key_lines(item, location + (index,)))
    return lines


def read_data_file(path: Path, schema: type[Strict]) -> DataFile:
    """Parse and validate one YAML data file, keeping its key positions; all of its problems
    in one InputError."""
    where = display_path(path)
    return parsed_data_file(read_limited(path, DATA_LIMIT, "a data file"), schema, where)


@per_content(maxsize=4096)  # under `mkdocs serve` a save parses only the files that changed
def parsed_data_file(content: bytes, schema: type[Strict], where: str) -> DataFile:
    """A data file's bytes, parsed and validated (frozen models: safe to share)."""
    node, data = parse_yaml(decode_utf8(content, where), where)
    refuse_unfit_scalars(node, where)
    duplicate = duplicate_key(node, [])
    if duplicate:
        raise InputError(f"{where}:{duplicate[1]}", f"{format_key_path(duplicate[0])}: "
                                                    "appears twice; keep one")
    try:
        valid = schema.model_validate(data if data is not None else {})
    except ValidationError as error:
        # a misspelt key first: the "required key is missing" beside it is its consequence
        found = sorted(error.errors(), key=lambda problem: problem["type"] != "extra_forbidden")
        problems = [describe_problem(where, node, problem, schema) for problem in found]
        raise InputError(problems[0][0], problems_in_a_line(problems)) from None
    lines = key_lines(node) if node is not None else {}
    return DataFile(valid, Positions(where, MappingProxyType(lines)))


def load_data_file(path: Path, schema: type[S]) -> S:
    """One validated data file's content (where no later stage needs its positions)."""
    return read_data_file(path, schema).of(schema)


SHOWN_PROBLEMS = 3  # a file pasted in whole may hold a hundred: the line stays readable


def problems_in_a_line(problems: list[tuple[str, str]]) -> str:
    """The first few problems, each after the first with its own line, and how many more:
    "terms[0].quote: unknown key (check the spelling); terms[1].quote: … (line 14); and 98
    more"."""
    said = [problems[0][1]] + [
        message + (f" (line {where.rsplit(':', 1)[1]})" if ":" in where else "")
        for where, message in problems[1:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        said.append(f"and {len(problems) - SHOWN_PROBLEMS} more")
    return "; ".join(said)


def describe_problem(where: str, root: yaml.Node | None, problem: ErrorDetails,
                     schema: type[Strict] | None = None) -> tuple[str, str]:
    """One pydantic problem → (file:line, "key.path: message")."""
    location = [part for part in problem["loc"] if not str(part).startswith("function-")]
    key_path = format_key_path(location)
    line = line_of(root, location)
    message = problem["msg"]
    if problem["type"] == "extra_forbidden":
        message = unknown_key(str(location[-1]), keys_at(schema, location[:-1]))
    elif problem["type"] == "missing":
        message = "required key is missing"
    elif (problem["type"] == "string_pattern_mismatch"
          and problem["ctx"]["pattern"] == SLUG_PATTERN
          and isinstance(problem.get("input"), str) and slug_of(problem["input"]) != "x"):
        # the editor's own words, transliterated: "toma-de-posesión" → 'toma-de-posesion'
        message = ("use lowercase letters, digits and single hyphens, e.g. "
                   f"{slug_of(problem['input'])[:80]!r}")
    elif problem["type"] == "string_pattern_mismatch":
        message = PATTERN_HINTS.get(problem["ctx"]["pattern"], message)
    elif problem["type"] in ("model_type", "dict_type"):
        message = "should be a mapping of keys to values (key: value), not " + (
            "a list" if isinstance(problem.get("input"), list) else "a single value")
    message = message.removeprefix("Value error, ")
    return (f"{where}:{line}" if line else where), f"{key_path or '(top level)'}: {message}"


def unknown_key(key: str, known: list[str]) -> str:
    """What to say of a key the schema doesn't take: the key it is likely a misspelling of, or
    else the keys it takes there (an editor writing `date:` learns the key is `published:`)."""
    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return f"unknown key (did you mean '{close[0]}'?)"
    if known:
        return f"unknown key (the keys here are {', '.join(known)})"
    return "unknown key (check the spelling)"


def keys_at(schema: type[Strict] | None, location: Sequence[Key]) -> list[str]:
    """The keys the schema takes at a key path (in the order it declares them), or none where
    the path leads to no mapping the schema describes."""
    model: Any = schema
    for part in location:
        if not (isinstance(model, type) and issubclass(model, Strict)):
            return []
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        model = mapping_in(field.annotation) if field is not None else None
    if not (isinstance(model, type) and issubclass(model, Strict)):
        return []
    return [field.alias or name for name, field in model.model_fields.items()]


def mapping_in(annotation: Any) -> Any:
    """The schema model a field's type holds (`list[Event]`, `Topic | None` → the model)."""
    if isinstance(annotation, type) and issubclass(annotation, Strict):
        return annotation
    for inner in typing.get_args(annotation):
        found = mapping_in(inner)
        if found is not None:
            return found
    return None


def format_key_path(location: Sequence[Key]) -> str:
    """["events", 2, "date"] → "events[2].date", printable whatever the keys hold."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return shown(text)


def line_of(node: yaml.Node | None, location: Sequence[Key]) -> int | None:
    """The YAML line of the deepest node on a key path that exists."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in location:
        child = None
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == part), None)
            if pair is None:
                break
            line = pair[0].start_mark.line + 1
            child = pair[1]
        elif (isinstance(node, yaml.SequenceNode) and isinstance(part, int)
              and part < len(node.value)):
            child = node.value[part]
            line = child.start_mark.line + 1
        else:
            break
        node = child
    return line


def load_data(seeds_dir: Path, listing: Listing | None = None) -> dict[str, DataFile | None]:
    """Every known data file in the seeds folder, validated; None for an absent optional file.

    `listing` is the folder's scan (seedfiles.scan_seeds); without one, each data file that is
    there is checked on its own by the same rules. A required file may be a draft (in
    seeds/drafts/, listed in the scan): the story then stands on its drafts."""
    data: dict[str, DataFile | None] = {}
    for name, schema in DATA_FILES.items():
        path = seeds_dir / name
        present = name in listing.data if listing else os.path.lexists(path)
        drafted = listing is not None and name in listing.drafts
        if present:
            if listing is None:
                require_file(path, "data")
            data[name] = read_data_file(path, schema)
        elif name in REQUIRED_DATA_FILES and not drafted:  # (drafted: None here, drafts below)
            raise InputError(display_path(path), "missing: every explainer needs this file")
        else:
            data[name] = None
    return data


def load_drafts(listing: Listing) -> dict[str, DataFile]:
    """The drafted data files of seeds/drafts/, validated like the editor's."""
    return {name: read_data_file(path, DRAFT_FILES[name]) for name, path in listing.drafts.items()}
