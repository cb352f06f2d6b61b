"""How auto-sync reads a transcript: every word gets tokens a recogniser can hear (numbers spelt out,
names the dictionary lacks guessed letter by letter), and only consistent anchors survive."""

from __future__ import annotations

from editor.timing.anchors import Anchor, consistent_chain, match_chunk
from editor.timing.pronounce import guess_phones, number_words, pronunciations, spoken_tokens
from editor.timing.recognize import HeardWord, load_dictionary

DICTIONARY = load_dictionary()


def test_digits_are_heard_as_number_words() -> None:
    assert spoken_tokens("40", DICTIONARY) == ["forty"]
    assert number_words(1914) == ["one", "thousand", "nine", "hundred", "fourteen"]
    assert spoken_tokens("2,500", DICTIONARY) == ["two", "thousand", "five", "hundred"]
    assert spoken_tokens("3.5", DICTIONARY) == ["three", "point", "five"]
    assert spoken_tokens("40%", DICTIONARY) == ["forty", "percent"]


def test_punctuation_gaps_and_hyphens() -> None:
    assert spoken_tokens("--", DICTIONARY) == []
    assert spoken_tokens('"Iraq,"', DICTIONARY) == ["iraq"]
    assert spoken_tokens("Kerry-Maliki", DICTIONARY) == ["kerry", "maliki"]
    assert spoken_tokens("U.S.", DICTIONARY) == ["u.s."]
    assert spoken_tokens("Iraq’s", DICTIONARY) == ["iraq's"]
    assert spoken_tokens("Café", DICTIONARY) == ["cafe"]


def test_names_missing_from_the_dictionary_still_get_phones() -> None:
    assert "maliki" not in DICTIONARY
    phones = pronunciations("maliki", DICTIONARY)[0].split()
    assert phones[0] == "M" and phones[-1] == "IY" and "L" in phones
    assert guess_phones("beisel").split()[0] == "B"
    assert pronunciations("kurdistan's", DICTIONARY)[0].endswith(" Z")


def heard(*words: tuple[str, int]) -> list[HeardWord]:
    return [HeardWord(token, start, start + 200) for token, start in words]


def test_a_repeated_phrase_heard_in_the_wrong_place_is_dropped() -> None:
    tokens = "the real solution can be found but the real solution is going to be found".split()
    phones_before = list(range(0, 3 * len(tokens) + 1, 3))  # three phones per token
    # "the real solution" heard at 5 s is the second one; matching it to the first would leave no time
    # for the words before the second, which were heard from 6 s on.
    first_try = [[Anchor(0, 5000, 5200), Anchor(1, 5200, 5400), Anchor(2, 5400, 5600)]]
    later = match_chunk(tokens[7:], 7, heard(("the", 5000), ("real", 5200), ("solution", 5400), ("is", 6000),
                                               ("going", 6200), ("to", 6400), ("be", 6600), ("found", 6800)))
    chain = consistent_chain(first_try + later, phones_before)
    assert [anchor.token for anchor in chain] == list(range(7, 15))


def test_runs_do_not_cross_a_gap() -> None:
    tokens = ["for", "instance", "for"]
    runs = match_chunk(tokens, 0, heard(("for", 0), ("instance", 300), ("for", 600)), breaks={2})
    assert [[anchor.token for anchor in run] for run in runs] == [[0, 1]]


def test_a_sentence_the_transcript_says_twice_anchors_where_the_words_between_have_time() -> None:
    tokens = "connected from the that is not that is not the definition here".split()
    phones_before = list(range(0, 3 * len(tokens) + 1, 3))  # three phones per token
    # "... from the -- that is not. That is not. The definition here": the first "that is not" went unheard
    # with the `--` speech; the one heard at 2.6 s is the second, as the first would leave 0.4 s for the
    # second's words before "the definition" at 3.6 s.
    runs = match_chunk(tokens, 0, heard(("connected", 0), ("from", 400), ("the", 700), ("that", 2600), ("is", 2800),
                                        ("not", 3000), ("the", 3600), ("definition", 3800), ("here", 4200)), breaks={3})
    chain = consistent_chain(runs, phones_before)
    assert [anchor.token for anchor in chain] == [0, 1, 2, 6, 7, 8, 9, 10, 11]
