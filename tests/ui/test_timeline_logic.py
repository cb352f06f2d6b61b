"""The timeline's arithmetic without a widget: time/pixel mapping, ruler labels, visible cues, marks, drag room."""

from __future__ import annotations

import random

import pytest

from editor.checks.registry import RULES, run_checks
from editor.core.model import Cue, Document, GlossaryTerm, HeardAlternative, Word
from editor.core.style import DEFAULT_STYLE, STYLES
from editor.ui.timeline_drag import DragKind, start_drag
from editor.ui.timeline_scale import TimeScale, tick_label, tick_step_ms
from editor.ui.timeline_track import CueTrack, Mark, MarkKind


def test_zooming_keeps_the_anchor_time_at_the_same_pixel():
    scale = TimeScale(origin_ms=5000, ms_per_px=20)
    anchor = scale.ms_at(300)
    scale.zoom_about(300, 0.3)
    assert scale.ms_at(300) == pytest.approx(anchor)
    assert scale.ms_per_px == pytest.approx(6)


def test_scrolling_stops_at_both_ends_of_the_programme():
    scale = TimeScale(origin_ms=-400, ms_per_px=10)
    scale.keep_within(total_ms=60_000, width_px=1000)
    assert scale.origin_ms == 0
    scale.origin_ms = 59_000
    scale.keep_within(total_ms=60_000, width_px=1000)
    assert scale.origin_ms == 50_000


@pytest.mark.parametrize(
    ("ms_per_px", "step"),
    [(1, 100), (10, 1000), (100, 10_000), (2000, 300_000), (50_000, 7_200_000)],
)
def test_ruler_labels_stay_about_a_hundred_pixels_apart(ms_per_px, step):
    assert tick_step_ms(ms_per_px, min_label_px=90) == step


@pytest.mark.parametrize(
    ("ms", "step", "label"),
    [(0, 1000, "0:00"), (65_000, 5000, "1:05"), (65_500, 500, "1:05.5"), (65_250, 50, "1:05.250"),
     (3_725_000, 60_000, "01:02:05")],
)
def test_ruler_labels_show_only_the_precision_the_step_needs(ms, step, label):
    assert tick_label(ms, step) == label


def random_document(seed: int) -> Document:
    rnd = random.Random(seed)
    cues = []
    for _ in range(300):
        start = rnd.randrange(0, 100_000)
        cues.append(Cue(start, start + rnd.randrange(100, 9000), "x"))
    return Document(cues=tuple(cues))


@pytest.mark.parametrize("seed", range(5))
def test_visible_cues_are_exactly_those_overlapping_the_view_even_when_unsorted(seed):
    document = random_document(seed)
    track = CueTrack(document, DEFAULT_STYLE)
    rnd = random.Random(seed)
    for _ in range(50):
        first = rnd.randrange(0, 100_000)
        last = first + rnd.randrange(0, 20_000)
        expected = {i for i, c in enumerate(document.cues) if c.end_ms >= first and c.start_ms <= last}
        assert set(track.visible(first, last)) == expected


def marks_of(cue: Cue, **document: object) -> tuple[Mark, ...]:
    """The strips the timeline draws on the cue (in a document with these fields)."""
    return CueTrack(Document(cues=(cue,), **document), DEFAULT_STYLE).marks[0]  # type: ignore[arg-type]


def test_gap_runs_and_unsure_words_are_placed_by_their_times():
    cue = Cue(1000, 3000, "we -- Erbil", words=(
        Word("we", 1000, 1400, 0.9), Word("--", 1400, 2000), Word("Erbil", 2000, 3000, 0.2)))
    assert marks_of(cue) == (Mark(0.2, 0.5, MarkKind.GAP), Mark(0.5, 1.0, MarkKind.UNSURE))


def test_after_listening_the_marks_follow_what_the_speech_says():
    heard_well = Word("Erbil", 2000, 3000, 0.2, heard="ER B IH L", support=0.9)
    cue = Cue(1000, 3000, "in Erbil", words=(Word("in", 1000, 2000, 0.9), heard_well))
    assert marks_of(cue) == ()  # low confidence from auto-sync, but the speech supports it
    heard_as_a_name = Word("their", 1000, 2000, 0.9, support=0.3, alternatives=(HeardAlternative("Erbil", 2, 0.9),))
    garbled = Cue(1000, 3000, "their bill", words=(heard_as_a_name, Word("bill", 2000, 3000, 0.8, support=0.3)))
    assert marks_of(garbled, glossary=(GlossaryTerm("Erbil"),)) == (Mark(0.0, 1.0, MarkKind.UNSURE),)


def test_words_with_no_audio_are_marked_unheard_where_they_stand():
    cue = Cue(1000, 3000, "we met them", words=(
        Word("we", 1000, 1400, 0.9), Word("met", 1400, 1400, 0.0), Word("them", 2000, 3000, 1.0)))
    assert marks_of(cue) == (Mark(0.2, 0.2, MarkKind.UNHEARD),)


def test_gap_runs_in_a_cue_without_words_are_placed_by_text_position():
    marks = marks_of(Cue(0, 1000, "abcd -- efgh"))
    assert [(round(m.begin, 2), round(m.end, 2), m.kind) for m in marks] == [(0.42, 0.58, MarkKind.GAP)]


def test_blocks_breaking_the_style_are_flagged():
    too_fast = Cue(0, 900, "A great many words spoken far too quickly here")
    fine = Cue(1000, 4000, "Good evening.")
    track = CueTrack(Document(cues=(too_fast, fine)), DEFAULT_STYLE)
    assert track.flagged == [True, False]


def test_a_drag_never_makes_an_existing_overlap_worse_nor_refuses_to_start():
    earlier = Cue(0, 2000, "a")
    overlapping = Cue(1500, 3000, "b")
    drag = start_drag(1, DragKind.START, 1500, overlapping, (earlier, None), 67, None)
    assert drag.times_at(1000) == (1500, 3000)  # cannot go further into the neighbour
    assert drag.times_at(1800) == (1800, 3000)  # but may move away from it


def test_a_track_rebuilt_after_an_edit_reflects_the_edited_cue_and_a_new_style():
    untouched = Cue(2000, 4000, "untouched -- words")
    document = Document(cues=(Cue(0, 1000, "plain words"), untouched))
    track = CueTrack(document, DEFAULT_STYLE)
    worked_out = track.marks[1]  # as painting the cue does
    edited = document.with_cues([document.cues[0].with_text("plain -- words"), untouched])
    rebuilt = CueTrack(edited, DEFAULT_STYLE, previous=track)
    assert [m.kind for m in rebuilt.marks[0]] == [MarkKind.GAP]
    assert rebuilt.marks[1] is worked_out
    short_cue = Cue(0, 900, "ok")
    restyled = CueTrack(Document(cues=(short_cue,)), STYLES["bbc"],
                        previous=CueTrack(Document(cues=(short_cue,)), DEFAULT_STYLE))
    assert restyled.flagged == [True]  # 900 ms is under BBC's 1000 ms minimum, above streaming's 833


def test_the_timeline_tints_exactly_the_cues_the_checks_panel_lists_for_a_rule_about_one_cue():
    style = STYLES["bbc"]
    cues = (
        Cue(0, 2000, "Fine words here."),
        Cue(2100, 2400, "Too short."),
        Cue(2500, 12_500, "Far too long on screen."),
        Cue(13_000, 14_000, "A great many characters to read in one second"),
        Cue(15_000, 18_000, "one\ntwo\nthree"),
        Cue(18_500, 21_000, "x" * 38),
        Cue(21_500, 21_500, ""),
        Cue(22_000, 22_400, "   "),
    )
    document = Document(cues=cues, style_name=style.name)
    per_cue_rules = {rule.name for rule in RULES if rule.per_cue is not None}
    listed = {issue.cue_index for issue in run_checks(document, style) if issue.rule in per_cue_rules}
    track = CueTrack(document, style)
    assert {index for index, flagged in enumerate(track.flagged) if flagged} == listed
    assert listed == {1, 2, 3, 4, 5, 6, 7}


def test_a_rule_failure_staff_ignored_is_not_tinted():
    from editor.checks.ignoring import ignore_key
    from editor.core.edits import ignore_problem

    document = Document(cues=(Cue(0, 500, "Hi"), Cue(3000, 5000, "Fine words here.")))
    ignoring = document
    for issue in run_checks(document, DEFAULT_STYLE):
        ignoring = ignore_problem(ignoring, ignore_key(document, issue))
    before = CueTrack(document, DEFAULT_STYLE)
    assert before.flagged == [True, False]
    assert CueTrack(ignoring, DEFAULT_STYLE, previous=before).flagged == [False, False]
