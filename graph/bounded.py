"""Queries under limits: a pool of forked worker processes that each hold the store.

Oxigraph cannot interrupt a running query, so a runaway query is stopped by killing
the process it runs in. Workers are forked after the store is built, so they share its
memory copy-on-write and start in milliseconds; a killed worker is replaced by a new
fork. Each worker also has a memory ceiling, and results are cut at a row limit.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import queue
import resource
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from .sparql import GRAPH_FORMATS, RESULT_FORMATS, QueryError, execute, serialize_graph


class LimitExceeded(Exception):
    """The query ran over its time or row limit, or the pool was busy for too long."""


@dataclass(frozen=True)
class Limits:
    seconds: float = 10.0
    rows: int = 10_000
    memory_bytes: int = 4 * 1024**3
    wait_for_worker: float = 30.0


def _term_json(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    encoded = {"type": "literal", "value": term.value}
    if term.language:
        encoded["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        encoded["datatype"] = term.datatype.value
    return encoded


def _select_json(variables: list[str], solutions: Iterable[Any]) -> bytes:
    bindings = [{name: _term_json(s[name]) for name in variables if s[name] is not None} for s in solutions]
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}).encode()


def answer(store: ox.Store, text: str, fmt: str, row_limit: int) -> tuple[str, bytes]:
    """Run a query and serialize it; ('error', message) for a bad query or one over the row limit."""
    try:
        outcome = execute(store, text)
        if isinstance(outcome, ox.QueryBoolean):
            if fmt not in RESULT_FORMATS:
                fmt = "json"
            return fmt, outcome.serialize(format=RESULT_FORMATS[fmt])
        if isinstance(outcome, ox.QueryTriples):
            triples = []
            for triple in outcome:
                if len(triples) == row_limit:
                    return "error", f"the result has more than {row_limit} triples: narrow the query".encode()
                triples.append(triple)
            fmt = fmt if fmt in GRAPH_FORMATS else "ttl"
            return fmt, serialize_graph(triples, fmt)
        variables = [v.value for v in outcome.variables]
        rows = []
        for solution in outcome:
            if len(rows) == row_limit:
                return "error", f"the result has more than {row_limit} rows: add a LIMIT of at most {row_limit}".encode()
            rows.append(solution)
        as_json = _select_json(variables, rows)
        fmt = fmt if fmt in RESULT_FORMATS else "json"
        if fmt == "json":
            return fmt, as_json
        # Re-read our JSON as Oxigraph results so its writers produce the other W3C formats.
        return fmt, ox.parse_query_results(as_json, format=ox.QueryResultsFormat.JSON).serialize(format=RESULT_FORMATS[fmt])
    except QueryError as exc:
        return "error", str(exc).encode()
    except (RuntimeError, OSError, ValueError) as exc:  # while reading results, after the query started
        return "error", f"the query failed: {exc}".encode()


def _worker_loop(store: ox.Store, connection: Connection, limits: Limits) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    while True:
        try:
            text, fmt = connection.recv()
        except EOFError:
            os._exit(0)
        try:
            connection.send(answer(store, text, fmt, limits.rows))
        except MemoryError:
            connection.send(("error", b"the query needed more memory than allowed: narrow it"))


class _Worker:
    def __init__(self, context: Any, store: ox.Store, limits: Limits) -> None:
        self.connection, child = multiprocessing.Pipe()
        self.process = context.Process(target=_worker_loop, args=(store, child, limits), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()


class QueryPool:
    """Run queries in worker processes with a time limit; thread-safe."""

    def __init__(self, store: ox.Store, limits: Limits, workers: int = 2) -> None:
        self._context = multiprocessing.get_context("fork")
        self._store = store
        self.limits = limits
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(workers):
            self._idle.put(_Worker(self._context, store, limits))

    def run(self, text: str, fmt: str) -> tuple[str, bytes]:
        try:
            worker = self._idle.get(timeout=self.limits.wait_for_worker)
        except queue.Empty:
            raise LimitExceeded("the server is busy with other queries: try again shortly") from None
        reason = f"the query ran longer than {self.limits.seconds:g} s and was stopped: narrow it or add a LIMIT"
        try:
            worker.connection.send((text, fmt))
            if worker.connection.poll(self.limits.seconds):
                result = worker.connection.recv()
                self._idle.put(worker)
                return result
        except (EOFError, OSError):  # the worker died: its memory ceiling is the only thing that kills it
            reason = "the query needed more memory than allowed and was stopped: narrow it"
        worker.stop()
        with self._lock:
            if not self._closed:
                self._idle.put(_Worker(self._context, self._store, self.limits))
        raise LimitExceeded(reason)

    def close(self) -> None:
        with self._lock:
            self._closed = True
        while not self._idle.empty():
            self._idle.get_nowait().stop()
