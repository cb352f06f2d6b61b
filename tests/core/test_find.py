"""Find and replace across cues: plain or regex, match case, whole words."""

import pytest

from editor.core.find import Match, SearchError, SearchQuery, find_next, replace_all, replace_one
from editor.core.model import Cue, Document

DOC = Document(
    cues=(Cue(0, 1000, "Kerry met Maliki."), Cue(2000, 3000, "kerry said\nKerryville"), Cue(4000, 5000, "no"))
)


def test_find_walks_through_matches_and_wraps_around() -> None:
    query = SearchQuery("kerry")
    found = [find_next(DOC, query, None)]
    for _ in range(3):
        found.append(find_next(DOC, query, found[-1]))
    assert found == [Match(0, 0, 5), Match(1, 0, 5), Match(1, 11, 16), Match(0, 0, 5)]


def test_find_backwards() -> None:
    assert find_next(DOC, SearchQuery("kerry"), Match(1, 0, 5), backwards=True) == Match(0, 0, 5)


def test_match_case_and_whole_words() -> None:
    assert find_next(DOC, SearchQuery("kerry", match_case=True), None) == Match(1, 0, 5)
    whole = SearchQuery("Kerry", whole_words=True)
    assert find_next(DOC, whole, Match(1, 0, 5)) == Match(0, 0, 5)


def test_replace_all_counts_and_keeps_line_breaks() -> None:
    after, count = replace_all(DOC, SearchQuery("kerry", whole_words=True), "Kerry")
    assert count == 2
    assert after.cues[1].text == "Kerry said\nKerryville"
    assert after.cues[2] is DOC.cues[2]


def test_regex_replacement_uses_groups_but_plain_replacement_is_literal() -> None:
    after, count = replace_all(DOC, SearchQuery(r"(\w+)ville", regex=True), r"\1 town")
    assert (count, after.cues[1].text.split("\n")[1]) == (1, "Kerry town")
    literal, _ = replace_all(DOC, SearchQuery("no"), r"\1")
    assert literal.cues[2].text == r"\1"


def test_replace_one_replaces_only_the_match_found() -> None:
    after = replace_one(DOC, SearchQuery("kerry"), Match(1, 11, 16), "Erbil")
    assert after.cues[1].text == "kerry said\nErbilville"


def test_a_broken_regex_is_a_clear_error() -> None:
    with pytest.raises(SearchError, match="not a valid regular expression"):
        find_next(DOC, SearchQuery("(", regex=True), None)
