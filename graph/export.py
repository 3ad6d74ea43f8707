"""Writing files atomically: a reader never sees half a file, a failed write leaves the old one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .kg import KnowledgeGraph
from .rdf import EXPORT_FORMATS, serialize_pieces

EXPORT_NAME = "computekg"


def write_atomic(path: Path, content: bytes | Iterable[bytes]) -> None:
    """Write `content`, or its pieces one after another (so a large export is never held whole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(content, bytes):
                stream.write(content)
            else:
                stream.writelines(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_exports(kg: KnowledgeGraph, out_dir: Path) -> list[Path]:
    """computekg.ttl, .nt and .jsonld in out_dir; returns the paths written."""
    written = []
    for extension in EXPORT_FORMATS:
        path = out_dir / f"{EXPORT_NAME}.{extension}"
        write_atomic(path, serialize_pieces(kg.ntriples, extension))
        written.append(path)
    return written
