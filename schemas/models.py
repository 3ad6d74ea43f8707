"""The data model: one pydantic model per record kind and per nested statement.

Every field carries its RDF predicate (`Rdf`), and every model its RDF class, so the
single converter in `graph/rdf.py` maps any model without per-class code.
Records are immutable once loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from .enums import (
    CURRENCY_UNITS,
    DealStatus,
    DealType,
    FacilityKind,
    FacilityStatus,
    Measure,
    OrgRole,
    PartyRole,
    Per,
    ProductKind,
    ProductStatus,
    Qualifier,
    SourceKind,
    Unit,
)
from .types import (
    ChipId,
    Country,
    Day,
    DealId,
    FacilityId,
    HttpsUrl,
    OrgId,
    PageUrl,
    PartialDate,
    Rdf,
    Slug,
    Text,
    WikidataId,
    address_words,
    is_address_title,
)


class Node(BaseModel):
    """Any model that becomes an RDF node."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    rdf_class: ClassVar[str]
    # Nested nodes get the IRI `<parent>.<segment>-<n>` (n counts from 1 in file order; ids hold no dots).
    segment: ClassVar[str] = ""


def _field_error(model: BaseModel, field: str, message: str) -> ValidationError:
    """A model-level rule's error placed on one field, so the loader reports that field's line."""
    detail = InitErrorDetails(type=PydanticCustomError("rule", message), loc=(field,), input=getattr(model, field))
    return ValidationError.from_exception_data(type(model).__name__, [detail])


class Source(Node):
    """Where a claim comes from. The same address is the same source everywhere."""

    rdf_class: ClassVar[str] = "ckg:Source"
    url: Annotated[PageUrl, Rdf("schema:url")]
    publisher: Annotated[Text, Rdf("schema:publisher")]
    title: Annotated[Text, Rdf("schema:headline")]
    date: Annotated[PartialDate, Rdf("schema:datePublished")]
    kind: Annotated[SourceKind, Rdf("ckg:sourceKind")]
    quote: Annotated[Text | None, Rdf("ckg:quote")] = None
    # The headline was not seen (the page showed none): `title` is the words of the address, as the README says.
    title_from_url: Annotated[Literal[True] | None, Rdf("ckg:titleFromAddress")] = None

    @model_validator(mode="after")
    def _title_is_address_words(self) -> Source:
        if self.title_from_url and not is_address_title(self.title, self.url):
            raise _field_error(
                self,
                "title",
                f"title_from_url is set, so the title must be words of the address, in order, with no punctuation "
                f"added ('{' '.join(address_words(self.url))}'): copy them, or give the headline and drop title_from_url",
            )
        return self


Sources = Annotated[list[Source], Rdf("prov:wasDerivedFrom"), Field(min_length=1)]
OptionalSources = Annotated[list[Source], Rdf("prov:wasDerivedFrom")]
# The day a second reader last checked every claim of the record against the pages it cites.
SourcesChecked = Annotated[Day | None, Rdf("ckg:sourcesChecked")]


class Quantity(Node):
    """A figure as reported: exact, approximate, a bound or a range, and what it is per."""

    rdf_class: ClassVar[str] = "ckg:Quantity"
    segment: ClassVar[str] = "quantity"
    unit: Annotated[Unit, Rdf("ckg:unit")]
    value: Annotated[float | None, Rdf("schema:value")] = None
    min: Annotated[float | None, Rdf("schema:minValue")] = None
    max: Annotated[float | None, Rdf("schema:maxValue")] = None
    qualifier: Annotated[Qualifier, Rdf("ckg:qualifier")] = Qualifier.exactly
    per: Annotated[Per, Rdf("ckg:per")] = Per.total
    measure: Annotated[Measure, Rdf("ckg:measure")] = Measure.amount
    product: Annotated[ChipId | None, Rdf("ckg:countsProduct")] = None
    # A percent amount is an equity stake: who holds it once the deal is done (together, if several)
    # and in what. No `stake_in` means a venture, unit or asset with no record, which the note names.
    holders: Annotated[list[OrgId], Rdf("ckg:stakeHolder")] = []
    stake_in: Annotated[OrgId | None, Rdf("ckg:stakeIn")] = None
    note: Annotated[Text | None, Rdf("schema:description")] = None
    sources: OptionalSources = []

    @property
    def is_stake(self) -> bool:
        """A percent amount: the only figure that is a share of a company's equity."""
        return self.unit == Unit.percent and self.measure == Measure.amount

    @model_validator(mode="after")
    def _one_figure(self) -> Quantity:
        if self.value is None and self.min is None and self.max is None:
            raise ValueError("a quantity needs 'value', or 'min' and/or 'max' for a range")
        if self.value is not None and (self.min is not None or self.max is not None):
            raise ValueError("give either 'value' or a 'min'/'max' range, not both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"range min {self.min:g} is above max {self.max:g}: swap them")
        if self.per == Per.share and self.unit not in CURRENCY_UNITS:
            raise ValueError(f"per: share is a price per share, so its unit is a currency, not '{self.unit}': give the price's currency")
        if self.measure == Measure.valuation and (self.unit not in CURRENCY_UNITS or self.per != Per.total):
            raise ValueError("measure: valuation is what a company is worth, so it is money in total: give a currency and no 'per'")
        if self.measure == Measure.interest_rate and (self.unit != Unit.percent or self.per != Per.year):
            raise ValueError("measure: interest_rate is the yearly interest on a loan or note: give unit: percent and per: year")
        if self.measure in (Measure.revenue_share, Measure.proportion) and self.unit != Unit.percent:
            raise ValueError(f"measure: {self.measure} is a share of a whole: give unit: percent")
        if (self.holders or self.stake_in) and not self.is_stake:
            raise ValueError("'holders' and 'stake_in' describe an equity stake, which is a percent amount: drop them, or give unit: percent and measure: amount")
        if self.unit == Unit.wafers_per_month and self.per != Per.total:
            # The unit is a rate already: a second 'per' would read as wafers per month per month.
            raise ValueError(f"unit: wafers_per_month is already a monthly rate: drop 'per: {self.per}' (or give unit: wafers with a per)")
        return self


# A spec name ending in a unit's word fixes the unit, so the same figure compares across chips and queries.
SPEC_NAME_UNITS = {"_gb": "GB", "_tflops": "TFLOPS", "_pflops": "PFLOPS", "_exaflops": "EFLOPS", "_tops": "TOPS",
                   "_pops": "POPS", "_gbps": "Gb/s", "_tbps": "Tb/s", "_tb_per_s": "TB/s", "_w": "W", "_kw": "kW",
                   "_mm2": "mm²", "_bits": "bits", "_lanes": "lanes", "_cores": "cores"}  # fmt: skip


class Spec(Node):
    """One key figure of a product: `name` is a snake_case measure such as fp8_tflops."""

    rdf_class: ClassVar[str] = "ckg:Spec"
    segment: ClassVar[str] = "spec"
    name: Annotated[str, Rdf("schema:name"), Field(pattern=r"^[a-z][a-z0-9_]*$")]
    value: Annotated[float, Rdf("schema:value")]
    unit: Annotated[Text, Rdf("schema:unitText")]

    @model_validator(mode="after")
    def _unit_the_name_says(self) -> Spec:
        for suffix, unit in SPEC_NAME_UNITS.items():
            if self.name.endswith(suffix) and self.unit != unit:
                raise _field_error(self, "unit", f"a spec named '{self.name}' is in {unit}: write 'unit: {unit}' (convert the value if needed)")
        return self


class ChipCount(Node):
    """How many of a product a facility hosts (count left out when undisclosed)."""

    rdf_class: ClassVar[str] = "ckg:HostedChips"
    segment: ClassVar[str] = "hosts"
    product: Annotated[ChipId, Rdf("ckg:product")]
    count: Annotated[int | None, Rdf("ckg:count"), Field(ge=1)] = None
    qualifier: Annotated[Qualifier, Rdf("ckg:qualifier")] = Qualifier.exactly


class Party(Node):
    rdf_class: ClassVar[str] = "ckg:Party"
    segment: ClassVar[str] = "party"
    org: Annotated[OrgId, Rdf("ckg:organization")]
    role: Annotated[PartyRole, Rdf("ckg:role")]
    note: Annotated[Text | None, Rdf("schema:description")] = None


class StatusEvent(Node):
    """A dated change of a deal's status, with the sources that reported it."""

    rdf_class: ClassVar[str] = "ckg:StatusChange"
    segment: ClassVar[str] = "status"
    status: Annotated[DealStatus, Rdf("ckg:status")]
    date: Annotated[PartialDate, Rdf("ckg:date")]
    note: Annotated[Text | None, Rdf("schema:description")] = None
    sources: Sources


def _dependent_required(schema: dict[str, Any], model: type[BaseModel]) -> None:
    needs = getattr(model, "needs", {})
    if needs:
        schema["dependentRequired"] = {field: [needed] for field, needed in needs.items()}


class Record(Node):
    """A curated record: one YAML file under data/<kind>/, named by its id."""

    model_config = ConfigDict(json_schema_extra=_dependent_required)
    kind: ClassVar[str]
    # field -> the field it needs when set, e.g. a description needs its sources. One declaration
    # read by the validator, the JSON Schema (dependentRequired) and the SHACL shapes.
    needs: ClassVar[dict[str, str]] = {}
    id: Slug
    name: Annotated[Text, Rdf("schema:name")]

    @model_validator(mode="after")
    def _needed_fields_given(self) -> Record:
        for field, needed in self.needs.items():
            if getattr(self, field) and not getattr(self, needed):
                fix = "cite the page that states it under 'sources'" if needed == "sources" else f"give the '{needed}' it is read from"
                raise _field_error(self, field, f"{fix}, or leave it out")
        return self


class Organization(Record):
    kind: ClassVar[str] = "organizations"
    rdf_class: ClassVar[str] = "schema:Organization"
    # A description says what an organization is and does: claims like any other.
    needs: ClassVar[dict[str, str]] = {"description": "sources"}
    aliases: Annotated[list[Text], Rdf("schema:alternateName")] = []
    roles: Annotated[list[OrgRole], Rdf("ckg:orgRole"), Field(min_length=1)]
    country: Annotated[Country, Rdf("ckg:country")]
    parent: Annotated[OrgId | None, Rdf("schema:parentOrganization", inverse="schema:subOrganization")] = None
    wikidata: Annotated[WikidataId | None, Rdf("owl:sameAs")] = None
    website: Annotated[HttpsUrl | None, Rdf("schema:url")] = None
    description: Annotated[Text | None, Rdf("schema:description")] = None
    sources: OptionalSources = []
    sources_checked: SourcesChecked = None


class Chip(Record):
    """A chip or other product: accelerators, HBM generations, systems, process nodes."""

    kind: ClassVar[str] = "chips"
    rdf_class: ClassVar[str] = "ckg:Product"
    needs: ClassVar[dict[str, str]] = {"process_nm": "process_node"}
    aliases: Annotated[list[Text], Rdf("schema:alternateName")] = []
    product_kind: Annotated[ProductKind, Rdf("ckg:productKind")]
    designer: Annotated[OrgId, Rdf("ckg:designedBy", inverse="ckg:designs")]
    design_partners: Annotated[list[OrgId], Rdf("ckg:designPartner")] = []
    foundry: Annotated[OrgId | None, Rdf("ckg:fabricatedBy", inverse="ckg:fabricates")] = None
    process_node: Annotated[Text | None, Rdf("ckg:processNode")] = None
    # The node's size as marketed (N3P -> 3, 18A -> 1.8), so chips compare across foundries' names, as
    # hardware databases list it; DRAM nodes, named by generation (1b, 1-beta), have none.
    process_nm: Annotated[float | None, Rdf("ckg:processSizeNm"), Field(gt=0, le=1000)] = None
    packaging: Annotated[Text | None, Rdf("ckg:packaging")] = None
    memory: Annotated[list[ChipId], Rdf("ckg:usesMemory")] = []
    codename: Annotated[Text | None, Rdf("ckg:codename")] = None
    announced: Annotated[PartialDate | None, Rdf("ckg:announced")] = None
    available: Annotated[PartialDate | None, Rdf("ckg:available")] = None
    status: Annotated[ProductStatus, Rdf("ckg:productStatus")]
    specs: Annotated[list[Spec], Rdf("ckg:spec")] = []
    description: Annotated[Text | None, Rdf("schema:description")] = None
    sources: Sources
    sources_checked: SourcesChecked = None


class Facility(Record):
    """A data centre, campus or cluster (and fabs): where compute is built or hosted."""

    kind: ClassVar[str] = "facilities"
    rdf_class: ClassVar[str] = "ckg:Facility"
    aliases: Annotated[list[Text], Rdf("schema:alternateName")] = []
    facility_kind: Annotated[FacilityKind, Rdf("ckg:facilityKind")]
    country: Annotated[Country, Rdf("ckg:country")]
    region: Annotated[Text | None, Rdf("ckg:region")] = None
    city: Annotated[Text | None, Rdf("ckg:city")] = None
    operator: Annotated[OrgId | None, Rdf("ckg:operatedBy", inverse="ckg:operates")] = None
    owners: Annotated[list[OrgId], Rdf("ckg:ownedBy", inverse="ckg:owns")] = []
    tenants: Annotated[list[OrgId], Rdf("ckg:tenant", inverse="ckg:tenantOf")] = []
    power: Annotated[list[Quantity], Rdf("ckg:power")] = []
    chips: Annotated[list[ChipCount], Rdf("ckg:hosts")] = []
    status: Annotated[FacilityStatus, Rdf("ckg:facilityStatus")]
    announced: Annotated[PartialDate | None, Rdf("ckg:announced")] = None
    operational: Annotated[PartialDate | None, Rdf("ckg:operationalSince")] = None
    description: Annotated[Text | None, Rdf("schema:description")] = None
    sources: Sources
    sources_checked: SourcesChecked = None


class Deal(Record):
    """An n-ary statement: who did what with whom, for how much, and how sure we are."""

    kind: ClassVar[str] = "deals"
    rdf_class: ClassVar[str] = "ckg:Deal"
    deal_type: Annotated[DealType, Rdf("ckg:dealType")]
    parties: Annotated[list[Party], Rdf("ckg:party"), Field(min_length=1)]
    products: Annotated[list[ChipId], Rdf("ckg:concernsProduct")] = []
    facilities: Annotated[list[FacilityId], Rdf("ckg:concernsFacility")] = []
    quantities: Annotated[list[Quantity], Rdf("ckg:quantity")] = []
    summary: Annotated[Text | None, Rdf("schema:description")] = None
    status_history: Annotated[list[StatusEvent], Rdf("ckg:statusChange"), Field(min_length=1)]
    # A link holds both ways (the RDF gets both triples): list it on either deal.
    related: Annotated[list[DealId], Rdf("ckg:relatedDeal", inverse="ckg:relatedDeal")] = []
    # A facet whose amounts a larger deal's amounts already count (a stake within a programme's total):
    # sums take the whole or its parts, never both.
    part_of: Annotated[DealId | None, Rdf("ckg:partOf", inverse="ckg:hasPart")] = None
    sources: OptionalSources = []
    sources_checked: SourcesChecked = None

    @property
    def status(self) -> DealStatus:
        """The latest status in the history."""
        return self.status_history[-1].status

    @property
    def status_date(self) -> str:
        """When the latest status was reached: the history is in time order (the loader checks)."""
        return self.status_history[-1].date

    def first_date(self, *statuses: DealStatus) -> str | None:
        return next((e.date for e in self.status_history if e.status in statuses), None)

    def largest_total(self, divisors: Mapping[Unit, float]) -> float | None:
        """The deal's largest total amount among the figures in `divisors`' units, each divided by its
        unit's divisor to bring it to one scale (a range counts at its top); never a valuation, a rate
        or a price per share, whose sums mean nothing. None when no figure is such an amount."""
        values = [
            amount / divisors[q.unit]
            for q in self.quantities
            if q.unit in divisors and q.per == Per.total and q.measure == Measure.amount
            if (amount := q.value if q.value is not None else q.max)
        ]
        return max(values) if values else None

    @property
    def usd_amount(self) -> float | None:
        """The deal's amount in US dollars, carried in the RDF as ckg:usdAmount: the queries sum it and
        the pages size edges by it."""
        return self.largest_total({Unit.usd: 1})

    @property
    def power_gw(self) -> float | None:
        """The deal's power in gigawatts, whether its figures are written in GW or MW, carried in the
        RDF as ckg:powerGw: "1.2 GW" and "750 MW" in two deals must add up in one unit."""
        return self.largest_total({Unit.gw: 1, Unit.mw: 1000})


RECORD_MODELS: dict[str, type[Record]] = {m.kind: m for m in (Organization, Chip, Facility, Deal)}
