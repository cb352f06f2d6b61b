"""Calibration to the recording: a voice the acoustic model fits poorly (espeak-ng's, made in the test) is
measured as such from its own ordinary words, and then needs surer evidence before a word is flagged."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from flite_speech import flite_speech
from spoken import speak

from editor.core.model import Cue, Document, GlossaryTerm, Word
from editor.timing.align import SAMPLE_RATE, align_words
from editor.timing.evidence import gather_evidence
from editor.timing.recording_fit import STRICTEST, TRUSTED, demand_for, misfit
from editor.timing.sounds_like import ordinary_word_fits, rescore, slots_of

TEXT = ("The weather service said heavy rain would reach the northern valleys by evening, and farmers were "
        "told to move their animals to higher ground before the river started rising over the old stone bridge.")
ORDINARY = {"weather": "W EH DH ER", "service": "S ER V AH S", "heavy": "HH EH V IY", "northern": "N AO R DH ER N",
            "evening": "IY V N IH NG", "farmers": "F AA R M ER Z", "animals": "AE N AH M AH L Z",
            "higher": "HH AY ER", "ground": "G R AW N D", "river": "R IH V ER", "started": "S T AA R T IH D",
            "rising": "R AY Z IH NG", "stone": "S T OW N", "bridge": "B R IH JH", "valleys": "V AE L IY Z",
            "reach": "R IY CH", "before": "B IH F AO R", "told": "T OW L D", "move": "M UW V", "over": "OW V ER"}


def fits_of_speech(samples: np.ndarray) -> list[float]:
    alignment = align_words([Word(text) for text in TEXT.split()], samples, SAMPLE_RATE)
    duration = len(samples) * 1000 // SAMPLE_RATE
    document = gather_evidence(Document(cues=(Cue(0, duration, TEXT, tuple(alignment.words)),)), samples)
    return ordinary_word_fits(slots_of(document))


def test_a_voice_the_model_fits_poorly_is_measured_so_and_asked_for_more(speech_folder: Path) -> None:
    flite = fits_of_speech(flite_speech(TEXT, speech_folder))
    espeak = fits_of_speech(speak([TEXT], speech_folder).samples)
    assert misfit(flite) == 0.0 and demand_for(flite) == TRUSTED
    assert misfit(espeak) > 0.3
    stricter = demand_for(espeak)
    assert stricter.min_share > TRUSTED.min_share and stricter.written_alike > TRUSTED.written_alike


def heard_document(ordinary_heard: dict[str, str]) -> Document:
    """"crisis" heard as ISIS after twenty ordinary words heard as given (times and phones, no audio)."""
    heard = [*ordinary_heard.items(), ("crisis", "AY S IH S")]
    words = tuple(Word(text, 300 * n, 300 * n + 250, 1.0, heard=phones) for n, (text, phones) in enumerate(heard))
    text = " ".join(word for word, _ in heard)
    return Document(cues=(Cue(0, 300 * len(words), text, words),), glossary=(GlossaryTerm("ISIS"),))


def test_the_same_phones_flag_a_name_only_where_the_recording_is_heard_well() -> None:
    clear = rescore(heard_document(ORDINARY)).cues[0].words[-1]
    blurred = {word: "AH " * len(phones.split()) for word, phones in ORDINARY.items()}
    unclear = rescore(heard_document(blurred)).cues[0].words[-1]
    assert [alternative.text for alternative in clear.alternatives] == ["ISIS"]
    assert unclear.alternatives == ()


def test_too_few_ordinary_words_leave_the_model_trusted() -> None:
    assert demand_for([0.2] * 5) == TRUSTED
    assert demand_for([0.2] * 40) == STRICTEST
    assert demand_for([0.9] * 40) == TRUSTED
