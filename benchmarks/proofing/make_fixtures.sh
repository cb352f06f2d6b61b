#!/usr/bin/env bash
# Makes the proofing benchmark's audio with ../shared/tools/speech_fixture (numpy + scipy go into a private
# venv under benchmarks/fixtures, not into Cueline):
#   benchmarks/proofing/make_fixtures.sh [TOOL_DIR]
# Writes benchmarks/fixtures/proofing-<voice>.{wav,truth.json} (the sample, its audio speaking the right forms
# of sample_garbles.json) and proofing-<text>-<voice>.* for the texts of texts/ (spoken as written; the
# benchmark garbles their transcripts afterwards, so the audio does not say the garbles).
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOL=${1:-/work/shared/tools/speech_fixture}
SAMPLE=resources/samples/abc-news-2014-06-24-transcript.txt
. benchmarks/fixture_python.sh
FIXES="$OUT/proofing-spoken-fixes.json"
# The synthesizers spell capitals out ("I S I S"): speak names as a reader would say them.
"$PY" - benchmarks/proofing/sample_garbles.json "$FIXES" <<'PYTHON'
import json, sys
SAY = {"ISIS": "Isis", "ISIL": "eye sill", "Nouri": "Noori", "McGurk": "Mick Gurk", "Marquardt": "Markwart"}
garbles = json.load(open(sys.argv[1]))
entries = [dict(g, right=SAY.get(g["right"], g["right"])) for g in garbles["garbled"] + garbles["spoken_only"]]
json.dump({"garbled": entries}, open(sys.argv[2], "w"), indent=1)
PYTHON
make() { [ -f "$OUT/$1.truth.json" ] || "$PY" "$TOOL/make_fixture.py" --out "$OUT/$1" "${@:2}"; }
make proofing-slt --transcript "$SAMPLE" --voice flite:slt --seed 1 --spoken-fixes "$FIXES"
make proofing-kal --transcript "$SAMPLE" --voice flite:kal16 --seed 4 --spoken-fixes "$FIXES"
make proofing-rms --transcript "$SAMPLE" --voice flite:rms --seed 5 --spoken-fixes "$FIXES"
for text in benchmarks/proofing/texts/*.txt; do
  name=$(basename "$text" .txt)
  make "proofing-$name-slt" --transcript "$text" --voice flite:slt --seed 1
  make "proofing-$name-kal" --transcript "$text" --voice flite:kal16 --seed 4
done
