"""How bad it is to break text after a word: guidelines.md's break preferences and never-split rules as data.

The same costs drive both cue boundaries (segment.py) and line breaks inside a cue (linebreak.py), so a
caption never splits where a line would not, and the rules live in one place.
"""

from __future__ import annotations

import re

from editor.core.model import is_gap_text

# Costs of a break after a word, from best to worst. Only their order and rough ratios matter.
SENTENCE_END = 0
CLAUSE_END = 10
AFTER_GAP = 15
BEFORE_CONJUNCTION = 20
BEFORE_GAP = 25
BEFORE_PREPOSITION = 25
ANYWHERE = 45
AFTER_FUNCTION_WORD = 90
NEVER_SPLIT = 250

CONJUNCTIONS = frozenset(
    "and but or nor so yet because that which who whom whose when while although though if unless "
    "until since where whereas as than".split()
)
PREPOSITIONS = frozenset(
    "about above across after against along among around at before behind below beneath beside between "
    "beyond by despite down during except for from in inside into like near of off on onto out outside over "
    "past per through throughout to toward towards under underneath up upon via with within without".split()
)
# Words bound to the word after them: articles, possessives, determiners, pronouns (to their verb),
# auxiliaries and negations (to their verb), and titles (to the name).
BOUND_TO_NEXT = frozenset(
    "a an the my your his her its our their this these those every each no some any another such "
    "i you he she it we they "
    "am is are was were be been being has have had do does did will would shall should can could may "
    "might must not never don't doesn't didn't won't wouldn't can't cannot couldn't shouldn't isn't "
    "aren't wasn't weren't hasn't haven't hadn't i'm you're he's she's it's we're they're i've you've "
    "we've they've i'll you'll he'll she'll we'll they'll i'd you'd he'd she'd we'd they'd "
    "mr. mrs. ms. dr. prof. gen. sen. rep. gov. st. secretary president minister prime general senator "
    "governor ambassador king queen prince sheikh ayatollah pope mayor judge".split()
)
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion trillion dozen".split()
)
FUNCTION_WORDS = CONJUNCTIONS | PREPOSITIONS
ABBREVIATIONS = frozenset("mr. mrs. ms. dr. prof. gen. sen. rep. gov. st. vs. etc. e.g. i.e. u.s. u.k.".split())

SPEAKER_CHANGE = frozenset({">>", ">>>"})  # US broadcast transcripts mark a new speaker (>>) or story (>>>)
_TRAILING_CLOSERS = "\"')]»”’"
_SENTENCE_END = re.compile(r"[.!?…]+$")
_CLAUSE_END = re.compile(r"[,;:—–]$")
_NUMBER = re.compile(r"^[$€£]?\d[\d,.:/%]*$")


def bare(word: str) -> str:
    """The word lower-cased without surrounding quotes or brackets, for list look-ups."""
    return word.strip("\"'()[]«»“”‘’").lower()


def is_number(word: str) -> bool:
    """Digits (`40`, `$300`, `9/11`) or a spelled number (`forty`)."""
    token = bare(word)
    return bool(_NUMBER.match(token)) or token in NUMBER_WORDS


def ends_sentence(word: str) -> bool:
    """True when a sentence ends with this word (not an abbreviation such as `Mr.`)."""
    return bool(_SENTENCE_END.search(word.rstrip(_TRAILING_CLOSERS))) and bare(word) not in ABBREVIATIONS


def ends_clause(word: str) -> bool:
    """True after a comma, colon, semicolon or dash."""
    return bool(_CLAUSE_END.search(word.rstrip(_TRAILING_CLOSERS)))


def _is_capitalised(word: str) -> bool:
    token = word.lstrip("\"'([«“‘")
    return bool(token) and token[0].isupper()


def _is_bound_pair(word: str, next_word: str) -> bool:
    """Pairs guidelines.md says never to separate."""
    if bare(word) in BOUND_TO_NEXT:
        return True
    if is_number(word) and not is_number(next_word) and bare(next_word) not in FUNCTION_WORDS:
        return True  # number + unit ("forty yards", "300 people")
    return _is_capitalised(word) and _is_capitalised(next_word) and bare(word) != "i"  # first + last name


def break_cost(word: str, next_word: str | None) -> int:
    """Cost of ending a line or a cue after `word` when `next_word` follows (None: the text ends)."""
    if next_word is None or next_word in SPEAKER_CHANGE:
        return SENTENCE_END  # a new speaker starts a new line, better a new caption
    if word in SPEAKER_CHANGE:
        return NEVER_SPLIT
    if is_gap_text(word):
        return ANYWHERE if is_gap_text(next_word) else AFTER_GAP
    if ends_sentence(word):
        return SENTENCE_END
    if ends_clause(word):
        return CLAUSE_END
    if is_gap_text(next_word):
        return BEFORE_GAP
    if _is_bound_pair(word, next_word):
        return NEVER_SPLIT
    if bare(word) in FUNCTION_WORDS:
        return AFTER_FUNCTION_WORD
    if bare(next_word) in CONJUNCTIONS:
        return BEFORE_CONJUNCTION
    if bare(next_word) in PREPOSITIONS:
        return BEFORE_PREPOSITION
    return ANYWHERE
