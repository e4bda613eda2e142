"""The few ways a build can fail, each shown to the user as one line (`one_line`, below)."""

from __future__ import annotations

from jinja2 import TemplateError, TemplateNotFound

from .model import Problem


class ExplainerError(Exception):
    """Base class: an error the user can fix. Shown as one line, exit status 2 (build.py)."""


class InputError(ExplainerError):
    """Bad input: an article or a data file. The message starts with the file (and line, key)."""

    def __init__(self, where: str, message: str):
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")


class ProblemsError(ExplainerError):
    """Several problems at once (`--strict`: every warning is an error): one line each."""

    def __init__(self, problems: tuple[Problem, ...]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class WriteError(ExplainerError):
    """The generator refused to write: a path outside docs/ or a file it does not own."""


def error_lines(error: Exception) -> list[str]:
    """An error as the lines the terminal shows: one, or one per problem."""
    if isinstance(error, ProblemsError):
        return [" ".join(str(problem).split()) for problem in error.problems]
    return [one_line(error)]


def one_line(error: Exception) -> str:
    """An error as the single line the terminal shows (build.py's and the plugin's alike)."""
    if isinstance(error, TemplateNotFound):  # an OSError too, with neither file nor reason
        return (f"templates/{error.name}: no such template; copy it from the explainer's own "
                "templates/ folder")
    if isinstance(error, TemplateError):  # Jinja: name the template and line when it knows them
        name, line = getattr(error, "name", None), getattr(error, "lineno", None)
        where = f"templates/{name}" + (f":{line}" if line else "") if name else "templates"
        return f"{where}: {' '.join((error.message or type(error).__name__).split())}"
    if isinstance(error, OSError):
        return f"{error.filename or ''}: {error.strerror}"
    return " ".join(str(error).split())
