"""Calibration to the recording: a voice the acoustic model fits poorly (espeak-ng's, made in the test) is
measured as such from its own ordinary words, and then needs surer evidence before a word is flagged."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from flite_speech import flite_speech
from spoken import speak

from editor.core.model import Cue, Document, GlossaryTerm, Word
from editor.timing.align import SAMPLE_RATE, align_words
from editor.timing.evidence import gather_evidence
from editor.timing.recording import recording_of
from editor.timing.recording_fit import STRICTEST, TRUSTED, demand_for, misfit
from editor.timing.sounds_like import ordinary_word_fits, rescore, slots_of
from editor.timing.weighing import questions

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
    document = gather_evidence(Document(cues=(Cue(0, duration, TEXT, tuple(alignment.words)),)), recording_of(samples))
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
    poorest = demand_for([0.2] * 40)
    assert replace(poorest, shortfall=0.0) == STRICTEST and round(poorest.shortfall, 3) == 0.5
    assert demand_for([0.9] * 40) == TRUSTED


BLURRED = {word: "AH " * len(phones.split()) for word, phones in ORDINARY.items()}  # as noise leaves them


def noisy_document(*said: tuple[str, str], glossary: tuple[str, ...], ordinary: dict[str, str] = BLURRED) -> Document:
    """Twenty ordinary words heard blurred (a recording in noise) or as given, then `said`: (word, phones heard)."""
    heard = [*ordinary.items(), *said]
    words = tuple(Word(text, 300 * n, 300 * n + 250, 1.0, heard=phones) for n, (text, phones) in enumerate(heard))
    return Document(cues=(Cue(0, 300 * len(words), " ".join(word for word, _ in heard), words),),
                    glossary=tuple(map(GlossaryTerm, glossary)))


def test_in_noise_a_name_the_phones_blur_is_still_weighed() -> None:
    """ "is this rock" where the speech says Iraq in noise: the phones fit the name as poorly as everything else
    (below the fit a clear recording must show), yet alignment is asked, as it would be on a clear recording."""
    said = (("this", "DH IH S"), ("rock", "Y UW ER TH HH IH D"), ("Deemed", "D IY M D"))
    asked = questions(noisy_document(*said, glossary=("Iraq",)))
    assert [(question.index, question.candidates) for question in asked] == [(len(ORDINARY) + 1, ("Iraq",))]


def test_in_noise_a_word_one_sound_away_heard_as_poorly_is_not_weighed() -> None:
    """ "he cave it" heard as a blur: "gave" is one sound away, which only alignment and the words around can
    tell, and a blur is no sign of it (weighing such neighbours in noise put "get" for "good")."""
    said = (("he", "HH IY"), ("cave", "AH AH AH"), ("it", "IH T"), ("back", "B AE K"))
    assert not [question for question in questions(noisy_document(*said, glossary=())) if "gave" in question.candidates]


def test_in_noise_a_name_less_alike_wins_a_tie_the_phones_lean_to() -> None:
    """ "called crisis" heard nearer ISIS than "crisis" (noise masked the K R), alignment no worse: the name,
    where on a well-heard recording alignment must clearly prefer it; "busy", heard as itself, keeps Baiji off."""
    said = (("has", "HH AE Z"), ("called", "K AO L D"), ("crisis", "B AY S IH S"), ("al-Qaeda", "AE L K AY D AH"),
            ("what", "W AH T"), ("are", "AA R"), ("busy", "B IH Z IY"), ("engaged", "IH N G EY JH D"))
    weighed = {(0, len(ORDINARY) + 2, 1, "ISIS"): 0.5, (0, len(ORDINARY) + 6, 1, "Baiji"): 1.0}
    noisy = rescore(noisy_document(*said, glossary=("ISIS", "Baiji")), weighed).cues[0].words[len(ORDINARY):]
    assert [[alt.text for alt in word.alternatives] for word in noisy] == [[], [], ["ISIS"], [], [], [], [], []]
    clear = noisy_document(*said, glossary=("ISIS", "Baiji"), ordinary=ORDINARY)
    assert not any(word.alternatives for word in rescore(clear, weighed).cues[0].words)


def test_in_noise_a_near_homophone_a_little_worse_is_still_a_tie() -> None:
    """ "in their bill" where the speech says Erbil: in noise alignment finds the name a shade worse (within the
    blur the noise leaves), still a tie the name wins; on a well-heard recording it must be no worse."""
    said = (("morning", "M AO R N IH NG"), ("in", "IH N"), ("their", "DH EH R"), ("bill", "B IH L"))
    weighed = {(0, len(ORDINARY) + 2, 2, "Erbil"): -0.1}
    noisy = rescore(noisy_document(*said, glossary=("Erbil",)), weighed).cues[0].words[len(ORDINARY) + 2]
    clear = rescore(noisy_document(*said, glossary=("Erbil",), ordinary=ORDINARY), weighed).cues[0].words
    assert [(alt.text, alt.words) for alt in noisy.alternatives] == [("Erbil", 2)]
    assert not any(word.alternatives for word in clear)
