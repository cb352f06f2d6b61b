"""The problem navigator driven by keys as staff use it: F8 order and what each stop selects and plays (with a
second of pre-roll, on a headless player), the kind filter, accepting a suggestion, ignoring (kept through save
and reopen), adding to the glossary, and fixing every occurrence after a preview; each change one undo step."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from answer_dialogs import choose_file, when_dialog_opens
from mediagen import generate_media
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenu, QWidget

from editor.app.issue_list_model import ISSUE_ROLE
from editor.core.model import Cue, Document, GlossaryTerm, Word
from editor.media.player import Player
from editor.ui.fix_all_dialog import FixAllDialog
from editor.ui.main_window import MainWindow
from editor.ui.media_panel import MediaPanel, attach_media
from editor.ui.navigator_actions import ProblemNavigator, attach_navigator
from editor.ui.problem_bar import ProblemBar
from editor.workflows.problems import PRE_ROLL_MS

SHIFT, ALT, CTRL = (Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier,
                    Qt.KeyboardModifier.ControlModifier)
MEDIA_SECONDS = 10
POLL_LAG_MS = 300  # the playhead is polled every 20 ms and VLC reports time in steps of about 250 ms


def timed(*words: tuple[str, int, int]) -> tuple[Word, ...]:
    return tuple(Word(text, start, end, 0.9) for text, start, end in words)


def programme() -> Document:
    """A `--` gap and a word the audio doubts among timed words, a misheard name twice (once timed, once not)
    that the glossary knows as a mishearing."""
    cues = (
        Cue(0, 2500, "Fighting near -- today",
            (*timed(("Fighting", 300, 800), ("near", 800, 1200), ("--", 1200, 2000)), Word("today", 2000, 2400, 0.3))),
        Cue(3000, 5500, "The Beisel group said",
            timed(("The", 3000, 3200), ("Beisel", 3200, 3800), ("group", 3800, 4200), ("said", 4200, 4600))),
        Cue(6000, 8500, "Beisel fighters left"),
    )
    return Document(cues=cues, runtime_ms=MEDIA_SECONDS * 1000, title="Talks",
                    glossary=(GlossaryTerm("ISIL", ("Beisel",)),))


# what F8 stops on, in order: (cue, words, start of the words)
STOPS = [(0, "--", 1200), (0, "today", 2000), (1, "Beisel", 3200), (2, "Beisel", 6000)]
FIRST_BEISEL = 2


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_media(tmp_path_factory.mktemp("navigator") / "talks.mp4", seconds=MEDIA_SECONDS)


@pytest.fixture
def open_window(make_window):  # type: ignore[no-untyped-def]
    """A function: a window with media and the navigator on a document; closed down after the test."""
    panels: list[MediaPanel] = []

    def open_on(document: Document) -> tuple[MainWindow, MediaPanel, ProblemNavigator]:
        window = make_window()
        panel = attach_media(window, lambda: Player(video_output="dummy", audio_output="dummy"))
        panels.append(panel)
        navigator = attach_navigator(window, panel)
        window.session.load(document, None)
        return window, panel, navigator

    yield open_on
    for panel in panels:
        panel.shutdown()


@pytest.fixture
def navigating(open_window) -> tuple[MainWindow, ProblemNavigator]:  # type: ignore[no-untyped-def]
    window, _panel, navigator = open_window(programme())
    return window, navigator


@pytest.fixture
def with_media(open_window, clip: Path, qtbot) -> Iterator[tuple[MainWindow, MediaPanel, ProblemNavigator]]:  # type: ignore[no-untyped-def]
    window, panel, navigator = open_window(programme())
    assert panel.open_media(clip)
    qtbot.waitUntil(lambda: panel.playback.state.value == "paused", timeout=15000)
    yield window, panel, navigator


def press(qtbot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key pressed where staff's focus is (the navigator puts it in the text pane), in the active window as
    a window manager leaves it after a dialog closes (the offscreen platform does not reactivate it)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    focused = window.focusWidget() or window.table
    qtbot.keyClick(focused, key, modifiers)


def stop(window: MainWindow) -> tuple[int | None, str]:
    """The cue current and the words selected in the text pane."""
    return window.current_index(), window.cue_editor.text_field.textCursor().selectedText()


def to_first_beisel(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for _ in range(FIRST_BEISEL + 1):
        press(qtbot, window, Qt.Key.Key_F8)
    assert stop(window) == (1, "Beisel")


def visit(qtbot, window: MainWindow, count: int) -> list[tuple[int | None, str]]:  # type: ignore[no-untyped-def]
    """Where the next `count` presses of F8 stop."""
    stops = []
    for _ in range(count):
        press(qtbot, window, Qt.Key.Key_F8)
        stops.append(stop(window))
    return stops


def test_f8_stops_on_every_problem_in_time_order_selecting_its_words(navigating, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, navigator = navigating
    window.table.setFocus()
    seen = []
    for _ in STOPS:
        press(qtbot, window, Qt.Key.Key_F8)
        seen.append((*stop(window), navigator.current.start_ms))
    assert seen == STOPS
    assert not window.statusBar().currentMessage().startswith("Past the last")
    press(qtbot, window, Qt.Key.Key_F8)
    assert stop(window) == (0, "--")  # round again from the first, and said so (staff would visit all again)
    assert window.statusBar().currentMessage() == "Past the last problem: F8 starts again from the first"
    press(qtbot, window, Qt.Key.Key_F8, SHIFT)
    assert stop(window) == (2, "Beisel")
    assert window.statusBar().currentMessage() == "Before the first problem: Shift+F8 goes on from the last"
    press(qtbot, window, Qt.Key.Key_F8, SHIFT)
    assert stop(window) == (1, "Beisel")
    assert navigator.bar.count.text() == "3 of 4"
    assert navigator.bar.problem.text() == "Spelling · cue 2 at 00:00:03.200 · unknown word “Beisel”"
    assert navigator.bar.hint.text() == ""
    press(qtbot, window, Qt.Key.Key_F8, SHIFT)
    assert navigator.bar.problem.text().startswith("Suspect words · cue 1 at 00:00:02.000 · the audio does not")
    assert navigator.bar.hint.text() == "No suggestion: type the right words over the selection"


def test_each_stop_plays_its_words_from_a_second_before(with_media, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel, navigator = with_media
    playback = panel.playback
    for cue, _words, start_ms in STOPS:
        heard: list[int] = []
        playback.position_changed.connect(heard.append)
        press(qtbot, window, Qt.Key.Key_F8)
        qtbot.waitUntil(lambda: playback.is_playing, timeout=10000)
        qtbot.waitUntil(lambda: not playback.is_playing, timeout=15000)  # it stops at the problem's end
        playback.position_changed.disconnect(heard.append)
        end_ms = navigator.current.end_ms
        assert heard[0] == start_ms - PRE_ROLL_MS  # the seek, with pre-roll
        assert all(start_ms - PRE_ROLL_MS <= ms <= end_ms + POLL_LAG_MS for ms in heard)
        assert heard[-1] == end_ms == playback.position_ms()
        assert window.current_index() == cue  # the pre-roll in the cue before does not move the selection
    press(qtbot, window, Qt.Key.Key_F8, CTRL)  # play it again
    qtbot.waitUntil(lambda: playback.is_playing, timeout=10000)
    assert STOPS[-1][2] - PRE_ROLL_MS <= playback.position_ms() <= navigator.current.end_ms + POLL_LAG_MS


def test_the_checks_list_marks_the_problem_f8_stopped_on(navigating, qtbot) -> None:  # type: ignore[no-untyped-def]
    """On the 12:45 the list stayed at its top while F8 went on to cue 172: staff lost their place in it."""
    window, navigator = navigating
    listed = window.checks_panel.list_view
    for _ in STOPS:
        press(qtbot, window, Qt.Key.Key_F8)
        assert listed.currentIndex().data(ISSUE_ROLE) == navigator.current.issue
        assert listed.visualRect(listed.currentIndex()).intersects(listed.viewport().rect())


def test_choosing_an_issue_in_the_checks_panel_stops_on_it_and_plays_it(with_media, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel, _navigator = with_media
    view = window.checks_panel.list_view
    model = view.model()
    index = next(model.index(row, 0) for row in range(model.rowCount())
                 if model.index(row, 0).data().startswith("Cue 3 ") and "Beisel" in model.index(row, 0).data())
    heard: list[int] = []
    panel.playback.position_changed.connect(heard.append)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert stop(window) == (2, "Beisel")
    assert heard[0] == 6000 - PRE_ROLL_MS


def test_the_kind_filter_visits_one_kind_only(navigating, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, navigator = navigating
    navigator.bar.kind_filter.setCurrentIndex(navigator.bar.kind_filter.findText("`--` gaps"))
    assert navigator.bar.count.text() == "– of 1"  # none stopped on yet
    for _ in range(2):
        press(qtbot, window, Qt.Key.Key_F8)
        assert stop(window) == (0, "--")


def test_a_suggestion_is_accepted_with_one_key_as_one_undo_step(navigating, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, navigator = navigating
    to_first_beisel(qtbot, window)
    assert [button.text() for button in navigator.bar.buttons if button.isVisible()][3] == "Alt+1  ISIL"
    steps = window.session.undo_stack.count()
    press(qtbot, window, Qt.Key.Key_1, ALT)
    cue = window.session.document.cues[1]
    assert cue.text == "The ISIL group said" and cue.words[1] == Word("ISIL", 3200, 3800)
    assert window.session.document.cues[2].text == "Beisel fighters left"  # only the problem stopped on
    assert window.session.undo_stack.count() == steps + 1
    press(qtbot, window, Qt.Key.Key_F8)
    assert stop(window) == (2, "Beisel")
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.session.document == programme()


def test_words_typed_over_are_not_replaced_by_a_stale_suggestion(navigating, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _navigator = navigating
    to_first_beisel(qtbot, window)
    qtbot.keyClicks(window.cue_editor.text_field, "Bessel")  # staff type over the selected words
    typed = window.session.document
    assert typed.cues[1].text == "The Bessel group said"
    press(qtbot, window, Qt.Key.Key_1, ALT)
    assert window.session.document is typed
    assert window.statusBar().currentMessage() == "“Beisel” is no longer there (changed or fixed) · F8: next problem"


def test_an_ignored_problem_is_skipped_and_stays_ignored_after_save_and_reopen(  # type: ignore[no-untyped-def]
    navigating, open_window, tmp_path, qtbot
) -> None:
    window, navigator = navigating
    press(qtbot, window, Qt.Key.Key_F8)
    press(qtbot, window, Qt.Key.Key_I, ALT)
    assert len(window.session.document.ignored) == 1
    assert navigator.bar.count.text() == "– of 3"
    after_the_gap = [(0, "today"), (1, "Beisel"), (2, "Beisel"), (0, "today")]  # round again, past the gap
    assert visit(qtbot, window, 4) == after_the_gap
    project = tmp_path / "talks.cueline"
    when_dialog_opens(choose_file(project))
    window.action("save_as").trigger()

    again, _panel, _reopened = open_window(Document())
    assert again.files.open_path(project)
    again.table.setFocus()
    assert visit(qtbot, again, 4) == after_the_gap
    assert all(issue.rule != "unresolved-gap" for issue in again.issues.issues)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # in the first window, undo brings the gap back
    assert window.session.document.ignored == () and navigator.problems()[0].found == "--"


def test_another_document_starts_from_its_first_problem(navigating, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, navigator = navigating
    to_first_beisel(qtbot, window)
    window.session.load(Document(cues=(Cue(0, 2000, "Hello there"), Cue(3000, 5000, "we -- agree"))), None)
    assert navigator.bar.count.text() == "– of 1" and navigator.bar.problem.text().startswith("F8: next problem")
    assert visit(qtbot, window, 1) == [(1, "--")]


def test_a_suggestion_with_an_ampersand_is_shown_and_written_as_is(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    document = Document(cues=(Cue(0, 2000, "Atnt said so"),), runtime_ms=MEDIA_SECONDS * 1000,
                        glossary=(GlossaryTerm("AT&T", ("Atnt",)),))
    window, _panel, navigator = open_window(document)
    press(qtbot, window, Qt.Key.Key_F8)
    assert "Alt+1  AT&T" in [button.text() for button in navigator.bar.buttons if button.isVisible()]
    press(qtbot, window, Qt.Key.Key_1, ALT)
    assert window.session.document.cues[0].text == "AT&T said so"


def test_add_to_glossary_accepts_the_words_everywhere(navigating, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, navigator = navigating
    to_first_beisel(qtbot, window)
    press(qtbot, window, Qt.Key.Key_G, ALT)
    assert window.session.document.glossary == (GlossaryTerm("ISIL", ("Beisel",)), GlossaryTerm("Beisel"))
    assert [problem.found for problem in navigator.problems()] == ["--", "today"]


def test_a_gap_is_not_added_to_the_glossary(navigating, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Alt+G on a `--` gap made "--" a name of the glossary (kept in the project), and nothing said so."""
    window, _navigator = navigating
    press(qtbot, window, Qt.Key.Key_F8)
    assert stop(window) == (0, "--")
    press(qtbot, window, Qt.Key.Key_G, ALT)
    assert window.session.document.glossary == (GlossaryTerm("ISIL", ("Beisel",)),)
    assert window.session.undo_stack.count() == 0
    assert window.statusBar().currentMessage().startswith("“--” is speech nobody heard, not a name")


def test_words_over_a_line_break_go_to_the_glossary_as_one_line(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A problem's words may run over the cue's line break: the glossary term, the undo step's name and the bar
    are one line (a newline in a term would match nothing, and a menu shows only its last line)."""
    document = Document(cues=(Cue(0, 3000, "Talks with prime minister nori\nAl-Maliki went on"),), runtime_ms=5000,
                        glossary=(GlossaryTerm("Nouri al-Maliki"),))
    window, _panel, navigator = open_window(document)
    press(qtbot, window, Qt.Key.Key_F8)
    assert navigator.current.found == "nori\nAl-Maliki"
    assert "“nori Al-Maliki” may be a mishearing of “Nouri al-Maliki”" in navigator.bar.problem.toolTip()
    press(qtbot, window, Qt.Key.Key_G, ALT)
    assert window.session.document.glossary[-1] == GlossaryTerm("nori Al-Maliki")
    assert window.session.undo_stack.undoText() == "Add “nori Al-Maliki” to the glossary"


def test_fix_every_occurrence_lists_each_change_first_and_is_one_undo_step(navigating, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _navigator = navigating
    to_first_beisel(qtbot, window)
    listed: list[str] = []

    def review(dialog: QWidget) -> None:
        assert isinstance(dialog, FixAllDialog)
        listed.extend(dialog.changes.item(row).text() for row in range(dialog.changes.count()))
        assert dialog.findChild(QLabel, "fix_all_explanation").text().startswith("Every “Beisel” the checks flag like")
        dialog.accept()

    when_dialog_opens(review)
    steps = window.session.undo_stack.count()
    press(qtbot, window, Qt.Key.Key_A, ALT)
    assert listed == ["cue 2 · 00:00:03.200 · The Beisel group said → The ISIL group said",
                      "cue 3 · 00:00:06.000 · Beisel fighters left → ISIL fighters left"]
    assert [cue.text for cue in window.session.document.cues[1:]] == ["The ISIL group said", "ISIL fighters left"]
    assert window.session.undo_stack.count() == steps + 1
    window.session.undo_stack.undo()
    assert window.session.document == programme()


def test_an_unticked_occurrence_is_left_alone_and_cancel_changes_nothing(navigating, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _navigator = navigating
    to_first_beisel(qtbot, window)

    def untick_the_second(dialog: QWidget) -> None:
        assert isinstance(dialog, FixAllDialog)
        dialog.changes.item(1).setCheckState(Qt.CheckState.Unchecked)
        dialog.accept()

    when_dialog_opens(untick_the_second)
    press(qtbot, window, Qt.Key.Key_A, ALT)
    assert [cue.text for cue in window.session.document.cues[1:]] == ["The ISIL group said", "Beisel fighters left"]
    when_dialog_opens(lambda dialog: dialog.reject() if isinstance(dialog, QDialog) else None)
    before = window.session.document
    press(qtbot, window, Qt.Key.Key_F8)
    press(qtbot, window, Qt.Key.Key_A, ALT)
    assert window.session.document == before, window.session.undo_stack.undoText()


def test_navigator_keys_collide_with_no_other_shortcut_and_sit_in_tools_problems(navigating) -> None:  # type: ignore[no-untyped-def]
    window, navigator = navigating
    [problems_menu] = [menu for menu in window.menuBar().findChildren(QMenu) if menu.title() == "&Problems"]
    assert problems_menu.parent().title() == "&Tools"
    assert problems_menu.actions() == list(navigator.actions.values())
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.objectName() or action.text())
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}
    assert {"F8", "Shift+F8", "Ctrl+F8", "Alt+1", "Alt+2", "Alt+3", "Alt+I", "Alt+G", "Alt+A"} <= set(owners)


def test_long_messages_and_suggestions_never_widen_the_window(navigating, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, navigator = navigating
    window.resize(1000, 700)
    long_name = "Abu Bakr al-Baghdadi al-Husayni al-Qurashi"
    document = window.session.document
    cues = (*document.cues[:2], Cue(6000, 8500, "Beisel " + "fighters " * 12 + "left"))
    window.session.load(replace(document, cues=cues, glossary=(GlossaryTerm(long_name, ("Beisel",)),)), None)
    navigator.go_to_issue(next(i for i in window.issues.issues if i.cue_index == 2 and i.rule == "spelling"))
    assert [fix.replacement for fix in navigator.current.issue.fixes] == [long_name, "Bessel", "Geisel"]
    assert window.width() == 1000 and window.minimumSizeHint().width() <= 1000
    [suggestion] = [button for button in navigator.bar.buttons if button.isVisible() and "Alt+1" in button.text()]
    assert suggestion.text() == "Alt+1  Abu Bakr al-Baghdadi al…" and long_name in suggestion.toolTip()
    navigator.bar.show_note(f"Change “Beisel” to “{long_name}” · " * 5)  # a long note is cut short too
    assert window.minimumSizeHint().width() <= 1000 and long_name in navigator.bar.problem.toolTip()


def test_fixing_every_gap_splits_cues_too_long_for_two_lines_in_one_undo_step(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    full = ("The minister said on Tuesday that the --\narmy would hold the line near the city",
            "Officials said on Monday that the -- talks\nwould go on late into the night in Vienna")
    document = Document(cues=(Cue(0, 6000, full[0]), Cue(6500, 12_500, full[1])), runtime_ms=15_000)
    window, _panel, _navigator = open_window(document)
    listed: list[str] = []

    def review(dialog: QWidget) -> None:
        assert isinstance(dialog, FixAllDialog)
        listed.extend(dialog.changes.item(row).text() for row in range(dialog.changes.count()))
        dialog.accept()

    when_dialog_opens(review)
    press(qtbot, window, Qt.Key.Key_F8)
    steps = window.session.undo_stack.count()
    press(qtbot, window, Qt.Key.Key_A, ALT)
    fixed = window.session.document
    assert len(listed) == 2 and all(line.endswith(" (re-cut: too long for 2 lines)") for line in listed)
    assert len(fixed.cues) == 4 and window.session.undo_stack.count() == steps + 1
    assert all(len(line) <= 42 and cue.text.count("\n") <= 1 for cue in fixed.cues for line in cue.lines)
    assert " ".join(cue.text for cue in fixed.cues).split() == " ".join(full).replace("--", "[inaudible]").split()
    assert [issue.rule for issue in window.issues.issues if issue.rule in ("line-length", "line-count")] == []
    window.session.undo_stack.undo()
    assert window.session.document == document


def test_the_preview_judges_a_cue_with_every_ticked_change_in_it(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Each "--" alone fits as "[inaudible]"; both in one cue do not: the preview says the cue is re-cut, and
    stops saying so once one of the two is unticked."""
    text = "The minister said -- on Tuesday that\nthe army would -- hold the line"
    window, _panel, _navigator = open_window(Document(cues=(Cue(0, 6000, text),), runtime_ms=8000))
    notes: list[list[bool]] = []

    def review(dialog: QWidget) -> None:
        assert isinstance(dialog, FixAllDialog)
        recut = lambda: [dialog.changes.item(row).text().endswith(" (re-cut: too long for 2 lines)")  # noqa: E731
                         for row in range(dialog.changes.count())]
        notes.append(recut())
        dialog.changes.item(1).setCheckState(Qt.CheckState.Unchecked)
        notes.append(recut())
        dialog.reject()

    when_dialog_opens(review)
    press(qtbot, window, Qt.Key.Key_F8)
    press(qtbot, window, Qt.Key.Key_A, ALT)
    assert notes == [[True, True], [False, False]]


def test_a_problem_gone_after_a_redo_is_not_left_described_in_the_bar(navigating, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, navigator = navigating
    to_first_beisel(qtbot, window)
    press(qtbot, window, Qt.Key.Key_1, ALT)
    window.session.undo_stack.undo()
    qtbot.waitUntil(lambda: navigator.bar.count.text() == "3 of 4")
    assert navigator.bar.problem.text().startswith("Spelling · cue 2 at 00:00:03.200")
    window.session.undo_stack.redo()
    qtbot.waitUntil(lambda: navigator.bar.count.text() == "– of 3")
    assert navigator.bar.problem.text() == "“Beisel” is no longer there (changed or fixed) · F8: next problem · " \
        "Shift+F8: previous"


def test_an_accepted_suggestion_is_no_longer_offered_and_comes_back_with_undo(navigating, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, navigator = navigating
    to_first_beisel(qtbot, window)
    offered = navigator.actions["accept_fix_1"]
    press(qtbot, window, Qt.Key.Key_1, ALT)
    qtbot.waitUntil(lambda: not offered.isVisible())
    assert not any(button.text().startswith("Alt+1") for button in navigator.bar.buttons if button.isVisible())
    window.session.undo_stack.undo()
    qtbot.waitUntil(offered.isVisible)
    assert offered.text() == "ISIL"


def test_words_across_a_line_break_are_described_on_one_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = ProblemBar([])
    qtbot.addWidget(bar)
    one_line = bar.sizeHint().height()
    bar.show_note("the audio sounds like “already”, not “all.\nReady”")
    assert bar.problem.text() == "the audio sounds like “already”, not “all. Ready”"
    assert bar.sizeHint().height() == one_line


def test_the_filter_is_chosen_by_key_and_a_stop_it_hides_is_not_called_gone(navigating, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Choosing "Suspect words" while stopped on a `--` gap said the gap "is no longer there (changed or fixed)";
    and the filter had no key (six Tabs from the text pane, fewer or more from elsewhere)."""
    window, navigator = navigating
    press(qtbot, window, Qt.Key.Key_F8)
    assert stop(window) == (0, "--")
    press(qtbot, window, Qt.Key.Key_O, ALT)
    assert QApplication.focusWidget() is navigator.bar.kind_filter
    press(qtbot, window, Qt.Key.Key_Down)
    assert navigator.bar.kind_filter.currentText() == "Suspect words"
    assert navigator.bar.problem.text() == "“--” is not among Suspect words · F8: next of them · Shift+F8: previous"
    press(qtbot, window, Qt.Key.Key_F8)
    assert stop(window) == (0, "today")
