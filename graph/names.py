"""Names as people type them: one form in which "AWS", "aws" and "A.W.S." meet, in any script."""

from __future__ import annotations

import unicodedata


def normalize_name(name: str) -> str:
    """Casefolded letters and digits of any script; accents, spaces and punctuation dropped.

    NFKD first, so "é" folds to "e" and full-width "ＡＷＳ" to "aws"; letters outside the Latin
    alphabet (寒武纪, Яндекс) are kept, so names in other scripts stay distinct.
    """
    text = unicodedata.normalize("NFKD", name).casefold()
    return "".join(char for char in text if char.isalnum())
