"""Every cache of the package is in memo's registry, so `forget()` makes a generation cold:
a benchmark that says "cold" measures what a fresh `python build.py` does after its imports."""

from __future__ import annotations

import re

from explainer import memo
from explainer.pipeline import generate
from project_tools import ROOT, TEMPLATES, TURKEY

PACKAGE = ROOT / "explainer"
# cached_property is left out: it lives and dies with its object, a value of one generation.
OTHER_CACHES = re.compile(r"\b(lru_cache|functools\.cache|from functools import cache)\b")


def test_no_cache_outside_the_registry():
    """Only memo.py makes caches; every other module uses its decorators."""
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in sorted(PACKAGE.rglob("*.py")) if path.name != "memo.py"
             for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if OTHER_CACHES.search(line)]
    assert not found, "caches forget() can't empty:\n  " + "\n  ".join(found)


def test_forget_leaves_every_cache_empty():
    generate(TURKEY, TEMPLATES)
    assert any(cached.cache_info().currsize for cached in memo.KEPT)
    memo.forget()
    warm = {cached.__wrapped__.__qualname__: cached.cache_info().currsize
            for cached in memo.KEPT if cached.cache_info().currsize}
    assert not warm, f"caches still holding entries after forget(): {warm}"
    assert memo.last() is None
