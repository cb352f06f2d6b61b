"""Rebuild en_GB.txt and en_US.txt, the words a Hunspell dictionary accepts that pyspellchecker does not, and
names.txt, the words of pyspellchecker's list that Hunspell's en_US dictionary knows with a capital.

Run by hand (not at install or run time) when the dictionaries move:
    apt-get download hunspell-en-gb hunspell-en-us && dpkg-deb -x hunspell-en-gb_*.deb x && dpkg-deb -x ...
    pip install spylls   # MPL-2.0, only for this script
    python resources/dictionaries/make_lists.py x/usr/share/hunspell
Each stem of the .dic file is tried with the common endings; the forms the Hunspell dictionary accepts and
pyspellchecker lacks are kept, one a line, lower case. For names.txt, each capitalised stem and its plural
(flag S) that pyspellchecker knows is kept, lower case ("london", "americans", "turkey": a name too).
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


def _with_plural(stem: str, flags: str) -> set[str]:
    """The stem and, with Hunspell's plural flag S, its plural by en_US.aff's four rules."""
    if "S" not in flags:
        return {stem}
    if re.search(r"[^aeiou]y$", stem):
        return {stem, stem[:-1] + "ies"}
    return {stem, stem + ("es" if re.search(r"[sxzh]$", stem) else "s")}


def name_words(folder: Path, known: SpellChecker) -> list[str]:
    lines = (folder / "en_US.dic").read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    stems = [(stem, flags) for stem, _, flags in (line.partition("/") for line in lines)]
    capitalised = {form.lower() for stem, flags in stems if re.fullmatch(r"[A-Z][A-Za-z']*", stem)
                   for form in _with_plural(stem, flags)}
    return sorted(word for word in capitalised if known.known([word]))


def main() -> None:
    folder, known = Path(sys.argv[1]), SpellChecker(language="en", distance=1)
    for language in ("en_GB", "en_US"):
        words = extra_words(folder, language, known)
        (HERE / f"{language}.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
        print(language, len(words))
    names = name_words(folder, known)
    (HERE / "names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    print("names", len(names))


if __name__ == "__main__":
    main()
