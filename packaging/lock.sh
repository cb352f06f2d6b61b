#!/usr/bin/env bash
# Regenerates requirements.lock, the one hash-pinned lock that ./dev.sh and every installer build install with
# `pip install --require-hashes`: the app's dependencies, the test tools and the freezing tools, for every
# platform and Python the project supports (a universal lock: Windows and macOS builds use it too).
#   packaging/lock.sh            # after changing the dependencies in pyproject.toml
#   packaging/lock.sh --upgrade  # move every pin to the newest release the ranges allow
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.9
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
python3 -m venv "$tools"
"$tools/bin/python" -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
"$tools/bin/uv" pip compile pyproject.toml --universal --generate-hashes --extra test --extra build \
  --custom-compile-command packaging/lock.sh --no-config -q -o requirements.lock "$@"
echo "requirements.lock: $(grep -c '^[a-zA-Z]' requirements.lock) pins"
