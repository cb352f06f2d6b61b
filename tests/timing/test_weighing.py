"""What forced alignment is asked to weigh: each doubtful stretch once, the written words first, the words
either side only when spoken with it (never across a `--`, whose audio holds speech the transcript lacks)."""

from __future__ import annotations

from editor.core.model import Cue, Document, GlossaryTerm, Word
from editor.timing.weighing import questions, weighed


def timed(*words: tuple[str, str, int, int]) -> Cue:
    return Cue(0, 5000, " ".join(text for text, *_ in words),
               tuple(Word(text, start, end, 1.0, heard=phones) for text, phones, start, end in words))


def test_a_doubtful_word_is_weighed_with_its_neighbours_but_not_across_a_gap() -> None:
    cue = timed(("against", "AH G EH N S T", 0, 400), ("crisis", "AY EY S IH S", 400, 900),
                ("--", "", 900, 2000), ("fighters", "F AY T ER Z", 2000, 2500), ("said", "S EH D", 2500, 2800))
    document = Document(cues=(cue,), glossary=(GlossaryTerm("ISIS"),))
    [question] = [q for q in questions(document) if q.index == 1]
    assert (question.count, question.candidates) == (1, ("ISIS",))
    assert question.start_ms < 0 + 100 and 900 <= question.end_ms < 1000  # "against crisis", not the gap's speech
    written, isis = question.readings
    assert len(written) == len(isis) == 2 and written[0] == isis[0] and written[1] != isis[1]
    assert weighed([question], [(-10.0, -7.5)]) == {(0, 1, 1, "ISIS"): 2.5}
    assert weighed([question], [(None, -7.5)]) == {}  # the written words did not align: no verdict


def test_words_the_phones_support_raise_no_question() -> None:
    cue = timed(("prime", "P R AY M", 0, 400), ("minister", "M IH N IH S T ER", 400, 900),
                ("spoke", "S P OW K", 900, 1300))
    assert questions(Document(cues=(cue,), glossary=(GlossaryTerm("Maliki"),))) == []


def test_a_lost_reading_is_weighed_again_only_where_the_written_words_do_not_read_as_expected() -> None:
    """The widest beams' verdicts are unreliable where a voice says a word unlike the dictionary (RP's "military"
    lost on the usual beams, then 3-14 units per frame worse than Maliki): such a word is weighed again only where
    the words before do not lead to it, as they do not to a garble ("has called crisis")."""
    military = timed(("weakened", "W IY K AH N D", 0, 500), ("its", "IH T S", 500, 700),
                     ("military", "M AA L IY K IY", 700, 1300))
    crisis = timed(("has", "HH AE Z", 0, 300), ("called", "K AO L D", 300, 700), ("crisis", "AY S IH S", 700, 1200))
    [heard_as_name] = [q for q in questions(Document(cues=(military,), glossary=(GlossaryTerm("Maliki"),)))
                       if q.index == 2]
    [garble] = questions(Document(cues=(crisis,), glossary=(GlossaryTerm("ISIS"),)))
    assert not heard_as_name.widen and garble.widen
