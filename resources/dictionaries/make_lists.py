"""Rebuild en_GB.txt and en_US.txt: the words a Hunspell dictionary accepts that pyspellchecker does not.

Run by hand (not at install or run time) when the dictionaries move:
    apt-get download hunspell-en-gb hunspell-en-us && dpkg-deb -x hunspell-en-gb_*.deb x && dpkg-deb -x ...
    pip install spylls   # MPL-2.0, only for this script
    python resources/dictionaries/make_lists.py x/usr/share/hunspell
Each stem of the .dic file is tried with the common endings; the forms the Hunspell dictionary accepts and
pyspellchecker lacks are kept, one a line, lower case.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from spellchecker import SpellChecker
from spylls.hunspell import Dictionary

ENDINGS = ("", "s", "'s", "es", "d", "ed", "ing", "er", "ers", "ly", "ation", "ations", "ment", "ments")
HERE = Path(__file__).resolve().parent


def extra_words(folder: Path, language: str, known: SpellChecker) -> list[str]:
    hunspell = Dictionary.from_files(str(folder / language))
    lines = (folder / f"{language}.dic").read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    stems = {line.split("/", 1)[0] for line in lines if line and not line[0].isupper()}
    found: set[str] = set()
    for stem in stems:
        if not re.fullmatch(r"[a-z][a-z']*", stem):
            continue
        base = stem[:-1] if stem.endswith("e") else stem
        for form in {stem + ending for ending in ENDINGS} | {base + ending for ending in ("ed", "ing")}:
            if not known.known([form]) and hunspell.lookup(form):
                found.add(form)
    return sorted(found)


def main() -> None:
    folder, known = Path(sys.argv[1]), SpellChecker(language="en", distance=1)
    for language in ("en_GB", "en_US"):
        words = extra_words(folder, language, known)
        (HERE / f"{language}.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
        print(language, len(words))


if __name__ == "__main__":
    main()
