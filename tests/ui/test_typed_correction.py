"""A word staff correct by typing in the text pane is not flagged again: "dashwood" typed as "Dashwood" keeps
what listening heard of it, so the name the audio supports is no unknown word, in the checks or the text pane."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from test_ignored_marks import wavy_underlined

from editor.core.model import Cue, Document, Word


def heard(text: str, start: int, phones: str) -> Word:
    return Word(text, start, start + 300, 1.0, heard=phones, support=1.0)


PROGRAMME = Document(cues=(Cue(0, 1200, "They met dashwood.", (heard("They", 0, "DH EY"), heard("met", 300, "M EH T"),
                                                               heard("dashwood.", 600, "D AE SH W UH D"))),),
                     runtime_ms=2000)


def spelling_flags(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [issue.message for issue in window.issues.issues if issue.rule == "spelling"]


def test_a_name_corrected_in_the_text_pane_is_not_flagged_again(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.session.load(PROGRAMME, None)
    window.select_cue(0)
    assert spelling_flags(window) == ["unknown word “dashwood”"]
    qtbot.waitUntil(lambda: wavy_underlined(window) == ["dashwood"])  # once the word list is in
    field = window.cue_editor.text_field
    cursor = field.textCursor()
    cursor.setPosition(len("They met "))
    cursor.setPosition(len("They met d"), QTextCursor.MoveMode.KeepAnchor)
    field.setTextCursor(cursor)
    qtbot.keyClicks(field, "D")
    assert window.session.document.cues[0].text == "They met Dashwood."
    assert spelling_flags(window) == [] and wavy_underlined(window) == []
