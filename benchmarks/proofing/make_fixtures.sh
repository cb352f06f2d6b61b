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
# Tune voices (the thresholds were chosen on these): slt and kal (flite's kal16).
# Held-out voices (never tuned on): rms, awb, kal8 (flite's 8 kHz kal diphone voice), espeak-ng en (British), and
# two added after every threshold was set: a four-voice flite mix and espeak-ng's Scottish English.
# Fresh held-out voices (made before the garbles2 work changed anything, measured once at its end): espeak-ng
# received pronunciation, Caribbean English with noise, West Midlands with pauses inside sentences, a female US
# variant (+f3), and flite rms with noise and pauses inside sentences.
# Tune voices added by garbles4 (made before its changes, tuned on with slt, kal and us, while the fourteen
# voices above were measured only at its start and end): espeak-ng en-us+m2 with 14 dB noise, received
# pronunciation with pauses inside sentences, flite awb with 12 dB noise, Lancashire with 15 dB noise and pauses.
voice_of() {
  case $1 in
    slt) echo "flite:slt 1" ;; kal) echo "flite:kal16 4" ;; rms) echo "flite:rms 5" ;; awb) echo "flite:awb 6" ;;
    kal8) echo "flite:kal 8" ;; us) echo "espeak:en-us 9" ;; gb) echo "espeak:en 10" ;;
    mix) echo "flite-mix 11" ;; scot) echo "espeak:en-gb-scotland 12" ;;
    rp) echo "espeak:en-gb-x-rp 21" ;; car) echo "espeak:en-029 22 --snr 20" ;;
    wmd) echo "espeak:en-gb-x-gbcwmd 23 --phrase-split 0.08" ;; f3) echo "espeak:en-us+f3 24" ;;
    rmsn) echo "flite:rms 25 --snr 15 --phrase-split 0.08" ;;
    usm2n) echo "espeak:en-us+m2 31 --snr 14" ;; rpp) echo "espeak:en-gb-x-rp 32 --phrase-split 0.08" ;;
    awbn) echo "flite:awb 33 --snr 12" ;; lann) echo "espeak:en-gb-x-gbclan 34 --snr 15 --phrase-split 0.08" ;;
  esac
}
for key in slt kal rms awb kal8 us gb mix scot rp car wmd f3 rmsn usm2n rpp awbn lann; do
  read -r voice seed extra <<<"$(voice_of "$key")"
  # shellcheck disable=SC2086  # extra holds options, split on purpose
  make "proofing-$key" --transcript "$SAMPLE" --voice "$voice" --seed "$seed" $extra --spoken-fixes "$FIXES"
done
for text in benchmarks/proofing/texts/*.txt; do
  name=$(basename "$text" .txt)
  for key in slt kal awb us rp car rmsn; do
    read -r voice seed extra <<<"$(voice_of "$key")"
    # shellcheck disable=SC2086
    make "proofing-$name-$key" --transcript "$text" --voice "$voice" --seed "$seed" $extra
  done
done
