"""The few ways a build can fail, each shown to the user as one line (see build.py: main)."""

from __future__ import annotations


class ExplainerError(Exception):
    """Base class: an error the user can fix. Shown as one line, exit status 2 (build.py)."""


class InputError(ExplainerError):
    """Bad input: an article or a data file. The message starts with the file (and line, key)."""

    def __init__(self, where: str, message: str):
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")


class WriteError(ExplainerError):
    """The generator refused to write: a path outside docs/ or a file it does not own."""
