"""What `mkdocs serve` watches: the story's folders, even after the editor replaces one.

MkDocs watches a folder by what it is on disk, not by its name: an editor who swaps in
another story (`rm -rf seeds && cp -r …/seeds seeds`, or moves a folder into its place) left
the server watching a folder that was gone, and saves went unserved until a restart. So each
folder's parent is watched too, for that one name: when a folder of that name appears, MkDocs
is told to watch it afresh and to rebuild.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable

from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler


def watch_folders(server: LiveReloadServer, folders: Iterable[str]) -> None:
    """Watch each folder's files as MkDocs does, and each folder's place for a new folder."""
    wanted = [os.path.abspath(folder) for folder in folders]
    for folder in wanted:
        server.watch(folder)
    for parent in sorted({os.path.dirname(folder) for folder in wanted}):
        names = [folder for folder in wanted if os.path.dirname(folder) == parent]
        server.observer.schedule(FolderReplaced(server, names), parent, recursive=False)


class FolderReplaced(FileSystemEventHandler):
    """Told of every entry made in a parent folder; acts on a watched folder's name only."""

    def __init__(self, server: LiveReloadServer, folders: list[str]):
        super().__init__()
        self.server, self.folders, self.lock = server, folders, threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory or event.event_type not in ("created", "moved"):
            return
        arrived = os.fsdecode(event.dest_path if event.event_type == "moved" else event.src_path)
        if arrived in self.folders and os.path.isdir(arrived):
            with self.lock:
                rewatch(self.server, arrived)
            request_rebuild(self.server)


def rewatch(server: LiveReloadServer, folder: str) -> None:
    try:
        server.unwatch(folder)  # the watch on the folder that was there before
    except (KeyError, ValueError, OSError):
        pass  # already gone with it: watchdog dropped it when the folder was removed
    server.watch(folder)


def request_rebuild(server: LiveReloadServer) -> None:
    """What MkDocs' own watch does on a change: the serve loop rebuilds once things are quiet.
    (MkDocs 1.6 has no public call for it; without it the next save rebuilds.)"""
    condition = getattr(server, "_rebuild_cond", None)
    if condition is None or not hasattr(server, "_want_rebuild"):
        return
    with condition:
        server._want_rebuild = True
        condition.notify_all()
