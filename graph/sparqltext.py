"""Just enough of SPARQL's lexical structure to bind parameters safely.

A parameter becomes a VALUES block at the start of the query's WHERE group: the value
is written by Oxigraph's own term serializer (so it is escaped and can only ever be
one IRI or literal), and it joins the whole group, so FILTERs and aggregates see it
whether or not the query selects the variable. Finding that group needs the text with
strings, IRIs and comments blanked out, which is all this module does.
"""

from __future__ import annotations

import re

_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_STRING_START = re.compile(r"'''|\"\"\"|'|\"")


def code_only(text: str) -> str:
    """The query with every string, IRI and comment replaced by spaces (same length, same offsets)."""
    out = list(text)
    i, n = 0, len(text)

    def blank(start: int, end: int) -> None:
        out[start:end] = " " * (end - start)

    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            end = n if end == -1 else end
            blank(i, end)
            i = end
        elif c == "<" and (m := _IRI.match(text, i)):
            blank(i, m.end())
            i = m.end()
        elif c in "'\"":
            quote = _STRING_START.match(text, i).group(0)  # type: ignore[union-attr]
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            end = min(j + len(quote), n)
            blank(i, end)
            i = end
        else:
            i += 1
    return "".join(out)


def where_group_start(text: str) -> int | None:
    """The offset just inside the `{` that opens the WHERE group, or None if there is none."""
    code = code_only(text)
    tops: list[int] = []
    depth = 0
    for i, c in enumerate(code):
        if c == "{":
            if depth == 0:
                tops.append(i)
            depth += 1
        elif c == "}":
            depth -= 1
    if not tops:
        return None
    form = re.search(r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", code, re.IGNORECASE)
    for index, brace in enumerate(tops):
        before = code[tops[index - 1] if index else 0 : brace]
        if re.search(r"\bWHERE\s*$", before, re.IGNORECASE):
            return brace + 1
    # WHERE is optional; a CONSTRUCT's first group is then its template.
    if form and form.group(1).upper() == "CONSTRUCT":
        return tops[1] + 1 if len(tops) > 1 else None
    return tops[0] + 1


def mentions_variable(text: str, name: str) -> bool:
    return re.search(rf"[?$]{re.escape(name)}\b", code_only(text)) is not None
