"""Scenarist SCC: CEA-608 pop-on captions checked byte by byte, by our decoder and by FFmpeg's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from editor.core.model import Cue, Document
from editor.formats import cea608
from editor.formats.errors import FormatError
from editor.formats.registry import SCC, format_for_path, read_file, write_file
from editor.formats.scc import parse_scc
from editor.formats.scc_timecode import format_drop_frame, parse_timecode
from editor.formats.scc_writer import export_scc


def at(frame: int) -> int:
    """The start of a frame at 30000/1001 fps, in ms."""
    return round(frame * 1001 / 30)


FRAME_MS = 1001 / 30
CUES = (
    Cue(at(60), at(120), "Good evening,\nI'm Ann Brown."),
    Cue(at(140), at(200), "<i>Señor</i> Pérez sang ♪ in Élan"),
    Cue(at(200), at(250), "chained straight after the one before it, one long line"),
    Cue(at(280), at(330), "Last"),
)
TEXTS = ["Good evening,\nI'm Ann Brown.", "Señor Pérez sang ♪ in Élan",
         "chained straight after the one\nbefore it, one long line", "Last"]


@pytest.fixture()
def exported(tmp_path: Path) -> Path:
    path = tmp_path / "export.scc"
    write_file(Document(cues=CUES), path)
    return path


def _lines(path: Path) -> list[tuple[str, list[str]]]:
    rows = path.read_text().split("\n")
    assert rows[0] == "Scenarist_SCC V1.0"
    return [(line.split("\t")[0], line.split("\t")[1].split()) for line in rows[1:] if line]


def test_drop_frame_labels() -> None:
    known = {0: "00:00:00;00", 1799: "00:00:59;29", 1800: "00:01:00;02", 17982: "00:10:00;00",
             107892: "01:00:00;00"}
    assert {frame: format_drop_frame(frame) for frame in known} == known
    assert all(parse_timecode(label) == frame for frame, label in known.items())
    with pytest.raises(ValueError, match="does not exist"):
        parse_timecode("00:01:00;00")


def test_every_byte_has_odd_parity_and_every_control_code_is_doubled(exported: Path) -> None:
    for _, words in _lines(exported):
        pairs = [(int(word[:2], 16), int(word[2:], 16)) for word in words]
        assert all(bin(byte).count("1") % 2 == 1 for pair in pairs for byte in pair)
        index = 0
        while index < len(pairs):
            if 0x10 <= pairs[index][0] & 0x7F <= 0x1F:
                assert pairs[index + 1] == pairs[index]
                index += 1
            index += 1


def test_pop_on_structure(exported: Path) -> None:
    lines = _lines(exported)
    loads = [words for _, words in lines if words[:4] == ["94ae", "94ae", "9420", "9420"]]
    assert len(loads) == len(CUES)
    shows = [label for label, words in lines if words == ["942f", "942f"]]
    assert [parse_timecode(label) for label in shows] == [60, 140, 200, 280]  # each on its cue's first frame
    clears = [parse_timecode(label) for label, words in lines if words == ["942c", "942c"]]
    assert clears == [120, 250, 330]  # none at 200: the chained cue replaces the one before
    rows = [cea608.row_of_preamble(int(w[:2], 16) & 0x7F, int(w[2:], 16) & 0x7F) for w in loads[0][4::2]]
    assert [row for row in rows if row] == [14, 15]  # two rows at the bottom


def test_our_decoder_reads_the_export_back_to_the_frame(exported: Path) -> None:
    cues = read_file(exported).document.cues
    assert [cue.text for cue in cues] == TEXTS
    assert [(cue.start_ms, cue.end_ms) for cue in cues] == [(cue.start_ms, cue.end_ms) for cue in CUES]


def test_ffmpeg_decodes_the_same_text_and_times(exported: Path, ffmpeg_cues: Callable[[Path], list[Cue]]) -> None:
    heard = ffmpeg_cues(exported)
    assert [cue.text for cue in heard] == TEXTS
    for cue, original in zip(heard, CUES, strict=True):
        assert abs(cue.start_ms - original.start_ms) <= FRAME_MS
        assert abs(cue.end_ms - original.end_ms) <= FRAME_MS


def test_ffmpeg_agrees_an_hour_in(tmp_path: Path, ffmpeg_cues: Callable[[Path], list[Cue]]) -> None:
    """FFmpeg reads a label as clock time with 33 ms frames; drop-frame labels stay within 3 frames of it."""
    cues = [Cue(at(107_000 + n * 100), at(107_060 + n * 100), f"caption {n}") for n in range(6)]
    path = tmp_path / "late.scc"
    write_file(Document(cues=tuple(cues)), path)
    heard = ffmpeg_cues(path)
    assert [cue.text for cue in heard] == [cue.text for cue in cues]
    assert all(abs(h.start_ms - c.start_ms) <= 3 * FRAME_MS for h, c in zip(heard, cues, strict=True))
    assert [(c.start_ms, c.end_ms) for c in read_file(path).document.cues] == [(c.start_ms, c.end_ms) for c in cues]


def test_a_caption_with_no_time_to_load_appears_late_never_early() -> None:
    cues = [Cue(at(0), at(5), "x" * 32 + "\n" + "y" * 32), Cue(at(6), at(90), "z" * 32 + "\n" + "w" * 32)]
    shown = parse_scc(export_scc(cues).text)
    assert [cue.text for cue in shown] == [cue.text for cue in cues]
    assert shown[0].start_ms > cues[0].start_ms and shown[1].start_ms > shown[0].start_ms
    assert shown[1].start_ms - shown[0].start_ms >= 36 * FRAME_MS  # 36 pairs to load, one a frame


def test_the_re_cut_note_says_how_many_captions_the_file_holds(tmp_path: Path) -> None:
    """`cueline convert` said "188 cues" for an SCC that reads back as 285: the note now gives the file's count."""
    long = Cue(at(60), at(400), "A sentence far too long for two rows of thirty-two columns, which the CEA-608 "
                                "style cuts into more than one caption on the way")
    path = tmp_path / "long.scc"
    notes = write_file(Document(cues=(long, Cue(at(420), at(480), "Last"))), path).notes
    held = len(read_file(path).document.cues)
    assert held > 2
    assert notes[0] == f"1 cue re-cut with the CEA-608 style (32 columns, 2 rows): the file holds {held} captions"


def test_what_cannot_be_written_is_named() -> None:
    with pytest.raises(FormatError, match="cue 2: the character '日'"):
        export_scc([Cue(0, 1000, "fine"), Cue(2000, 3000, "日本")])
    with pytest.raises(FormatError, match="cue 1 needs 5 rows"):
        export_scc([Cue(0, 1000, "x" * (32 * 4 + 1))])


def test_roll_up_and_bad_words_are_refused_with_their_line(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="roll-up captions are not supported") as error:
        parse_scc("Scenarist_SCC V1.0\n\n00:00:01;00\t9425 9425 94ad 94ad c8e9\n")
    assert error.value.line == 3
    with pytest.raises(FormatError, match="not a byte pair") as error:
        parse_scc("Scenarist_SCC V1.0\n\n00:00:01;00\t94ae 94ae\n\n00:00:02;00\t94zz\n")
    assert error.value.line == 5


def test_sniffed_by_content(tmp_path: Path, exported: Path) -> None:
    (tmp_path / "captions.txt").write_text(exported.read_text())
    assert format_for_path(tmp_path / "captions.txt", exported.read_text()) is SCC


def test_a_caption_loaded_and_shown_in_one_line_appears_on_the_frame_of_end_of_caption() -> None:
    """How other tools write SCC: load, clear and show in one line; non-drop labels (HH:MM:SS:FF)."""
    text = "Scenarist_SCC V1.0\n\n00:00:02:05\t94ae 94ae 9420 9420 9470 9470 c8e9 942c 942c 942f 942f\n\n" \
           "00:00:04:00\t942c 942c\n"
    assert parse_scc(text) == [Cue(at(65 + 9), at(120), "Hi")]  # 942f is the line's tenth pair
