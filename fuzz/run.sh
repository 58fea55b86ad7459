#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60) on the stable
# toolchain (cargo-fuzz without sanitizers, `-s none`). Installs cargo-fuzz
# when it is missing. A crash leaves its input in fuzz/artifacts/<target>/
# and makes the script exit 1; turn each one into a regression test.
#
#   fuzz/run.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyze edits config markdown)
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked --quiet
cargo fuzz build -s none
status=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  echo "== fuzz $t for ${secs}s"
  if ! cargo fuzz run -s none "$t" "corpus/$t" -- -max_total_time="$secs" -max_len=8192 -print_final_stats=1 2>&1 \
      | grep -E "Done [0-9]+ runs|stat::number_of_executed_units|panicked|ERROR|SUMMARY|Test unit written"; then
    :
  fi
  if ls "artifacts/$t"/crash-* >/dev/null 2>&1; then
    echo "fuzz $t: CRASH (see fuzz/artifacts/$t)"
    status=1
  fi
done
exit $status
