"""The glossary dialog and the spelling underline, driven with keys and clicks as staff would."""

from __future__ import annotations

from answer_dialogs import answer_in_turn, press_button, when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QPlainTextEdit

from editor.core.glossary import parse_term
from editor.core.model import Cue, Document, GlossaryTerm, Word
from editor.ui.glossary_dialog import GlossaryDialog
from editor.ui.spelling import SpellingHighlighter, add_suggestions, attach_spelling, suggestions_for

TEXTS = (
    "John Kerry is this morning\nin their bill in the north.",
    "There is obvious invasion of Beisel.",
    "Against sisal or to meet any challenge.",
    "Nothing here sounds like a name.",
    "And sisal again.",
)


def make_dialog(qtbot, glossary: tuple[str, ...] = ()) -> tuple[GlossaryDialog, list[tuple[Document, str]]]:
    document = Document(cues=tuple(Cue(i * 3000, i * 3000 + 2500, t) for i, t in enumerate(TEXTS)),
                        glossary=tuple(map(parse_term, glossary)))
    changes: list[tuple[Document, str]] = []
    dialog = GlossaryDialog(document, lambda doc, label: changes.append((doc, label)))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, changes


def type_lines(qtbot, dialog: GlossaryDialog, *lines: str) -> None:
    """Type names into the empty glossary box, one a line, as staff would."""
    dialog.terms_edit.setFocus()
    for number, line in enumerate(lines):
        if number:
            qtbot.keyClick(dialog.terms_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.terms_edit, line)


def find(qtbot, dialog: GlossaryDialog) -> None:
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.searching, timeout=20000)


def rows(dialog: GlossaryDialog) -> list[tuple[str, str, str, bool]]:
    table = dialog.table
    return [
        (table.item(r, 1).text(), table.item(r, 2).text(), table.item(r, 3).text(),
         table.item(r, 0).checkState() == Qt.CheckState.Checked)
        for r in range(table.rowCount())
    ]  # fmt: skip


def test_typed_names_find_their_sound_alikes_and_replace_them(qtbot) -> None:
    dialog, changes = make_dialog(qtbot)
    type_lines(qtbot, dialog, "ISIL", "Erbil")
    find(qtbot, dialog)
    found = {(cue, heard, name) for cue, heard, name, _ticked in rows(dialog)}
    expected = {("1", "their bill", "Erbil"), ("2", "Beisel", "ISIL"), ("3", "sisal", "ISIL"), ("5", "sisal", "ISIL")}
    assert expected <= found
    assert not dialog.replace_button.isEnabled() or any(ticked for *_rest, ticked in rows(dialog))

    for row, (_cue, heard, _name, ticked) in enumerate(rows(dialog)):
        if heard in ("their bill", "Beisel") and not ticked:
            dialog.table.setCurrentCell(row, 0)
            qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)

    [(after, label)] = changes
    assert after.cues[0].text == "John Kerry is this morning\nin Erbil in the north."
    assert after.cues[1].text == "There is obvious invasion of ISIL."
    assert after.cues[3] is changes[0][0].cues[3] and after.cues[3].text == TEXTS[3]
    assert after.glossary[0].term == "ISIL" and "Beisel" in after.glossary[0].hints
    assert "Replace" in label and dialog.table.rowCount() == 0


def test_ticking_one_place_ticks_the_same_mishearing_everywhere(qtbot) -> None:
    dialog, _changes = make_dialog(qtbot, glossary=("ISIL",))
    find(qtbot, dialog)
    sisal_rows = [row for row, (_c, heard, _n, _t) in enumerate(rows(dialog)) if heard == "sisal"]
    assert len(sisal_rows) == 2
    first, second = sisal_rows
    before = dialog.table.item(first, 0).checkState()
    dialog.table.setCurrentCell(first, 0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.table.item(first, 0).checkState() != before
    assert dialog.table.item(second, 0).checkState() == dialog.table.item(first, 0).checkState()


def test_a_known_mishearing_starts_ticked_and_replaces_everywhere(qtbot) -> None:
    dialog, changes = make_dialog(qtbot, glossary=("ISIL ~ sisal",))
    find(qtbot, dialog)
    assert [(cue, ticked) for cue, heard, _n, ticked in rows(dialog) if heard == "sisal"] == [("3", True), ("5", True)]
    for row, (_c, heard, _n, ticked) in enumerate(rows(dialog)):
        if heard != "sisal" and ticked:
            dialog.table.setCurrentCell(row, 0)
            qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    dialog.replace_selected()
    [(after, _label)] = changes
    assert [cue.text for cue in after.cues][2::2] == ["Against ISIL or to meet any challenge.", "And ISIL again."]


def test_closing_saves_an_edited_glossary_as_one_change(qtbot) -> None:
    dialog, changes = make_dialog(qtbot, glossary=("ISIL",))
    dialog.terms_edit.moveCursor(dialog.terms_edit.textCursor().MoveOperation.End)
    dialog.terms_edit.setFocus()
    qtbot.keyClick(dialog.terms_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.terms_edit, "Mosul")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    [(after, label)] = changes
    assert after.glossary == (GlossaryTerm("ISIL"), GlossaryTerm("Mosul")) and label == "Edit glossary"


def test_closing_with_a_line_that_is_not_a_name_asks_before_dropping_it(qtbot) -> None:
    """"~ sisal" (the name forgotten before the ~) vanished on closing without a word."""
    dialog, changes = make_dialog(qtbot)
    type_lines(qtbot, dialog, "Mosul", "~ sisal")
    asked: list[str] = []
    answer_in_turn(press_button("Fix it", asked))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Line 2, “~ sisal”: no name before ~: write the name first (ISIL ~ sisal, Beisel)."]
    assert dialog.isVisible() and changes == []
    assert dialog.terms_edit.textCursor().blockNumber() == 1
    qtbot.keyClick(dialog.terms_edit, Qt.Key.Key_Home)
    qtbot.keyClicks(dialog.terms_edit, "ISIL ")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    [(after, _label)] = changes
    assert after.glossary == (GlossaryTerm("Mosul"), GlossaryTerm("ISIL", ("sisal",)))


def test_a_line_dropped_on_purpose_closes_the_dialog(qtbot) -> None:
    dialog, changes = make_dialog(qtbot, glossary=("ISIL",))
    dialog.terms_edit.setPlainText("ISIL\n,,,\nMosul")
    answer_in_turn(press_button("Drop it"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    [(after, _label)] = changes
    assert after.glossary == (GlossaryTerm("ISIL"), GlossaryTerm("Mosul"))


def test_closing_unchanged_records_nothing(qtbot) -> None:
    dialog, changes = make_dialog(qtbot, glossary=("ISIL",))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert changes == []


def underlined(edit: QPlainTextEdit) -> list[str]:
    block = edit.document().firstBlock()
    return [
        block.text()[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    ]


def test_misspelt_words_get_a_wavy_underline_and_suggestions(qtbot) -> None:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    highlighter = SpellingHighlighter(edit.document())
    qtbot.keyClicks(edit, "Brett Mcguirk met teh press")
    qtbot.waitUntil(lambda: underlined(edit) == ["Mcguirk", "teh"])  # once the word list is read
    highlighter.set_accepted(frozenset({"mcguirk"}))
    assert underlined(edit) == ["teh"]

    menu, added = QMenu(), []
    actions = add_suggestions(menu, edit, edit.toPlainText().index("teh") + 1, add_to_glossary=added.append)
    assert actions[0].text() == "the"
    actions[-1].trigger()
    assert added == ["teh"] and actions[-1].text() == "Add “teh” to the glossary"
    actions[0].trigger()
    assert edit.toPlainText() == "Brett Mcguirk met the press"
    assert underlined(edit) == []


def test_a_correction_inside_a_sentence_has_no_capital_the_garble_gave(qtbot) -> None:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    SpellingHighlighter(edit.document())
    edit.setPlainText("the United States tries Everly diplomatic trick.\nEverly one.")
    menu = QMenu()
    inside = add_suggestions(menu, edit, edit.toPlainText().index("Everly") + 1)
    starting = add_suggestions(menu, edit, edit.toPlainText().rindex("Everly") + 1)
    assert inside[0].text() == "every" and starting[0].text() == "Every"
    inside[0].trigger()
    assert edit.toPlainText().startswith("the United States tries every diplomatic trick.")


def test_glossary_names_come_first_among_suggestions() -> None:
    assert suggestions_for("Mcguirk", [GlossaryTerm("McGurk"), GlossaryTerm("Mosul")])[0] == "McGurk"


def test_attached_spelling_follows_the_glossary(qtbot) -> None:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    names = [GlossaryTerm("Brett McGurk")]
    highlighter = attach_spelling(edit, lambda: names)
    edit.setPlainText("McGurk met Mcguirk")
    qtbot.waitUntil(lambda: underlined(edit) == ["Mcguirk"])
    names.append(GlossaryTerm("Mcguirk"))
    highlighter.follow_glossary(names)
    assert underlined(edit) == []
    assert edit.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_tools_menu_glossary_replaces_in_one_undo_step(qtbot, window) -> None:
    def texts() -> list[str]:
        return [cue.text for cue in window.session.document.cues]

    before, glossary_before = texts(), window.session.document.glossary

    def answer(dialog) -> None:
        assert isinstance(dialog, GlossaryDialog)
        dialog.terms_edit.setPlainText("ISIL ~ sisal, Beisel\nErbil ~ their bill")
        qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.searching, timeout=30000)
        qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
        dialog.reject()

    when_dialog_opens(answer)
    window.action("glossary").trigger()
    after = " ".join(texts())
    assert "ISIL" in after and "Erbil" in after
    assert "sisal" not in after and "Beisel" not in after and "their bill" not in after
    assert window.session.document.glossary[0].term == "ISIL"
    window.action("undo").trigger()
    assert texts() == before and window.session.document.glossary == glossary_before


def test_text_pane_underlines_unknown_words(qtbot, window) -> None:
    row = next(i for i, cue in enumerate(window.session.document.cues) if "Everly" in cue.text)
    window.select_cue(row)
    qtbot.waitUntil(lambda: "Everly" in window.cue_editor.text_field.toPlainText())
    edit = window.cue_editor.text_field

    def underlined_anywhere() -> list[str]:
        found, block = [], edit.document().firstBlock()
        while block.isValid():
            found += [block.text()[r.start : r.start + r.length] for r in block.layout().formats()
                      if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline]
            block = block.next()
        return found

    qtbot.waitUntil(lambda: "Everly" in underlined_anywhere())


def test_a_word_the_audio_heard_as_written_is_not_offered(qtbot) -> None:
    heard = tuple(Word(token, 400 * n, 400 * n + 350, 1.0, heard="X", support=0.9 if token == "America" else 0.2)
                  for n, token in enumerate("sisal and America".split()))
    document = Document(cues=(Cue(0, 1200, "sisal and America", heard),),
                        glossary=(GlossaryTerm("ISIL"), GlossaryTerm("Maliki")))
    dialog = GlossaryDialog(document, lambda doc, label: None)
    qtbot.addWidget(dialog)
    dialog.show()
    find(qtbot, dialog)
    assert [(heard, name) for _cue, heard, name, _ticked in rows(dialog)] == [("sisal", "ISIL")]


def test_the_underline_follows_the_styles_spelling(qtbot) -> None:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    spelling = ["en-US"]
    highlighter = attach_spelling(edit, lambda: [], spelling=lambda: spelling[0])
    edit.setPlainText("the neighbour's programme")
    qtbot.waitUntil(lambda: underlined(edit) == ["neighbour's", "programme"])
    spelling[0] = "en-GB"  # the bbc profile
    highlighter.follow_glossary([], spelling[0])
    assert underlined(edit) == []


def test_choosing_the_bbc_style_checks_the_text_pane_in_british_spelling(qtbot, window) -> None:
    assert window.glossary.spelling.spelling == "en-US"
    window.action("style_bbc").trigger()
    assert window.glossary.spelling.spelling == "en-GB"
    window.action("undo").trigger()
    assert window.glossary.spelling.spelling == "en-US"
