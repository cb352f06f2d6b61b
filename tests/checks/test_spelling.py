"""Spell check: each unknown word is flagged with its span and ranked fixes; names from the glossary, gaps, numbers,
acronyms and speaker labels are not."""

from __future__ import annotations

from editor.checks import dictionary
from editor.checks.issue import Severity
from editor.checks.registry import RULES
from editor.checks.spelling import NAME, RULE, check, misspellings, words_of_terms
from editor.core.edits import SpanChange, replace_spans, set_text
from editor.core.glossary import glossary_of
from editor.core.model import Cue, Document, GlossaryTerm, HeardAlternative, Word
from editor.core.style import DEFAULT_STYLE, STYLES


def words_flagged(text: str, accepted: frozenset[str] = frozenset()) -> list[str]:
    return [item.word for item in misspellings(text, accepted)]


def test_unknown_words_are_found_with_their_place() -> None:
    text = "Iraq's leaders met\nMcguirk and Everly one"
    found = misspellings(text)
    assert [item.word for item in found] == ["Mcguirk", "Everly"]
    assert [text[item.start : item.end] for item in found] == ["Mcguirk", "Everly"]


def test_gaps_numbers_acronyms_and_speaker_labels_are_skipped() -> None:
    assert words_flagged("-- ISIS took 300 towns on 9/11 -- --") == []
    assert words_flagged("KERRY: we don't know\n>> FRANZEN: it's late") == []
    assert words_flagged("- Yes.\n- No, they're gonna wait.") == []


def test_glossary_names_are_accepted_whole_and_in_parts() -> None:
    doc = Document(glossary=(GlossaryTerm("Brett McGurk"), GlossaryTerm("al-Qaeda"),
                             GlossaryTerm("Peshmerga", ("push merger",))))
    accepted = words_of_terms(glossary_of(doc))
    assert words_flagged("McGurk said al-Qaeda and the Peshmerga's men", accepted) == []
    assert words_flagged("Qaeda fighters", accepted) == []
    assert words_flagged("McGurk said", frozenset()) == ["McGurk"]


def test_misspelt_hyphenated_words_are_flagged_whole() -> None:
    assert words_flagged("a well-knwon fact") == ["well-knwon"]
    assert words_flagged("a well-known fact") == []


def test_check_reports_each_unknown_word_with_its_span() -> None:
    doc = Document(
        cues=(Cue(0, 1000, "the Everly jihadist"), Cue(1000, 2000, "all good here"), Cue(2000, 3000, "Mcguirk")),
        glossary=(GlossaryTerm("jihadist"),),
    )
    issues = check(doc, DEFAULT_STYLE)
    assert [(issue.cue_index, issue.severity, issue.rule) for issue in issues] == [
        (0, Severity.WARNING, NAME),
        (2, Severity.WARNING, NAME),
    ]
    spans = [doc.cues[issue.cue_index].text[issue.span.start : issue.span.end] for issue in issues if issue.span]
    assert spans == ["Everly", "Mcguirk"]
    assert "“Everly”" in issues[0].message


def test_fixes_rank_sound_alike_names_before_dictionary_spellings() -> None:
    doc = Document(cues=(Cue(0, 1000, "Brett Mcguirk came"), Cue(1000, 2000, "he said teh")),
                   glossary=(GlossaryTerm("McGurk"),))
    first, second = check(doc, DEFAULT_STYLE)
    assert first.fixes[0].replacement == "McGurk" and first.fixes[0].sources == ("glossary",)
    assert second.fixes[0].replacement == "the" and second.fixes[0].sources == ("dictionary",)
    assert all(a.score >= b.score for a, b in zip(first.fixes, first.fixes[1:], strict=False))


def test_a_hint_names_its_term_with_full_score() -> None:
    doc = Document(cues=(Cue(0, 1000, "the Beisel fighters"),), glossary=(GlossaryTerm("ISIL", ("Beisel",)),))
    [issue] = check(doc, DEFAULT_STYLE)
    assert issue.fixes[0].replacement == "ISIL" and issue.fixes[0].score == 1.0


def test_suggestions_follow_the_words_case() -> None:
    assert dictionary.suggestions("teh")[0] == "the"
    assert dictionary.suggestions("Teh")[0] == "The"
    assert dictionary.suggestions("qxzqxzqxz") == ()


def test_a_capital_only_the_garble_gave_is_dropped_inside_a_sentence() -> None:
    """Alt+1 on "tries Everly diplomatic trick" put "Every" there: the capital came from the garble alone."""
    assert dictionary.suggestions("Everly", mid_sentence=True)[:3] == ("every", "overly", "evenly")
    assert dictionary.suggestions("Everly")[0] == "Every"  # a sentence starts with it
    assert dictionary.suggestions("Londn", mid_sentence=True)[0] == "London"  # names keep theirs
    assert dictionary.suggestions("Turky", mid_sentence=True)[0] == "Turkey"  # a name as well as a word
    assert dictionary.suggestions("Pover", mid_sentence=True)[:2] == ("over", "power")
    assert dictionary.suggestions("Pover", mid_sentence=True, names=frozenset({"samantha", "power"}))[1] == "Power"
    assert dictionary.suggestions("teh", mid_sentence=False)[0] == "the"


def test_the_spelling_check_offers_what_alt_1_should_put_in_the_sentence() -> None:
    doc = Document(cues=(Cue(0, 2000, "the United States tries Everly diplomatic trick."),
                         Cue(2000, 4000, "Everly one. Everly two and"),
                         Cue(4000, 6000, "Everly three, as the ambassador Pover said")),
                   glossary=(GlossaryTerm("Samantha Power"),))
    *everly, pover = check(doc, DEFAULT_STYLE)
    assert [issue.fixes[0].replacement for issue in everly] == ["every", "Every", "Every", "every"]
    offered = [fix.replacement for fix in pover.fixes]
    assert "Power" in offered and "power" not in offered  # the glossary's name, not the word, inside a sentence


def test_rare_words_rank_above_everyday_ones() -> None:
    assert dictionary.word_rarity("sisal") > dictionary.word_rarity("crisis") > dictionary.word_rarity("sure")
    assert dictionary.word_rarity("Beisel") == 1.0


def test_spelling_is_a_registered_rule() -> None:
    assert RULE in RULES


def test_words_of_any_script_are_checked_whole() -> None:
    assert words_flagged("José Zúñiga said the café was fine") == ["José", "Zúñiga"]
    assert words_flagged("José Zúñiga", frozenset({"josé", "zúñiga"})) == []
    assert words_flagged("the boys' bikes and rock 'n' roll") == []


def test_news_words_and_possessive_acronyms_are_known() -> None:
    assert words_flagged("the jihadist said al-Qaeda and ABC's reporter met the Peshmerga") == []


def test_a_capitalised_word_the_audio_supports_is_a_name_not_a_misspelling() -> None:
    every = (HeardAlternative("Every", 1, 0.6),)
    said = (
        Word("Crocker.", 0, 400, 1.0, heard="K R AA K ER", support=1.0),
        Word("Everly.", 400, 900, 1.0, heard="EH V R IY", support=0.95, alternatives=every),
        Word("Franzen.", 900, 1400, 1.0, heard="P AE", support=0.3),
    )
    document = Document(cues=(Cue(0, 1400, "Crocker. Everly. Franzen.", said),))
    flagged = [issue.message for issue in check(document, DEFAULT_STYLE)]
    assert flagged == ["unknown word “Everly”", "unknown word “Franzen”"]


def test_a_name_typed_with_its_capital_stays_a_name_the_audio_supports() -> None:
    """Staff correct "dashwood" to "Dashwood" (typed, or by the fix): the audio that supported the word still does,
    so the correction is not flagged as an unknown word."""
    said = (Word("They", 0, 300, 1.0, heard="DH EY", support=1.0),
            Word("met", 300, 600, 1.0, heard="M EH T", support=1.0),
            Word("dashwood.", 600, 1200, 1.0, heard="D AE SH W UH D", support=1.0))
    document = Document(cues=(Cue(0, 1200, "They met dashwood.", said),))
    assert [issue.message for issue in check(document, DEFAULT_STYLE)] == ["unknown word “dashwood”"]
    typed = set_text(document, 0, "They met Dashwood.")
    fixed = replace_spans(document, [SpanChange(0, 9, 17, "Dashwood")])
    assert check(typed, DEFAULT_STYLE) == check(fixed, DEFAULT_STYLE) == []


def test_a_capitalised_word_after_a_name_inside_a_sentence_is_its_surname() -> None:
    assert words_flagged("Former ambassador Ryan Crocker has called") == []
    assert words_flagged("watching a report from Michelle Franzen in New York") == []
    assert words_flagged("Ryan Crocker has called") == ["Crocker"]  # a sentence's first word is capitalised anyway
    assert words_flagged("He met Kerry. Crocker said") == ["Crocker"]
    assert words_flagged("the United States tries Everly diplomatic trick") == ["Everly"]


def test_british_spelling_is_right_in_the_bbc_profile_only() -> None:
    assert words_flagged("our neighbour's programme") == ["neighbour's", "programme"]
    assert [item.word for item in misspellings("our neighbour's programme", frozenset(), "en-GB")] == []
    document = Document(cues=(Cue(0, 1000, "the neighbour's colour"),))
    assert check(document, STYLES["bbc"]) == [] and len(check(document, DEFAULT_STYLE)) == 2
