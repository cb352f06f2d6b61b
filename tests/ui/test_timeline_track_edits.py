"""A track patched after each edit must equal one built from scratch, whatever the edits (hypothesis)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.model import Cue, Document, Word
from editor.core.style import DEFAULT_STYLE, STYLES
from editor.ui.timeline_track import CueTrack

TEXTS = ["Good evening.", "we -- Erbil", "A great many words spoken far too quickly here", "--", "ok\nsecond line"]


@st.composite
def cues(draw: st.DrawFn) -> Cue:
    start = draw(st.integers(0, 60_000))
    end = start + draw(st.integers(0, 9_000))
    text = draw(st.sampled_from(TEXTS))
    if draw(st.booleans()):
        return Cue(start, end, text)
    step = max(1, (end - start) // 3)
    words = tuple(Word(word, start + k * step, start + (k + 1) * step, draw(st.sampled_from([None, 0.2, 0.9])))
                  for k, word in enumerate(text.split()[:3]))
    return Cue(start, end, " ".join(word.text for word in words), words)


@st.composite
def edits(draw: st.DrawFn, count: int) -> tuple[str, int, int, Cue]:
    """One editing step: what, where (and a second place for ranges and moves), and a fresh cue to use."""
    kind = draw(st.sampled_from(["text", "retime", "insert", "delete", "replace_range", "move", "same",
                                 "runtime", "style"]))
    first = draw(st.integers(0, max(0, count)))
    second = draw(st.integers(0, max(0, count)))
    return kind, first, second, draw(cues())


def edited(document: Document, edit: tuple[str, int, int, Cue]) -> Document:
    kind, first, second, fresh = edit
    items = list(document.cues)
    if kind == "runtime":
        return replace(document, runtime_ms=fresh.end_ms)
    if kind == "insert":
        items.insert(first, fresh)
    elif items and kind in ("text", "retime", "delete", "move"):
        at = min(first, len(items) - 1)
        cue = items.pop(at)
        if kind == "text":
            items.insert(at, cue.with_text(fresh.text))
        elif kind == "retime":
            items.insert(at, cue.with_times(fresh.start_ms, fresh.end_ms))
        elif kind == "move":
            items.insert(min(second, len(items)), cue)
    elif kind == "replace_range":
        low, high = sorted((first, second))
        items[low:high] = [fresh, fresh.with_text(fresh.text + " x")]
    return document.with_cues(items)


def assert_same_track(patched: CueTrack, built: CueTrack) -> None:
    """Everything painting and dragging read: order, times, reach (through visible), marks, flags, length."""
    everything = (float("-inf"), float("inf"))
    for mine, theirs in zip(patched.visible_arrays(*everything), built.visible_arrays(*everything), strict=True):
        assert mine.tolist() == theirs.tolist()
    assert patched.time_order() == built.time_order()
    assert patched.marks == built.marks
    assert patched.flagged == built.flagged
    assert patched.total_ms == built.total_ms
    for first_ms in range(-1000, 70_000, 3_700):
        assert patched.visible(first_ms, first_ms + 2_500) == built.visible(first_ms, first_ms + 2_500)
    for index in range(len(built)):
        assert patched.neighbours(index) == built.neighbours(index)


@settings(max_examples=150, deadline=None)
@given(start=st.lists(cues(), max_size=12), steps=st.lists(edits(12), min_size=1, max_size=8))
def test_a_track_patched_edit_by_edit_equals_one_built_from_scratch(start, steps):
    document = Document(cues=tuple(start), runtime_ms=30_000)
    style = DEFAULT_STYLE
    track = CueTrack(document, style)
    for step in steps:
        if step[0] == "style":
            style = STYLES["bbc"] if style is DEFAULT_STYLE else DEFAULT_STYLE
        document = edited(document, step)
        track = CueTrack(document, style, previous=track)
        assert_same_track(track, CueTrack(document, style))


def test_an_edit_reworks_only_the_edited_cue_and_reuses_cues_that_moved():
    document = Document(cues=tuple(Cue(k * 1000, k * 1000 + 800, f"cue {k} --") for k in range(6)))
    track = CueTrack(document, DEFAULT_STYLE)
    worked_out = track.marks[4]  # as painting the cue does
    cues_now = list(document.cues)
    cues_now[2], cues_now[4] = cues_now[4], cues_now[2].with_text("changed")
    patched = CueTrack(document.with_cues(cues_now), DEFAULT_STYLE, previous=track)
    assert patched.splice is not None
    assert (patched.splice.start, patched.splice.old_stop, patched.splice.new_stop) == (2, 5, 5)
    assert patched.marks[2] is worked_out  # the moved cue kept what was worked out for it
    assert patched.marks[4] == ()
    assert patched.time_order() == [0, 1, 4, 3, 2, 5]
