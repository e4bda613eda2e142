"""Pages kept from the last generation: under `mkdocs serve` a save re-renders only the pages
whose inputs changed.

One process generates the site on every save; at 200 articles, rendering every article page
and archive page again cost more than everything else a save does, though a save changes one
article. A page made from one article (its article page) or from a few (an archive page) is
kept under a key holding everything it is made from: the articles themselves (immutable
values; `Same` compares them by identity, see there), plus the generation's era: the
templates' bytes, the story's editorial data and the site's address. A kept page is therefore
the page rendering would give. The same holds for an article's record in explainer.json.
Pages made from the whole story (home, topics, glossary, timeline) are always rendered.

    renders = start(era)              the last generation's pages, if the era is the same
    renders.page(key, render)         the kept page for key, or render() now
    keep(renders)                     only once the whole generation succeeded

Only the pages this generation used are kept for the next, so memory stays one site's worth.

The work before rendering is kept the same way, per content: an article's bytes split into
paragraphs, its paragraphs segmented, its sentences classified, named, searched for event
mentions (`@per_content`, an lru_cache keyed by the content itself), and the questions several
pages of one generation ask of the same explainer (`@per_explainer`). Everything else a process
works out once and keeps (packaged word lists, the sentence splitter, stems, compiled templates,
relative links, share images) is kept by `@per_process`.

Every cache of the package is one of these three, so `KEPT` lists them all and `forget()` drops
them all: the next generation is as cold as a fresh `python build.py` after its imports
(benchmarks of generation, tests of "kept = fresh"). tests/test_memo.py keeps any other cache
out of the package.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from functools import lru_cache, wraps
from pathlib import Path
from typing import Concatenate, Generic, ParamSpec, Protocol, TypeVar, cast

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


class Cache(Protocol):
    def cache_clear(self) -> None: ...


KEPT: list[Cache] = []  # every cache of this module's decorators, for forget()


class Renders:
    """The pages of one generation, with the last generation's to take from."""

    def __init__(self, era: Hashable, earlier: dict[Hashable, str]) -> None:
        self.era = era
        self.earlier = earlier
        self.pages: dict[Hashable, str] = {}
        self.reused = 0

    @classmethod
    def after(cls, last: Renders | None, era: Hashable) -> Renders:
        """A new generation's renders: the last one's pages count only in the same era."""
        return cls(era, last.pages if last is not None and last.era == era else {})

    def page(self, key: Hashable, render: Callable[[], str]) -> str:
        page = self.pages.get(key)
        if page is None:
            page = self.earlier.get(key)
            if page is None:
                page = render()
            else:
                self.reused += 1
            self.pages[key] = page
        return page


class Same(Generic[T]):
    """A key part that matches only the very same object. The pipeline's caches hand an
    unchanged article back as the same object, so comparing identities is enough, and costs
    nothing where hashing an article's every sentence on every save would not; an equal copy
    only misses. Held in the key, the object can't be freed and its id reused."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.value is self.value


def per_content(maxsize: int | None) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """lru_cache for work done once per content (a file's bytes, an article's texts): under
    `mkdocs serve` a save re-does only what the saved file changed."""
    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        cached = lru_cache(maxsize=maxsize)(function)
        KEPT.append(cached)
        # lru_cache calls the function as it was called (typeshed types the wrapper as taking
        # any hashable arguments): callers keep the function's own signature.
        return cast(Callable[P, R], cached)
    return decorate


def per_process(maxsize: int | None) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """lru_cache for what a process works out once and keeps (packaged data, compiled
    templates, links between pages), in the registry `forget()` empties."""
    return per_content(maxsize)


def per_explainer(function: Callable[Concatenate[T, P], R]) -> Callable[Concatenate[T, P], R]:
    """Cache a query whose first argument is the explainer (an immutable value asked the same
    question by several pages of one generation), by the explainer's identity."""
    def compute(same: Same[T], *arguments: P.args, **keywords: P.kwargs) -> R:
        return function(same.value, *arguments, **keywords)

    cached = per_content(maxsize=16)(compute)

    @wraps(function)
    def query(explainer: T, /, *arguments: P.args, **keywords: P.kwargs) -> R:
        return cached(Same(explainer), *arguments, **keywords)
    return query


_last: Renders | None = None  # the last generation's pages, for the next one in this process


def start(era: Hashable) -> Renders:
    return Renders.after(_last, era)


def keep(renders: Renders) -> None:
    global _last
    _last = renders


def last() -> Renders | None:
    return _last


def forget() -> None:
    """Drop everything kept between generations in this process."""
    global _last
    _last = None
    for cached in KEPT:
        cached.cache_clear()


def folder_fingerprint(folder: Path) -> str:
    """A digest of every file under folder: relative paths and bytes, in a fixed order."""
    digest = hashlib.sha256()
    files = sorted((p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts),
                   key=lambda p: p.relative_to(folder).as_posix())
    for path in files:
        content = path.read_bytes()
        digest.update(f"{path.relative_to(folder).as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()
