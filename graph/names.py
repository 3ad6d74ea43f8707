"""Names as people type them: one form in which "AWS", "aws" and "A.W.S." meet, in any script;
and whether the words of a deal's pages name each of its parties."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from ..schemas.introspect import sources
from ..schemas.models import Deal, Organization, Party


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


def parties_no_page_names(deal: Deal, organizations: Mapping[str, Organization]) -> list[Party]:
    """The deal's parties that no quote or seen headline of its pages names, by name or alias: their part
    rests on our own words (the summary, a note) or on a product's maker, not on words a reader can find
    on a page. A title made from the address is our reading of it, not the page's words, so it does not count."""
    page_words = [source.quote for _, source in sources(deal) if source.quote]
    page_words += [source.title for _, source in sources(deal) if not source.title_from_url]
    quoted = " ".join(page_words)
    words, letters = _word_form(quoted), normalize_name(quoted)
    return [
        party for party in deal.parties
        if not any(_named_in(name, words, letters) for name in (organizations[party.org].name, *organizations[party.org].aliases))
    ]  # fmt: skip
