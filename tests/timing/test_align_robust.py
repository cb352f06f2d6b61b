"""Auto-sync where the transcript and the audio disagree, on speech made in the test: untranscribed speech
right after a sentence with a `--` run, transcript text the audio lacks, a sentence that opens with `--`;
and byte-identical output on every run, whatever the worker processes, the hash seed or what the process
aligned before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from spoken import RATE, Speech, speak

from editor.core.model import Cue, Word
from editor.core.style import DEFAULT_STYLE
from editor.timing.align import align_words
from editor.timing.pipeline import recut

ROOT = Path(__file__).resolve().parents[2]
LEAD_IN_AND_SLACK_MS = 150
INSERT = "We will be right back after these messages. Stay with us for the weather and the traffic report."


def words_of(text: str) -> list[Word]:
    return [Word(token) for token in text.split()]


def synced(transcript: str, speech: Speech) -> list[Cue]:
    alignment = align_words(words_of(transcript), speech.samples, RATE)
    assert alignment.speech_found
    return recut(alignment.words, DEFAULT_STYLE, len(speech.samples) * 1000 // RATE)


def cue_opening(cues: list[Cue], text: str) -> Cue:
    return next(cue for cue in cues if cue.text.replace("\n", " ").startswith(text))


def shown_over(cues: list[Cue], start_ms: int, end_ms: int) -> int:
    """The longest time any one cue is on screen between start and end."""
    return max(min(end_ms, cue.end_ms) - max(start_ms, cue.start_ms) for cue in cues)


def test_speech_the_transcript_lacks_after_a_gap_sentence_belongs_to_no_cue(speech_folder: Path) -> None:
    speech = speak([
        0.4, "The minister arrived in Baghdad on Monday morning.", 0.5,
        "Officials said the army", 0.2, "would hold the refinery.", 0.4, INSERT, 0.5,
        "Prices of oil rose sharply after the news.", 0.5, "Kerry urged the leaders to form a new government.", 0.5,
    ], speech_folder)
    transcript = ("The minister arrived in Baghdad on Monday morning. Officials said -- would hold the refinery. "
                  "Prices of oil rose sharply after the news. Kerry urged the leaders to form a new government.")
    cues = synced(transcript, speech)
    insert_start, insert_end = speech.phrase(INSERT)
    assert shown_over(cues, insert_start, insert_end) <= 600  # a cue may linger a little, not hold the insert
    prices = cue_opening(cues, "Prices")
    assert abs(prices.start_ms - speech.phrase("Prices of oil rose sharply after the news.")[0]) <= 150


def test_speech_the_transcript_lacks_after_a_sentence_ending_in_a_gap_does_not_pull_the_next_one(
    speech_folder: Path,
) -> None:
    speech = speak([
        0.4, "The minister arrived in Baghdad on Monday morning.", 0.5, "Officials said the army", 0.1,
        "would hold the refinery now", 0.4, INSERT, 0.5, "The talks will go on next week.", 0.5,
        "Kerry urged the leaders to form a new government.", 0.5,
    ], speech_folder)
    transcript = ("The minister arrived in Baghdad on Monday morning. Officials said the army -- -- "
                  "The talks will go on next week. Kerry urged the leaders to form a new government.")
    cues = synced(transcript, speech)
    insert_start, insert_end = speech.phrase(INSERT)
    assert shown_over(cues, insert_start, insert_end) <= 600
    talks = cue_opening(cues, "The talks")
    assert abs(talks.start_ms - speech.phrase("The talks will go on next week.")[0]) <= LEAD_IN_AND_SLACK_MS


def test_a_sentence_after_untranscribed_speech_is_not_stretched_back_over_it(speech_folder: Path) -> None:
    speech = speak([
        0.4, "The minister arrived in Baghdad on Monday morning.", 0.5, "Officials said the talks went well yesterday.",
        1.2, INSERT, 0.4, "Honestly, prices of oil rose sharply after the news.", 0.5,
        "Kerry urged the leaders to form a new government.", 0.5,
    ], speech_folder)
    transcript = ("The minister arrived in Baghdad on Monday morning. Officials said the talks went well today. "
                  "Frankly, prices of oil rose sharply after the news. "
                  "Kerry urged the leaders to form a new government.")  # 'today' and 'Frankly' are misheard words
    cues = synced(transcript, speech)
    insert_start, insert_end = speech.phrase(INSERT)
    assert shown_over(cues, insert_start, insert_end) <= 600
    frankly = cue_opening(cues, "Frankly")
    assert abs(frankly.start_ms - speech.phrase("Honestly, prices of oil rose sharply after the news.")[0]) <= 150


def test_a_short_sentence_right_after_untranscribed_speech_is_not_pulled_into_it(speech_folder: Path) -> None:
    said = ["The minister arrived in Baghdad on Monday morning.", "Officials said the talks went well yesterday.",
            "Back to you.", "Prices of oil rose sharply after the news."]
    speech = speak([0.4, said[0], 0.5, said[1], 0.6, INSERT, 0.5, said[2], 0.5, said[3], 0.5], speech_folder)
    cues = synced(" ".join(said), speech)  # the insert says "back" too
    insert_start, insert_end = speech.phrase(INSERT)
    assert shown_over(cues, insert_start, insert_end) <= 600
    assert abs(cue_opening(cues, "Back to you.").start_ms - speech.phrase(said[2])[0]) <= LEAD_IN_AND_SLACK_MS


BESIDE_AN_INSERT = ["The minister arrived in Baghdad on Monday morning.",
                    "Officials said the talks went well yesterday.", "Alex.",
                    "In a way that is sustainable over the long term.",
                    "Kerry urged the leaders to form a new government."]


@pytest.mark.parametrize("insert_first", [True, False], ids=["after an insert", "before an insert"])
def test_a_one_word_sentence_nobody_heard_beside_an_insert_keeps_its_own_speech(
    speech_folder: Path, insert_first: bool,
) -> None:
    # The aligner put "Alex." on the insert's words (4.8 s early after it, 2 s late before it): the recogniser
    # heard it nowhere, so it goes to the side of the insert whose speech its length fits.
    said = BESIDE_AN_INSERT
    middle: list[str | float] = [INSERT, 0.55, said[2], 1.7] if insert_first else [said[2], 0.55, INSERT, 0.6]
    speech = speak([0.4, said[0], 0.5, said[1], 0.6, *middle, said[3], 0.5, said[4], 0.5], speech_folder)
    aligned = align_words(words_of(" ".join(said)), speech.samples, RATE).words
    alex = next(word for word in aligned if word.text == "Alex.")
    assert abs((alex.start_ms or 0) - speech.phrase("Alex.")[0]) <= LEAD_IN_AND_SLACK_MS


ONE_WORD_SENTENCES = {
    "before a long pause": [
        0.5, "The minister arrived in Baghdad on Monday morning.", 0.6, "Alex.", 1.6,
        "Officials said the talks would continue.", 0.5, "Kerry urged the leaders to form a new government.", 0.5,
    ],
    "before the pause that opens the next sentence": [
        0.5, "The minister said that the army is ultimately determined.", 0.3, "Two.", 1.4,
        "Follow the constitutional process to form a government.", 0.5,
        "Kerry urged the leaders to form a new government.", 0.5,
    ],
}


@pytest.mark.parametrize("script", ONE_WORD_SENTENCES.values(), ids=ONE_WORD_SENTENCES.keys())
def test_a_one_word_sentence_keeps_its_start(script: list[str | float], speech_folder: Path) -> None:
    speech = speak(script, speech_folder)
    sentences = [part for part in script if isinstance(part, str)]
    alone = next(sentence for sentence in sentences if len(sentence.split()) == 1)
    aligned = align_words(words_of(" ".join(sentences)), speech.samples, RATE).words
    word = next(word for word in aligned if word.text == alone)
    assert abs((word.start_ms or 0) - speech.phrase(alone)[0]) <= LEAD_IN_AND_SLACK_MS


SPONSORS = "This programme is brought to you by our sponsors. Thank you for watching, and have a good evening."


def test_a_one_word_sentence_before_an_insert_keeps_its_own_speech(speech_folder: Path) -> None:
    # The aligner and the recogniser both put "Two." on its own speech; the onset search for a one-word
    # sentence took the last onset before the next sentence, the insert's last phrase: 4.8 s late.
    said = ["The minister arrived in Baghdad on Monday morning with his advisors.", "How many of them are there.",
            "Two.", "The talks will go on until the end of the week in the capital."]
    speech = speak([0.4, said[0], 0.5, said[1], 0.4, said[2], 0.3, SPONSORS, 0.4, said[3], 0.5], speech_folder,
                   "en-gb-scotland")
    noisy = speech.samples + np.random.default_rng(1).normal(0, 0.01, len(speech.samples)).astype(np.float32)
    aligned = align_words(words_of(" ".join(said)), noisy, RATE).words
    two = next(word for word in aligned if word.text == "Two.")
    assert abs((two.start_ms or 0) - speech.phrase("Two.")[0]) <= LEAD_IN_AND_SLACK_MS


GAP_SENTENCE = {  # "-- for." where the audio says "Three hundred for.", an insert before or after it
    "after an insert, en+m4": ("en+m4", 0.03, [INSERT, 0.4, "Three hundred for.", 0.5]),
    "before an insert, en-gb-scotland": ("en-gb-scotland", 0.01, ["Three hundred for.", 0.3, INSERT, 0.4]),
    # "for" put at the insert's start, its own speech absorbed with the insert's: 6.1 s early
    "after an insert, absorbed with it": ("en-gb-scotland", 0.03, [INSERT, 0.4, "Three hundred for.", 0.5]),
}


@pytest.mark.parametrize("case", GAP_SENTENCE.values(), ids=GAP_SENTENCE.keys())
def test_a_one_word_sentence_opening_with_a_gap_beside_an_insert_keeps_its_own_speech(
    speech_folder: Path, case: tuple[str, float, list[str | float]],
) -> None:
    # The aligner absorbed the insert and the sentence's own speech alike and squeezed "for" in at one end;
    # the one-word onset search took an onset inside the insert: 3.7 s late before an insert, and 3.0 s
    # early after one when that search took any 100 ms pause.
    voice, noise, middle = case
    said = ["The minister arrived in Baghdad on Monday morning with his advisors.",
            "The talks will go on until the end of the week in the capital.",
            "Kerry urged the leaders to form a new government as soon as possible."]
    speech = speak([0.4, said[0], 0.5, *middle, said[1], 0.5, said[2], 0.5], speech_folder, voice)
    noisy = speech.samples + np.random.default_rng(1).normal(0, noise, len(speech.samples)).astype(np.float32)
    aligned = align_words(words_of(" ".join([said[0], "-- for.", *said[1:]])), noisy, RATE).words
    gap = next(word for word in aligned if word.text == "--")
    assert abs((gap.start_ms or 0) - speech.phrase("Three hundred for.")[0]) <= LEAD_IN_AND_SLACK_MS


def with_noise(samples: np.ndarray, snr_db: float, seed: int) -> np.ndarray:
    """White noise at this speech-to-noise ratio, as a noisy broadcast has."""
    speech_power = float(np.mean(samples[np.abs(samples) > 1e-3] ** 2))
    noise = np.random.default_rng(seed).normal(0.0, np.sqrt(speech_power / 10 ** (snr_db / 10)), len(samples))
    return (samples + noise).astype(np.float32)


@pytest.mark.parametrize("seed", [1, 2])
def test_a_sentence_opening_is_placed_where_it_was_heard(speech_folder: Path, seed: int) -> None:
    # The audio says "that" for "constitutional": in noise the aligner lent the next sentence's first words
    # ("Wants to", too short to anchor alone) to the swapped word and put them 0.5-1.4 s late.
    opening = "Wants to officials region Baghdad"
    speech = speak([
        0.5, "You know it would be inappropriate for me to comment on anything.", 0.4,
        "He says he has committed to the that process.", 0.5, opening, 0.0,
        "the parliament convened on the first of July.", 0.3, "And it will work to form a government.", 0.5,
    ], speech_folder)
    transcript = ("You know it would be inappropriate for me to comment on anything. He says he has committed to "
                  "the constitutional process. Wants to -- the parliament convened on the first of July. "
                  "And it will work to form a government.")
    alignment = align_words(words_of(transcript), with_noise(speech.samples, 15, seed), RATE)
    cues = recut(alignment.words, DEFAULT_STYLE, len(speech.samples) * 1000 // RATE)
    assert abs(cue_opening(cues, "Wants to").start_ms - speech.phrase(opening)[0]) <= LEAD_IN_AND_SLACK_MS


def test_a_sentence_after_one_ending_in_swapped_words_opens_after_the_pause_between_them(speech_folder: Path) -> None:
    # The transcript ends the second sentence in words the audio does not say: in noise the aligner gave their
    # sound to "But the" and put the pause between the sentences after them, 0.86 s into the next sentence.
    said = ["The minister arrived in Baghdad on Monday morning.",
            "Officials said the talks went well and nobody was hurt at all.",
            "But the real solution is going to be found in Baghdad.",
            "Kerry urged the leaders to form a new government."]
    speech = speak([0.4, said[0], 0.5, said[1], 0.5, said[2], 0.5, said[3], 0.5], speech_folder)
    transcript = " ".join([said[0], "Officials said the talks went well don't need some of it.", *said[2:]])
    aligned = align_words(words_of(transcript), with_noise(speech.samples, 12, 1), RATE).words
    but = next(word for word in aligned if word.text == "But")
    assert abs((but.start_ms or 0) - speech.phrase(said[2])[0]) <= LEAD_IN_AND_SLACK_MS


def test_a_short_sentence_whose_first_word_an_insert_before_it_also_says_starts_after_the_insert(
    speech_folder: Path,
) -> None:
    # The insert opens with "We", heard as "the" right after "exacerbate.": the run "exacerbate the" anchored
    # "The sectarian." on the insert's first word, 6 s before its own speech.
    said = ["The minister arrived in Baghdad on Monday morning.", "That is not going to exacerbate.",
            "The sectarian.", "Divisions of this country.", "Kerry urged the leaders to form a new government."]
    speech = speak([0.4, said[0], 0.5, said[1], 0.6, INSERT, 0.7, said[2], 0.08, said[3], 0.5, said[4], 0.5],
                   speech_folder)
    aligned = align_words(words_of(" ".join(said)), with_noise(speech.samples, 13, 1), RATE).words
    opening = len(" ".join(said[:2]).split())
    assert abs((aligned[opening].start_ms or 0) - speech.phrase(said[2])[0]) <= LEAD_IN_AND_SLACK_MS


def test_a_sentence_whose_first_word_was_heard_in_the_end_of_the_sentence_before_starts_after_the_pause(
    speech_folder: Path,
) -> None:
    # "The" heard in "it's because." anchored 1.1 s early with "Iraqi" after the pause: the aligner squeezed
    # "it's because" into 0.3 s before it.
    said = ["But most people here will tell you.", "It's not because of the absence of the United States it's because.",
            "The Iraqi Government has not been responding adequately to the needs that have been expressed.",
            "Eight or nine years now people have been fighting to get an oil revenues law in place."]
    spoken = [said[0], said[1].replace("not", "they"), *said[2:]]
    speech = speak([0.4, spoken[0], 0.4, spoken[1], 0.58, spoken[2], 0.43, spoken[3], 0.5], speech_folder, "en-us+f3")
    aligned = align_words(words_of(" ".join(said)), with_noise(speech.samples, 12, 1), RATE).words
    opening = len(" ".join(said[:2]).split())
    assert abs((aligned[opening].start_ms or 0) - speech.phrase(spoken[2])[0]) <= LEAD_IN_AND_SLACK_MS


def test_transcript_text_the_audio_lacks_is_flagged_not_stretched(speech_folder: Path) -> None:
    kept = ["The minister arrived in Baghdad on Monday morning.", "Prices of oil rose sharply after the news.",
            "Kerry urged the leaders to form a new government.", "The army says it has retaken the refinery."]
    cut = "Officials said the talks would continue next week, after the holiday."
    speech = speak([0.5, kept[0], 0.6, kept[1], 0.5, kept[2], 0.7, kept[3], 0.5], speech_folder)
    alignment = align_words(words_of(" ".join([kept[0], cut, *kept[1:]])), speech.samples, RATE)
    lacking = alignment.words[len(kept[0].split()): len(kept[0].split()) + len(cut.split())]
    assert [word.text for word in lacking] == cut.split()
    assert sum(word.is_unheard for word in lacking) >= len(lacking) - 2
    assert not any(word.is_unheard for word in alignment.words[: len(kept[0].split())])
    prices = next(word for word in alignment.words if word.text == "Prices")
    assert abs(prices.start_ms - speech.phrase(kept[1])[0]) <= 150  # type: ignore[operator]


def test_a_sentence_opening_with_a_gap_starts_with_the_unheard_speech(speech_folder: Path) -> None:
    speech = speak([
        0.5, "The minister arrived in Baghdad on Monday morning.", 1.0, "Fighters near the border", 0.15,
        "have left the city, officials said.", 0.6, "Prices of oil rose sharply after the news.", 0.5,
    ], speech_folder)
    transcript = ("The minister arrived in Baghdad on Monday morning. -- have left the city, officials said. "
                  "Prices of oil rose sharply after the news.")
    cues = synced(transcript, speech)
    opening = cue_opening(cues, "--")
    assert abs(opening.start_ms - speech.phrase("Fighters near the border")[0]) <= LEAD_IN_AND_SLACK_MS


def test_a_sentence_opening_with_a_gap_after_a_misheard_word_starts_after_the_pause(speech_folder: Path) -> None:
    # "Michelle" is said "forces": the aligner ends it early and the gap took the word's tail, so the caption
    # opened 1.5 s before the unheard speech that follows the pause.
    unheard = "North local Baghdad"
    speech = speak([
        0.5, "The minister arrived in Baghdad on Monday morning.", 0.5, "Now in militants everyone I'm forces.", 1.3,
        unheard, 0.1, "sectarian violence is tearing at the fabric of Iraq.", 0.5,
        "Kerry urged the leaders to form a new government.", 0.5,
    ], speech_folder)
    transcript = ("The minister arrived in Baghdad on Monday morning. -- everyone I'm Michelle. -- sectarian violence "
                  "is tearing at the fabric of Iraq. Kerry urged the leaders to form a new government.")
    alignment = align_words(words_of(transcript), with_noise(speech.samples, 10, 1), RATE)
    cues = recut(alignment.words, DEFAULT_STYLE, len(speech.samples) * 1000 // RATE)
    assert abs(cue_opening(cues, "-- sectarian").start_ms - speech.phrase(unheard)[0]) <= LEAD_IN_AND_SLACK_MS


OPENING = "The minister arrived in Baghdad on Monday morning."
CLOSING = "Kerry urged the leaders to form a new government."


def between_news(parts: list[str | float], folder: Path, voice: str) -> Speech:
    """The phrases and pauses `parts` said between OPENING and CLOSING, as speak() makes them."""
    return speak([0.4, OPENING, 0.5, *parts, 0.5, CLOSING, 0.5], folder, voice)


def start_error_ms(transcript: str, speech: Speech, word: str, samples: np.ndarray) -> int:
    """How far the aligned start of the transcript's first `word` lies from that phrase's start in `speech`."""
    aligned = align_words(words_of(transcript), samples, RATE).words
    found = next(each for each in aligned if each.text == word)
    return abs((found.start_ms or 0) - speech.phrase(word)[0])


def test_a_sentence_opening_after_a_misheard_word_is_not_moved_to_a_pause_inside_it(speech_folder: Path) -> None:
    # The audio says "wants" for "deserves" and "oil" for "Kerry", and pauses after "Secretary" (a phrase split)
    # nearly as long as between the sentences: the sentence's first word, put right by the aligner, was moved
    # after the longer-looking pause inside the sentence, 1.2 s late.
    said = ["To have the kind of success in the long term that Iraq needs and wants.", "Secretary",
            "oil says Iraqi leaders understand the necessity of a new government."]
    speech = between_news([said[0], 0.45, said[1], 0.44, said[2]], speech_folder, "en-us+f5")
    transcript = (f"{OPENING} To have the kind of success in the long term that Iraq needs and deserves. "
                  f"Secretary Kerry says Iraqi leaders understand the necessity of a new government. {CLOSING}")
    assert start_error_ms(transcript, speech, "Secretary", with_noise(speech.samples, 12, 3)) <= LEAD_IN_AND_SLACK_MS


def test_a_sentence_opening_after_its_own_pause_is_not_moved_past_itself_to_a_longer_pause_inside_it(
    speech_folder: Path,
) -> None:
    # The audio says "troops" for "to", and pauses longer after "But" (a phrase split) than before it: the aligner
    # put "But" right, after a pause of its own, but it was moved after the longer pause, 0.9 s late in rumble.
    said = ["Whether the Iraqi people decide it's going to be a new leader is up troops them.", "But",
            "we need a new government that comes together with whichever leaders they choose."]
    speech = between_news([said[0], 0.3, said[1], 0.6, said[2]], speech_folder, "en-us+f5")
    transcript = (f"{OPENING} Whether the Iraqi people decide it's going to be a new leader is up to them. "
                  f"But {said[2]} {CLOSING}")
    assert start_error_ms(transcript, speech, "But", with_rumble(speech.samples, 12, 1)) <= LEAD_IN_AND_SLACK_MS


def test_a_sentence_whose_first_word_a_gap_follows_starts_on_that_word_not_after_the_gap(speech_folder: Path) -> None:
    # The audio says "on the programme" where the transcript has `--`, and "this" for "that": in noise the
    # onset of "Next" is lost, and the search for it ran on to the gap's words, 0.6 s late.
    said = ["Thanks for this.", "Next", "on the programme", "the weather for the weekend ahead of the holiday."]
    speech = between_news(["Whether that happens is far from certain.", 0.47, said[0], 0.28, said[1], 0.08, said[2],
                           0.12, said[3]], speech_folder, "en-us+f5")
    transcript = (f"{OPENING} Whether that happens is far from certain. Thanks for that. "
                  f"Next -- the weather for the weekend ahead of the holiday. {CLOSING}")
    assert start_error_ms(transcript, speech, "Next", with_noise(speech.samples, 10, 1)) <= LEAD_IN_AND_SLACK_MS


def with_rumble(samples: np.ndarray, snr_db: float, seed: int) -> np.ndarray:
    """Noise with most of its power low down (white noise through a one-pole low-pass filter, as the
    benchmark's fixtures have it) at this speech-to-noise ratio."""
    speech_power = float(np.mean(samples[np.abs(samples) > 1e-3] ** 2))
    white = np.random.default_rng(seed).standard_normal(len(samples))
    noise = np.convolve(white, 0.95 ** np.arange(200))[: len(samples)]
    noise *= np.sqrt(speech_power / (np.mean(noise**2) * 10 ** (snr_db / 10)))
    return (samples + noise).astype(np.float32)


def test_sentences_after_a_word_the_recogniser_stayed_in_are_heard_where_they_are_said(speech_folder: Path) -> None:
    # A voice the model fits poorly (espeak-ng West Midlands), a few words swapped, low rumble at 12 dB: the
    # recogniser heard one word from 7 s to the end of the 26 s chunk and nothing after it, so nothing anchored
    # the last four sentences and their captions all came at the very end, 7-16 s late.
    said = ["And I think that and and it was not much also that had prime said Maliki visited Washington and we've "
            "had.", "Unbelievable contact.", "At an unusually high level president a regular basis.",
            "Because an assistant secretary of state Brett Mcguirk.",
            "Has been here border army regular basis working with our ambassador."]
    speech = between_news([said[0], 0.6, said[1], 0.6, said[2], 0.6, said[3], 0.6, said[4]], speech_folder,
                          "en-gb-x-gbcwmd+f3")
    transcript = (f"{OPENING} And I think that and and it was not much -- that had prime minister Maliki visited "
                  f"Washington and we've had. {said[1]} At an unusually high level on a regular basis. {said[3]} "
                  f"Has been here on a regular basis working with our ambassador. {CLOSING}")
    aligned = align_words(words_of(transcript), with_rumble(speech.samples, 12, 1), RATE).words
    for sentence in said[1:]:
        first = next(word for word in aligned if word.text == sentence.split()[0])
        assert abs((first.start_ms or 0) - speech.phrase(sentence)[0]) <= LEAD_IN_AND_SLACK_MS


def test_words_a_sentence_says_twice_are_not_anchored_in_an_insert_seconds_away(speech_folder: Path) -> None:
    # "I don't think it's in" follows "I don't think it is in": at 10 dB the recogniser heard "think it's in"
    # in the insert after the next sentence, 6 s on, and the anchor chain took it, joined to "I" before it in
    # the same sentence: the next sentence's caption came 6.8 s late, after the insert.
    said = ["I know I don't think it is in civil strife, I don't think it's in civil war.",
            "It could and say said there clearly.", "But at the moment."]
    speech = between_news([said[0], 0.3, said[1], 0.2, INSERT, 0.5, said[2]], speech_folder, "flite:slt")
    transcript = f"{OPENING} {said[0]} It could -- there clearly. {said[2]} {CLOSING}"
    aligned = align_words(words_of(transcript), with_rumble(speech.samples, 10, 3), RATE).words
    opening = next(word for word in aligned if word.text == "It")
    assert abs((opening.start_ms or 0) - speech.phrase(said[1])[0]) <= LEAD_IN_AND_SLACK_MS


def test_a_short_sentence_opening_with_a_gap_after_untranscribed_speech_starts_after_it(speech_folder: Path) -> None:
    # The insert says "for" too: the aligner put the sentence "-- for." inside it, and the caption opened 3 s early.
    said = "In its fighters for."
    speech = speak([
        0.5, "The minister arrived in Baghdad on Monday morning.", 0.5,
        "The government has not been responding to the needs of the people.", 0.6, INSERT, 0.55, said, 0.4,
        "Eight or nine years now people have been fighting for a law.", 0.5,
        "Kerry urged the leaders to form a new government.", 0.5,
    ], speech_folder)
    transcript = ("The minister arrived in Baghdad on Monday morning. The government has not been responding to the "
                  "needs of the people. -- for. Eight or nine years now people have been fighting for a law. "
                  "Kerry urged the leaders to form a new government.")
    cues = synced(transcript, speech)
    assert abs(cue_opening(cues, "-- for.").start_ms - speech.phrase(said)[0]) <= LEAD_IN_AND_SLACK_MS
    insert_start, insert_end = speech.phrase(INSERT)
    assert shown_over(cues, insert_start, insert_end) <= 600


def pulsed_tones(seconds: float) -> np.ndarray:
    """Music-like intro: two tones switched on and off four times a second."""
    t = np.arange(int(seconds * RATE)) / RATE
    tones = 0.05 * (np.sin(2 * np.pi * 220 * t) + np.sin(2 * np.pi * 330 * t))
    return (tones * (np.sin(2 * np.pi * 2 * t) > 0)).astype(np.float32)


def test_the_first_caption_waits_for_speech_after_an_untranscribed_intro(speech_folder: Path) -> None:
    speech = speak([0.3, "And the minister arrived in Baghdad on Monday morning.", 0.6,
                    "Prices of oil rose sharply after the news.", 0.5], speech_folder)
    room = np.random.default_rng(1).normal(0, 0.006, len(speech.samples)).astype(np.float32)  # about -45 dBFS
    intro = np.concatenate([pulsed_tones(6.0), np.zeros(RATE // 2, np.float32)])  # an edit: digital silence
    samples = np.concatenate([intro, speech.samples + room, np.zeros(RATE, np.float32)])
    cues = recut(align_words(words_of(" ".join(text for text, _, _ in speech.phrases)), samples, RATE).words,
                 DEFAULT_STYLE, None)
    speech_starts_ms = len(intro) * 1000 // RATE + speech.phrases[0][1]
    assert cues[0].start_ms >= speech_starts_ms - LEAD_IN_AND_SLACK_MS


INTROS = {  # the recogniser heard "him" in the intro: the aligner put "From him." there, 2.4 s early...
    "heard in it": ("en-us", 0.0, INSERT),
    # ...or at the media's very start, before the intro: 6.6 s early (no speech before it to run on from)
    "at the media's start": ("en-us+f2", 0.03, "Coming up next, the best places to eat on a budget this summer, "
                             "and a chef who grows his own lettuce."),
    # ...or where a word or two of it anchored in the intro, too few to be more than chance: 3.1 s early
    "anchored by chance": ("en-us", 0.03, "Coming up next, the best places to eat on a budget this summer, "
                           "and a chef who grows his own lettuce."),
}


@pytest.mark.parametrize("case", INTROS.values(), ids=INTROS.keys())
def test_a_short_first_sentence_after_untranscribed_speech_starts_after_it(
    speech_folder: Path, case: tuple[str, float, str],
) -> None:
    voice, noise, intro = case
    said = ["From him.", "Celebrating of battlefield victory in Iraq this time it's Shiite militiamen claiming "
            "that they killed forty extremists.", "A rare setback for the militant groups spreading fear and chaos "
            "across.", "Right now the international hot spot is Iraq."]
    speech = speak([0.3, intro, 0.3, said[0], 0.4, said[1], 0.5, said[2], 0.5, said[3], 0.5], speech_folder, voice)
    noisy = speech.samples + np.random.default_rng(1).normal(0, noise, len(speech.samples)).astype(np.float32)
    aligned = align_words(words_of(" ".join(said)), noisy, RATE).words
    assert abs((aligned[0].start_ms or 0) - speech.phrase(said[0])[0]) <= LEAD_IN_AND_SLACK_MS


SIX_SENTENCES = ["The minister arrived in Baghdad on Monday morning.", "Officials said the talks would continue.",
                 "Fighting has spread to several towns in the north.", "Prices of oil rose sharply after the news.",
                 "Kerry urged the leaders to form a new government.", "The army says it has retaken the refinery."]
# A fresh process: align a saved recording with N workers and write the captions as SRT.
EXPORT_SRT = """
import sys
from pathlib import Path
import numpy as np
from editor.core.model import Document, Word
from editor.core.style import DEFAULT_STYLE
from editor.formats.registry import write_file
from editor.timing.align import align_words
from editor.timing.pipeline import recut
samples = np.load(sys.argv[1])
words = [Word(token) for token in open(sys.argv[2]).read().split()]
alignment = align_words(words, samples, 16000, workers=int(sys.argv[3]))
cues = recut(alignment.words, DEFAULT_STYLE, len(samples) * 1000 // 16000)
write_file(Document(cues=tuple(cues)), Path(sys.argv[4]))
"""


@pytest.fixture(scope="module")
def noisy_news(speech_folder: Path) -> tuple[np.ndarray, str]:
    """Half a minute of speech in noise that grows louder: the recogniser's noise estimate differs along it."""
    parts: list[str | float] = [0.5]
    for sentence in SIX_SENTENCES * 3:
        parts += [sentence, 0.7]
    samples = speak(parts, speech_folder).samples
    assert len(samples) > 30 * RATE  # long enough for several recognition chunks
    loudness = np.sqrt(np.mean(samples**2))
    growing = np.linspace(0.05, 0.5, len(samples), dtype=np.float32)
    noise = np.random.default_rng(7).normal(0.0, 1.0, len(samples)).astype(np.float32) * growing * loudness
    return samples + noise, " ".join(SIX_SENTENCES * 3)


def test_aligning_again_in_the_same_process_gives_the_same_times(noisy_news: tuple[np.ndarray, str]) -> None:
    samples, transcript = noisy_news
    first = align_words(words_of(transcript), samples, RATE, workers=0)
    assert align_words(words_of(transcript), samples, RATE, workers=0) == first


def test_fresh_processes_write_the_same_captions_whatever_the_workers_and_hash_seed(
    noisy_news: tuple[np.ndarray, str], tmp_path: Path,
) -> None:
    samples, transcript = noisy_news
    np.save(tmp_path / "audio.npy", samples)
    (tmp_path / "transcript.txt").write_text(transcript)
    outputs = []
    for workers, seed in ((0, "1"), (2, "2")):
        out = tmp_path / f"{workers}.srt"
        subprocess.run([sys.executable, "-c", EXPORT_SRT, str(tmp_path / "audio.npy"), str(tmp_path / "transcript.txt"),
                        str(workers), str(out)], check=True, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]




PULLING = "Pulling some people towards that potential."
DEFINITION = "The definition here America is gonna help Iraqis."
PROMISES = "Not in the promises that are made but in the actions that are taken."


def said_twice(middle: list[str | float], folder: Path, voice: str) -> Speech:
    """The phrases and pauses `middle` (a sentence ending with the words the next one says again, then that
    one and a pause) said between PULLING and DEFINITION, then PROMISES."""
    return speak([0.4, PULLING, 0.5, *middle, DEFINITION, 0.5, PROMISES, 0.5], folder, voice)


def second_copy_error_ms(written: str, speech: Speech, said: str, samples: np.ndarray) -> int:
    """How far the sentence "That is not." after `written` (said as `said`) is aligned from its speech."""
    transcript = f"{PULLING} {written} That is not. {DEFINITION} {PROMISES}"
    aligned = align_words(words_of(transcript), samples, RATE).words
    second = next(word for word in aligned if word.text == "That")
    return abs((second.start_ms or 0) - speech.phrase(said)[0])


def test_a_sentence_the_one_before_ends_with_keeps_its_speech_when_only_it_was_heard(speech_folder: Path) -> None:
    # "... from the -- that is not. That is not.": the first copy is said "that's not", so only the second is
    # heard as the phrase. The words heard there anchored the first sentence's copy on the second's sound (the
    # aligner had put each copy on its own), and "That is not." went into the pause after it, 1.5 s late.
    written = ("And our question are three hundred American advisors enough to keep them -- -- and if not are you "
               "president we America is not connected from the -- that is not.")
    said = ("And our question are three hundred American advisors enough to keep them in check and if not are you "
            "president we America is not connected from the")
    speech = said_twice([said, 0.05, "border", 0.1, "that's not.", 0.4, "That is not.", 0.7], speech_folder, "en-us+m5")
    error = second_copy_error_ms(written, speech, "That is not.", with_rumble(speech.samples, 14, 1))
    assert error <= LEAD_IN_AND_SLACK_MS

