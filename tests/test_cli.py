"""The `cueline` command as a user runs it: files in, files out, exit codes, one-line errors."""

import json
import os
import subprocess
import sys

import pytest

from editor.cli import main
from editor.core.model import Cue, Document, Word
from editor.formats.registry import read_file, write_file
from editor.paths import sample_transcript_path

SEED = sample_transcript_path()


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_writes_srt_and_vtt_with_the_same_cues(tmp_path, capsys):
    assert run(capsys, "import", SEED, "-o", tmp_path / "seed.srt")[0] == 0
    assert run(capsys, "import", SEED, "-o", tmp_path / "seed.vtt")[0] == 0
    srt, vtt = read_file(tmp_path / "seed.srt").document, read_file(tmp_path / "seed.vtt").document
    assert len(srt.cues) == len(vtt.cues) > 100
    assert [c.text for c in srt.cues] == [c.text for c in vtt.cues]
    assert srt.cues[-1].end_ms <= 765_000


def test_import_honours_style_and_runtime(tmp_path, capsys):
    bare = tmp_path / "bare.txt"
    bare.write_text("We sat down with the secretary of state today. He said the support will be intense. " * 5)
    code, out, _ = run(capsys, "import", bare, "--runtime", "0:40", "--style", "cea608", "-o", tmp_path / "b.srt")
    assert code == 0 and "cues" in out
    cues = read_file(tmp_path / "b.srt").document.cues
    assert all(len(line) <= 32 for cue in cues for line in cue.lines)
    assert cues[-1].end_ms <= 40_000


def test_check_lists_issues_per_cue_and_passes_a_clean_import(tmp_path, capsys):
    run(capsys, "import", SEED, "-o", tmp_path / "seed.srt")
    code, out, err = run(capsys, "check", tmp_path / "seed.srt")
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith(f"{tmp_path / 'seed.srt'}:cue ") and ": warning: " in first
    assert "0 errors" in err


def test_check_exits_1_when_a_cue_breaks_a_hard_rule(tmp_path, capsys):
    bad = tmp_path / "long.srt"
    bad.write_text("1\n00:00:01,000 --> 00:00:05,000\n" + "word " * 12 + "\n\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", bad)
    assert code == 1
    assert f"{bad}:cue 1: error: line 1 has 59 characters" in out


def test_check_uses_the_chosen_style(tmp_path, capsys):
    cue = tmp_path / "cue.srt"
    cue.write_text("1\n00:00:01,000 --> 00:00:05,000\nthirty-five characters in this line\n\n", encoding="utf-8")
    assert run(capsys, "check", cue)[0] == 0
    assert run(capsys, "check", cue, "--style", "cea608")[0] == 1


def test_convert_keeps_every_cue(tmp_path, capsys):
    run(capsys, "import", SEED, "-o", tmp_path / "seed.srt")
    assert run(capsys, "convert", tmp_path / "seed.srt", tmp_path / "seed.vtt")[0] == 0
    assert read_file(tmp_path / "seed.vtt").document.cues == read_file(tmp_path / "seed.srt").document.cues


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["import", "missing.txt", "-o", "out.srt"], "missing.txt: file not found"),
        (["import", str(SEED), "-o", "out.docx"], "out.docx: cannot tell which format"),
        (["import", str(SEED), "--runtime", "12:99", "-o", "out.srt"], "--runtime"),
        (["check", "missing.srt"], "missing.srt: file not found"),
        (["imprt", "x"], "unknown command 'imprt'"),
    ],
)
def test_user_errors_print_one_message_and_exit_non_zero(tmp_path, capsys, monkeypatch, args, expected):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *args)
    assert code == 2
    assert expected in err
    assert "Traceback" not in err


def test_a_malformed_subtitle_is_reported_with_its_line(tmp_path, capsys):
    bad = tmp_path / "bad.srt"
    bad.write_text("1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\n00:00:0x,000 --> 00:00:03,000\nbad\n\n")
    for command in (["check", bad], ["convert", "--strict", bad, tmp_path / "out.vtt"]):
        code, _, err = run(capsys, *command)
        assert code == 2
        assert f"{bad}:6:" in err
    assert not (tmp_path / "out.vtt").exists()


def test_convert_skips_a_malformed_cue_with_a_warning_naming_its_line(tmp_path, capsys):
    bad = tmp_path / "bad.srt"
    bad.write_text("1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\n00:00:0x,000 --> 00:00:03,000\nbad\n\n")
    code, _, err = run(capsys, "convert", bad, tmp_path / "out.vtt")
    assert code == 0
    assert f"cueline: warning: {bad}:6: bad timing line" in err
    assert "hi" in (tmp_path / "out.vtt").read_text()


def test_a_transcript_without_runtime_needs_one(tmp_path, capsys):
    bare = tmp_path / "bare.txt"
    bare.write_text("Just a few words.")
    code, _, err = run(capsys, "import", bare, "-o", tmp_path / "out.srt")
    assert code == 2 and "no runtime" in err and str(bare) in err


def test_a_malformed_header_runtime_is_named_with_its_file_and_line(tmp_path, capsys):
    news = tmp_path / "news.txt"
    news.write_text("A title\n\n12:75 | 06/24/14\n\nTranscript for A title\n" + "Good evening. " * 30)
    code, _, err = run(capsys, "import", news, "-o", tmp_path / "out.srt")
    assert code == 2 and f"{news}:3: bad runtime in the header" in err
    assert not (tmp_path / "out.srt").exists()
    assert run(capsys, "import", news, "--runtime", "0:40", "-o", tmp_path / "out.srt")[0] == 0


def test_a_subtitle_file_is_not_taken_for_a_transcript(tmp_path, capsys):
    subtitles = tmp_path / "in.srt"
    subtitles.write_text("1\n00:00:01,000 --> 00:00:02,000\nhi\n\n")
    code, _, err = run(capsys, "import", subtitles, "-o", tmp_path / "out.vtt")
    assert code == 2 and "not a transcript" in err


@pytest.mark.parametrize("command", [[], ["import"], ["check"], ["convert"]])
def test_help_for_every_command(capsys, command):
    code, out, _ = run(capsys, *command, "--help")
    assert code == 0
    assert out.startswith("usage: cueline")


def test_the_installed_command_never_shows_a_traceback(tmp_path):
    bad = tmp_path / "bad.vtt"
    bad.write_bytes(b"\x00\x01binary")
    result = subprocess.run(
        [sys.executable, "-m", "editor", "check", str(bad)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr.startswith("cueline: error:") and str(bad) in result.stderr
    assert "Traceback" not in result.stderr


def test_a_listing_read_by_a_pager_that_stops_early_ends_quietly(tmp_path, capsys):
    """`cueline check FILE | head` (or quitting `less`): the reader going away is not an error to report."""
    captions = tmp_path / "seed.srt"
    assert run(capsys, "import", SEED, "-o", captions)[0] == 0
    listing = subprocess.Popen([sys.executable, "-m", "editor", "check", str(captions)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert listing.stdout is not None and listing.stderr is not None
    listing.stdout.close()  # the reader is gone before the first line
    errors = listing.stderr.read().decode()
    assert listing.wait(timeout=60) == 141  # as a shell reports cat or grep stopped by the closed pipe
    assert errors == ""


def test_check_counts_one_error_in_the_singular(tmp_path, capsys):
    subtitles = tmp_path / "one.srt"
    subtitles.write_text("1\n00:00:01,000 --> 00:00:04,000\nOne line\ntwo lines\nthree lines\n", encoding="utf-8")
    code, _out, err = run(capsys, "check", subtitles)
    assert code == 1 and err.strip().endswith("one.srt: 1 cue, 1 error, 0 warnings, 0 suspect words")


def test_a_suspect_over_a_line_break_is_listed_on_one_line(tmp_path, capsys):
    subtitles = tmp_path / "talks.srt"
    subtitles.write_text("1\n00:00:01,000 --> 00:00:04,000\nThe prime minister nori\nAl-Maliki said today\n",
                         encoding="utf-8")
    names = tmp_path / "names.txt"
    names.write_text("Nouri al-Maliki ~ nori\n", encoding="utf-8")
    _code, out, _err = run(capsys, "check", subtitles, "--glossary", names)
    assert f"{subtitles}:cue 1 at 00:01: “nori Al-Maliki” -> Nouri al-Maliki [suspect-word]" in out.splitlines()


def test_the_editor_without_a_display_says_so_in_a_sentence():
    environment = {name: value for name, value in os.environ.items()
                   if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "editor"], capture_output=True, text=True, timeout=60,
                            env=environment)
    assert result.returncode == 2
    assert result.stderr.startswith("cueline: error: no display to open the editor on")


def test_projects_go_in_and_out_like_subtitles(tmp_path, capsys):
    project = tmp_path / "seed.cueline"
    assert run(capsys, "import", SEED, "--style", "bbc", "-o", project)[0] == 0
    assert run(capsys, "convert", project, tmp_path / "seed.srt")[0] == 0
    assert len(read_file(tmp_path / "seed.srt").document.cues) > 100
    assert run(capsys, "check", project)[0] == 0


def test_a_project_is_checked_against_its_own_style(tmp_path, capsys):
    forty = Document(cues=(Cue(0, 4000, "x" * 40),), style_name="bbc")  # BBC allows 37 characters a line
    write_file(forty, tmp_path / "bbc.cueline")
    assert run(capsys, "check", tmp_path / "bbc.cueline")[0] == 1
    assert run(capsys, "convert", tmp_path / "bbc.cueline", tmp_path / "bbc.srt")[0] == 0
    assert run(capsys, "check", tmp_path / "bbc.srt")[0] == 0  # subtitles carry no style: streaming, 42


def test_import_warns_about_unresolved_gaps(tmp_path, capsys):
    _, _, err = run(capsys, "import", SEED, "-o", tmp_path / "seed.vtt")
    assert "58 unresolved `--` runs in 53 cues" in err


def test_convert_skips_a_malformed_webvtt_cue_like_a_browser_and_warns_with_its_line(tmp_path, capsys):
    vtt = tmp_path / "in.vtt"
    cues = "00:01.000 --> 00:02.000\none\n\n00:0x.000 --> 00:03.000\nbad\n\n00:04.000 --> 00:05.000\nthree\n"
    vtt.write_text("WEBVTT\n\n" + cues)
    code, _, err = run(capsys, "convert", vtt, tmp_path / "out.srt")
    assert code == 0
    assert f"warning: {vtt}:6:" in err
    assert (tmp_path / "out.srt").read_text().count("-->") == 2
    code, _, err = run(capsys, "convert", "--strict", vtt, tmp_path / "strict.srt")
    assert code == 2 and f"{vtt}:6:" in err
    assert not (tmp_path / "strict.srt").exists()


def test_check_skips_the_problems_a_project_ignores(tmp_path, capsys):
    from editor.core.model import IgnoredProblem

    gaps = Document(cues=(Cue(0, 2000, "we -- agree"), Cue(3000, 5000, "they -- left")))
    write_file(gaps, tmp_path / "gaps.cueline")
    assert run(capsys, "check", tmp_path / "gaps.cueline")[1].count("unresolved `--`") == 2
    ignoring = Document(cues=gaps.cues, ignored=(IgnoredProblem("unresolved-gap", "--", "they -- left"),))
    write_file(ignoring, tmp_path / "ignoring.cueline")
    out = run(capsys, "check", tmp_path / "ignoring.cueline")[1]
    assert out.count("unresolved `--`") == 1 and "cue 1:" in out


@pytest.mark.parametrize("command", ["import", "convert"])
def test_help_lists_every_extension_an_export_takes(capsys, command):
    code, out, _ = run(capsys, command, "--help")
    help_text = " ".join(out.split())
    assert code == 0
    for suffix in (".srt", ".vtt", ".ass", ".ssa", ".ttml", ".dfxp", ".xml", ".scc", ".sbv", ".txt", ".cueline"):
        assert suffix + "," in help_text or suffix + " " in help_text


@pytest.mark.parametrize(
    ("argv", "first_words"),
    [
        (["import", "talk.txt", "--runtime", "xx", "-o", "out.srt"], "cueline import: error: argument --runtime: "),
        (["convert"], "cueline convert: error: the following arguments are required: IN, OUT"),
        (["import", "talk.txt", "-o", "out.srt", "--gaps", "bogus"], "cueline import: error: argument --gaps: "),
        (["check"], "cueline check: error: the following arguments are required: file"),
    ],
)
def test_a_bad_argument_is_one_line_not_a_usage_block(capsys, argv, first_words):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith(first_words) and err.count("\n") == 1


def test_convert_reads_a_transcript_like_import(tmp_path, capsys):
    transcript = tmp_path / "talk.txt"
    transcript.write_text("Some words to caption here. And more words after them.\n")
    code, out, _ = run(capsys, "convert", transcript, tmp_path / "talk.srt", "--runtime", "0:30")
    assert code == 0 and "cues" in out
    assert "Some words" in (tmp_path / "talk.srt").read_text()


def test_a_zero_length_cue_is_read_with_a_warning_naming_its_input_line(tmp_path, capsys):
    source = tmp_path / "zero.srt"
    source.write_text("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> 00:00:03,000\nB\n")
    code, _, err = run(capsys, "convert", source, tmp_path / "out.srt")
    assert code == 0
    assert f"cueline: warning: {source}:6: the cue starts and ends at the same time" in err


def test_check_lists_each_problem_once_and_counts_it_once(tmp_path, capsys):
    words = (Word("Hello", 0, 500, 0.9), Word("there", 1000, 1000, 0.0), Word("world.", 1500, 2000, 0.9))
    project = tmp_path / "cut.cueline"
    write_file(Document(cues=(Cue(0, 3000, "Hello there world.", words),), runtime_ms=5000), project)
    code, out, err = run(capsys, "check", project, "--json")
    assert code == 0
    report = json.loads(out)
    assert [s["word"] for s in report["suspects"]] == ["there"] and report["issues"] == []
    assert err.strip().endswith("cut.cueline: 1 cue, 0 errors, 0 warnings, 1 suspect word")
    out = run(capsys, "check", project)[1]
    assert out.splitlines() == [f"{project}:cue 1 at 00:01: “there” [unheard]"]
