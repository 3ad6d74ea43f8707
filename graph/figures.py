"""Which numbers a quote states, and how it qualifies them, so a figure can be checked against its words.

Sources write figures in many ways: "$1.5 billion", "1,500MW", "9,9 Milliarden Euro",
"6억9,300만 달러", "¥40 млрд", "half a trillion dollars", "a seven-year contract", "為期四年".
`states(value, quote)` reads every number a quote may mean, scaled by the word after it,
and says whether one of them is the recorded value; `qualifier_is_worded` checks that the
"up to", "about", "more than" or "at least" of a figure is in its quote near the number.
Both read generously (1.500 may be one and a half or fifteen hundred): they exist to
catch a quote that gives no such figure or wording at all, not to parse prose exactly.
`wordings` reads the other way, strictly (no rounding, no range ends): how a quote gives
one value, bare or qualified, so a record can be checked for a wording no figure records.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..schemas.models import Quantity

# A scale word after a number, in the languages the cited pages use; matched case-insensitively.
SCALES = {
    "dozen": 12, "thousand": 1e3, "k": 1e3, "тыс": 1e3, "千": 1e3, "천": 1e3,
    "million": 1e6, "millions": 1e6, "millionen": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "mil": 1e6, "млн": 1e6,
    "milioni": 1e6, "millones": 1e6, "milhões": 1e6, "mio": 1e6, "百万": 1e6, "milione": 1e6, "millón": 1e6, "milhão": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "bil": 1e9, "млрд": 1e9, "milliard": 1e9, "milliards": 1e9,
    "milliarden": 1e9, "miliardi": 1e9, "mrd": 1e9, "bilhões": 1e9, "अरब": 1e9, "miliardo": 1e9, "milliarde": 1e9,
    "mil millones": 1e9, "mil milhões": 1e9,
    "trillion": 1e12, "tn": 1e12, "трлн": 1e12,
    "lakh": 1e5, "crore": 1e7, "करोड़": 1e7, "lakh crore": 1e12, "lakh-crore": 1e12, "लाख करोड़": 1e12,
    "juta": 1e6, "miliar": 1e9, "triliun": 1e12, "triệu": 1e6, "tỷ": 1e9,  # Indonesian, Vietnamese
    "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,  # Russian
    "miljoen": 1e6, "miljard": 1e9, "miljoner": 1e6, "miljarder": 1e9, "milyon": 1e6, "milyar": 1e9,  # Dutch, Swedish, Turkish
    "万": 1e4, "萬": 1e4, "만": 1e4, "億": 1e8, "亿": 1e8, "억": 1e8, "兆": 1e12, "조": 1e12,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50,
    "hundred": 100, "half a": 0.5, "half": 0.5, "decade": 10,
}  # fmt: skip
# Number words of the other languages cited pages use. Many are everyday words elsewhere ("due",
# "dos", "tre"), so these count only before a scale or a span of years: "douze ans", "seis mil
# millones", "mezzo miliardo", "un demi-milliard".
NUMBER_WORDS_ABROAD = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "cinquante": 50, "demi": 0.5,  # French
    "uno": 1, "una": 1, "um": 1, "uma": 1, "dos": 2, "dois": 2, "tres": 3, "três": 3, "cuatro": 4, "quatro": 4,
    "cinco": 5, "seis": 6, "siete": 7, "sete": 7, "ocho": 8, "oito": 8, "nueve": 9, "diez": 10, "dez": 10,
    "doce": 12, "doze": 12, "veinte": 20, "vinte": 20, "treinta": 30, "trinta": 30, "medio": 0.5, "meio": 0.5,  # Spanish, Portuguese
    "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
    "dodici": 12, "quindici": 15, "venti": 20, "trenta": 30, "mezzo": 0.5,  # Italian
    "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwölf": 12, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "halbe": 0.5,  # German
}  # fmt: skip
_YEARS_ABROAD = "ans|années|años|anos|anni|jahre|jahren"
CJK_DIGITS = "一二三四五六七八九十"
TOLERANCE = 0.006  # "$1.2 billion" for 1,204,000,000 is a rounding, not another figure
NEAR = 45  # characters either side of a number in which its qualifier is looked for

_SCALE = "|".join(sorted((re.escape(word) for word in SCALES), key=len, reverse=True))
_DIGITS = r"\d+(?:[.,\s]\d+)*"
# A currency written just before a number: "US$5bn", "Rs 3,706 crore", "RM1 billion".
_CURRENCY_MARK = r"(?:US\$|HK\$|A\$|S\$|C\$|Rs\.?|RM|[$€£¥₹₩])"
# A scale counts only as a whole word: the "m" of "MW" is not a million.
_NUMBER = re.compile(rf"({_DIGITS})(?:\s*-?\s*({_SCALE})(?![a-z]))?", re.IGNORECASE)
_WORD = re.compile(rf"\b({'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})(?:[\s-]+({_SCALE})(?![a-z]))?\b", re.IGNORECASE)
_WORD_ABROAD = re.compile(
    rf"\b({'|'.join(sorted(NUMBER_WORDS_ABROAD, key=len, reverse=True))})[\s-]+({_SCALE}|{_YEARS_ABROAD})(?![a-z])",
    re.IGNORECASE,
)
# A range's first number takes the scale written after its second: "$300-350 million", "1.5 to 2 billion".
_SHARED_SCALE = re.compile(
    rf"({_DIGITS})\s*(?:[-–—]|to)\s*{_CURRENCY_MARK}?\s*{_DIGITS}\s*-?\s*({_SCALE})(?![a-z])", re.IGNORECASE
)
# A scale written after a bracketed conversion serves both numbers: "£16 (about $20) billion".
_BRACKETED_SCALE = re.compile(
    rf"({_DIGITS})\s*\(\s*(?:about|around|approximately|roughly|some|~)?\s*{_CURRENCY_MARK}?\s*({_DIGITS})\s*\)\s*({_SCALE})(?![a-z])",
    re.IGNORECASE,
)
# East Asian figures written in two parts: 1조4590억 (1.459 trillion), 6억9,300만 (693 million), 1만5000 (15,000).
_TWO_PARTS = re.compile(r"(\d[\d,.]*)\s*(조|兆|억|億|亿|만|萬|万)\s*(\d[\d,.]*)\s*(억|億|亿|만|萬|万)?")
# Spanish and Portuguese write thousands of millions in two parts too: "5 mil 275 millones" is 5,275 million.
_MIL_MILLONES = re.compile(r"(\d{1,3})\s+mil\s+(\d{1,3})\s+(millones|milhões)", re.IGNORECASE)


_DIGIT_NAMES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_DIGIT_NAME = "|".join(_DIGIT_NAMES)
# Korean broadcasters spell decimals out: "22-point-eight trillion won", "1-point-2-5 percent".
_SPOKEN_DECIMAL = re.compile(rf"\b(\d+)-point-((?:\d|{_DIGIT_NAME})(?:-(?:\d|{_DIGIT_NAME}))*)\b", re.IGNORECASE)


def _as_read(quote: str) -> str:
    """The quote as every figure reader reads it: plain spaces, spelled-out decimals in digits ("22-point-eight" as "22.8")."""

    def digits(match: re.Match[str]) -> str:
        places = "".join(d if d.isdigit() else str(_DIGIT_NAMES.index(d.lower())) for d in match.group(2).split("-"))
        return f"{match.group(1)}.{places}"

    return _SPOKEN_DECIMAL.sub(digits, quote.replace("\u00a0", " ").replace("\u202f", " "))


def readings(digits: str) -> set[float]:
    """Every value written digits may mean: "1,500", "1.500" and "1 500" as fifteen hundred, "1,5" as one and a half."""
    compact = digits.replace(" ", "")
    # "by 2026 100 MW" is two numbers as well as one, so each spaced part is read on its own too.
    parts = digits.split()
    found: set[float] = set().union(*map(readings, parts)) if len(parts) > 1 else set()
    for text in (compact.replace(",", ""), compact.replace(".", "").replace(",", "."), compact.replace(",", ".")):
        try:
            found.add(float(text))
        except ValueError:
            continue
    return found


def numbers_in(quote: str) -> set[float]:
    text = _as_read(quote)
    found = {float(CJK_DIGITS.index(char) + 1) for char in text if char in CJK_DIGITS}
    for match in _TWO_PARTS.finditer(text):
        high, low = SCALES[match.group(2)], SCALES.get(match.group(4) or "", 1)
        found |= {a * high + b * low for a in readings(match.group(1)) for b in readings(match.group(3))}
    for match in _MIL_MILLONES.finditer(text):
        found.add((int(match.group(1)) * 1000 + int(match.group(2))) * 1e6)
    for match in _NUMBER.finditer(text):
        found |= _values(match)
    for match in _SHARED_SCALE.finditer(text):
        found |= _values(match)
    for match in _BRACKETED_SCALE.finditer(text):
        factor = SCALES[match.group(3).lower()]
        found |= {n * factor for digits in match.group(1, 2) for n in readings(digits)}
    for match in _WORD.finditer(text):
        number = NUMBER_WORDS[match.group(1).lower()]
        found |= {number, number * _scale(match)}
    for match in _WORD_ABROAD.finditer(text):
        found.add(NUMBER_WORDS_ABROAD[match.group(1).lower()] * _scale(match))
    return found


def _scale(match: re.Match[str]) -> float:
    """The factor of the scale word after a matched number ("bn", "crore", "억"), 1 when there is none."""
    return SCALES.get((match.group(2) or "").lower(), 1)


def _values(match: re.Match[str]) -> set[float]:
    """The values of one written number, with and without the scale word after it."""
    return {n * factor for n in readings(match.group(1)) for factor in (1, _scale(match))}


def _close(number: float, value: float) -> bool:
    return abs(number - value) <= abs(value) * TOLERANCE


def states(value: float, quote: str) -> bool:
    """A number of the quote is the value, or either rounds the other ("about $1.2 billion" for 1,204,000,000)."""
    return any(_rounds_to(value, number) or _rounds_to(number, value) for number in numbers_in(quote))


# A page's own dollar figure beside an amount in another currency: "19 trillion won ($13 billion)".
_DOLLAR_CONVERSION = re.compile(
    r"\((?:(?:about|approximately|around|roughly|some|nearly|over|more than)\s+)?(?:US)?\$\s?\d[^)]*\)", re.IGNORECASE
)


def dollar_conversions(quote: str) -> list[str]:
    """The bracketed US-dollar figures a quote gives: "($13 billion)", "(approximately US$10.9 billion)"."""
    return [match.group() for match in _DOLLAR_CONVERSION.finditer(quote)]


def recorded_values(quantity: Quantity) -> list[float]:
    """The figure's value, or the ends of its range."""
    return [v for v in (quantity.value, quantity.min, quantity.max) if v is not None]


def figure_is_quoted(quantity: Quantity) -> bool:
    """True when one of the figure's quotes states its value, or either end of its range, with its kind of unit
    where the unit is a measure ("300 MW" is not quoted by "$300 million")."""
    kind, _ = RECORDED_UNIT_MEASURES.get(str(quantity.unit), (None, None))
    words = _UNIT_KIND_OF[kind][1] if kind else None
    return any(
        _states_with_unit(value, source.quote, words)
        for value in recorded_values(quantity) for source in quantity.sources if source.quote
    )  # fmt: skip


def _words_unit(quote: str, unit_words: re.Pattern[str] | None) -> bool:
    """For a measure (power, energy, a percentage, years), the quote words its kind of unit; money and counts need none."""
    return unit_words is None or bool(unit_words.search(quote))


def _states_with_unit(value: float, quote: str, unit_words: re.Pattern[str] | None) -> bool:
    """The quote states the value and, for a measure, words its kind of unit."""
    return states(value, quote) and _words_unit(quote, unit_words)


# "less than", but not in "no less than" or "not less than", which give a floor.
_LESS_THAN = r"(?<!no )(?<!not )less than"
# Words by which a page qualifies a figure, in the languages the cited pages use. A figure's
# qualifier must be worded in one of its quotes: "up to 1 GW" is not "1 GW", nor "about $2bn" "$2bn".
QUALIFIER_WORDS = {
    "up_to": (
        r"up to|upto|as much as|as many as|as high as|not more than|no more than|maximum|ceiling|capped"
        r"|could (?:grow|rise|reach|scale)|potentially rising|rising to|scale to|scale up to|eventually"
        r"|至多|最多|最高|最大|上限|不超過|不超过|不高於|不高于|까지|최대|bis zu|jusqu|hasta|até|fino a|до\b|तक|hingga|sampai|lên tới|lên đến"
    ),
    "approximately": (
        r"about|approx|around|roughly|nearly|almost|some\b|close to|near\b|circa|estimated|~"
        r"|约|約|近|左右|약|가량|정도|규모|environ|près de|rund|etwa|ungefähr|около|почти|порядка|примерно|करीब|लगभग"
        r"|cerca|aproximad|intorno|em torno|alrededor|sekitar|khoảng"
    ),
    "more_than": (
        r"more[- ]than|greater[- ]than|higher than|over\b|above|exceed|upwards? of|in excess|north of|beyond|surpass|\+|-plus\b|>(?!=)"
        r"|(?<!不)超|逾|余|多|이상|넘|υπερβαίν|πάνω από|plus de|au-delà|über|mehr als|\bgut\b|более|свыше|больше|से अधिक|mais de|más de|por encima|superior a|acima de|oltre|lebih dari|hơn"
    ),
    "at_least": r"at least|minimum|no less than|not less than|or more|or greater|≥|>=|不少于|至少|以上|최소|이상|au moins|mindestens|не менее|как минимум|pelo menos|al menos|almeno",
    # Nor the "менее" of "не менее", a floor too.
    "less_than": (
        rf"{_LESS_THAN}|fewer than|under\b|below|short of|shy of|<(?!=)"
        r"|不到|不足|少于|低于|미만|moins de|weniger als|unter\b|(?<!не )менее|меньше|menos de|meno di"
    ),
}  # fmt: skip
_QUALIFIER_PATTERNS = {name: re.compile(words, re.IGNORECASE) for name, words in QUALIFIER_WORDS.items()}


# The words that, written just before a number ("up to $5bn", "about 1,200"), give its qualifier.
WORDED_BEFORE = {
    "up_to": r"up to|as much as|as many as|not more than|no more than",
    "approximately": r"about|approximately|around|roughly|nearly",
    "more_than": r"more than|greater than|above|in excess of|upwards of|north of|>(?!=)",
    "at_least": r"at least|no less than|≥|>=",
    "less_than": rf"{_LESS_THAN}|fewer than|under|below|<(?!=)",
}
_CURRENCY_BEFORE = rf"\W*{_CURRENCY_MARK}?\s*$"
_WORDED_BEFORE = {name: re.compile(rf"(?<!\w)(?:{words}){_CURRENCY_BEFORE}", re.IGNORECASE) for name, words in WORDED_BEFORE.items()}
# "over" qualifies a number too, but also spans one ("over 12 years"), so it only ever unsettles a bare reading.
_QUALIFIED_BEFORE = re.compile(rf"(?<!\w)(?:{'|'.join(WORDED_BEFORE.values())}|over){_CURRENCY_BEFORE}", re.IGNORECASE)
# A number that ends or starts a range ("between $150m and $200m", "500-600 MW") is no figure of its own.
# Only a currency may stand between "to" and the range's end: in "raise it to >$3.0B" the sign qualifies a figure.
_TO_CURRENCY = rf"\s*{_CURRENCY_MARK}?\s*$"
_RANGE_BEFORE = re.compile(rf"between|from{_CURRENCY_BEFORE}|(?<!up )\bto{_TO_CURRENCY}|[-–]{_CURRENCY_BEFORE}", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*(?:to|[-–])\s*\S*\d", re.IGNORECASE)
# A small bare number is a figure only with a unit after it, not "Phase 1".
_SMALL_FIGURE_UNIT = re.compile(r"\s*(?:GW|MW|gigawatt|megawatt|years?\b|-year)", re.IGNORECASE)


# The bounds our own text may write before a figure, and the wordings of a page that give each: a page's
# "at least" gives our "more than" and back, but only its "up to" gives our "up to". "under" is left out:
# in our text it is more often "under 20-year agreements" than a bound.
_BOUNDS_GIVEN_BY = {
    "up_to": ("up_to",),
    "more_than": ("more_than", "at_least"),
    "at_least": ("at_least", "more_than"),
    "less_than": ("less_than",),
}
_BOUND_BEFORE = {
    name: re.compile(rf"(?<!\w)(?:{words}){_CURRENCY_BEFORE}", re.IGNORECASE)
    for name, words in {**WORDED_BEFORE, "less_than": rf"{_LESS_THAN}|fewer than|below"}.items()
    if name in _BOUNDS_GIVEN_BY
}


def _figure_spans(value: float, quote: str) -> list[tuple[int, int]]:
    """Where in the quote a number written in digits gives the value."""
    return [match.span() for match in _NUMBER.finditer(quote) if any(_close(n, value) for n in _values(match))]


def qualifier_is_worded(quantity: Quantity) -> bool:
    """The qualifier matches the quotes' words.

    A qualified figure needs one quote that words its qualifier ("up to", "about", ...); a bare
    figure needs one quote giving the number without a qualifier just before it, so "up to 8,000
    GPUs" is not recorded as a flat 8,000.
    """
    quotes = [_as_read(source.quote) for source in quantity.sources if source.quote]
    places = [(quote, span) for quote in quotes for value in recorded_values(quantity) for span in _figure_spans(value, quote)]
    pattern = _QUALIFIER_PATTERNS.get(str(quantity.qualifier))
    if pattern is not None:
        # Near the number where digits give it ("up to 8,000 ... 31,000" qualifies the 8,000 only);
        # anywhere in a quote that words it otherwise ("one gigawatt", "1만5000").
        near = [quote[max(0, start - NEAR) : end + NEAR] for quote, (start, end) in places]
        return any(pattern.search(text) for text in near or quotes)
    return not places or any(not _QUALIFIED_BEFORE.search(quote[max(0, start - NEAR) : start]) for quote, (start, _) in places)


# A figure as our own text (a name, a summary) writes it: money after its currency sign, or a number with
# its unit after it ("$10 billion", "Rs 3,706 crore", "1.4 GW", "20,000 GPUs", "3,000 jobs", "104-acre", "20-year",
# and specifications: "3 nm", "288 GB", "60 kW", "85 km"); a number with its scale word ("2 million") or grouped in
# thousands ("700,000") with or without a unit; not a model number ("MI308") nor a year.
_WRITTEN_UNIT = (
    r"MWh|GWh|TWh|MW|GW|(?:mega|giga|tera)watt[- ]hours?|megawatts?|gigawatts?|GPUs?|TPUs|accelerators|chips|servers"
    r"|racks|nodes|cores|qubits|wafers|units|shares|turbines|reactors|(?:exa|peta)flops|IOPS|yuan|won|yen|euros?|crore|rupees|%|percent"
    r"|jobs|employees|staff|workers|engineers|people|person|members?|strong|homes|customers|lenders|banks|buildings?|sites"
    r"|data cent(?:re|er)s"
    r"|acres?|hectares?|square (?:feet|foot|metres?|meters?)|sq\.? ?ft|tonnes|years?|months?"
    r"|km|kilomet(?:re|er)s?|miles|nm|nanomet(?:re|er)s?|GB|TB|kW|kilowatts?|W|watts|GHz|TB/s|GB/s"
)
_WRITTEN_FIGURE = re.compile(
    rf"(?<![A-Za-z]){_CURRENCY_MARK}\s*{_DIGITS}(?:\s*-?\s*(?:{_SCALE})(?![a-z]))?"
    rf"|(?<![A-Za-z\d.,]){_DIGITS}(?:\s*-?\s*(?:{_SCALE})(?![a-z]))?\s*-?\s*(?:{_WRITTEN_UNIT})(?![a-z])"
    # ...or with one word between ("600 direct jobs", "140 Tensix cores"), unless the number is a year ("2024 citing people").
    rf"|(?<![A-Za-z\d.,])(?!(?:19|20)\d\d\b){_DIGITS}(?:\s*-?\s*(?:{_SCALE})(?![a-z]))?\s+[a-z]+\s+(?:{_WRITTEN_UNIT})(?![a-z])"
    rf"|(?<![A-Za-z\d.,])\d+(?:\.\d+)?\s*(?:million|billion|trillion)(?![a-z])"
    rf"|(?<![A-Za-z\d.,])\d{{1,3}}(?:,\d{{3}})+(?![\d.,]*\d)"
    # ...or a number with two or more decimals, which no one writes but to give a figure (an exchange ratio "0.3575").
    rf"|(?<![A-Za-z\d.,-])\d+\.\d{{2,}}(?![\d.,]*\d)",
    re.IGNORECASE,
)


def _english_readings(digits: str) -> set[float]:
    """What digits in our own English text say: commas group thousands ("2,000" is never two), a point is decimal."""
    parts = digits.split()
    if len(parts) > 1:  # "in 2026 100 MW" is two numbers, as quotes are read
        return set().union(*map(_english_readings, parts)) | readings(digits)
    groups = digits.split(",")
    if all(len(group.split(".")[0]) == 3 for group in groups[1:]) and digits.count(".") <= 1:
        return {float(digits.replace(",", ""))}
    return readings(digits)


_VAGUE_BEFORE = re.compile(r"\b(?:several|few|many|some)\s+$", re.IGNORECASE)


def _digit_figures(read: str) -> Iterator[tuple[int, str, set[float]]]:
    """Where our (already read) text writes a figure in digits, the figure, and every value it may mean."""
    for figure in _WRITTEN_FIGURE.finditer(read):
        number: re.Match[str] = _NUMBER.search(figure.group(0))  # type: ignore[assignment]
        yield figure.start(), figure.group(0).strip(), {n * _scale(number) for n in _english_readings(number.group(1))}


def figures_written(text: str) -> list[tuple[str, set[float]]]:
    """Each figure our text writes, with every value it may mean: "$100 million" is never a bare 100."""
    text = _as_read(text)
    found = list(_digit_figures(text))
    # A number word counts with a scale after it ("seven trillion yen", "half a million units"), not alone ("two plans"),
    # nor after a vague count ("several hundred million").
    for word in _WORD.finditer(text):
        if word.group(2) and not _VAGUE_BEFORE.search(text, 0, word.start()):
            found.append((word.start(), word.group(0), {NUMBER_WORDS[word.group(1).lower()] * _scale(word)}))
    return [(figure_text, values) for _, figure_text, values in sorted(found, key=lambda item: item[0])]


# A measure written with its unit, and the words by which a quote gives that kind of unit, in the languages
# cited pages use: "300 MW" is stated by "300 megawatts" or "300兆瓦", not by a quote's "$300 million".
_UNIT_KINDS = {
    "energy": (r"MWh|GWh|TWh|watt[- ]hours?", r"Wh\b|watt|瓦时|와트시"),
    "power": (r"MW|GW|megawatts?|gigawatts?", r"(?<![a-z])[MG]W|watt|瓦|와트|メガ|ギガ|мегават|гигават|㎿"),
    "memory": (r"GB|TB|TB/s|GB/s", r"(?<![a-z])[GT]B|byte|바이트|字节|ГБ|ТБ"),
    "node": (r"nm|nanomet(?:re|er)s?", r"(?<![a-z])nm\b|nanom|나노|纳米|奈米|нм|ナノ"),
    "distance": (r"km|kilomet(?:re|er)s?|miles", r"(?<![a-z])km\b|kil[oó]m|\bmiles?\b|公里|킬로|キロ|км"),
    "rack power": (r"kW|kilowatts?", r"(?<![a-z])kW\b|kilowatt|千瓦|킬로와트|㎾"),
    "percent": (
        r"%|percent",
        r"%|percent|per cent|\bpct\b|퍼센트|％|por ciento|pour cent|prozent|процент|\b(\d+)[-:]\1\b",  # "50-50", "50:50"
    ),
    "years": (r"years?", r"year|年|년|\bans\b|años|anos|anni|jahr|лет|год|decade|tahun|năm"),
    "months": (r"months?", r"month|个月|개월|か月|ヶ月|mois|meses|monat|месяц"),
    "area": (
        r"acres?|hectares?|square (?:feet|foot|metres?|meters?)|sq\.? ?ft",
        r"acre|hectare|hektar|square|\bsq\b|m²|㎡|平方|坪|에이커|\bha\b",
    ),
}
_UNIT_KIND_OF = {
    kind: (re.compile(rf"(?:{unit})$", re.IGNORECASE), re.compile(words, re.IGNORECASE))
    for kind, (unit, words) in _UNIT_KINDS.items()
}
# The recorded units that are measures, each with its kind and its factor to that kind's smallest recorded unit:
# a 300 MW figure is quoted only by a quote giving a power unit, and "1,200 MW" and "1.2 GW" are one figure.
RECORDED_UNIT_MEASURES = {
    "mw": ("power", 1), "gw": ("power", 1000),
    "megawatt_hours": ("energy", 1), "gigawatt_hours": ("energy", 1000), "terawatt_hours": ("energy", 1_000_000),
    "percent": ("percent", 1), "years": ("years", 1),
}  # fmt: skip


def _unit_words(figure_text: str) -> re.Pattern[str] | None:
    """How a quote words the unit of a figure our text writes, when the unit is a measure."""
    return next((words for unit, words in _UNIT_KIND_OF.values() if unit.search(figure_text)), None)


def _rounds_to(written: float, figure: float) -> bool:
    """Our written figure is the source's figure rounded to as many digits as we write: "$1.2 billion" for
    1,204,000,000, never "46,225" for 46,255, which the tolerance alone would pass."""
    # Read to 12 significant digits, since "33.7" times a billion is 33,700,000,000.000004 in floating point.
    last_digit = 10.0 ** int(Decimal(f"{written:.12g}").normalize().as_tuple().exponent)
    return _close(figure, written) and abs(figure - written) <= last_digit / 2 * (1 + 1e-9)


def unsourced_figures(text: str, recorded: list[float], quotes: list[str]) -> list[str]:
    """The figures our text writes that are neither a recorded value nor stated, with their kind of unit, by a quote."""
    unsourced = []
    written = figures_written(text)
    # Each quote is read once, not once per figure our text writes (and not at all where it writes none).
    numbers = [(quote, numbers_in(quote)) for quote in quotes] if written else []
    for figure_text, values in written:
        words = _unit_words(figure_text)
        stated = [figure for quote, found in numbers if _words_unit(quote, words) for figure in found]
        if not any(_rounds_to(value, figure) for value in values for figure in [*recorded, *stated]):
            unsourced.append(figure_text)
    return unsourced


def _strict_readings(digits: str) -> set[float]:
    """What digits say read strictly: separators before groups of three may group thousands, the last may be a decimal point."""
    parts = re.split(r"[.,\s]", digits)
    if len(parts) == 1:
        return {float(digits)}
    found = {float("".join(parts))} if all(len(part) == 3 for part in parts[1:]) else set()
    if all(len(part) == 3 for part in parts[1:-1]):
        found.add(float("".join(parts[:-1]) + "." + parts[-1]))
    return found


def _written_as(value: float, match: re.Match[str]) -> bool:
    """The number, scaled by its own scale word only, is the value: no rounding, no reading without the scale."""
    return any(abs(n * _scale(match) - value) <= abs(value) * 1e-9 for n in _strict_readings(match.group(1)))


def wordings(value: float, quote: str) -> set[str]:
    """How the quote words the value: "exactly" where it stands bare, or the qualifier written just before it.

    Mentions that are part of a range, or that have qualifier words near them that are not just before
    the number, say nothing for sure and are left out.
    """
    found: set[str] = set()
    quote = _as_read(quote)
    for match in _NUMBER.finditer(quote):
        start, end = match.span()
        if not _written_as(value, match):
            continue
        if value < 10 and not match.group(2) and not _SMALL_FIGURE_UNIT.match(quote, end):
            continue
        before = quote[max(0, start - NEAR) : start]
        if _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(quote, end):
            continue
        worded = [name for name, pattern in _WORDED_BEFORE.items() if pattern.search(before)]
        if worded:
            found.add(worded[0])
        elif not any(pattern.search(quote, max(0, start - NEAR), end + NEAR) for pattern in _QUALIFIER_PATTERNS.values()):
            found.add("exactly")
    return found


def unrecorded_wordings(figures: list[Quantity], quotes: list[str]) -> list[tuple[float, str, str]]:
    """(value, wording, quote) for each way a quote words a recorded value that no figure of that value records.

    Where pages word one figure differently ("up to $6.6bn" in the preliminary terms, "$6.6bn" in the
    award), each wording is its own claim, so a reader sees both.
    """
    recorded: dict[float, set[str]] = {}
    for figure in figures:
        if figure.value is not None:
            recorded.setdefault(figure.value, set()).add(str(figure.qualifier))
    missing = []
    for value, qualifiers in sorted(recorded.items()):
        explained = [_QUALIFIER_PATTERNS[q] for q in qualifiers if q in _QUALIFIER_PATTERNS]
        for quote in quotes:
            for wording in sorted(wordings(value, quote) - qualifiers):
                # "up to roughly $6.14bn" words both; the recorded one is enough.
                if wording != "exactly" and any(p.search(quote) for p in explained):
                    continue
                missing.append((value, wording, quote))
    return missing


def unworded_bounds(text: str, quantities: list[Quantity], quotes: list[str]) -> list[str]:
    """The figures our text bounds ("more than $65 billion", "up to 136 cores") with a bound no page gives.

    A bound changes the claim: where every page says "$65 billion", "more than $65 billion" says more than
    they do. The bound must be a recorded figure's qualifier, or worded near the number in a quote that
    states it (anywhere in the quote where no digits give the number, as in "一千亿").
    """
    read = _as_read(text)
    quotes = [_as_read(quote) for quote in quotes]
    unworded = []
    for start, figure_text, values in _digit_figures(read):
        before = read[max(0, start - NEAR) : start]
        bound = next((name for name, pattern in _BOUND_BEFORE.items() if pattern.search(before)), None)
        if bound is None:
            continue
        given_by = _BOUNDS_GIVEN_BY[bound]
        if any(str(q.qualifier) in given_by and any(_close(v, r) for v in values for r in recorded_values(q)) for q in quantities):
            continue
        places = []
        for quote in quotes:
            spans = [span for v in values for span in _figure_spans(v, quote)]
            if spans:
                places += [quote[max(0, begin - NEAR) : end + NEAR] for begin, end in spans]
            elif any(states(v, quote) for v in values):
                places.append(quote)
        if not any(_QUALIFIER_PATTERNS[name].search(place) for place in places for name in given_by):
            unworded.append(figure_text)
    return unworded
