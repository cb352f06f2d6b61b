# Sourced by the benchmarks' make_fixtures.sh: the speech fixture tool needs numpy and scipy, kept in a venv of
# their own beside the fixtures so the product's venv stays as the lock made it. Sets OUT and PY.
OUT=benchmarks/fixtures
mkdir -p "$OUT"
if [ ! -x "$OUT/.venv-fixture/bin/python" ]; then
  python3 -m venv "$OUT/.venv-fixture"
  "$OUT/.venv-fixture/bin/pip" install -q numpy scipy
fi
PY="$OUT/.venv-fixture/bin/python"
