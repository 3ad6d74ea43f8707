"""Names as people type them: one form in which "AWS", "aws" and "A.W.S." meet, in any script;
and whether the words of a deal's pages name each of its parties and products."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from ..schemas.introspect import sources
from ..schemas.models import Chip, Deal, Organization


def normalize_name(name: str) -> str:
    """Casefolded letters and digits of any script; accents, spaces and punctuation dropped.

    NFKD first, so "é" folds to "e" and full-width "ＡＷＳ" to "aws"; letters outside the Latin
    alphabet (寒武纪, Яндекс) are kept, so names in other scripts stay distinct.
    """
    text = unicodedata.normalize("NFKD", name).casefold()
    return "".join(char for char in text if char.isalnum())


# Where the CJK blocks (Chinese, kana, Hangul) begin: names in those scripts run into the words around
# them ("삼성전자는", "由寒武纪"), so they cannot be matched as whole words.
_FIRST_CJK = "\u2e80"
_WORD = re.compile(r"[^\W_]+")
# Each CJK character stands alone, so a Latin name written against CJK text ("KDDIが", "子公司QMN") is
# still a whole word. Full-width letters fold to plain ones first (NFKC), and Hangul is split while
# still composed, before NFKD turns it into jamo below the CJK blocks.
_CJK_CHAR = re.compile(f"([{_FIRST_CJK}-\U0010ffff])")


def _word_form(text: str) -> str:
    """Casefolded words without accents, space-separated and padded, so a name matches whole words only."""
    spaced = _CJK_CHAR.sub(r" \1 ", unicodedata.normalize("NFKC", text))
    folded = "".join(c for c in unicodedata.normalize("NFKD", spaced).casefold() if not unicodedata.combining(c))
    return " " + " ".join(_WORD.findall(folded)) + " "


def _named_in(name: str, words: str, letters: str) -> bool:
    # Names in Latin and other spaced scripts match whole words, accents folded ("AMD" is not in
    # "Amdocs", "Société Générale" is in "Societe Generale"); CJK names match anywhere in the letters.
    if all(char < _FIRST_CJK for char in name):
        return f" {_word_form(name).strip()} " in words
    return normalize_name(name) in letters


class Unnamed(NamedTuple):
    """A deal's parties (organization ids) and products (chip ids) that no quote or seen headline of its pages
    names: their part rests on our own words (the summary, a note) or on a product's maker, not on words a
    reader can find on a page."""

    parties: tuple[str, ...]
    products: tuple[str, ...]


def _named_by(names: Iterable[str], words: str, letters: str) -> bool:
    return any(_named_in(name, words, letters) for name in names)


def _product_names(chip: Chip, organizations: Mapping[str, Organization]) -> list[str]:
    """A product's name, its aliases, and its name without its designer's ("HBM3E" in a deal of SK hynix's
    "SK hynix HBM3E"), since pages about a maker's deal call its product by the model alone."""
    designer = organizations[chip.designer]
    makers = sorted((designer.name, *designer.aliases), key=len, reverse=True)
    bare = next((chip.name[len(m) + 1 :] for m in makers if chip.name.casefold().startswith(m.casefold() + " ")), None)
    return [chip.name, *chip.aliases, *([bare] if bare else [])]


def unnamed_by_pages(deal: Deal, organizations: Mapping[str, Organization], chips: Mapping[str, Chip]) -> Unnamed:
    """The deal's parties and products that no quote or seen headline of its pages names, by name or alias.
    A title made from the address is our reading of it, not the page's words, so it does not count."""
    page_words = [source.quote for _, source in sources(deal) if source.quote]
    page_words += [source.title for _, source in sources(deal) if not source.title_from_url]
    quoted = " ".join(page_words)
    words, letters = _word_form(quoted), normalize_name(quoted)
    return Unnamed(
        tuple(
            party.org for party in deal.parties
            if not _named_by((organizations[party.org].name, *organizations[party.org].aliases), words, letters)
        ),
        tuple(
            product for product in deal.products
            if not _named_by(_product_names(chips[product], organizations), words, letters)
        ),
    )  # fmt: skip


# News outlets, wires, research firms and analysts our own words credit ("Reuters reported", "per Omdia"):
# a reader must find the credit on a cited page, in its words, headline, publisher or address, under
# any of the outlet's names ("the FT reported" names the Financial Times).
CREDITED_SOURCES = (
    ("Reuters",), ("Bloomberg",), ("Financial Times", "FT"), ("The Information",), ("Wall Street Journal", "WSJ"),
    ("Nikkei",), ("CNBC",), ("TechCrunch",), ("DigiTimes",), ("Yonhap",), ("TheElec", "The Elec"),
    ("Korea Economic Daily", "Hankyung"), ("Semafor",), ("Axios",), ("New York Times", "NYT"), ("Caixin",),
    ("South China Morning Post", "SCMP"), ("Business Insider",), ("The Verge",), ("Data Center Dynamics", "DCD", "DatacenterDynamics"),
    ("Handelsblatt",), ("Les Echos",), ("Economic Times",), ("Chosun",), ("JoongAng",), ("36Kr",), ("LatePost",),
    ("Tom's Hardware",), ("TrendForce",), ("Omdia",), ("SemiAnalysis",), ("The Register",), ("Dow Jones",), ("MLex",),
    ("Sedaily", "Seoul Economic Daily"), ("ETNews",), ("ZDNet",), ("Kyodo",), ("Jiji",), ("Ming-Chi Kuo",), ("Associated Press",),
)  # fmt: skip


def uncredited_sources(text: str, page_words: list[str]) -> list[str]:
    """The outlets our text credits that no cited page's words, headline, publisher or address name."""
    # Our text is matched as written, since "the information" in a sentence credits no one; pages in any case.
    ours = text.replace("\u2019", "'")
    pages = " ".join(page_words)
    page_form, page_letters = _word_form(pages), normalize_name(pages)

    def credited(name: str) -> bool:
        return bool(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", ours))

    def named_by_a_page(name: str) -> bool:
        # A short form is found only as a word ("FT"), a full name also run together in an address.
        return _named_in(name, page_form, "") or (len(name) > 4 and normalize_name(name) in page_letters)

    return [
        name for names in CREDITED_SOURCES for name in names
        if credited(name) and not any(named_by_a_page(other) for other in names)
    ]  # fmt: skip
