"""Writes the malformed and oddly encoded subtitle corpus and its expected.json (kept in git as made)."""
import codecs, json, os
from pathlib import Path
D = Path(__file__).resolve().parent / 'corpus'  # run this file to regenerate
def srt(texts, start=1):
    out = []
    for i, t in enumerate(texts):
        s = i * 2 + 1
        out.append(f"{i+1}\n00:00:{s:02d},000 --> 00:00:{s+1:02d},500\n{t}\n")
    return "\n".join(out) + "\n"
def vtt(texts):
    out = ["WEBVTT\n"]
    for i, t in enumerate(texts):
        s = i * 2 + 1
        out.append(f"00:00:{s:02d}.000 --> 00:00:{s+1:02d}.500\n{t}\n")
    return "\n".join(out)
exp = {}
def ok(name, data, texts):
    (D/name).write_bytes(data); exp[name] = {"cues": len(texts), "texts": texts}
def err(name, data, message, line):
    (D/name).write_bytes(data); exp[name] = {"error": message, "line": line}

EN = ["José said “hello” — it’s fine.", "Second line\nwith two rows"]
ok("utf8-bom.srt", codecs.BOM_UTF8 + srt(EN).encode(), EN)
ok("utf16le-bom.srt", codecs.BOM_UTF16_LE + srt(EN).encode("utf-16-le"), EN)
ok("utf16be-bom.srt", codecs.BOM_UTF16_BE + srt(EN).encode("utf-16-be"), EN)
ok("utf16le-no-bom.srt", srt(EN).encode("utf-16-le"), EN)
ok("crlf.srt", srt(EN).replace("\n", "\r\n").encode(), EN)
ok("cr-only.srt", srt(EN).replace("\n", "\r").encode(), EN)
mixed = srt(EN).replace("\n", "\r\n", 3)
ok("mixed-line-ends.srt", mixed.encode(), EN)
CP = ["“Don’t go,” she whispered…", "It costs €5 – really."]
ok("cp1252-curly-quotes.srt", srt(CP).encode("cp1252"), CP)
LA = ["José Müller and François Ørsted", "met Zoë at the café in Zürich."]
ok("latin1-accented-names.srt", srt(LA).encode("latin-1"), LA)
JA = ["こんにちは、世界。", "今日はいい天気ですね。"]
ok("shift-jis.srt", srt(JA).encode("shift_jis"), JA)
RU = ["Привет, как дела?", "Всё хорошо, спасибо."]
ok("cp1251-russian.srt", srt(RU).encode("cp1251"), RU)
ok("utf8-bom-crlf.vtt", codecs.BOM_UTF8 + vtt(EN).replace("\n", "\r\n").encode(), EN)
ok("utf16le-bom.vtt", codecs.BOM_UTF16_LE + vtt(EN).encode("utf-16-le"), EN)
ok("no-cue-numbers.srt", "00:00:01,000 --> 00:00:02,500\nA\n\n00:00:03,000 --> 00:00:04,500\nB\n".encode(), ["A", "B"])
ok("missing-blank-line.srt", "1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n3\n00:00:05,000 --> 00:00:06,000\nC\n".encode(), ["A", "B", "C"])
ok("extra-blank-lines-and-spaces.srt", "\n\n1\n00:00:01,000 --> 00:00:02,000  \nA  \n \n\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n\n\n".encode(), ["A", "B"])
ok("nul-in-text.srt", "1\n00:00:01,000 --> 00:00:02,000\nA\x00B\n".encode(), ["A\ufffdB"])
ok("coordinates.srt", "1\n00:00:01,000 --> 00:00:02,000 X1:100 X2:200 Y1:10 Y2:20\nA\n".encode(), ["A"])
ok("empty.srt", b"", [])
ok("vtt-notes-styles-bom.vtt", codecs.BOM_UTF8 + "WEBVTT Kind: captions\r\n\r\nSTYLE\r\n::cue { color: yellow }\r\n\r\nNOTE made by hand\r\n\r\n1\r\n00:01.000 --> 00:02.000 align:start\r\n<v Ann>Tom &amp; Jerry\r\n".encode(), ["<v Ann>Tom & Jerry"])
err("empty.vtt", b"", "not a WebVTT file", 1)
err("binary-junk.srt", bytes(range(256)) * 16, "binary file", 1)
err("random-bytes.srt", bytes((i * 97 + 13) % 251 for i in range(3000)) + b"\x00", "binary file", 1)
err("truncated-cue.srt", srt(["A", "B"]).encode() + b"3\n00:00:0", "bad timing line", 10)
err("truncated-after-number.srt", srt(["A", "B"]).encode() + b"3\n", "cue 3 has no timing line", 9)
err("bad-timestamp.srt", "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> 00:00:04:000\nB\n".encode(), "bad timing line", 6)
err("end-before-start.srt", "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:09,000 --> 00:00:04,000\nB\n".encode(), "ends before it starts", 6)
err("words-without-timing.srt", "Just a transcript,\nno timings at all.\n".encode(), "expected a cue number", 1)
err("utf8-bom-then-invalid.srt", codecs.BOM_UTF8 + b"1\n00:00:01,000 --> 00:00:02,000\nbad \xff byte\n", "invalid UTF-8", 3)
err("vtt-comma-timestamp.vtt", "WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nA\n".encode(), "malformed timing line", 3)
err("vtt-missing-header.vtt", "00:00:01.000 --> 00:00:02.000\nA\n".encode(), "not a WebVTT file", 1)
err("vtt-lowercase-header.vtt", "webvtt\n\n00:00:01.000 --> 00:00:02.000\nA\n".encode(), "not a WebVTT file", 1)
err("vtt-end-before-start.vtt", vtt(["A"]).encode() + b"\n00:00:09.000 --> 00:00:05.000\nB\n", "ends before it starts", 6)
err("vtt-missing-blank-line.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n00:00:03.000 --> 00:00:04.000\nB\n".encode(), "blank line is missing", 5)
err("vtt-stray-text.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\nforgotten words\n\n00:00:03.000 --> 00:00:04.000\nB\n".encode(), "without a timing line", 6)
err("vtt-hours-without-minutes.vtt", "WEBVTT\n\n1:2.000 --> 00:03.000\nA\n".encode(), "malformed timing line", 3)
(D/'expected.json').write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(exp))
