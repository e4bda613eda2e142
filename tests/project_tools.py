"""What tests share besides fixtures: the project root, a copy of the project, a build, a server."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
PROJECT_FILES = ("mkdocs.yml", "build.py", "explainer", "seeds", "templates", "docs")


def copy_project(destination: Path) -> Path:
    """A private copy of the project (without site/ or the venv) to build or break freely."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy2(source, destination / name)
    return destination


def mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into site_dir."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *extra],
        cwd=project, capture_output=True, text=True, env=environment, timeout=300,
    )

def chromium_missing_reason() -> str | None:
    if CHROMIUM.exists():
        return None
    return (f"{CHROMIUM} not found: browser tests need Debian's chromium "
            "(sudo apt-get install chromium)")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep test output readable
        pass


def serve_folder(folder: Path):
    """Serve a folder on a free loopback port in a background thread; returns the server."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
