#!/usr/bin/env bash
# The real-speech benchmark's control: real-a's transcript read by flite's slt at its natural rate (72 s), so
# run_real.py --programmes real-a-slt tells what the real voices change from what the text does.
#   benchmarks/proofing/make_real_control.sh [TOOL_DIR]     (after benchmarks/autosync/make_fixtures.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOL=${1:-/work/shared/tools/speech_fixture}
. benchmarks/fixture_python.sh
[ -f "$OUT/real-a-slt.wav" ] || "$PY" "$TOOL/make_fixture.py" --transcript "$OUT/real-a.transcript.txt" \
  --voice flite:slt --seed 1 --target 72 --out "$OUT/real-a-slt"
