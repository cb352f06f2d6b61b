"""What a selection sync touches: only the selected cues, re-cut inside the audio their neighbours leave
free; the alignment of a clip comes back in programme time."""

from __future__ import annotations

from itertools import pairwise

import pytest

from editor.core.edits import EditError
from editor.core.model import Cue, Document, Word
from editor.core.style import style_named
from editor.timing.align import Alignment
from editor.workflows.cut_short import CUT_SHORT_MS
from editor.workflows.sync_scope import samples_of, selected_cues, shifted, synced, whole_document, within_audio

STYLE = style_named("streaming")


def document() -> Document:
    cues = (Cue(0, 1800, "One two."), Cue(2000, 3800, "Three -- four."), Cue(4000, 5800, "Five six."),
            Cue(6000, 7800, "Seven eight."))
    return Document(cues=cues, runtime_ms=8000, style_name=STYLE.name)


def test_a_selection_is_aligned_against_the_audio_between_its_neighbours() -> None:
    scope = selected_cues(document(), [2, 1])
    assert (scope.first, scope.stop, scope.whole) == (1, 3, False)
    assert [word.text for word in scope.words] == ["Three", "--", "four.", "Five", "six."]
    assert (scope.start_ms, scope.end_ms) == (1800 + STYLE.min_gap_ms, 6000 - STYLE.min_gap_ms)
    assert scope.label == "Auto-sync 2 cues"
    last = selected_cues(document(), [3])
    assert (last.start_ms, last.end_ms) == (5800 + STYLE.min_gap_ms, None)


def test_nothing_to_sync_is_refused() -> None:
    with pytest.raises(EditError):
        selected_cues(document(), [])
    with pytest.raises(EditError):
        whole_document(Document())


def test_the_audio_of_a_scope_is_its_span_of_samples() -> None:
    scope = selected_cues(document(), [1])
    assert samples_of(scope, 1000) == (scope.start_ms, scope.end_ms)
    assert samples_of(selected_cues(document(), [3]), 16000) == ((5800 + STYLE.min_gap_ms) * 16, None)


def test_only_the_selected_cues_change_and_they_stay_in_their_span() -> None:
    before = document()
    scope = selected_cues(before, [1])
    heard = Alignment([Word("Three", 0, 300, 1.0), Word("--", 300, 900, 0.0), Word("four.", 900, 1300, 0.3)],
                      [(300, 900)], speech_found=True)
    in_programme = shifted(heard, scope.start_ms)
    assert in_programme.gap_spans == [(scope.start_ms + 300, scope.start_ms + 900)]
    after = synced(before, scope, in_programme, 8000, STYLE)
    assert after.cues[0] == before.cues[0] and after.cues[2:] == before.cues[2:]
    new = after.cues[1]
    assert new.start_ms == scope.start_ms and new.end_ms <= scope.end_ms  # type: ignore[operator]
    assert [word.start_ms for word in new.words] == [scope.start_ms, scope.start_ms + 300, scope.start_ms + 900]
    assert new.words[2].is_doubtful


def test_no_speech_changes_nothing() -> None:
    before = document()
    silent = Alignment(list(before.words), [], speech_found=False)
    assert synced(before, whole_document(before), silent, 8000, STYLE) is before


def test_a_whole_document_sync_of_an_excerpt_covers_the_cues_its_audio_holds() -> None:
    whole = whole_document(document())
    assert within_audio(whole, 7800 - CUT_SHORT_MS) is whole  # a programme a little short: synced whole
    excerpt = within_audio(whole, 2500)
    assert (excerpt.first, excerpt.stop, excerpt.whole, excerpt.audio_ends_ms) == (0, 2, False, 2500)
    assert [word.text for word in excerpt.words] == ["One", "two.", "Three", "--", "four."]
    assert excerpt.label == "Auto-sync 2 cues"
    selection = selected_cues(document(), [3])
    assert within_audio(selection, 2500) is selection


def test_an_excerpt_from_the_middle_comes_first_and_the_other_cues_follow_it_in_their_order() -> None:
    before = document()
    excerpt = within_audio(whole_document(before), 2500, said=range(5, 8))  # "Five six. Seven": cues 3 and 4
    assert (excerpt.first, excerpt.stop, excerpt.moves_to_front, excerpt.first_after) == (2, 4, True, 0)
    assert [word.text for word in excerpt.words] == ["Five", "six.", "Seven", "eight."]
    heard = Alignment([Word("Five", 100, 400, 1.0), Word("six.", 400, 900, 1.0), Word("Seven", 1300, 1600, 1.0),
                       Word("eight.", 1600, 2000, 1.0)], [], speech_found=True)
    after = synced(before, excerpt, heard, 2500, STYLE)
    *clip, earlier, later = after.cues
    assert " ".join(cue.text for cue in clip) == "Five six. Seven eight." and (earlier.text, later.text) == (
        "One two.", "Three -- four.")
    assert clip[0].start_ms == 100 and clip[-1].end_ms <= 2500
    assert earlier.start_ms == clip[-1].end_ms + STYLE.min_gap_ms
    assert later.start_ms - before.cues[1].start_ms == earlier.start_ms - before.cues[0].start_ms  # its own times
    assert all(cue.end_ms <= following.start_ms for cue, following in pairwise(after.cues))


def test_words_an_excerpt_lacks_at_its_edge_keep_their_estimate_instead_of_its_last_instant() -> None:
    said = "One two. Three four. Five six.".split()
    estimated = [Word(text, 1000 * n, 1000 * n + 800) for n, text in enumerate(said)]
    before = Document(cues=(Cue(0, 1800, "One two.", tuple(estimated[:2])), Cue(2000, 3800, "Three four.",
                                tuple(estimated[2:4])), Cue(4000, 5800, "Five six.", tuple(estimated[4:]))),
                      runtime_ms=8000, style_name=STYLE.name)
    excerpt = within_audio(whole_document(before), 700, said=range(2, 4))  # a 0.7 s clip: "Three four." in cue 2
    assert (excerpt.first, excerpt.stop) == (1, 2)
    heard = Alignment([Word("Three", 100, 500, 1.0), Word("four.", 700, 700, 0.0)], [], speech_found=True)
    assert heard.words[1].is_unheard  # the clip ends before "four."
    after = synced(before, excerpt, heard, 700, STYLE)
    assert [cue.text for cue in after.cues] == ["Three", "One two.", "four.", "Five six."]
    assert after.cues[0].end_ms <= 700 and after.cues[2].duration_ms >= 800  # "four." as long as its estimate
    assert all(cue.end_ms <= following.start_ms for cue, following in pairwise(after.cues))
