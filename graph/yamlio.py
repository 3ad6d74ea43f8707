"""Strict, fast YAML reading for curated files.

libyaml (CSafeLoader) does the parsing. On top of it: every mapping remembers the
line of each key, and the things PyYAML lets through silently are errors here:
duplicate keys (PyYAML keeps the last), anchors and aliases (unbounded expansion,
and hidden sharing between records), explicit tags, and implicit timestamps (a date
stays the text the curator wrote, so its precision survives).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import yaml

try:  # libyaml is 7 to 10 times faster; the pure-Python parser is a fallback only.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class YamlProblem(Exception):
    """A file that cannot be read as one plain YAML mapping. `line` is 1-based."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class LineDict(dict[str, Any]):
    """A mapping that knows the line of itself and of each of its keys (1-based)."""

    line: int
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A sequence that knows its line and the line of each item (1-based)."""

    line: int
    item_lines: list[int]


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # The composer hands an alias over as the very node it points to.
        if node in self.constructed_objects:
            raise YamlProblem(
                "anchors and aliases (&name / *name) are not allowed: write the value out in full",
                node.start_mark.line + 1,
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem("merge keys (<<) are not allowed: write the keys out in full", line)
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise YamlProblem(f"key {key!r} is not text: field names are words such as 'name'", line)
            if key in result:
                raise YamlProblem(
                    f"duplicate key '{key}' (first on line {result.key_lines[key]}): keep one of them",
                    line,
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = line
        return result


    def construct_line_list(self, node: yaml.SequenceNode) -> LineList:
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _StrictLoader.construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:seq", _StrictLoader.construct_line_list)


@dataclass(frozen=True)
class _Marker:
    explicit_tag: str | None
    anchor: str | None
    line: int


def _first_tag_or_anchor(text: str) -> _Marker | None:
    """Walk the event stream for explicit tags and unused anchors (aliases are caught later)."""
    for event in yaml.parse(text, Loader=_BaseLoader):
        # Untagged nodes carry tag None in the event stream; any tag was written out.
        tag = getattr(event, "tag", None)
        anchor = getattr(event, "anchor", None)
        if tag is not None or (anchor and not isinstance(event, yaml.AliasEvent)):
            return _Marker(tag, anchor, event.start_mark.line + 1)
    return None


def read_mapping(text: str) -> LineDict:
    """Parse one YAML document that must be a mapping, or raise YamlProblem."""
    try:
        # Cheap pre-check: only a document with '&' or '!' can hold an anchor or a tag.
        if "&" in text or "!" in text:
            marker = _first_tag_or_anchor(text)
            if marker and marker.explicit_tag:
                raise YamlProblem(
                    f"tag '{marker.explicit_tag}' is not allowed: write a plain value (quote it if it must stay text)",
                    marker.line,
                )
            if marker and marker.anchor:
                raise YamlProblem(
                    f"anchor '&{marker.anchor}' is not allowed: anchors and aliases hide repeated data; write it out",
                    marker.line,
                )
        loader = _StrictLoader(text)
        try:
            if not loader.check_node():
                raise YamlProblem("the file is empty: it must hold one record (a mapping of fields)", 1)
            data = loader.construct_document(loader.get_node())
            if loader.check_node():
                second = loader.get_node()
                raise YamlProblem(
                    "more than one YAML document (---) in the file: keep one record per file",
                    second.start_mark.line + 1 if second else None,
                )
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or str(exc)
        if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in what:
            what = f"{what}: write a plain value"
        raise YamlProblem(f"malformed YAML: {what}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"malformed YAML: {exc}", None) from None
    if not isinstance(data, LineDict):
        raise YamlProblem("the file must hold one record: a mapping of fields, not a list or a single value", 1)
    return data
