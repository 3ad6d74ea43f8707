"""Reading the RDF and reference markers off the models, once per class.

The RDF mapping, the reference checks and the network view all walk records the
same way; this module is that one walk.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from .models import Source
from .types import IriValue, PartialDateValue, Rdf, RecordRef


@dataclass(frozen=True)
class FieldMap:
    """How one model field maps: its predicate, and how each value becomes a term."""

    name: str
    rdf: Rdf | None
    ref: RecordRef | None  # the value names another record
    iri: IriValue | None  # the value is an address
    partial_date: bool
    nested: type[BaseModel] | None  # values are nested statements
    enum: type[enum.Enum] | None


def _inner_types(annotation: Any) -> list[Any]:
    """The member types of `X | None` and `list[X]`, Annotated layers removed."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_types(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        return [t for arg in typing.get_args(annotation) if arg is not type(None) for t in _inner_types(arg)]
    return [annotation]


def _markers(annotation: Any) -> list[object]:
    """Annotated metadata on the member types (pydantic lifts only the outer layer)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return [*annotation.__metadata__, *_markers(typing.get_args(annotation)[0])]
    if origin in (typing.Union, types.UnionType, list):
        return [m for arg in typing.get_args(annotation) for m in _markers(arg)]
    return []


@cache
def field_maps(model: type[BaseModel]) -> tuple[FieldMap, ...]:
    maps = []
    for name, info in model.model_fields.items():
        markers = [*info.metadata, *_markers(info.annotation)]
        members = _inner_types(info.annotation)
        nested = next((t for t in members if isinstance(t, type) and issubclass(t, BaseModel)), None)
        enum_type = next((t for t in members if isinstance(t, type) and issubclass(t, enum.Enum)), None)
        maps.append(
            FieldMap(
                name=name,
                rdf=next((m for m in markers if isinstance(m, Rdf)), None),
                ref=next((m for m in markers if isinstance(m, RecordRef)), None),
                iri=next((m for m in markers if isinstance(m, IriValue)), None),
                partial_date=any(isinstance(m, PartialDateValue) for m in markers),
                nested=nested,
                enum=enum_type,
            )
        )
    return tuple(maps)


def values(model: BaseModel, field: FieldMap) -> list[Any]:
    """A field's values as a list, whatever its arity; None and empty lists give []."""
    value = getattr(model, field.name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


Path = tuple[str | int, ...]


def walk(model: BaseModel, path: Path = ()) -> Iterator[tuple[Path, FieldMap, Any]]:
    """Every (path, field, value) in a record, nested statements included, in field order."""
    for field in field_maps(type(model)):
        many = isinstance(getattr(model, field.name), list)
        for index, value in enumerate(values(model, field)):
            where = (*path, field.name, index) if many else (*path, field.name)
            yield where, field, value
            if field.nested is not None:
                yield from walk(value, where)


def sources(model: BaseModel) -> Iterator[tuple[Path, Source]]:
    """Every (path, source) a record cites, nested statements included."""
    for path, _, value in walk(model):
        if isinstance(value, Source):
            yield path, value


def sourced_claims(model: BaseModel) -> Iterator[tuple[Path, BaseModel]]:
    """Every nested statement that carries its own sources (status changes, figures), with its path.

    These are the claims a reader weighs one by one, so sourcing rules apply to each.
    """
    for path, _, value in walk(model):
        if isinstance(value, BaseModel) and not isinstance(value, Source) and "sources" in type(value).model_fields:
            yield path, value


def references(model: BaseModel) -> Iterator[tuple[Path, str, str]]:
    """Every (path, kind, id) reference in a record, nested statements included."""
    for path, field, value in walk(model):
        if field.ref is not None:
            yield path, field.ref.kind, value
