"""Which heard words count as evidence for a placed word: those sharing at least half of either's time."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editor.timing.confidence import HeardTimeline
from editor.timing.recognize import HeardWord

spans = st.tuples(st.integers(0, 5000), st.integers(1, 3000)).map(lambda pair: (pair[0], pair[0] + pair[1]))


def test_a_word_counts_when_it_shares_half_of_its_time_or_of_the_span():
    heard = [HeardWord("a", 0, 400), HeardWord("b", 400, 1000), HeardWord("c", 900, 3000), HeardWord("d", 5000, 5200)]
    timeline = HeardTimeline(heard)
    assert [word.token for word in timeline.overlapping(300, 800)] == ["b"]  # a shares 100 of 400 ms
    assert [word.token for word in timeline.overlapping(0, 1000)] == ["a", "b"]  # c shares 100 of 1000 ms
    assert timeline.overlapping(3000, 5000) == []


@given(st.lists(spans, max_size=40), spans)
def test_the_timeline_finds_exactly_the_words_a_full_scan_finds(words, span):
    heard = sorted((HeardWord(str(n), start, end) for n, (start, end) in enumerate(words)), key=lambda w: w.start_ms)
    start, end = span
    expected = [
        word for word in heard
        if (shared := min(end, word.end_ms) - max(start, word.start_ms)) > 0
        and 2 * shared >= min(end - start, word.end_ms - word.start_ms)
    ]
    assert HeardTimeline(heard).overlapping(start, end) == expected
