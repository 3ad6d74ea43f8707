"""Problems found in curated data, and the one exception that carries them all."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .yamlio import YamlProblem, read_mapping


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file: where it is and what to do about it."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class LoadError(Exception):
    """Raised by `computekg.load` with every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.message))
        count = len(self.problems)
        summary = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the data:\n{summary}")


Path_ = tuple[str | int, ...]


def line_of(raw: Any, path: Path_) -> int | None:
    """The line of the deepest part of `path` the raw YAML mapping can place."""
    line = getattr(raw, "line", None)
    node = raw
    for step in path:
        if isinstance(node, dict) and isinstance(step, str) and step in node:
            line = getattr(node, "key_lines", {}).get(step, line)
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            line = getattr(node, "item_lines", {step: line})[step]
            node = node[step]
        else:
            break
    return line


def show_path(path: Path_) -> str:
    """('parties', 1, 'org') -> 'parties[1].org' (positions counted from 0 as in YAML lists)."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


@dataclass(frozen=True)
class Origin:
    """Where a record came from: its file as shown to users, and where it lies on disk.

    The line-marked YAML tree is not kept: it is over half of what a loaded record
    holds, and only a record with a problem ever needs a line. That record's file is
    read again, at most once however many problems it has.
    """

    file: str
    path: Path

    def problem(self, path: Path_, message: str) -> Problem:
        return Problem(self.file, line_of(_line_marked_tree(self.path, _stamp(self.path)), path), message)


def _stamp(path: Path) -> tuple[int, int] | None:
    """What changes when the file does, so an edited file is never placed by a stale tree."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


@lru_cache(maxsize=256)
def _line_marked_tree(path: Path, stamp: tuple[int, int] | None) -> Any:
    try:
        return read_mapping(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlProblem):
        return None  # gone or broken since it loaded: the problem is still reported, without a line


def display_path(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)
