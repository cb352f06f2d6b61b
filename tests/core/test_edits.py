"""The pure edits the editor's undo commands are built on."""

import pytest

from editor.core import edits
from editor.core.model import Cue, Document, Word
from editor.core.style import STYLES

STYLE = STYLES["streaming"]


def document(*cues: Cue) -> Document:
    return Document(cues=cues, runtime_ms=60_000)


def three() -> Document:
    return document(Cue(1000, 3000, "One two."), Cue(4000, 6000, "Three four."), Cue(8000, 9000, "Five."))


def test_diff_cues_records_only_what_changed_and_inverts() -> None:
    before = three()
    after = edits.set_text(before, 1, "Three for.")
    splice = edits.diff_cues(before.cues, after.cues)
    assert (splice.start, len(splice.removed), len(splice.inserted)) == (1, 1, 1)
    assert splice.apply_to(before.cues) == after.cues
    assert splice.inverted().apply_to(after.cues) == before.cues


def test_diff_of_an_insertion_at_the_end() -> None:
    before = three()
    after = edits.insert_cue_after(before, 2, STYLE)
    splice = edits.diff_cues(before.cues, after.cues)
    assert (splice.start, splice.removed, len(splice.inserted)) == (3, (), 1)


def test_set_text_keeps_aligned_words_only_when_the_words_are_unchanged() -> None:
    words = (Word("One", 1000, 1500), Word("two.", 1600, 2500))
    doc = document(Cue(1000, 3000, "One two.", words))
    assert edits.set_text(doc, 0, "One\ntwo.").cues[0].words == words
    assert edits.set_text(doc, 0, "One too.").cues[0].words == ()


def test_set_times_refuses_an_end_before_the_start_and_negative_times() -> None:
    with pytest.raises(edits.EditError, match="end after it starts"):
        edits.set_times(three(), 0, 3000, 3000)
    with pytest.raises(edits.EditError, match="before 00:00:00"):
        edits.set_times(three(), 0, -1, 3000)
    with pytest.raises(edits.EditError, match="no cue 9"):
        edits.set_times(three(), 8, 0, 10)


def test_nudge_moves_either_edge() -> None:
    doc = edits.nudge(three(), 1, start_delta_ms=-33)
    doc = edits.nudge(doc, 1, end_delta_ms=100)
    assert (doc.cues[1].start_ms, doc.cues[1].end_ms) == (3967, 6100)


def test_split_divides_text_at_the_cursor_and_time_by_the_text() -> None:
    doc = document(Cue(0, 4000, "aaaa bbbb\ncccc dddd"))
    result = edits.split_cue(doc, 0, len("aaaa bbbb\n"), STYLE)
    first, second = result.cues
    assert (first.text, second.text) == ("aaaa bbbb", "cccc dddd")
    assert first.start_ms == 0 and second.end_ms == 4000
    assert 1500 < first.end_ms < second.start_ms < 2500
    assert second.start_ms - first.end_ms == STYLE.min_gap_ms


def test_split_uses_aligned_word_times() -> None:
    words = (Word("early", 0, 500), Word("late", 3000, 3500))
    result = edits.split_cue(document(Cue(0, 4000, "early late", words)), 0, 5, STYLE)
    first, second = result.cues
    assert first.words == words[:1] and second.words == words[1:]
    assert 500 <= first.end_ms < second.start_ms <= 3000


def test_a_cursor_inside_a_word_splits_at_its_nearer_edge_and_keeps_the_timed_words() -> None:
    words = (Word("in", 0, 300), Word("a", 300, 400), Word("state", 400, 900), Word("of", 2500, 2700),
             Word("war", 2700, 3200))
    cue = Cue(0, 4000, "in a state\nof war", words)
    for inside, cut in (("in a sta", ("in a state", "of war")), ("in a s", ("in a", "state of war"))):
        first, second = edits.split_cue(document(cue), 0, len(inside), STYLE).cues
        assert (first.text, second.text) == cut
        assert first.words + second.words == words


def test_split_at_the_edge_of_the_text_is_refused() -> None:
    with pytest.raises(edits.EditError, match="between two words"):
        edits.split_cue(three(), 0, 0, STYLE)


def test_merge_joins_text_and_time_and_breaks_lines_again() -> None:
    doc = document(Cue(0, 2000, "The secretary of state said"), Cue(2100, 4000, "that Iraq must come together now."))
    merged = edits.merge_with_next(doc, 0, STYLE).cues
    assert len(merged) == 1
    assert (merged[0].start_ms, merged[0].end_ms) == (0, 4000)
    assert merged[0].text.replace("\n", " ") == "The secretary of state said that Iraq must come together now."
    assert all(len(line) <= STYLE.max_chars_per_line for line in merged[0].lines)


def test_merge_of_the_last_cue_is_refused() -> None:
    with pytest.raises(edits.EditError, match="no next cue"):
        edits.merge_with_next(three(), 2, STYLE)


def test_insert_after_uses_the_gap_and_keeps_the_minimum_gap() -> None:
    doc = edits.insert_cue_after(three(), 1, STYLE)
    new = doc.cues[2]
    assert new.text == "" and len(doc.cues) == 4
    assert new.start_ms == 6000 + STYLE.min_gap_ms
    assert new.end_ms == 8000 - STYLE.min_gap_ms


def test_insert_at_the_top_of_an_empty_document() -> None:
    doc = edits.insert_cue_after(Document(), -1, STYLE)
    assert (doc.cues[0].start_ms, doc.cues[0].end_ms) == (0, edits.NEW_CUE_MS)


def test_delete_and_shift_a_selection() -> None:
    assert [c.text for c in edits.delete_cues(three(), [0, 2]).cues] == ["Three four."]
    shifted = edits.shift_cues(three(), [1, 2], 500).cues
    assert [c.start_ms for c in shifted] == [1000, 4500, 8500]


def test_shift_moves_aligned_words_and_stops_at_zero() -> None:
    doc = document(Cue(1000, 2000, "Hi.", (Word("Hi.", 1100, 1900),)))
    shifted = edits.shift_cues(doc, [0], -5000).cues[0]
    assert (shifted.start_ms, shifted.words[0].start_ms) == (0, 100)


def test_timed_words_spread_untimed_text_inside_its_cue() -> None:
    words = edits.timed_words([Cue(1000, 2000, "a bb"), Cue(3000, 4000, "c")])
    assert [w.text for w in words] == ["a", "bb", "c"]
    assert words[0].start_ms == 1000 and words[1].end_ms <= 2000 and words[2].start_ms == 3000
    assert all(w.end_ms > w.start_ms for w in words)


def test_set_texts_changes_several_cues_at_once() -> None:
    doc = edits.set_texts(three(), {0: "A.", 2: "C."})
    assert [c.text for c in doc.cues] == ["A.", "Three four.", "C."]



def test_a_cue_inserted_after_the_last_ends_by_the_programme_s_end() -> None:
    doc = document(Cue(1000, 3000, "One two."), Cue(4000, 59_000, "Three four."))
    inserted = edits.insert_cue_after(doc, 1, STYLE).cues[2]
    assert (inserted.start_ms, inserted.end_ms) == (59_000 + STYLE.min_gap_ms, 60_000)


def test_no_cue_is_inserted_past_the_programme_s_end() -> None:
    doc = document(Cue(1000, 3000, "One two."), Cue(4000, 60_000, "Three four."))
    with pytest.raises(edits.EditError, match="no room for a cue after cue 2: the programme ends at 01:00"):
        edits.insert_cue_after(doc, 1, STYLE)


def test_a_caption_file_without_a_runtime_ends_where_its_media_ends() -> None:
    doc = Document(cues=(Cue(1000, 3000, "One two."), Cue(4000, 764_771, "Three four.")))  # no runtime: an SRT
    with pytest.raises(edits.EditError, match="no room for a cue after cue 2: the programme ends at 12:45"):
        edits.insert_cue_after(doc, 1, STYLE, media_ms=764_840)
    assert edits.insert_cue_after(doc, 1, STYLE).cues[2].start_ms == 764_771 + STYLE.min_gap_ms  # no media open
