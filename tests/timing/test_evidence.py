"""Audio evidence: speech synthesised in the test says the right forms, the transcript holds garbles; the
phones heard point at the right form and leave the correctly transcribed words alone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from flite_speech import flite_speech

from editor.core.edits import set_text
from editor.core.model import Cue, Document, GlossaryTerm, Word
from editor.timing.align import SAMPLE_RATE, align_words
from editor.timing.evidence import gather_evidence
from editor.timing.recording import recording_of
from editor.timing.sounds_like import rescore

SAID = "John Kerry is this morning in Erbil in the north."
WRITTEN = "John Kerry is this morning in their bill in the north."
GLOSSARY = tuple(map(GlossaryTerm, ("Erbil", "Maliki", "Nouri", "ISIS")))


def test_heard_phones_point_at_the_name_that_was_said(speech_folder: Path) -> None:
    samples = flite_speech(SAID, speech_folder)
    alignment = align_words([Word(text) for text in WRITTEN.split()], samples, SAMPLE_RATE)
    cue = Cue(0, len(samples) * 1000 // SAMPLE_RATE, WRITTEN, tuple(alignment.words))
    document = gather_evidence(Document(cues=(cue,), glossary=GLOSSARY), recording_of(samples))
    words = {word.text: word for word in document.cues[0].words}
    assert all(word.support is not None for word in document.cues[0].words)
    best = words["their"].alternatives[0]
    assert (best.text, best.words) == ("Erbil", 2)
    around = [word for word in document.cues[0].words if word.text not in ("in", "their")]
    assert not any(word.alternatives for word in around)  # at most "in their bill", a weaker reading
    assert all((words[name].support or 0.0) >= 0.9 for name in ("John", "Kerry"))


def test_rescoring_needs_no_audio_and_follows_the_glossary() -> None:
    heard = {"crisis": "AY EY S IH S", "Kerry": "K EH R IY", "said": "S EH D"}
    words = tuple(Word(text, 100 * n, 100 * n + 90, 1.0, heard=heard[text]) for n, text in enumerate(heard))
    document = Document(cues=(Cue(0, 300, "crisis Kerry said", words),),
                        glossary=(GlossaryTerm("ISIS"), GlossaryTerm("Nouri")))
    crisis, kerry, said = rescore(document).cues[0].words
    assert crisis.alternatives[0].text == "ISIS" and crisis.alternatives[0].words == 1
    assert kerry.alternatives == () and kerry.support == 1.0
    assert said.alternatives == ()
    assert rescore(Document(cues=(Cue(0, 300, "crisis Kerry said", words),))).cues[0].words[0].alternatives == ()


def test_a_document_nobody_listened_to_is_left_alone() -> None:
    words = (Word("crisis", 0, 400, 1.0), Word("here", 400, 900, 1.0))
    document = Document(cues=(Cue(0, 1000, "crisis here", words),), glossary=(GlossaryTerm("ISIS"),))
    assert rescore(document) is document


def cue_heard(*words: tuple[str, str]) -> Cue:
    timed = tuple(Word(text, 300 * n, 300 * n + 250, 1.0, heard=phones) for n, (text, phones) in enumerate(words))
    return Cue(0, 300 * len(words), " ".join(text for text, _ in words), timed)


def test_one_sound_away_counts_only_where_the_words_around_agree() -> None:
    pudding = cue_heard(("proof", "P R UW F"), ("is", "IH Z"), ("in", "IH N"), ("the", "DH AH"),
                        ("putting", "P UH D IH NG"))
    thread = cue_heard(("a", "AH"), ("serious", "S IH R IY AH S"), ("threat", "TH R EH D"), ("today", "T AH D EY"))
    heard = rescore(Document(cues=(pudding, thread)))
    assert [alt.text for alt in heard.cues[0].words[4].alternatives] == ["pudding"]
    assert heard.cues[1].words[2].alternatives == ()  # "serious thread" reads as no English


def test_forced_alignment_overrules_the_phones_both_ways() -> None:
    """A candidate the phones heard is dropped when aligning it to the audio fits clearly worse than the written
    word; one the phones blurred is put forward when it aligns clearly better and sounds like what was written."""
    cue = cue_heard(("prime", "P R AY M"), ("minister", "M IH N IH S T ER"), ("morality", "M AH L IH K IY"),
                    ("is", "IH Z"), ("crisis", "AY EY S IH S"))
    document = Document(cues=(cue,), glossary=(GlossaryTerm("Maliki"), GlossaryTerm("ISIS")))
    by_phones = rescore(document).cues[0].words
    assert [alt.text for alt in by_phones[4].alternatives] == ["ISIS"]
    blurred = replace(cue, words=tuple(replace(word, heard="M AO R AE L IH T IY") if word.text == "morality" else word
                                       for word in cue.words))
    document = replace(document, cues=(blurred,))
    assert rescore(document).cues[0].words[2].alternatives == ()
    weighed = {(0, 2, 1, "Maliki"): 4.0, (0, 4, 1, "ISIS"): -6.0}
    words = rescore(document, weighed).cues[0].words
    assert [(alt.text, alt.words) for alt in words[2].alternatives] == [("Maliki", 1)]
    assert words[4].alternatives == ()
    assert rescore(document, {(0, 2, 1, "Maliki"): 1.0}).cues[0].words[2].alternatives == ()  # not clearly better


def test_a_name_the_transcript_uses_often_is_a_candidate_without_a_glossary() -> None:
    """ "rock" where the speech says "Iraq", in a story that names Iraq again and again: the transcript's own
    names are candidates; an everyday word used as often ("need") is not."""
    story = tuple(Cue(1000 * n, 1000 * n + 900, text) for n, text in enumerate(
        ("back in Iraq today", "we need Iraq", "they need Iraq", "all need it")))
    heard = cue_heard(("this", "DH IH S"), ("is", "IH Z"), ("rock", "IH R AA K"), ("meet", "N IY D"))
    words = rescore(Document(cues=(*story, replace(heard, start_ms=5000, end_ms=6000)))).cues[-1].words
    assert [alt.text for alt in words[2].alternatives] == ["Iraq"]
    assert words[3].alternatives == ()


def test_another_form_of_a_topic_word_is_no_mishearing_of_it() -> None:
    """ "Iraqi" or "Iraq's" heard without its ending, "in Iraq" run together: the story's "Iraq" is not offered."""
    story = tuple(Cue(1000 * n, 1000 * n + 900, text) for n, text in enumerate(
        ("back in Iraq today", "we need Iraq", "they need Iraq")))
    heard = cue_heard(("the", "DH AH"), ("Iraqi", "IH R AA K"), ("army", "AA R M IY"), ("in", "IH N"),
                      ("Iraq's", "IH R AA K"), ("capital", "K AE P IH T AH L"))
    words = rescore(Document(cues=(*story, replace(heard, start_ms=5000, end_ms=6000)))).cues[-1].words
    assert [alt.text for word in words for alt in word.alternatives] == []


def test_a_name_written_with_its_prefix_is_not_heard_as_the_bare_name() -> None:
    cue = cue_heard(("minister", "M IH N IH S T ER"), ("Al-Maliki", "M AA L IY K IY"), ("said", "S EH D"))
    words = rescore(Document(cues=(cue,), glossary=(GlossaryTerm("Maliki"),))).cues[0].words
    assert words[1].alternatives == ()


def test_a_flapped_t_or_d_is_left_to_the_phones_and_the_words_around() -> None:
    """American English says "putting" and "pudding" alike (one flap), so alignment preferring the written word
    vetoes nothing there; elsewhere ("touring" for during) its veto stands."""
    pudding = cue_heard(("proof", "P R UW F"), ("is", "IH Z"), ("in", "IH N"), ("the", "DH AH"),
                        ("putting", "P UH D IH NG"))
    during = cue_heard(("spoke", "S P OW K"), ("touring", "D UH R IH NG"), ("the", "DH AH"),
                       ("hearing", "HH IH R IH NG"))
    document = Document(cues=(pudding, replace(during, start_ms=2000, end_ms=3200)))
    alignment_prefers_written = {(0, 4, 1, "pudding"): -2.0, (1, 1, 1, "during"): -2.0}
    heard = rescore(document, alignment_prefers_written)
    assert [alt.text for alt in heard.cues[0].words[4].alternatives] == ["pudding"]
    assert [alt.text for alt in rescore(document).cues[1].words[1].alternatives] == ["during"]
    assert heard.cues[1].words[1].alternatives == ()


def test_a_flap_the_phones_blurred_is_told_by_the_words_around() -> None:
    """Where the phones heard over "putting" match neither it nor "pudding" (a noisy or unfamiliar voice), the
    words around still choose ("the proof is in the pudding", but "putting Iraq back together"), unless the
    phones heard the written T."""
    blurred = cue_heard(("proof", "P R UW F"), ("is", "IH Z"), ("in", "IH N"), ("the", "DH AH"),
                        ("putting", "K L UH G Y NG"))
    back = cue_heard(("and", "AH N D"), ("putting", "K L UH G Y NG"), ("Iraq", "IH R AA K"), ("back", "B AE K"))
    clear = cue_heard(("in", "IH N"), ("the", "DH AH"), ("putting", "P UH T IH NG"))
    document = Document(cues=(blurred, replace(back, start_ms=2000, end_ms=3200),
                              replace(clear, start_ms=4000, end_ms=4900)))
    words = [cue.words for cue in rescore(document).cues]
    assert [alt.text for alt in words[0][4].alternatives] == ["pudding"]
    assert words[1][1].alternatives == () and words[2][2].alternatives == ()


def test_words_that_sound_the_same_are_told_apart_by_the_words_around() -> None:
    """ "all. Ready" and "already" are one sound: neither the phones nor alignment can choose, the words around
    can ("is Iraq already in", but "out of Iraq all together it")."""
    ready = cue_heard(("is", "IH Z"), ("Iraq", "IH R AA K"), ("all.", "AO L"), ("Ready", "R EH D IY"), ("in", "IH N"))
    together = cue_heard(("of", "AH V"), ("Iraq", "IH R AA K"), ("all", "AO L"), ("together", "T AH G EH DH ER"),
                         ("it", "IH T"))
    document = Document(cues=(ready, replace(together, start_ms=2000, end_ms=3500)))
    for weighed in (None, {(0, 2, 2, "already"): -3.0, (1, 2, 2, "altogether"): 3.0}):
        heard = rescore(document, weighed)
        assert [(alt.text, alt.words) for alt in heard.cues[0].words[2].alternatives] == [("already", 2)]
        assert heard.cues[1].words[2].alternatives == ()


def test_words_written_apart_are_not_heard_as_the_same_words_run_together() -> None:
    """ "Thy self" said as written sounds like "thyself", but only the space differs: the same words, no garble."""
    apart = cue_heard(("know", "N OW"), ("Thy", "DH AY"), ("self", "S EH L F"), ("well", "W EH L"))
    words = rescore(Document(cues=(apart,))).cues[0].words
    assert [alt.text for word in words for alt in word.alternatives] == []


def test_support_is_measured_against_how_well_the_recording_is_heard() -> None:
    """On a recording whose ordinary words the phones fit poorly (0.6 here), a word heard as well as they are is
    supported as a word on a well-heard recording would be: every support rises by the shortfall."""
    def document(heard_people: str) -> Document:
        words = tuple(Word("people", 300 * n, 300 * n + 250, 1.0, heard=heard_people) for n in range(24))
        name = Word("Franzen", 7200, 7600, 1.0, heard="F R AE N Z")
        return Document(cues=(Cue(0, 7600, " ".join(["people"] * 24 + ["Franzen"]), (*words, name)),))
    poor, well = rescore(document("P IY")).cues[0].words, rescore(document("P IY P AH L")).cues[0].words
    assert well[0].support == 1.0 and poor[0].support == 0.7  # 0.6 heard, 0.1 short of a well-fitting 0.7
    assert poor[-1].support == round((well[-1].support or 0.0) + 0.1, 3)


def test_a_two_sound_word_is_weighed_against_its_one_sound_neighbour(speech_folder: Path) -> None:
    """Short words are many of a real text's garbles ("ice" for eyes): alignment and the words around judge them."""
    said, written = "He closed his eyes and slept.", "He closed his ice and slept."
    samples = flite_speech(said, speech_folder)
    alignment = align_words([Word(text) for text in written.split()], samples, SAMPLE_RATE)
    cue = Cue(0, len(samples) * 1000 // SAMPLE_RATE, written, tuple(alignment.words))
    words = gather_evidence(Document(cues=(cue,)), recording_of(samples)).cues[0].words
    assert [alternative.text for alternative in words[3].alternatives][:1] == ["eyes"]
    assert not any(word.alternatives for index, word in enumerate(words) if index != 3)


def test_speech_says_pudding_and_already_where_the_transcript_heard_putting_and_all_ready(
        speech_folder: Path) -> None:
    """The flap ("putting"/"pudding") and the same-sounding words ("all. Ready"/"already") on real synthesised
    speech: the right form is offered over exactly the garbled words, the rest of the sentence is left alone."""
    cases = (("the proof of the pudding is in the eating.", "the proof of the putting is in the eating.", "putting"),
             ("Is Iraq already in a state of civil war?", "Is Iraq all. Ready in a state of civil war?", "all."))
    for said, written, garbled in cases:
        samples = flite_speech(said, speech_folder)
        alignment = align_words([Word(text) for text in written.split()], samples, SAMPLE_RATE)
        cue = Cue(0, len(samples) * 1000 // SAMPLE_RATE, written, tuple(alignment.words))
        words = gather_evidence(Document(cues=(cue,)), recording_of(samples)).cues[0].words
        offered = {word.text: [alt.text for alt in word.alternatives] for word in words if word.alternatives}
        assert offered == {garbled: ["pudding" if garbled == "putting" else "already"]}


def test_a_name_that_sounds_nearly_the_same_wins_a_tie_but_one_less_alike_needs_alignment_to_prefer_it() -> None:
    """ "their bill" for Erbil: the phones hear the written words (noise masks the one sound that differs) and
    alignment finds the name no worse; "itself" and ISIL sound less alike, so alignment must clearly prefer it."""
    erbil = cue_heard(("in", "IH N"), ("their", "DH EH R"), ("bill", "B IH L"), ("in", "IH N"))
    itself = cue_heard(("the", "DH AH"), ("group", "G R UW P"), ("itself", "IH T S EH L F"), ("said", "S EH D"))
    document = Document(cues=(erbil, replace(itself, start_ms=2000, end_ms=3000)),
                        glossary=(GlossaryTerm("Erbil"), GlossaryTerm("ISIL")))
    tie = rescore(document, {(0, 1, 2, "Erbil"): 0.3, (1, 2, 1, "ISIL"): 1.5}).cues
    assert [(alt.text, alt.words) for alt in tie[0].words[1].alternatives] == [("Erbil", 2)]
    assert tie[1].words[2].alternatives == ()
    worse = rescore(document, {(0, 1, 2, "Erbil"): -0.5}).cues
    assert worse[0].words[1].alternatives == ()


def test_no_stretch_runs_across_a_gap() -> None:
    """ "is -- rock": the gap's audio holds speech the transcript lacks, so "is rock" is never one garble."""
    cue = cue_heard(("this", "DH IH S"), ("is", "IH Z"), ("--", ""), ("rock", "R AA K"))
    document = Document(cues=(cue,), glossary=(GlossaryTerm("Iraq"),))
    assert rescore(document, {(0, 1, 2, "Iraq"): 5.0}).cues[0].words[1].alternatives == ()


def test_a_name_is_offered_for_one_or_two_written_words_never_three() -> None:
    """Three words mostly hold a correct neighbour that the fix would swallow."""
    cue = cue_heard(("captured", "K AE P CH ER D"), ("in", "IH N"), ("eastern", "IY S T ER N"),
                    ("Syria", "S IH R IY AH"))
    document = Document(cues=(cue,), glossary=(GlossaryTerm("Kurdistan"),))
    assert rescore(document, {(0, 0, 3, "Kurdistan"): 6.0}).cues[0].words[0].alternatives == ()


def test_a_first_sound_the_word_before_ends_with_may_belong_to_either() -> None:
    """ "out of vices is" where the speech says "out of ISIS is": the V is said once, so the two sound nearly the
    same and a tie goes to the name; after "the", "vices" and ISIS differ by a whole sound."""
    shared = cue_heard(("out", "AW T"), ("of", "AH V"), ("vices", "V AY S AH Z"), ("is", "IH Z"))
    apart = cue_heard(("all", "AO L"), ("the", "DH AH"), ("vices", "V AY S AH Z"), ("here", "HH IH R"))
    document = Document(cues=(shared, replace(apart, start_ms=2000, end_ms=3000)), glossary=(GlossaryTerm("ISIS"),))
    cues = rescore(document, {(0, 2, 1, "ISIS"): 0.5, (1, 2, 1, "ISIS"): 0.5}).cues
    assert [alt.text for alt in cues[0].words[2].alternatives] == ["ISIS"]
    assert cues[1].words[2].alternatives == ()


def test_alignment_alone_does_not_overturn_words_the_words_before_lead_to() -> None:
    """ "the president is busy": the words before lead to "busy", so however well Baiji aligns, alignment alone
    does not put it forward; nothing leads to "has called crisis", and there ISIS is put forward."""
    busy = cue_heard(("president", "P R EH Z IH D EH N T"), ("is", "IH Z"), ("busy", "B IY Z IY"),
                     ("trying", "T R AY IH NG"))
    crisis = cue_heard(("has", "HH AE Z"), ("called", "K AO L D"), ("crisis", "K AY S IH S"), ("today", "T AH D EY"))
    document = Document(cues=(busy, replace(crisis, start_ms=2000, end_ms=3000)),
                        glossary=(GlossaryTerm("Baiji"), GlossaryTerm("ISIS")))
    cues = rescore(document, {(0, 2, 1, "Baiji"): 4.0, (1, 2, 1, "ISIS"): 4.0}).cues
    assert cues[0].words[2].alternatives == ()
    assert [alt.text for alt in cues[1].words[2].alternatives] == ["ISIS"]


def test_a_name_the_transcript_writes_often_is_no_garble_of_another() -> None:
    """ "here America is" three times over: the transcriber knew the name, so however well Maliki aligns where it
    stands, it is not offered; "morality", written once, still is."""
    america = cue_heard(("here", "HH IH R"), ("America", "AH M EH R IH K AH"), ("is", "IH Z"))
    morality = cue_heard(("minister", "M IH N IH S T ER"), ("morality", "M AA L IH K IY"), ("is", "IH Z"))
    cues = tuple(replace(cue, start_ms=1000 * n, end_ms=1000 * n + 900) for n, cue in
                 enumerate((america, america, america, morality)))
    document = Document(cues=cues, glossary=(GlossaryTerm("Maliki"),))
    weighed = {(n, 1, 1, "Maliki"): 8.0 for n in range(4)}
    heard = rescore(document, weighed).cues
    assert [[alt.text for alt in cue.words[1].alternatives] for cue in heard] == [[], [], [], ["Maliki"]]


def test_a_word_typed_again_with_its_capital_holds_what_listening_again_finds(speech_folder: Path) -> None:
    """Staff type "dashwood" as "Dashwood": the cue's words keep the evidence heard before the edit, the very
    evidence auto-sync and listening again would find, so no check flags the corrected word for want of it."""
    said, written = "The letter from Dashwood came this morning.", "The letter from dashwood came this morning."
    samples = flite_speech(said, speech_folder)

    def heard(text: str) -> Document:
        words = align_words([Word(token) for token in text.split()], samples, SAMPLE_RATE).words
        cue = Cue(0, len(samples) * 1000 // SAMPLE_RATE, text, tuple(words))
        return gather_evidence(Document(cues=(cue,)), recording_of(samples))

    typed = set_text(heard(written), 0, said)
    assert typed.cues[0].words == heard(said).cues[0].words
