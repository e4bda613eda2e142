"""The package's own YAML data files (questions.yml, standalone.yml), as plain values.

Read with libyaml's parser where PyYAML has it, as the seeds' data files are (read/data.py):
ten times faster than the pure-Python one, on files every build process reads once.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where installed


def packaged_yaml(name: str) -> Any:
    """A data file of explainer/understand/, parsed as yaml.safe_load parses it."""
    return yaml.load(resources.files(__package__).joinpath(name).read_text("utf-8"),
                     Loader=SAFE_LOADER)
