"""The static site: an index with search, the whole graph, a page per organization, deal, chip and facility.

Every page works from disk with no network: scripts and styles are copied into
`assets/`, data is embedded as JSON that cannot close its <script> element, and text
from the data is escaped by Jinja's autoescape. Only http(s) addresses become links.
Files are written atomically and the same data gives the same bytes.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import networkx as nx
from markupsafe import Markup

from ..schemas.models import Chip, Deal, Organization, Quantity
from .export import write_atomic
from .kg import KnowledgeGraph
from .links import deal_links
from .stats import compute_stats
from .visual import (
    ROLE_COLOURS,
    VIS_ASSETS,
    layout,
    network_payload,
    prepared_edges,
    prepared_nodes,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"
ASSETS = Path(__file__).resolve().parent / "assets"
FOLDERS = {"organizations": "org", "deals": "deal", "chips": "chip", "facilities": "facility"}
# Currencies print as their ISO code; the other units as a person writes them.
UNIT_LABELS = {"gw": "GW", "mw": "MW", "megawatt_hours": "MWh", "gigawatt_hours": "GWh", "terawatt_hours": "TWh",
               "chips": "chips", "racks": "racks", "servers": "servers",
               "wafers_per_month": "wafers/month", "wafers": "wafers", "percent": "%", "shares": "shares",
               "years": "years"}  # fmt: skip
QUALIFIER_LABELS = {"exactly": "", "approximately": "about ", "up_to": "up to ", "at_least": "at least ",
                    "more_than": "more than ", "less_than": "less than "}  # fmt: skip
# A measure other than the deal's amount is named after the figure, so no reader takes it for one.
MEASURE_LABELS = {"valuation": " valuation", "interest_rate": " interest rate", "revenue_share": " of revenue", "proportion": " share"}


def script_json(value: Any) -> Markup:
    """JSON safe inside <script>: no '<', '>' or '&' survives, so '</script>' in data cannot end the element."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def safe_href(url: str | None) -> str | None:
    """The address if it is http(s), else None: no javascript:, data: or relative tricks become links."""
    if not url:
        return None
    return url if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc else None


def quantity_text(quantity: Quantity) -> str:
    def number(value: float) -> str:
        for size, suffix in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
            if abs(value) >= size:
                return f"{value / size:,.4g}{suffix}"
        return f"{value:,.6g}"

    unit = UNIT_LABELS.get(str(quantity.unit), str(quantity.unit).upper())
    if quantity.value is not None:
        figure = number(quantity.value)
    else:
        figure = " to ".join(number(v) for v in (quantity.min, quantity.max) if v is not None)
    per = "" if str(quantity.per) == "total" else f" per {quantity.per}"
    measure = MEASURE_LABELS.get(str(quantity.measure), "")
    return f"{QUALIFIER_LABELS[str(quantity.qualifier)]}{figure} {unit}{per}{measure}"


def process_text(chip: Chip) -> str:
    """The node as named, plus its size where the name does not say it ("N3P, 3 nm class"), so nodes compare."""
    if chip.process_nm is None:
        return str(chip.process_node)
    size = f"{chip.process_nm:g}"
    if re.search(rf"(?<![\d.]){re.escape(size)} ?nm", chip.process_node):
        return str(chip.process_node)
    return f"{chip.process_node}, {size} nm class"


@dataclass(frozen=True)
class SiteOptions:
    ego_radius: int = 1


class SiteBuilder:
    def __init__(self, kg: KnowledgeGraph, out_dir: Path, options: SiteOptions = SiteOptions()) -> None:
        self.kg = kg
        self.out = out_dir
        self.options = options
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["script_json"] = script_json
        self.env.filters["quantity"] = quantity_text
        self.env.filters["process"] = process_text
        self.env.filters["label"] = lambda value: str(value).replace("_", " ")
        self.env.globals["safe_href"] = safe_href
        self.env.globals["page_of"] = self.page_of
        self.env.globals["name_of"] = self.name_of
        self.env.globals["role_colours"] = ROLE_COLOURS
        # Every cross-reference a page needs, indexed once: per-page scans would make the build quadratic.
        self.pages = {r.id: f"{FOLDERS[r.kind]}/{r.id}.html" for r in kg.records()}
        self.links = deal_links(kg.deals.values())
        self.products_of: dict[str, list[Any]] = defaultdict(list)
        for chip in sorted(kg.chips.values(), key=lambda c: c.id):
            for org in {chip.designer, chip.foundry, *chip.design_partners} - {None}:
                self.products_of[org].append(chip)  # type: ignore[index]
        self.facilities_of: dict[str, list[Any]] = defaultdict(list)
        for facility in sorted(kg.facilities.values(), key=lambda f: f.id):
            for org in {facility.operator, *facility.owners, *facility.tenants} - {None}:
                self.facilities_of[org].append(facility)  # type: ignore[index]
        self.children_of: dict[str, list[str]] = defaultdict(list)
        for org in sorted(kg.organizations.values(), key=lambda o: o.id):
            if org.parent:
                self.children_of[org.parent].append(org.id)
        self.amounts = {d.id: a for d in kg.deals.values() if (a := d.usd_amount)}

    # ------------------------------------------------------------ naming

    def page_of(self, record_id: str) -> str:
        return self.pages[record_id]

    def name_of(self, record_id: str) -> str:
        return self.kg[record_id].name

    # ------------------------------------------------------------ writing

    def write(self, relative: str, template: str, **context: Any) -> None:
        depth = relative.count("/")
        html = self.env.get_template(template).render(root="../" * depth, **context)
        write_atomic(self.out / relative, html.encode("utf-8"))

    def graph_payload(self, graph: nx.MultiDiGraph) -> dict[str, Any]:
        positions = layout(graph)
        return network_payload(prepared_nodes(graph, positions, self.pages), prepared_edges(graph, self.amounts, self.pages))

    def build(self) -> list[Path]:
        self.copy_assets()
        whole = self.kg.nx
        stats = compute_stats(self.kg)
        self.write("index.html", "index.html", title="AI compute supply chain", stats=stats, kg=self.kg, search=self.search_index())
        self.write("graph.html", "graph.html", title="The whole graph", payload=self.graph_payload(whole),
                   filters=self.filter_choices(self.kg.deals.values()))  # fmt: skip
        undirected = whole.to_undirected(as_view=True)
        for org in self.kg.organizations.values():
            self.write_org(org, whole, undirected)
        for deal in self.kg.deals.values():
            self.write("deal/" + deal.id + ".html", "deal.html", deal=deal, title=deal.name, unnamed=self.kg.unnamed[deal.id],
                       related=sorted(self.links.related_of[deal.id]), parts=self.links.parts_of[deal.id])  # fmt: skip
        for chip in self.kg.chips.values():
            self.write("chip/" + chip.id + ".html", "chip.html", chip=chip, title=chip.name, deals=self.links.deals_about[chip.id])
        for facility in self.kg.facilities.values():
            self.write("facility/" + facility.id + ".html", "facility.html", facility=facility, title=facility.name,
                       deals=self.links.deals_about[facility.id])  # fmt: skip
        return sorted(self.out.rglob("*.html"))

    def write_org(self, org: Organization, whole: nx.MultiDiGraph, undirected: nx.MultiGraph) -> None:
        ego = nx.ego_graph(undirected, org.id, radius=self.options.ego_radius)
        subgraph = whole.subgraph(ego.nodes).copy()
        deals = sorted(self.links.deals_of[org.id], key=lambda d: (d.status_history[0].date, d.id), reverse=True)
        timeline = sorted(
            ((event.date, deal, event) for deal in deals for event in deal.status_history), key=lambda item: (item[0], item[1].id)
        )
        # Stakes it holds or that are held in it: holders and company are parties, so its deals hold them all.
        stakes = [(deal, q) for deal in deals for q in deal.quantities if q.is_stake and org.id in (*q.holders, q.stake_in)]
        products, facilities, children = self.products_of[org.id], self.facilities_of[org.id], self.children_of[org.id]
        self.write("org/" + org.id + ".html", "org.html", org=org, title=org.name, deals=deals, timeline=timeline, stakes=stakes,
                   products=products, facilities=facilities, children=children, payload=self.graph_payload(subgraph),
                   filters=self.filter_choices(deals))  # fmt: skip

    @staticmethod
    def filter_choices(deals: Iterable[Deal]) -> dict[str, list[Any]]:
        deals = list(deals)
        return {
            "types": sorted({str(d.deal_type) for d in deals}),
            "statuses": sorted({str(d.status) for d in deals}),
            "years": sorted({int(d.status_history[0].date[:4]) for d in deals}),
        }

    def search_index(self) -> list[dict[str, Any]]:
        return [
            {"id": r.id, "name": r.name, "aliases": list(getattr(r, "aliases", [])), "kind": r.kind, "page": self.page_of(r.id)}
            for r in self.kg.records()
        ]

    def copy_assets(self) -> None:
        target = self.out / "assets"
        target.mkdir(parents=True, exist_ok=True)
        for source in (VIS_ASSETS / "vis-network.min.js", VIS_ASSETS / "vis-network.css", *sorted(ASSETS.iterdir())):
            destination = target / source.name
            if not destination.exists() or destination.read_bytes() != source.read_bytes():
                shutil.copyfile(source, destination)


def build_site(kg: KnowledgeGraph, out_dir: Path) -> list[Path]:
    """Write the site into out_dir; returns the pages written."""
    return SiteBuilder(kg, out_dir).build()

