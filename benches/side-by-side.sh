#!/usr/bin/env bash
# The side-by-side speed benchmark of issue 8, one command:
#
#   benches/side-by-side.sh [ARTICLES…]     (default: 1000 10000 50000)
#
# 1. didOpen → publishDiagnostics for copydesk and harper-ls over the same
#    100 derStandard articles (installs harper-ls with `cargo install` when it
#    is missing; prints copydesk alone if that fails).
# 2. copydesk's cold-index time, RSS and hover/references latency on
#    archives of the given sizes, so the growth curve is visible.
#
# Needs ../shared/corpus/derstandard; the benches say so when it is absent.
set -uo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 50000)

if [ -z "${HARPER_LS:-}" ] && ! command -v harper-ls >/dev/null && [ ! -x "$HOME/.cargo/bin/harper-ls" ]; then
  echo "== installing harper-ls (cargo install harper-ls --locked)"
  cargo install harper-ls --locked --quiet || echo "harper-ls could not be installed; copydesk figures only"
fi

echo "== didOpen → publishDiagnostics, copydesk vs harper-ls"
cargo bench --quiet --bench side_by_side

echo "== copydesk on growing archives: ${sizes[*]} articles"
cargo bench --quiet --bench workspace -- "${sizes[@]}"
