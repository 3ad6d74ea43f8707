"""The RDF vocabulary: namespaces, IRI minting, and the projection of deals to direct edges."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import Enum

from .enums import DealType, PartyRole

ID = "https://w3id.org/computekg/id/"
VOCAB = "https://w3id.org/computekg/vocab#"

PREFIXES: dict[str, str] = {
    "ckg": VOCAB,
    "id": ID,
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}


def expand(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    return PREFIXES[prefix] + local


def record_iri(record_id: str) -> str:
    return ID + record_id


def source_iri(url: str) -> str:
    """A source is named by its address, so every record citing a page cites one node."""
    return ID + "source." + hashlib.sha256(url.encode()).hexdigest()[:16]


def concept_iri(member: Enum) -> str:
    """`ckg:DealStatus.in_talks`: one SKOS concept per enum member, its scheme the enum."""
    return f"{VOCAB}{type(member).__name__}.{member.value}"


def scheme_iri(enum_type: type[Enum]) -> str:
    return VOCAB + enum_type.__name__


# ---------------------------------------------------------------- truthy edges


@dataclass(frozen=True)
class Projection:
    """A deal whose parties hold these roles gives the direct edge source -predicate-> target."""

    source_role: PartyRole
    target_role: PartyRole
    predicate: str
    deal_types: frozenset[DealType] = frozenset()  # empty: any type
    label: str = ""


def _p(src: str, dst: str, predicate: str, label: str, *types: DealType) -> Projection:
    return Projection(PartyRole(src), PartyRole(dst), predicate, frozenset(types), label)


PARTNERS = _p("partner", "partner", "ckg:partnersWith", "partners with")
# Typed rules first: the first rule matching a pair of parties wins.
PROJECTIONS: tuple[Projection, ...] = (
    _p("supplier", "customer", "ckg:suppliesChipsTo", "supplies chips to", DealType.chip_supply, DealType.custom_silicon),
    _p("supplier", "customer", "ckg:suppliesMemoryTo", "supplies memory to", DealType.memory_supply),
    _p("supplier", "customer", "ckg:suppliesEquipmentTo", "supplies equipment to", DealType.equipment_supply),
    _p("supplier", "customer", "ckg:suppliesEnergyTo", "supplies energy to", DealType.energy_supply),
    _p("supplier", "customer", "ckg:suppliesTo", "supplies"),
    _p("manufacturer", "customer", "ckg:manufacturesFor", "manufactures for"),
    _p("manufacturer", "designer", "ckg:manufacturesFor", "manufactures for"),
    _p("design_partner", "customer", "ckg:designsChipsFor", "designs chips for"),
    _p("design_partner", "designer", "ckg:designsChipsFor", "designs chips for"),
    _p("provider", "customer", "ckg:providesComputeTo", "provides compute to"),
    _p("operator", "customer", "ckg:providesComputeTo", "provides compute to"),
    _p("developer", "customer", "ckg:buildsFor", "builds data centres for"),
    _p("developer", "operator", "ckg:buildsFor", "builds data centres for"),
    _p("investor", "investee", "ckg:investsIn", "invests in"),
    _p("lender", "borrower", "ckg:lendsTo", "lends to"),
    _p("arranger", "borrower", "ckg:arrangesFinancingFor", "arranges financing for"),
    _p("arranger", "investee", "ckg:arrangesFinancingFor", "arranges financing for"),
    _p("guarantor", "customer", "ckg:backstops", "backstops the obligations of"),
    _p("guarantor", "borrower", "ckg:backstops", "backstops the obligations of"),
    _p("acquirer", "target", "ckg:acquired", "acquired"),
    _p("seller", "acquirer", "ckg:soldTo", "sold to"),
    _p("licensor", "licensee", "ckg:licensesTo", "licenses to"),
    _p("grantor", "grantee", "ckg:grantsTo", "grants funds to"),
    PARTNERS,
)
# In a partnership, parties whose roles project to nothing more specific partner with each other (Khazna, the
# developer, and Eni, its partner; an investor and a developer in a data-centre joint venture). Roles
# that finance or back a deal without taking part in it (lender, arranger, guarantor...) never do.
PARTNERSHIP_DEAL_TYPES = frozenset({DealType.partnership, DealType.datacenter_partnership})
PARTNERSHIP_ROLES = frozenset(
    PartyRole(role)
    for role in ("partner", "developer", "investor", "operator", "provider", "supplier", "customer", "designer",
                 "manufacturer", "design_partner")
)  # fmt: skip
IN_TALKS = "ckg:inTalksWith"  # the edge of a rumoured or negotiated deal, between every two parties


def _typed_rule(deal_type: DealType, source_role: PartyRole, target_role: PartyRole) -> Projection | None:
    for rule in PROJECTIONS:
        if (rule.source_role, rule.target_role) == (source_role, target_role) and (
            not rule.deal_types or deal_type in rule.deal_types
        ):
            return rule
    return None


def projection_for(deal_type: DealType, source_role: PartyRole, target_role: PartyRole) -> Projection | None:
    if rule := _typed_rule(deal_type, source_role, target_role):
        return rule
    if (
        deal_type in PARTNERSHIP_DEAL_TYPES
        and {source_role, target_role} <= PARTNERSHIP_ROLES
        and not _typed_rule(deal_type, target_role, source_role)
    ):
        return PARTNERS
    return None
