"""Right after auto-sync, before listening: the words the checks doubt are the recording's exceptions. A voice
the acoustic model fits poorly (espeak-ng's West Midlands English, made in the test) does not flood the user
with doubtful words, a passage the audio lacks is still reported, and on a voice it fits (flite) a written word
the speech does not say is still doubted."""

from __future__ import annotations

from pathlib import Path

from flite_speech import flite_speech
from timing.spoken import speak, write_wav

from editor.checks import low_confidence, unheard_words
from editor.checks.registry import run_checks
from editor.core.model import Cue, Document
from editor.core.style import style_named
from editor.workflows.autosync import Synced, sync_to_media

STYLE = style_named("streaming")
SPOKEN = [
    "The weather service said heavy rain would reach the northern valleys by evening.",
    "Farmers were told to move their animals to higher ground before the river started rising.",
    "The old stone bridge was closed to traffic on Tuesday morning after engineers found a crack.",
    "Schools in the district will open late tomorrow, and buses will follow the longer southern route.",
    "The council thanked volunteers who filled sandbags through the night near the market square.",
    "Shops along the high street stayed shut while the water reached their doors.",
    "Forecasters expect the water to fall slowly over the weekend as the storm moves out to sea.",
    "Residents can collect clean water from the library car park until the pipes are repaired.",
]
NOT_SPOKEN = "Officials will publish a full report on the damage next month."


def synced(text: str, media: Path) -> Synced:
    """The transcript, one cue a sentence, auto-synced to the media."""
    sentences = [f"{line}." for line in text.split(". ") if line]
    cues = tuple(Cue(4000 * n, 4000 * n + 3500, line.rstrip(".") + ".") for n, line in enumerate(sentences))
    outcome = sync_to_media(Document(cues=cues), media, STYLE)
    assert isinstance(outcome, Synced)
    return outcome


def rules_found(outcome: Synced, rule: str) -> list[str]:
    """The words each problem of `rule` covers, in order (a line break read as a space)."""
    cues = outcome.document.cues
    return [" ".join(cues[issue.cue_index].text[issue.span.start:issue.span.end].split())
            for issue in run_checks(outcome.document, STYLE) if issue.rule == rule and issue.span is not None]


def test_a_poorly_fitting_voice_does_not_flood_but_a_passage_without_audio_is_reported(tmp_path: Path) -> None:
    speech = speak([part for line in SPOKEN for part in (line, 0.4)], tmp_path, voice="en-gb-x-gbcwmd")
    outcome = synced(" ".join([*SPOKEN, NOT_SPOKEN]), write_wav(speech.samples, tmp_path / "wmd.wav"))
    doubted = rules_found(outcome, low_confidence.NAME)
    assert len(doubted) <= 0.05 * outcome.words_timed and outcome.doubtful == len(doubted)
    assert any("publish a full report" in run for run in rules_found(outcome, unheard_words.NAME))


def test_on_a_voice_the_model_fits_a_word_the_speech_does_not_say_is_still_doubted(tmp_path: Path) -> None:
    media = write_wav(flite_speech(" ".join(SPOKEN), tmp_path), tmp_path / "slt.wav")
    outcome = synced(" ".join(SPOKEN).replace("their animals", "their penguins"), media)
    assert "penguins" in rules_found(outcome, low_confidence.NAME)
