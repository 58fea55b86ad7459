#!/usr/bin/env bash
# Headless Neovim end-to-end tests of the copydesk plugin with the real server.
#
#   editors/nvim/test/run.sh [SERVER]      SERVER: path of the copydesk binary
#                                          (default: $COPYDESK_SERVER, else target/debug/copydesk)
#   NVIM=/path/to/nvim                     Neovim to test with (default: nvim on PATH)
#   COPYDESK_E2E_ENTITIES=1                also check entity hover / definition / :CopydeskEntities
#
# Prints one line per step and "nvim <version>: N passed, N failed"; exits non-zero on any failure.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="$(cd "$here/../.." && pwd)"
server="${1:-${COPYDESK_SERVER:-$repo/target/debug/copydesk}}"
nvim="${NVIM:-nvim}"
if [ ! -x "$server" ]; then
  echo "run.sh: no copydesk binary at $server (build it with cargo build, or pass its path)" >&2
  exit 2
fi
if ! command -v "$nvim" >/dev/null 2>&1; then
  echo "run.sh: Neovim not found ($nvim); apt-get install -y neovim" >&2
  exit 2
fi
server="$(cd "$(dirname "$server")" && pwd)/$(basename "$server")"
version="$("$nvim" --version | head -n1)"
echo "# $version, server $server"

passed=0
failed=0
skipped=0
for t in e2e entities_unit missing crash native; do
  echo "# $t"
  log="$(mktemp)"
  COPYDESK_NVIM_DIR="$here" COPYDESK_SERVER="$server" timeout 180 \
    "$nvim" --headless -u NONE -i NONE -n --cmd "set rtp^=$here" --cmd "filetype on" \
    -c "luafile $here/test/$t.lua" </dev/null >"$log" 2>"$log.err"
  status=$?
  cat "$log"
  p=$(grep '^ok ' "$log" | grep -vc '# SKIP')
  s=$(grep -c '^ok .*# SKIP' "$log")
  f=$(grep -c '^not ok ' "$log")
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "not ok - $t.lua exited with status $status"
    sed 's/^/  stderr: /' "$log.err" | tail -n 20
    f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
  rm -f "$log" "$log.err"
done
echo "nvim-$("$nvim" --version | head -n1 | sed 's/^NVIM v//'): $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
