"""Ignored problems: the checks skip them wherever their words move (other cues, a re-cut, a re-sync), and see
them again when the words change; each `--` run is its own problem with its characters."""

from dataclasses import replace

from editor.checks import low_confidence, unresolved_gap
from editor.checks.ignoring import IGNORE_DRIFT_MS, ignore_key
from editor.checks.issue import TextSpan
from editor.checks.registry import run_checks
from editor.core.cue_spans import span_time
from editor.core.edits import ignore_problem, insert_cue_after, set_text, shift_cues
from editor.core.model import Cue, Document, Word
from editor.core.style import STYLES
from editor.timing.pipeline import recut

STREAMING = STYLES["streaming"]
DOCUMENT = Document(cues=(Cue(0, 2000, "we -- agree"), Cue(3000, 5000, "then -- and\n-- left")))


def gaps(document: Document) -> list[tuple[int, TextSpan | None]]:
    return [(i.cue_index, i.span) for i in run_checks(document, STREAMING) if i.rule == unresolved_gap.NAME]


def test_each_gap_run_is_a_problem_naming_its_characters_with_inaudible_offered() -> None:
    issues = unresolved_gap.check(DOCUMENT, STREAMING)
    assert [(i.cue_index, i.span) for i in issues] == [(0, TextSpan(3, 5)), (1, TextSpan(5, 7)), (1, TextSpan(12, 14))]
    assert [fix.replacement for fix in issues[0].fixes] == ["[inaudible]"]


def test_dashes_written_one_after_another_on_a_line_are_one_problem_and_a_line_break_ends_a_run() -> None:
    runs = Document(cues=(Cue(0, 2000, "we -- -- -- agree --\n-- left"),))
    assert [i.span for i in unresolved_gap.check(runs, STREAMING)] == [TextSpan(3, 11), TextSpan(18, 20),
                                                                        TextSpan(21, 23)]


def test_an_ignored_problem_stays_ignored_when_cues_move_and_comes_back_when_its_words_change() -> None:
    second = unresolved_gap.check(DOCUMENT, STREAMING)[1]
    ignoring = ignore_problem(DOCUMENT, ignore_key(DOCUMENT, second))
    expected = [(0, TextSpan(3, 5)), (1, TextSpan(12, 14))]
    assert gaps(ignoring) == expected
    moved = shift_cues(insert_cue_after(ignoring, -1, STREAMING, "Hello"), [1, 2], 4000)
    assert gaps(moved) == [(1, TextSpan(3, 5)), (2, TextSpan(12, 14))]
    reworded = set_text(ignoring, 1, "then -- but\n-- left")
    assert len(gaps(reworded)) == 3


def test_ignoring_one_of_two_timed_gaps_a_second_apart_leaves_the_other() -> None:
    """The sample's cue 5 after auto-sync, "hot -- Iraq. / -- everyone", its runs 1,010 ms apart: ignoring the
    second also hid the first (within the 1.5 s a re-sync may move a word), 100 problems -> 98 with one Alt+I."""
    texts = ("Right", "now", "the", "international", "hot", "--", "Iraq.", "--", "everyone", "I'm", "Michelle.")
    starts = (13630, 13900, 14150, 14300, 15900, 16230, 16600, 17240, 17500, 17900, 18200)
    words = tuple(Word(text, start, start + 250, 0.9) for text, start in zip(texts, starts, strict=True))
    cue = Cue(13630, 19373, "Right now the international hot -- Iraq.\n-- everyone I'm Michelle.", words)
    document = Document(cues=(cue,))
    first, second = unresolved_gap.check(document, STREAMING)
    ignoring = ignore_problem(document, ignore_key(document, second))
    assert gaps(ignoring) == [(0, first.span)]


def test_an_issue_about_a_whole_cue_is_ignored_for_that_cue_text() -> None:
    fast = Document(cues=(Cue(0, 2000, "x" * 36), Cue(3000, 5000, "y" * 36)))
    [first, _second] = [i for i in run_checks(fast, STREAMING) if i.rule == "reading-speed"]
    ignoring = ignore_problem(fast, ignore_key(fast, first))
    still = [(i.cue_index, i.rule) for i in run_checks(ignoring, STREAMING) if i.rule != "spelling"]
    assert still == [(1, "reading-speed")]


SPOKEN = ("Officials in the region said the crisis had deepened after fighters took the town near the "
          "border and the crisis spread north within days of the first reports from the ground").split()
CRISES = [index for index, word in enumerate(SPOKEN) if word == "crisis"]
FLAT = 0.9
DOUBTED = 0.2


PAUSE_MS = 1100  # before the first "crisis": auto-sync cuts there when a re-sync finds the pause a bit longer


def spoken_words(shift_ms: int = 0) -> list[Word]:
    """The sentence at 350 ms a word, each "crisis" heard with low confidence; `shift_ms` moves the words from
    the first "crisis" on, as a re-sync may."""
    words = []
    for index, text in enumerate(SPOKEN):
        start = index * 350 + (PAUSE_MS + shift_ms if index >= CRISES[0] else 0)
        words.append(Word(text, start, start + 300, DOUBTED if text == "crisis" else FLAT))
    return words


def spoken_at(index: int, shift_ms: int = 0) -> int:
    return spoken_words(shift_ms)[index].start_ms or 0


def cut(words: list[Word], style_name: str) -> Document:
    return Document(cues=tuple(recut(words, STYLES[style_name], None)), runtime_ms=60_000)


def doubted(document: Document) -> list[tuple[str, int]]:
    """The low-confidence words the checks report, with when they are spoken."""
    found = []
    for issue in run_checks(document, STREAMING):
        if issue.rule == low_confidence.NAME and issue.span is not None:
            cue, start, end = document.cues[issue.cue_index], issue.span.start, issue.span.end
            found.append((cue.text[start:end], span_time(cue, start, end)[0]))
    return found


def first_crisis_context(document: Document) -> str:
    """The words around the first "crisis" in its cue, as an ignore of untimed words remembers them."""
    first = next(i for i in low_confidence.check(document, STREAMING))
    return ignore_key(document, first).context


def test_an_ignored_timed_word_stays_ignored_when_auto_sync_re_cuts_and_re_times_around_it() -> None:
    before = cut(spoken_words(), "streaming")
    first = next(i for i in run_checks(before, STREAMING) if i.rule == low_confidence.NAME)
    ignoring = ignore_problem(before, ignore_key(before, first))
    assert doubted(ignoring) == [("crisis", spoken_at(CRISES[1]))]

    resynced = replace(cut(spoken_words(shift_ms=450), "streaming"), ignored=ignoring.ignored)
    assert first_crisis_context(resynced) != first_crisis_context(before)  # a cue now starts at the word
    assert doubted(resynced) == [("crisis", spoken_at(CRISES[1], 450))]
    recut_narrower = replace(cut(spoken_words(), "cea608"), ignored=ignoring.ignored)
    assert doubted(recut_narrower) == [("crisis", spoken_at(CRISES[1]))]


def test_the_same_word_heard_further_away_than_a_re_sync_moves_it_is_not_covered() -> None:
    document = cut(spoken_words(), "streaming")
    first = next(i for i in run_checks(document, STREAMING) if i.rule == low_confidence.NAME)
    ignoring = ignore_problem(document, ignore_key(document, first))
    moved_far = replace(cut(spoken_words(shift_ms=IGNORE_DRIFT_MS + 1), "streaming"), ignored=ignoring.ignored)
    assert [word for word, _at in doubted(moved_far)] == ["crisis", "crisis"]


def test_an_ignored_untimed_word_is_still_known_by_the_words_around_it() -> None:
    document = Document(cues=(Cue(0, 2000, "the Beisel group"), Cue(3000, 5000, "Beisel fighters")))
    first = next(i for i in run_checks(document, STREAMING) if i.rule == "spelling")
    ignoring = ignore_problem(document, ignore_key(document, first))
    assert ignoring.ignored[0].at_ms is None
    moved = shift_cues(insert_cue_after(ignoring, -1, STREAMING, "Hello"), [1, 2], 4000)
    assert [(i.cue_index, i.rule) for i in run_checks(moved, STREAMING)] == [(2, "spelling")]
