"""The templates and the view models (explainer/render/viewmodels.py) agree: every field a
template reads (`point.html`) is a field of a view model, and every field of a view model is
read by a template. mypy checks the code that builds them; this checks the other side, by
field name (which view model a loop variable holds is Jinja's to know: StrictUndefined and
the golden pages catch a field read of the wrong one)."""

from __future__ import annotations

import dataclasses
import inspect

import jinja2
from jinja2 import nodes

from explainer.render import viewmodels
from project_tools import TEMPLATES

VIEW_MODELS = [cls for _, cls in inspect.getmembers(viewmodels, inspect.isclass)
               if dataclasses.is_dataclass(cls) and cls.__module__ == viewmodels.__name__]


def fields_read(template: str) -> set[str]:
    """The attributes a template reads of the values it is given (`x.field`), leaving out
    Jinja's own loop variable and methods of literals ("{:,}".format)."""
    source = (TEMPLATES / template).read_text("utf-8")
    tree = jinja2.Environment().parse(source)
    return {node.attr for node in tree.find_all(nodes.Getattr)
            if not isinstance(node.node, nodes.Const)
            and not (isinstance(node.node, nodes.Name) and node.node.name == "loop")}


READ = {template.name: fields_read(template.name) for template in TEMPLATES.glob("*.j2")}


def test_every_view_model_is_frozen():
    assert VIEW_MODELS
    for cls in VIEW_MODELS:
        assert cls.__dataclass_params__.frozen, cls.__name__


def test_every_field_a_template_reads_is_a_view_model_field():
    fields = {field.name for cls in VIEW_MODELS for field in dataclasses.fields(cls)}
    unknown = {template: sorted(read - fields) for template, read in READ.items()
               if read - fields}
    assert unknown == {}


def test_every_view_model_field_is_read_by_a_template():
    read = set().union(*READ.values())
    unread = [f"{cls.__name__}.{field.name}" for cls in VIEW_MODELS
              for field in dataclasses.fields(cls) if field.name not in read]
    assert unread == []
