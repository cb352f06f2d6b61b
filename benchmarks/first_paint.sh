#!/usr/bin/env bash
# Time from starting `cueline FILE` to its first painted window, under Xvfb: the window counts as painted once
# its mean brightness is above a black window's. Prints the wall time, the editor's CPU time until then, and
# saves a screenshot of the window at that moment (SHOT) and of the screen 2 s later (SHOT without .png, -2s.png).
# Needs Xvfb, xdotool, xwd and ImageMagick's convert. Run from the repository:
#   benchmarks/first_paint.sh benchmarks/fixtures/long.transcript.txt /tmp/first-paint.png
set -u
file=$1 shot=$2 display_number=${3:-87}
brightness_painted=0.2  # a black window's mean is 0; the painted window's light panes make it about 0.7-0.8
Xvfb ":$display_number" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1  # Xvfb accepts clients within a second
DISPLAY=":$display_number" XDG_CONFIG_HOME=$(mktemp -d) XDG_DATA_HOME=$(mktemp -d) XDG_CACHE_HOME=$(mktemp -d)
export DISPLAY XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME  # fresh settings: no recent files, no recovery
start=$(date +%s.%N)
.venv/bin/python -m editor "$file" >/dev/null 2>&1 &
editor=$!
painted=""
for _ in $(seq 1 600); do  # 30 s at most
  window=$(xdotool search --onlyvisible --name "Cueline" 2>/dev/null | head -1)
  if [ -n "$window" ]; then
    mean=$(xwd -silent -id "$window" 2>/dev/null | convert xwd:- -format "%[fx:mean]" info: 2>/dev/null)
    if [ -n "$mean" ] && awk -v m="$mean" -v p="$brightness_painted" 'BEGIN{exit !(m > p)}'; then
      painted=$(echo "$(date +%s.%N) - $start" | bc)
      xwd -silent -id "$window" | convert xwd:- "$shot"
      cpu=$(awk '{print ($14 + $15) / 100}' "/proc/$editor/stat")
      echo "first painted window after ${painted} s wall, editor CPU ${cpu} s (mean brightness $mean)"
      break
    fi
  fi
  sleep 0.05
done
[ -z "$painted" ] && echo "no painted window within 30 s"
sleep 2
xwd -silent -root | convert xwd:- "${shot%.png}-2s.png"
kill "$editor"; wait "$editor" 2>/dev/null
kill "$xvfb"; wait "$xvfb" 2>/dev/null
