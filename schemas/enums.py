"""Controlled vocabularies. Each enum becomes a SKOS concept scheme in RDF.

Values are lowercase snake_case because they are written by hand in YAML and
turned into IRIs (`vocab#status/in_talks`) without escaping.
"""

from __future__ import annotations

from enum import Enum


class Vocabulary(str, Enum):
    """Base for every controlled list: str-valued, so YAML and JSON carry plain strings."""

    def __str__(self) -> str:
        return self.value


class OrgRole(Vocabulary):
    ai_lab = "ai_lab"
    chip_designer = "chip_designer"
    design_services = "design_services"  # ASIC partners: Broadcom, Marvell, Alchip, GUC
    foundry = "foundry"
    memory_supplier = "memory_supplier"
    packaging = "packaging"  # advanced packaging and OSATs
    equipment_supplier = "equipment_supplier"
    server_maker = "server_maker"  # ODMs and OEMs
    networking = "networking"
    cloud = "cloud"
    neocloud = "neocloud"
    datacenter_operator = "datacenter_operator"
    datacenter_developer = "datacenter_developer"
    energy_supplier = "energy_supplier"
    investor = "investor"
    bank = "bank"  # banks, brokers and advisers that lend, underwrite or arrange financing
    government = "government"
    # Display, electronics and component makers outside the AI chip chain, in the graph for the plants
    # and sites they sell to it (Sharp's Sakai plant, LG Display's Paju buildings, Innolux's Tainan fab).
    electronics_maker = "electronics_maker"
    # AI infrastructure software: GPU orchestration, compilers, memory tiering (Run:ai, Modular, MEXT);
    # tagging them cloud said they sell capacity, which no page says.
    software = "software"


class ProductKind(Vocabulary):
    gpu = "gpu"
    tpu = "tpu"
    accelerator = "accelerator"  # other AI ASICs: Trainium, MTIA, Maia, wafer-scale, LPU...
    cpu = "cpu"
    hbm = "hbm"
    memory = "memory"
    system = "system"  # racks and servers: GB200 NVL72, DGX...
    network = "network"
    process_node = "process_node"
    packaging_technology = "packaging_technology"
    equipment = "equipment"  # chipmaking tools: EUV scanners, bonders, test systems


class ProductStatus(Vocabulary):
    rumored = "rumored"
    in_development = "in_development"
    announced = "announced"
    sampling = "sampling"
    in_production = "in_production"
    shipping = "shipping"
    discontinued = "discontinued"
    cancelled = "cancelled"


class FacilityKind(Vocabulary):
    datacenter = "datacenter"
    datacenter_campus = "datacenter_campus"
    cluster = "cluster"  # a named compute cluster that may span sites
    fab = "fab"
    packaging_plant = "packaging_plant"
    memory_fab = "memory_fab"


class FacilityStatus(Vocabulary):
    rumored = "rumored"
    planned = "planned"
    under_construction = "under_construction"
    paused = "paused"
    operational = "operational"
    cancelled = "cancelled"


class DealType(Vocabulary):
    custom_silicon = "custom_silicon"
    chip_supply = "chip_supply"
    memory_supply = "memory_supply"
    packaging_supply = "packaging_supply"
    equipment_supply = "equipment_supply"
    foundry_manufacturing = "foundry_manufacturing"
    cloud_capacity = "cloud_capacity"  # compute purchase / rental of capacity
    datacenter_partnership = "datacenter_partnership"
    energy_supply = "energy_supply"
    investment = "investment"
    acquisition = "acquisition"
    licensing = "licensing"
    partnership = "partnership"
    government_grant = "government_grant"


class PartyRole(Vocabulary):
    customer = "customer"  # the buyer, tenant or licensee
    supplier = "supplier"  # sells chips, memory, equipment, power
    designer = "designer"  # designs the chip for the customer (or itself)
    design_partner = "design_partner"  # co-designs for another: Broadcom for OpenAI
    manufacturer = "manufacturer"  # fabricates or packages
    provider = "provider"  # sells cloud capacity
    investor = "investor"
    investee = "investee"
    acquirer = "acquirer"
    target = "target"  # the company, stake or site bought
    seller = "seller"  # who sold the target: a parent, a fund, the owner of a site
    licensor = "licensor"
    licensee = "licensee"
    developer = "developer"  # builds a data centre
    operator = "operator"
    lender = "lender"
    borrower = "borrower"
    guarantor = "guarantor"  # backs another's obligations: a lease backstop, a loan guarantee
    arranger = "arranger"  # arranges or underwrites another's financing: an offering's underwriters, a loan's arranger
    grantor = "grantor"
    grantee = "grantee"
    partner = "partner"


class DealStatus(Vocabulary):
    rumored = "rumored"
    in_talks = "in_talks"
    announced = "announced"
    signed = "signed"
    delivered = "delivered"
    completed = "completed"
    cancelled = "cancelled"
    lapsed = "lapsed"


# How far a deal has come. A status history may only move forward; the end
# states (cancelled, lapsed) may follow any other.
DEAL_STATUS_RANK: dict[DealStatus, int] = {
    DealStatus.rumored: 0,
    DealStatus.in_talks: 1,
    DealStatus.announced: 2,
    DealStatus.signed: 3,
    DealStatus.delivered: 4,
    DealStatus.completed: 4,
}
UNCONFIRMED_STATUSES = frozenset({DealStatus.rumored, DealStatus.in_talks})
ENDED_STATUSES = frozenset({DealStatus.cancelled, DealStatus.lapsed})
# Not yet delivered, completed or ended: a later step is still to come.
OPEN_STATUSES = frozenset({DealStatus.rumored, DealStatus.in_talks, DealStatus.announced, DealStatus.signed})


class SourceKind(Vocabulary):
    press_release = "press_release"
    filing = "filing"  # regulatory filings: SEC, exchanges
    company_blog = "company_blog"
    official_statement = "official_statement"  # an executive on the record, an earnings call
    news_report = "news_report"
    report_citing_anonymous_sources = "report_citing_anonymous_sources"
    analyst_report = "analyst_report"
    reference = "reference"  # an encyclopedia or database entry
    # A page from a site that restates other outlets' stories (AI-news digests, aggregators, blog reposts): kept when
    # it is all we have, labelled so a reader can tell it from reporting and the coverage statement can count what
    # rests on it. A page passing on unnamed people's claims is report_citing_anonymous_sources instead.
    digest = "digest"


PRIMARY_SOURCE_KINDS = frozenset(
    {SourceKind.press_release, SourceKind.filing, SourceKind.company_blog, SourceKind.official_statement}
)


class Unit(Vocabulary):
    # Money in the currency reported (ISO 4217, lowercase); never converted, so figures stay as stated.
    usd = "usd"
    eur = "eur"
    gbp = "gbp"
    cny = "cny"
    jpy = "jpy"
    krw = "krw"
    hkd = "hkd"
    twd = "twd"
    aud = "aud"
    cad = "cad"
    chf = "chf"
    sgd = "sgd"
    inr = "inr"
    sar = "sar"
    aed = "aed"
    brl = "brl"
    thb = "thb"
    myr = "myr"
    sek = "sek"
    zar = "zar"
    mxn = "mxn"
    vnd = "vnd"
    idr = "idr"
    gw = "gw"
    mw = "mw"
    # Energy, not power: a battery's storage ("350MW/1,400MWh") or a supply contract's yearly output (with
    # per: year). Spelt out because three-letter units are currencies (CURRENCY_UNITS).
    megawatt_hours = "megawatt_hours"
    gigawatt_hours = "gigawatt_hours"
    terawatt_hours = "terawatt_hours"
    chips = "chips"  # count of accelerators (name them with `product`)
    # Reports often count whole systems, not chips ("500 GB200 NVL72 racks", "10,000 GPU servers"); kept as
    # counted, never turned into chips, and named with `product` where the page names the system.
    racks = "racks"  # rack-scale systems: GB200/GB300 NVL72, Helios
    servers = "servers"  # servers and boxed systems: DGX/HGX, CS-3
    wafers_per_month = "wafers_per_month"  # capacity
    wafers = "wafers"  # a count: an order or a year's allotment, not a monthly rate
    percent = "percent"  # an equity stake
    shares = "shares"
    years = "years"  # the term of a contract


class Qualifier(Vocabulary):
    exactly = "exactly"
    approximately = "approximately"
    up_to = "up_to"
    at_least = "at_least"
    more_than = "more_than"
    less_than = "less_than"  # "fewer than 30,000", "under $1 billion": a ceiling the value stays below


# The units that are money, in the currency reported: a price per share must be one of them. Currencies
# are the ISO 4217 codes, the only three-letter units, so a new unit of another kind needs a longer name.
CURRENCY_UNITS = frozenset(unit for unit in Unit if len(unit.value) == 3 and unit.value.isalpha())


class Measure(Vocabulary):
    # What a figure measures. Most are the deal's amount (money paid or committed, power, chips); a
    # valuation is the worth of a company the deal implies (pre- or post-money, market value at a
    # listing), which no sum of deal amounts may add.
    amount = "amount"
    valuation = "valuation"
    # The yearly interest a loan or note bears, in percent: the price of the money, neither an amount
    # nor a stake (a percent `amount` is an equity stake).
    interest_rate = "interest_rate"
    # A share of revenue or sales paid to a party (a royalty, a government's cut of licensed sales), in
    # percent: neither an amount nor a stake.
    revenue_share = "revenue_share"
    # Any other part of a whole that is not the company's equity, in percent: a supplier's share of an
    # order or a procurement, the part of a cost a subsidy covers, the part of an offering cornerstone
    # investors take. The figure's note says of what.
    proportion = "proportion"


class Per(Vocabulary):
    total = "total"
    year = "year"
    quarter = "quarter"
    month = "month"
    # A price per share (an IPO's offer price, a takeover's cash per share, a warrant's strike): queryable,
    # yet never summed with deal values, which are `total`.
    share = "share"
