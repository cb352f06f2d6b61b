"""Suspect words: what the audio sounds like instead becomes one issue per garbled stretch, with ranked fixes;
without audio, glossary names guessed from writing; where the audio supports the words, no guess."""

from __future__ import annotations

from editor.checks import dictionary, spelling
from editor.checks.registry import RULES
from editor.checks.suspect_words import NAME, check, heard_proposals
from editor.core.glossary import glossary_of, propose_replacements
from editor.core.model import Cue, Document, GlossaryTerm, HeardAlternative, Word
from editor.core.style import DEFAULT_STYLE


def heard_cue(text: str, support: dict[str, float], alternatives: dict[str, tuple[HeardAlternative, ...]]) -> Cue:
    words = tuple(
        Word(token, 300 * n, 300 * n + 250, 1.0, heard="X", support=support.get(token, 1.0),
             alternatives=alternatives.get(token, ()))
        for n, token in enumerate(text.split())
    )
    return Cue(0, 300 * len(words), text, words)


def spans(document: Document) -> list[tuple[str, list[str]]]:
    text = document.cues[0].text
    return [(text[i.span.start: i.span.end], [f.replacement for f in i.fixes]) for i in check(document, DEFAULT_STYLE)
            if i.span]


def test_a_multi_word_garble_is_one_issue_covering_exactly_its_words() -> None:
    erbil = (HeardAlternative("Erbil", 2, 0.8),)
    document = Document(cues=(heard_cue("Kerry is in their bill today.", {"their": 0.3}, {"their": erbil}),),
                        glossary=(GlossaryTerm("Erbil"),))
    [issue] = check(document, DEFAULT_STYLE)
    assert issue.rule == NAME and issue.fixes[0].sources == ("audio", "glossary")
    assert spans(document) == [("their bill", ["Erbil"])]


def test_a_correct_neighbour_is_not_swallowed() -> None:
    isis = {"ice": (HeardAlternative("ISIS", 1, 0.9),), "is": (HeardAlternative("ISIS", 2, 0.5),)}
    document = Document(cues=(heard_cue("who is ice more", {"ice": 0.4}, isis),), glossary=(GlossaryTerm("ISIS"),))
    assert spans(document) == [("ice", ["ISIS"])]


def test_weak_or_unlikely_alternatives_are_not_flagged() -> None:
    weak = {"prime": (HeardAlternative("pry", 1, 0.9),), "called": (HeardAlternative("Nouri", 1, 0.2),)}
    document = Document(cues=(heard_cue("the prime minister called", {}, weak),), glossary=(GlossaryTerm("Nouri"),))
    assert spans(document) == [("prime", ["pry"])]  # a common word the audio clearly says is offered...
    rare = {"called": (HeardAlternative("caul", 1, 0.9),)}
    assert spans(Document(cues=(heard_cue("he called", {}, rare),))) == []  # ...a word nobody uses is not


def test_a_name_the_transcript_writes_elsewhere_is_offered_however_rare() -> None:
    """ "rock" heard as the story's "Iraq": no dictionary ranks Iraq as common, but the transcriber wrote it."""
    iraq = {"rock": (HeardAlternative("Iraq", 1, 0.7),)}
    story = Cue(0, 900, "back in Iraq today")
    heard = heard_cue("and now this is rock", {"rock": 0.4}, iraq)
    [issue] = check(Document(cues=(heard, story)), DEFAULT_STYLE)
    assert issue.fixes[0].replacement == "Iraq" and issue.fixes[0].sources == ("audio", "transcript")
    assert check(Document(cues=(heard,)), DEFAULT_STYLE) == []  # a rare word nobody wrote is no likely fix


def test_without_audio_close_sounding_names_are_guessed_once_per_word() -> None:
    document = Document(cues=(Cue(0, 2000, "prime minister nori and sisal fighters"),),
                        glossary=(GlossaryTerm("Nouri"), GlossaryTerm("ISIL")))
    assert spans(document) == [("sisal", ["ISIL"])]  # "nori" is misspelt: spell check offers Nouri there
    [misspelt] = spelling.check(document, DEFAULT_STYLE)
    assert misspelt.fixes[0].replacement == "Nouri"


def test_audio_that_supports_the_words_overrules_a_guess_but_not_a_mere_spelling() -> None:
    document = Document(cues=(heard_cue("sisal and McDonald", {}, {}),),
                        glossary=(GlossaryTerm("ISIL"), GlossaryTerm("Macdonald")))
    assert spans(document) == [("McDonald", ["Macdonald"])]


def test_rule_is_registered() -> None:
    assert NAME in [rule.name for rule in RULES]


def test_a_guess_shrinks_to_the_words_the_audio_heard_as_the_name() -> None:
    heard_isis = {"ice": (HeardAlternative("ISIS", 1, 0.2),)}  # too weak to flag alone, enough to place it
    document = Document(cues=(heard_cue("who is ice more", {"is": 0.3, "ice": 0.3}, heard_isis),),
                        glossary=(GlossaryTerm("ISIS"),))
    assert spans(document) == [("ice", ["ISIS"])]


def test_the_names_search_never_offers_a_word_the_audio_supports_as_written() -> None:
    document = Document(cues=(heard_cue("sisal and America", {"sisal": 0.3}, {}),),
                        glossary=(GlossaryTerm("ISIL"), GlossaryTerm("Maliki")))
    everything = propose_replacements(document, glossary_of(document), rarity=dictionary.word_rarity)
    assert {p.found for p in everything} == {"sisal", "America"}  # by writing alone both sound like a name
    assert [p.found for p in heard_proposals(document, everything)] == ["sisal"]  # America was heard as written


def test_a_name_inside_a_sentence_is_not_offered_a_word_one_sound_away() -> None:
    bread = {"Brett": (HeardAlternative("Bread", 1, 0.6),)}
    named = Document(cues=(heard_cue("secretary of state Brett Mcguirk.", {}, bread),),
                     glossary=(GlossaryTerm("McGurk"),))
    assert spans(named) == [("Mcguirk", ["McGurk"])]  # the surname's spelling is the glossary's to question
    opening = Document(cues=(heard_cue("Brett was here.", {}, {"Brett": (HeardAlternative("Bread", 1, 0.6),)}),))
    assert spans(opening) == [("Brett", ["Bread"])]


def test_a_name_the_transcript_writes_is_not_offered_for_a_rare_word_that_only_half_sounds_like_it() -> None:
    """Staff pressed Alt+G on the garbled "Beisel": the transcript writes it, so the rare but correct "Mosul",
    heard as written (if not clearly), is another word its transcriber knew, not a mishearing of it. A name the
    transcript never writes ("Marquardt") is still offered for the rare words it was heard as."""
    mosul = heard_cue("In Mosul militants direct traffic", {"Mosul": 0.58}, {})
    beisel = Cue(2000, 3000, "the invasion of Beisel.")
    assert check(Document(cues=(mosul, beisel), glossary=(GlossaryTerm("Beisel"),)), DEFAULT_STYLE) == []
    clark = heard_cue("ABC's Alex Mark Clark who", {"Mark": 0.5, "Clark": 0.5}, {})
    assert spans(Document(cues=(clark,), glossary=(GlossaryTerm("Marquardt"),))) == [("Mark Clark", ["Marquardt"])]


def test_the_message_names_the_first_suggestion() -> None:
    """The walk's "sisal" (the speech says "eye sill"): the message said the audio sounds like "ISIS" while the
    first suggestion, Alt+1, was ISIL: the heard alternatives come in the listening's order, the fixes by score."""
    heard = {"sisal": (HeardAlternative("ISIS", 1, 0.8), HeardAlternative("ISIL", 1, 0.9))}
    document = Document(cues=(heard_cue("Against sisal or to meet", {"sisal": 0.3}, heard),),
                        glossary=(GlossaryTerm("ISIS"), GlossaryTerm("ISIL")))
    [issue] = check(document, DEFAULT_STYLE)
    assert [fix.replacement for fix in issue.fixes] == ["ISIL", "ISIS"]
    assert issue.message == "the audio sounds like “ISIL”, not “sisal”"
