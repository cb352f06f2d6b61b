"""The whole job without media: the seed transcript lined up along 12:45, and cue-time fitting rules."""

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.checks.registry import run_checks
from editor.core.model import Cue, Word
from editor.core.style import STYLES
from editor.core.transcript import Transcript, parse_transcript
from editor.paths import sample_transcript_path
from editor.timing.pipeline import (
    ESTIMATE_SLACK_MS,
    even_out_reading_speed,
    fit_cue_times,
    line_up_transcript,
    recut,
)
from editor.workflows.open_file import Opened, import_transcript

STREAMING = STYLES["streaming"]
SEED_RUNTIME_MS = 765_000


@pytest.fixture(scope="module")
def seed() -> Transcript:
    return parse_transcript(sample_transcript_path().read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=sorted(STYLES))
def seed_document(request, seed):
    return STYLES[request.param], line_up_transcript(seed, STYLES[request.param])


def test_every_seed_word_appears_once_in_order(seed, seed_document):
    _, document = seed_document
    assert [token for cue in document.cues for token in cue.text.split()] == [w.text for w in seed.words]


def test_no_seed_cue_breaks_the_line_limits(seed_document):
    style, document = seed_document
    for cue in document.cues:
        assert len(cue.lines) <= style.max_lines
        assert all(len(line) <= style.max_chars_per_line for line in cue.lines), cue.text


def test_seed_cues_are_ordered_apart_and_inside_the_runtime(seed_document):
    style, document = seed_document
    cues = document.cues
    assert 0 <= cues[0].start_ms <= 1000
    assert SEED_RUNTIME_MS - 2000 <= cues[-1].end_ms <= SEED_RUNTIME_MS
    for cue, following in itertools.pairwise(cues):
        assert cue.start_ms < cue.end_ms
        assert following.start_ms - cue.end_ms >= style.min_gap_ms


def test_seed_cues_keep_the_durations_and_reading_speed(seed_document):
    style, document = seed_document
    for cue in document.cues:
        assert style.min_duration_ms <= cue.duration_ms <= style.max_duration_ms
        assert len(cue.text.replace("\n", "")) * 1000 / cue.duration_ms <= style.max_cps


def test_the_document_carries_the_transcript_header(seed):
    document = line_up_transcript(seed, STREAMING)
    assert document.title == seed.title
    assert document.runtime_ms == SEED_RUNTIME_MS
    assert document.style_name == "streaming"


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGH'.,?", min_size=1, max_size=14)
TOKEN = st.one_of(WORD, WORD, WORD, WORD, st.sampled_from(["--", "---", "and", "the", "Mr.", "John"]))


@settings(max_examples=60, deadline=None)
@given(tokens=st.lists(TOKEN, min_size=1, max_size=120), seconds=st.integers(min_value=1, max_value=600))
def test_any_text_keeps_every_word_once_in_order_within_the_runtime(tokens, seconds):
    runtime_ms = seconds * 1000
    transcript = parse_transcript(" ".join(tokens), runtime_ms)
    document = line_up_transcript(transcript, STREAMING)
    assert [token for cue in document.cues for token in cue.text.split()] == [w.text for w in transcript.words]
    for cue, following in zip(document.cues, document.cues[1:], strict=False):
        assert cue.end_ms <= following.start_ms
    assert document.cues[-1].end_ms <= runtime_ms
    for cue in document.cues:
        assert len(cue.lines) <= STREAMING.max_lines


def cue(start: int, end: int, text: str = "words") -> Cue:
    return Cue(start, end, text)


def test_a_short_cue_stretches_toward_the_minimum_where_there_is_room():
    fitted = fit_cue_times([cue(0, 300), cue(5000, 6000)], STREAMING, 10_000)
    assert fitted[0].duration_ms == STREAMING.min_duration_ms


def test_a_short_cue_stops_short_of_the_next_one_and_never_starts_before_its_words():
    fitted = fit_cue_times([cue(1000, 1300), cue(1700, 3000)], STREAMING, 10_000)
    assert fitted[0].end_ms == 1700 - STREAMING.min_gap_ms
    assert fitted[0].start_ms == 1000


def test_a_pause_longer_than_a_second_and_a_half_always_ends_a_cue():
    said = [Word("Yes,", 0, 300), Word("we", 350, 500), Word("can.", 2100, 2400), Word("No,", 2450, 2700),
            Word("we", 4220, 4400), Word("can't.", 4450, 4800)]
    cues = recut(said, STREAMING, 10_000)
    assert [cue.text for cue in cues] == ["Yes, we", "can. No,", "we can't."]
    assert cues[1].start_ms == 2100


def test_a_sentence_said_more_than_a_second_after_the_last_starts_a_cue():
    # Two recordings joined with a 1.4 s pause: one cue showed "Ten of clubs." 1.4 s before it was said.
    said = [Word("He", 0, 160), Word("might", 160, 410), Word("be", 410, 600), Word("amiable.", 600, 1200),
            Word("Ten", 2610, 2760), Word("of", 2760, 2880), Word("clubs.", 2880, 3380)]
    cues = recut(said, STREAMING, 10_000)
    assert [cue.text for cue in cues] == ["He might be amiable.", "Ten of clubs."]
    assert cues[1].start_ms == 2610
    kept = [Word("He", 0, 160), Word("might,", 160, 410), Word("be", 1810, 2000), Word("amiable.", 2000, 2600)]
    assert [cue.text for cue in recut(kept, STREAMING, 10_000)] == ["He might, be amiable."]  # inside a sentence


def test_small_gaps_are_chained_to_the_minimum_gap():
    fitted = fit_cue_times([cue(0, 2000), cue(2300, 4000)], STREAMING, 10_000)
    assert fitted[1].start_ms - fitted[0].end_ms == STREAMING.min_gap_ms


def test_wide_gaps_stay_open():
    fitted = fit_cue_times([cue(0, 2000), cue(5000, 7000)], STREAMING, 10_000)
    assert fitted[0].end_ms == 2000


def test_overlapping_cues_are_pulled_apart():
    fitted = fit_cue_times([cue(0, 3000), cue(2000, 4000)], STREAMING, 10_000)
    assert fitted[0].end_ms == 2000 - STREAMING.min_gap_ms


def test_nothing_runs_past_the_runtime():
    fitted = fit_cue_times([cue(0, 2000), cue(9500, 9700)], STREAMING, 10_000)
    assert fitted[-1].end_ms == 10_000


def test_linger_and_lead_in_are_applied_within_limits():
    fitted = fit_cue_times([cue(1000, 2000), cue(5000, 6000)], STREAMING, 10_000, lead_in_ms=200, linger_ms=300)
    assert fitted[0].start_ms == 800
    assert fitted[0].end_ms == 2300
    lingering = fit_cue_times([cue(1000, 2000)], STREAMING, 10_000, linger_ms=5000)
    assert lingering[0].end_ms == 2000 + STREAMING.max_linger_ms


def test_recut_keeps_the_words_with_their_cues():
    words = [Word(t, i * 400, i * 400 + 350) for i, t in enumerate("We met the leaders today. They agreed.".split())]
    cues = recut(words, STREAMING, 10_000)
    assert [w for c in cues for w in c.words] == words
    assert cues[0].start_ms == 0


def test_chained_neighbours_share_time_to_read_at_a_similar_speed():
    dense, sparse = cue(0, 2000, "x" * 40), Cue(2000 + STREAMING.min_gap_ms, 5000, "y" * 10)
    evened = even_out_reading_speed([dense, sparse], STREAMING)
    assert evened[0].end_ms == 2000 + ESTIMATE_SLACK_MS
    assert evened[1].start_ms - evened[0].end_ms == STREAMING.min_gap_ms
    assert evened[1].end_ms == 5000


def test_neighbours_apart_are_left_alone():
    cues = [cue(0, 2000, "x" * 40), cue(3000, 5000, "y")]
    assert even_out_reading_speed(cues, STREAMING) == cues


def test_evening_never_moves_a_boundary_further_than_the_slack():
    gap = STREAMING.min_gap_ms
    cues = [cue(0, 2000, "x" * 60), Cue(2000 + gap, 6000, "y"), Cue(6000 + gap, 9000, "z" * 60)]
    evened = even_out_reading_speed(cues, STREAMING)
    for before, after in zip(cues, evened, strict=True):
        assert abs(after.end_ms - before.end_ms) <= ESTIMATE_SLACK_MS


# real-a's transcript (a novel, card calls, a sonnet, a speech): paced along its 1:55 its closing words were cut
# as one 7.2 s cue, over the 7 s maximum.
REAL_A = (
    'And mister john dashwood had then leisure to consider how much there might be prudently in his power'
    ' to do for them. He was not an ill disposed young man. Unless to be rather cold hearted and rather '
    'selfish is to be ill disposed. Had he married a more a amiable woman he might have been made still '
    'more respectable than he was. He might even have been made amiable himself. Ten of clubs. Four queen'
    ' of clubs. Seven of clubs. Five five. Eight of spades four of clubs seven of hearts. Go forward ten '
    "meters. From fairest creatures we desire increase, That thereby beauty's rose might never die, But "
    'as the riper should by time decease, His tender heir might bear his memory: But thou contracted to '
    "thine own bright eyes, Feed'st thy light's flame with self-substantial fuel, Making a famine where "
    "abundance lies, Thy self thy foe, to thy sweet self too cruel: Thou that art now the world's fresh "
    'ornament, And only herald to the gaudy spring, Within thine own bud buriest thy content, And tender '
    "churl mak'st waste in niggarding: Pity the world, or else this glutton be, To eat the world's due, "
    'by the grave and thee.. And so my fellow Americans, ask not what your country can do for you, ask '
    'what you can do for your country.'
)


def _lined_up_file(tmp_path, body: str, runtime: str, style_name: str = "streaming"):
    path = tmp_path / "programme.txt"
    path.write_text(f"Programme\n\nSummary\n{runtime} | 01/01/26\n\nTranscript for Programme\n{body}\n",
                    encoding="utf-8")
    opened = import_transcript(path, STYLES[style_name])
    assert isinstance(opened, Opened)
    return opened.document


_VOCABULARY = ("the minister said forces would hold the line near Baghdad while leaders in Washington weighed "
               "airstrikes against fighters advancing from the north").split()


def _slow_words_without_stops(seed: int) -> str:
    """Four minutes of words at 90 a minute with no punctuation: no sentence end to cut a long cue at."""
    choose = random.Random(seed).choice
    return " ".join(choose(_VOCABULARY) for _ in range(4 * 90))


@pytest.mark.parametrize("style_name", sorted(STYLES))
@pytest.mark.parametrize(("body", "runtime"), [
    (REAL_A, "1:55"), *((_slow_words_without_stops(seed), "4:00") for seed in range(6))
])
def test_a_lined_up_transcript_never_keeps_a_cue_of_several_words_past_the_maximum(tmp_path, body, runtime,
                                                                                  style_name):
    style = STYLES[style_name]
    document = _lined_up_file(tmp_path, body, runtime, style_name)
    too_long = [cue.text for cue in document.cues if cue.duration_ms > style.max_duration_ms]
    assert not too_long
    assert not [issue for issue in run_checks(document, style) if issue.rule == "max-duration"]


def test_evening_never_lengthens_the_next_cue_past_the_maximum():
    gap = STREAMING.min_gap_ms
    sparse = cue(0, 2000, "x" * 5)
    long_dense = Cue(2000 + gap, 2000 + gap + STREAMING.max_duration_ms - 100, "y" * 120)
    evened = even_out_reading_speed([sparse, long_dense], STREAMING)
    assert evened[1].duration_ms <= STREAMING.max_duration_ms


def _words_at(words_a_minute: int, minutes: int, seed: int) -> str:
    """Words at a given speed, a sentence or clause ending at one word in twenty-five each."""
    chosen = random.Random(seed)
    endings = ("",) * 23 + (".", ",")
    words = [chosen.choice(_VOCABULARY) + chosen.choice(endings) for _ in range(words_a_minute * minutes)]
    return " ".join(words)


@pytest.mark.parametrize("seed", range(2))
def test_a_transcript_slower_than_the_target_on_average_lines_up_without_reading_speed_warnings(tmp_path, seed):
    """These words at 135 a minute read at 14.4-14.6 characters a second over the runtime, below bbc's 15: a cue
    over it is the estimate's unevenness, which evening out the chained neighbours' time removes (18 and 7
    warnings when a boundary could move 0.5 s, three passes)."""
    bbc = STYLES["bbc"]
    document = _lined_up_file(tmp_path, _words_at(135, 3, seed), "3:00", "bbc")
    assert sum(len(cue.text.replace("\n", "")) for cue in document.cues) * 1000 / 180_000 < bbc.target_cps
    assert [issue.message for issue in run_checks(document, bbc) if issue.rule.startswith("reading-speed")] == []
