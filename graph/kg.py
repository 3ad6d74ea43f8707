"""KnowledgeGraph: the validated records, and the RDF, network and SPARQL views built from them on demand."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

import networkx as nx
import pyoxigraph as ox
import rdflib

from ..schemas.models import Chip, Deal, Facility, Organization, Record
from ..schemas.vocab import PREFIXES, record_iri
from .check import check
from .load import collector_paused, load_records
from .names import Unnamed, normalize_name, unnamed_by_pages
from .network import build_network
from .problems import LoadError
from .rdf import build_ntriples, build_store, serialize
from .sparql import QueryError, QueryResult, run, run_rdflib, serialize_result

BUNDLED_DATA = Path(__file__).resolve().parent.parent / "data"


class KnowledgeGraph:
    """Every curated record, checked; the views (`rdf`, `nx`, `store`) are built the first time they are used."""

    def __init__(self, records: Mapping[str, Mapping[str, Record]], data_dir: Path | None = None) -> None:
        self.data_dir = data_dir
        self.organizations: Mapping[str, Organization] = MappingProxyType(dict(records["organizations"]))  # type: ignore[arg-type]
        self.chips: Mapping[str, Chip] = MappingProxyType(dict(records["chips"]))  # type: ignore[arg-type]
        self.facilities: Mapping[str, Facility] = MappingProxyType(dict(records["facilities"]))  # type: ignore[arg-type]
        self.deals: Mapping[str, Deal] = MappingProxyType(dict(records["deals"]))  # type: ignore[arg-type]

    def _kinds(self) -> tuple[Mapping[str, Record], ...]:
        return (self.organizations, self.chips, self.facilities, self.deals)

    def records(self) -> Iterator[Record]:
        """Every record, kind by kind, in id order."""
        for kind in self._kinds():
            for record_id in sorted(kind):
                yield kind[record_id]

    def __getitem__(self, record_id: str) -> Record:
        for kind in self._kinds():
            if record_id in kind:
                return kind[record_id]
        raise KeyError(f"no record with id '{record_id}'")

    def __contains__(self, record_id: object) -> bool:
        return any(record_id in kind for kind in self._kinds())

    def iri(self, record_id: str) -> rdflib.URIRef:
        """The IRI of a record, for use as a query parameter; KeyError for an unknown id."""
        if record_id not in self:
            raise KeyError(f"no record with id '{record_id}'")
        return rdflib.URIRef(record_iri(record_id))

    @cached_property
    def _ids_by_name(self) -> Mapping[str, tuple[str, ...]]:
        ids: defaultdict[str, set[str]] = defaultdict(set)
        for record in self.records():
            for name in (record.id, record.name, *getattr(record, "aliases", ())):
                ids[normalize_name(name)].add(record.id)
        return MappingProxyType({name: tuple(sorted(found)) for name, found in ids.items()})

    @cached_property
    def unnamed(self) -> Mapping[str, Unnamed]:
        """Each deal's parties and products that no quote or seen headline of its pages names: worked out once,
        since both the coverage statement and the deal pages of a build read it."""
        return MappingProxyType(
            {deal.id: unnamed_by_pages(deal, self.organizations, self.chips) for deal in self.deals.values()}
        )

    def ids_named(self, name: str) -> tuple[str, ...]:
        """Ids of the records whose id, name or an alias is `name`, ignoring case, accents, spaces and
        punctuation: "Amazon Web Services" and "aws" both give ("aws",). Several ids: the name is shared."""
        return self._ids_by_name.get(normalize_name(name), ())

    @cached_property
    def ntriples(self) -> bytes:
        """The whole graph as sorted N-Triples: the canonical form every export and the store derive from."""
        with collector_paused():
            return build_ntriples(self.records())

    @property
    def triples(self) -> list[ox.Triple]:
        """All triples as pyoxigraph terms, in the sorted order of the exports."""
        return [quad.triple for quad in ox.parse(self.ntriples, format=ox.RdfFormat.N_TRIPLES)]

    @cached_property
    def store(self) -> ox.Store:
        """The Oxigraph store every query runs on."""
        return build_store(self.ntriples)

    @cached_property
    def rdf(self) -> rdflib.Graph:
        """An rdflib Graph over the same Oxigraph store (the default graph), for rdflib's API."""
        from oxrdflib import (
            OxigraphStore,  # imported on first use: most callers never need rdflib's API
        )
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        graph = rdflib.Graph(store=OxigraphStore(store=self.store), identifier=DATASET_DEFAULT_GRAPH_ID)
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace, override=True)
        return graph

    @cached_property
    def nx(self) -> nx.MultiDiGraph:
        return build_network(self.records())

    @cached_property
    def rdflib_memory(self) -> rdflib.Graph:
        """The graph in rdflib's own memory store: the reference engine `query(engine="rdflib")` uses."""
        graph = rdflib.Graph()
        graph.parse(data=self.ntriples, format="nt")
        return graph

    def query(self, sparql: str, engine: str = "oxigraph", **bindings: Any) -> QueryResult:
        """Run SPARQL; keyword arguments bind variables (IRIs from `iri()`, or plain values).

        `engine` is "oxigraph" (the default, fast) or "rdflib" (rdflib's memory store).
        """
        if engine == "rdflib":
            return run_rdflib(self.rdflib_memory, sparql, bindings)
        if engine != "oxigraph":
            raise QueryError(f"unknown engine '{engine}': use oxigraph or rdflib")
        return run(self.store, sparql, bindings)

    def query_to(self, sparql: str, fmt: str, **bindings: Any) -> bytes:
        """Run SPARQL and serialize the result: json, xml, csv, tsv (tables) or ttl, jsonld, nt (graphs)."""
        return serialize_result(self.store, sparql, fmt, bindings)

    def serialize(self, fmt: str = "ttl") -> bytes:
        """The whole graph as ttl, nt or jsonld; byte-identical for the same data."""
        return serialize(self.ntriples, fmt)


def load(data_dir: str | Path | None = None) -> KnowledgeGraph:
    """Load, validate and check a data folder (the bundled data by default).

    Raises LoadError carrying every problem found, each with its file and line.
    """
    folder = Path(data_dir) if data_dir is not None else BUNDLED_DATA
    loaded = load_records(folder)
    with collector_paused():
        problems = loaded.problems + check(loaded)
    if problems:
        raise LoadError(problems)
    return KnowledgeGraph(loaded.records, folder)
