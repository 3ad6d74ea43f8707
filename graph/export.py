"""Writing files atomically: a reader never sees half a file, a failed write leaves the old one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .kg import KnowledgeGraph
from .rdf import EXPORT_FORMATS

EXPORT_NAME = "computekg"


def write_atomic(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
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
        write_atomic(path, kg.serialize(extension))
        written.append(path)
    return written
