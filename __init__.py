"""computekg: the open knowledge graph of AI compute.

    import computekg
    kg = computekg.load()                       # the bundled data, validated and checked
    kg.organizations["anthropic"]               # pydantic records by id
    kg.query("SELECT ?deal WHERE { ?deal ckg:hasParty ?org }", org=kg.iri("anthropic"))
"""

from .graph.kg import BUNDLED_DATA, KnowledgeGraph, load
from .graph.named import named_queries, run_named
from .graph.problems import LoadError, Problem
from .graph.sparql import QueryError, QueryResult
from .schemas.models import Chip, Deal, Facility, Organization, Source

__all__ = [
    "BUNDLED_DATA",
    "Chip",
    "Deal",
    "Facility",
    "KnowledgeGraph",
    "LoadError",
    "Organization",
    "Problem",
    "QueryError",
    "QueryResult",
    "Source",
    "load",
    "named_queries",
    "run_named",
]
__version__ = "0.1.0"
