"""data/<kind>/<id>.yaml -> validated pydantic records, with every problem collected."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..schemas.models import RECORD_MODELS, Record
from ..schemas.types import check_slug
from .problems import Origin, Problem, display_path, line_of, show_path
from .yamlio import YamlProblem, read_mapping


@dataclass
class LoadedRecords:
    """Records by kind and id, where each came from, and what was wrong."""

    records: dict[str, dict[str, Record]] = field(default_factory=lambda: {kind: {} for kind in RECORD_MODELS})
    origins: dict[str, Origin] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Ids whose files exist but did not validate: references to them are not reported again.
    failed: set[str] = field(default_factory=set)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Bulk loads allocate many objects that all live on: the cyclic GC only slows them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _pydantic_message(error: Any, model: type[Record]) -> str:
    where = show_path(tuple(error["loc"]))
    kind = error["type"]
    if kind == "missing":
        return f"missing required field '{where}': add it"
    if kind == "extra_forbidden":
        return f"unknown field '{where}': remove it or correct its spelling (see schemas/{model.__name__.lower()}.schema.json)"
    if kind == "enum":
        allowed = error.get("ctx", {}).get("expected", "")
        return f"{where}: '{error['input']}' is not allowed: use one of {allowed}"
    if kind == "literal_error" and error.get("ctx", {}).get("expected") == "True":
        given = str(error["input"]).lower() if isinstance(error["input"], bool) else error["input"]
        return f"{where}: '{given}' is not allowed: this flag is only ever 'true'; leave it out otherwise"
    message = error["msg"].removeprefix("Value error, ")
    if kind == "too_short" and where.endswith("sources"):
        return f"{where}: a claim needs at least one source: add the page it was reported in"
    return f"{where}: {message}" if where else message


def load_file(path: Path, kind: str, shown: str, loaded: LoadedRecords) -> None:
    """Read one file into `loaded`: its record, or the problems that kept it out."""
    model = RECORD_MODELS[kind]
    record_id = path.stem
    loaded.failed.add(record_id)  # until it validates
    try:
        raw = read_mapping(path.read_text(encoding="utf-8"))
    except YamlProblem as exc:
        loaded.problems.append(Problem(shown, exc.line, exc.message))
        return
    except UnicodeDecodeError:
        loaded.problems.append(Problem(shown, None, "the file is not UTF-8 text: save it as UTF-8"))
        return
    try:
        check_slug(record_id)
    except ValueError as exc:
        loaded.problems.append(Problem(shown, None, f"file name: {exc} (rename the file)"))
        return
    if "id" in raw:
        loaded.problems.append(
            Problem(shown, raw.key_lines["id"], "remove 'id': a record's id is its file name")
        )
        return
    try:
        record = model.model_validate({**raw, "id": record_id})
    except ValidationError as exc:
        for error in exc.errors():
            loaded.problems.append(Problem(shown, line_of(raw, tuple(error["loc"])), _pydantic_message(error, model)))
        return
    origin = Origin(shown, path)
    if record_id in loaded.origins:
        first = loaded.origins[record_id].file
        loaded.problems.append(
            Problem(shown, None, f"id '{record_id}' is already used by {first}: ids are unique across all kinds, rename one")
        )
        return
    loaded.records[kind][record_id] = record
    loaded.origins[record_id] = origin
    loaded.failed.discard(record_id)


def load_records(data_dir: Path) -> LoadedRecords:
    """Read every record under data_dir; problems are collected, never raised."""
    loaded = LoadedRecords()
    if not data_dir.is_dir():
        loaded.problems.append(Problem(str(data_dir), None, "no such data folder: give the folder that holds organizations/, chips/, ..."))
        return loaded
    known = set(RECORD_MODELS)
    for entry in sorted(data_dir.iterdir()):
        if entry.is_dir() and entry.name not in known and not entry.name.startswith("."):
            loaded.problems.append(
                Problem(display_path(entry, data_dir), None, f"unknown folder: records live in {', '.join(sorted(known))}")
            )
    with collector_paused():
        for kind in RECORD_MODELS:
            folder = data_dir / kind
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                shown = display_path(path, data_dir)
                if path.suffix == ".yaml":
                    load_file(path, kind, shown, loaded)
                elif not path.name.startswith("."):
                    loaded.problems.append(Problem(shown, None, "not a .yaml record: rename it to <id>.yaml or move it out of data/"))
    return loaded
