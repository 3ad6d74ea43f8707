"""The one canonical text of a record: key order of the model, defaults left out, dates quoted.

`computekg fmt` writes it; a data test fails on any file that differs. Comments other
than the schema line are not kept: explanations belong in `note` and `summary` fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..schemas.jsonschema import schema_file_name
from ..schemas.models import Record
from ..schemas.types import DATE_PATTERN
from .export import write_atomic
from .load import LoadedRecords, load_file, load_records


def schema_header(kind: str) -> str:
    """The comment that points a YAML language server at the file's JSON Schema (from data/<kind>/)."""
    return f"# yaml-language-server: $schema=../../schemas/{schema_file_name(kind)}\n"


class _CanonicalDumper(yaml.SafeDumper):
    """Dates always in quotes, whatever their precision, so they read the same everywhere."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "'" if re.match(DATE_PATTERN, value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_CanonicalDumper.add_representer(str, _represent_text)


def _plain(value: Any) -> Any:
    # 4000000000.0 reads better as 4000000000; the model turns it back into a float.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def canonical_text(record: Record) -> str:
    data = _plain(record.model_dump(mode="json", exclude_defaults=True, exclude={"id"}))
    body = yaml.dump(data, Dumper=_CanonicalDumper, sort_keys=False, allow_unicode=True, width=100_000, default_flow_style=False)
    return schema_header(record.kind) + body


def record_path(data_dir: Path, record: Record) -> Path:
    return data_dir / record.kind / f"{record.id}.yaml"


@dataclass
class Formatted:
    """What `computekg fmt` did: files not in canonical form, and files it left alone."""

    not_canonical: list[Path] = field(default_factory=list)
    # Saved by someone else between loading and rewriting: rewriting would undo their edit.
    edited_meanwhile: list[Path] = field(default_factory=list)


def _still_as_loaded(path: Path, record: Record) -> bool:
    now = LoadedRecords()
    load_file(path, record.kind, str(path), now)
    return now.records[record.kind].get(record.id) == record


def loadable_records(data_dir: Path) -> tuple[list[Record], LoadedRecords]:
    """Every record whose file reads and validates on its own, and what kept the others out.

    Formatting needs each file alone: a reference to a missing record or a date rule
    across records is no reason to leave every other file unformatted.
    """
    loaded = load_records(data_dir)
    records = [kind[record_id] for kind in loaded.records.values() for record_id in sorted(kind)]
    return records, loaded


def format_data(records: Iterable[Record], data_dir: Path, check_only: bool = False) -> Formatted:
    """Rewrite (or with check_only, just list) every file of `records` that is not in canonical form.

    The whole folder is loaded first and an editor may save a file meanwhile: each file is
    read again just before it is rewritten and left alone if it no longer holds the record
    that was loaded, so fmt never silently undoes an edit.
    """
    result = Formatted()
    for record in records:
        path = record_path(data_dir, record)
        text = canonical_text(record)
        if path.read_text(encoding="utf-8") == text:
            continue
        if check_only:
            result.not_canonical.append(path)
        elif _still_as_loaded(path, record):
            result.not_canonical.append(path)
            write_atomic(path, text.encode("utf-8"))
        else:
            result.edited_meanwhile.append(path)
    return result
