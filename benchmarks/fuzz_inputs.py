"""Hostile inputs for every reader: structure-aware files per format, two mutators, and a cue census.

Each generated file is written by a small format-aware builder with hostile pieces (huge numbers, zero rates,
deep nesting, odd keywords, markup and bidi controls in text) and then mutated by one of two mutators:
`lines` edits the structure (drop, duplicate or swap lines, remove blank lines, swap a number for a hostile
one, change a keyword's case), `bytes` edits raw characters (flip, insert, delete, splice two inputs).

`candidate_cues` is the census a silent-drop check needs: how many cues the raw text looks like it holds,
counted with loose patterns that share no code with the readers.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

HOSTILE_TEXT = (
    "plain words", "<b>bold</b> <font color=red>red</font>", "<img src='/dev/zero'>", "<table><tr><td>x</table>",
    "a --> b", "{\\i1}brace{\\i0}", "\u202eevil\u202c", "x\u200fy", "José “quotes”", "<i>open", "& &amp; &lt;",
    "\t tab \t", "9" * 60, "<v Ann>voice</v>", "line\nsecond line", "-- gap --", "\\N\\n\\h",
)
HOSTILE_NUMBERS = ("0", "-1", "00", "9" * 5000, "1e9", "4294967296", "", " ", "１", "0x10", "99:99")
SCC_WORDS = ("94ae", "9420", "c8e9", "942f", "94ad", "942c", "91b0", "8080", "1370", "9425", "zz")
SCC_WEIGHTS = (10, 10, 30, 10, 5, 5, 5, 5, 5, 1, 1)


def _time(rng: random.Random, separator: str, hour_digits: int = 2) -> str:
    ms = rng.randrange(0, 36_000_000)
    seconds, millis = divmod(ms, 1000)
    hours, rest = divmod(seconds, 3600)
    return f"{hours:0{hour_digits}d}:{rest // 60:02d}:{rest % 60:02d}{separator}{millis:03d}"


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(HOSTILE_TEXT) for _ in range(rng.randint(0, 3)))


def srt(rng: random.Random) -> str:
    blocks = [f"{n}\n{_time(rng, ',')} --> {_time(rng, ',')}\n{_text(rng)}\n" for n in range(1, rng.randint(1, 12))]
    return "\n".join(blocks)


def vtt(rng: random.Random) -> str:
    blocks = [f"{_time(rng, '.')} --> {_time(rng, '.')} align:start\n{_text(rng)}\n" for _ in range(rng.randint(1, 12))]
    preamble = rng.choice(["WEBVTT\n", "WEBVTT\n\nSTYLE\n::cue { color: red }\n", "WEBVTT - x\n\nNOTE hi\n"])
    return preamble + "\n" + "\n".join(blocks)


def sbv(rng: random.Random) -> str:
    blocks = [f"{_time(rng, '.', 1)},{_time(rng, '.', 1)}\n{_text(rng)}\n" for _ in range(rng.randint(1, 12))]
    return "\n".join(blocks)


def ass(rng: random.Random) -> str:
    style = rng.choices(["Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,"
                         "2,10,10,10,1", "Default,Arial,20,,,,,0,0,0,0,100,100,0,0,1,2,2,2,10,10,10,1", "Default"],
                        weights=[8, 1, 1])[0]
    lines = ["[Script Info]", "ScriptType: v4.00+", "", "[V4+ Styles]",
             "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, "
             "Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, "
             "Alignment, MarginL, MarginR, MarginV, Encoding", f"Style: {style}", "", "[Events]",
             "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text"]
    for _ in range(rng.randint(1, 12)):
        keyword = rng.choice(["Dialogue:", "Dialogue:", "Comment:", "DIALOGUE:", "Dialogue :"])
        text = _text(rng).replace("\n", "\\N")
        lines.append(f"{keyword} 0,{_time(rng, '.', 1)[:-1]},{_time(rng, '.', 1)[:-1]},Default,,0,0,0,,{text}")
    return "\n".join(lines) + "\n"


def ttml(rng: random.Random) -> str:
    parameters = rng.choices(['', 'ttp:frameRate="25"', 'ttp:frameRate="0"', 'ttp:tickRate="0"',
                              'ttp:frameRateMultiplier="1 0"', 'ttp:tickRate="10000000"', 'ttp:frameRate="x"'],
                             weights=[8, 4, 1, 1, 1, 4, 1])[0]
    depth = rng.choice([1, 1, 2, 50, 1200])
    paragraphs = "".join(
        f'<p begin="{rng.choice([_time(rng, "."), str(rng.randint(0, 99)) + "s", "10f", "5t"])}" '
        f'end="{_time(rng, ".")}" style="s0">{_escape(_text(rng))}<br/>{"<span>" * depth}x{"</span>" * depth}</p>'
        for _ in range(rng.randint(1, 8)))
    styles = "".join(f'<style xml:id="s{i}" style="s{i + 1}"/>' for i in range(rng.choice([1, 3, 1500])))
    return (f'<?xml version="1.0"?>\n<tt xmlns="http://www.w3.org/ns/ttml" '
            f'xmlns:ttp="http://www.w3.org/ns/ttml#parameter" {parameters}>\n<head><styling>{styles}</styling></head>'
            f'\n<body>{"<div>" * depth}\n{paragraphs}\n{"</div>" * depth}</body></tt>\n')


def scc(rng: random.Random) -> str:
    lines = ["Scenarist_SCC V1.0", ""]
    frame = 0
    for _ in range(rng.randint(1, 8)):
        frame += rng.randint(1, 300)
        seconds, frames = divmod(frame, 30)
        words = " ".join(rng.choices(SCC_WORDS, weights=SCC_WEIGHTS)[0] for _ in range(rng.randint(1, 12)))
        lines += [f"00:{seconds // 60:02d}:{seconds % 60:02d};{frames:02d}\t{words}", ""]
    return "\n".join(lines)


def transcript(rng: random.Random) -> str:
    header = rng.choice(["", "Title\nSummary line\n12:34 | 1/2/2024\nTranscript for Title\n", "99:99\n"])
    body = " ".join(rng.choice(["word", "--", ".", "a--b", "—", "\u202e", "Mr.", "..."]) for _ in range(200))
    return header + body + "\n"


GENERATORS: dict[str, Callable[[random.Random], str]] = {
    ".srt": srt, ".vtt": vtt, ".sbv": sbv, ".ass": ass, ".ttml": ttml, ".scc": scc, ".txt": transcript,
}


def mutate_lines(text: str, rng: random.Random, other: str) -> str:
    """Structure-aware edits: lines dropped, doubled, swapped or joined; numbers and keywords made hostile."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        index = rng.randrange(len(lines))
        action = rng.randrange(7)
        if action == 0 and len(lines) > 1:
            del lines[index]
        elif action == 1:
            lines.insert(index, lines[index])
        elif action == 2:
            other_index = rng.randrange(len(lines))
            lines[index], lines[other_index] = lines[other_index], lines[index]
        elif action == 3:
            lines = ([line for line in lines if line.strip()] or [""]) if rng.random() < 0.5 else lines
        elif action == 4:
            lines[index] = re.sub(r"\d+", lambda _: rng.choice(HOSTILE_NUMBERS), lines[index], count=1)
        elif action == 5:
            lines[index] = rng.choice([str.upper, str.lower, lambda s: s.replace(":", " :", 1),
                                       lambda s: s + "\t", lambda s: s + " --> 00:00:01,000"])(lines[index])
        else:
            lines.insert(index, rng.choice(other.split("\n")))
    return "\n".join(lines)


def mutate_bytes(text: str, rng: random.Random, other: str) -> str:
    """Raw edits: characters flipped, inserted or deleted, and splices of two inputs."""
    characters = list(text)
    for _ in range(rng.randint(1, 8)):
        index = rng.randrange(len(characters) + 1)
        action = rng.randrange(4)
        if action == 0 and index < len(characters):
            characters[index] = chr(rng.choice([0, 9, 10, 13, 32, 45, 60, 62, 123, 0x202E, 0xFEFF, rng.randrange(128)]))
        elif action == 1:
            characters.insert(index, rng.choice(["-->", "<", "</div>", "{", ":", ",", "\n\n", "\r", "&#0;", "]"]))
        elif action == 2:
            del characters[index : index + rng.randint(1, 20)]
        else:
            cut = rng.randrange(len(other) + 1)
            characters[index:] = list(other[cut:]) if rng.random() < 0.2 else characters[index:]
    return "".join(characters)


MUTATORS: dict[str, Callable[[str, random.Random, str], str]] = {"lines": mutate_lines, "bytes": mutate_bytes}

_CENSUS: dict[str, re.Pattern[str]] = {
    ".srt": re.compile(r"^[ \t]*\d+:\d+:\d+[,.]\d+[ \t]*-->[ \t]*\d+:\d+:\d+[,.]\d+", re.MULTILINE),
    ".vtt": re.compile(r"^[^\n]*-->", re.MULTILINE),
    ".sbv": re.compile(r"^[ \t]*\d+:\d+:\d+\.\d+[ \t]*,[ \t]*\d+:\d+:\d+\.\d+[ \t]*$", re.MULTILINE),
    ".ass": re.compile(r"^[ \t]*dialogue[ \t]*:", re.MULTILINE | re.IGNORECASE),
    ".ttml": re.compile(r"<(?:[\w.-]+:)?p[\s>/]"),
}


def candidate_cues(suffix: str, text: str) -> int | None:
    """How many cues the text looks like it holds; None where no loose pattern can tell (SCC, transcripts)."""
    pattern = _CENSUS.get(suffix)
    if pattern is None:
        return None
    if suffix == ".ttml":
        text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    if suffix == ".vtt":
        text = text.partition("\n")[2]  # the WEBVTT signature line is never a cue (its text is kept as the header)
    return len(pattern.findall(text))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
