"""Stretching the timing to the media's real duration (offered when the transcript's runtime is off)."""

from __future__ import annotations

import itertools

import pytest

from editor.core.model import Cue, Document, Word
from editor.timing.retime import (
    document_runtime_ms,
    should_offer_stretch,
    stretch_document,
    stretch_to_runtime,
)


def news(runtime_ms: int | None = 765_000) -> Document:
    words = (Word("Good", 1000, 1400, 0.9), Word("evening.", 1400, 2000, 0.8))
    cues = (
        Cue(1000, 2500, "Good evening.", words),
        Cue(2500, 5000, "Storms hit the coast"),  # touches the previous cue (chained)
        Cue(5067, 764_000, "and the night goes on."),
    )
    return Document(cues=cues, title="News", runtime_ms=runtime_ms, media_path="news.mp4")


def test_stretching_scales_cues_words_and_runtime() -> None:
    stretched = stretch_document(news(), 2.0)
    assert [(c.start_ms, c.end_ms) for c in stretched.cues] == [(2000, 5000), (5000, 10000), (10134, 1_528_000)]
    assert [(w.start_ms, w.end_ms) for w in stretched.cues[0].words] == [(2000, 2800), (2800, 4000)]
    assert stretched.cues[0].words[0].confidence == 0.9
    assert stretched.runtime_ms == 1_530_000
    assert stretched.title == "News" and stretched.media_path == "news.mp4"
    assert [c.text for c in stretched.cues] == [c.text for c in news().cues]


def test_stretch_to_the_media_duration_ends_where_the_media_ends() -> None:
    media_ms = 781_234
    stretched = stretch_to_runtime(news(), media_ms)
    assert stretched.runtime_ms == media_ms
    assert stretched.cues[-1].end_ms == round(764_000 * media_ms / 765_000)
    for cue, following in itertools.pairwise(stretched.cues):
        assert cue.start_ms < cue.end_ms <= following.start_ms
    assert stretched.cues[0].end_ms == stretched.cues[1].start_ms  # chained cues stay chained


def test_without_a_stated_runtime_the_last_cue_end_is_the_runtime() -> None:
    document = news(runtime_ms=None)
    assert document_runtime_ms(document) == 764_000
    assert stretch_to_runtime(document, 382_000).cues[-1].end_ms == 382_000


def test_the_offer_is_made_only_for_a_real_mismatch() -> None:
    document = news()
    assert not should_offer_stretch(document, 765_400)
    assert should_offer_stretch(document, 766_000)
    assert should_offer_stretch(document, 700_000)
    assert not should_offer_stretch(document, None)
    assert not should_offer_stretch(Document(), 700_000)


def test_a_nonsense_factor_is_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        stretch_document(news(), 0)
