#!/usr/bin/env bash
# The colour and glyph fallbacks on the real live dashboard (`khalatop` on
# the embedded devnet, issue 7): with NO_COLOR=1 the pane shows no colour
# escape, with TERM=xterm no more than the 8 basic colours, with --ascii no
# character outside ASCII (no box drawing, no blocks). A first frame with
# worker rows is enough for each; q then exits 0. A default run first shows
# that colour and box drawing are there without the fallbacks. A config.toml in a
# temporary $XDG_CONFIG_HOME sets the theme, which the screen must show.
# Prints the captures; non-zero on failure.
# Usage: scripts/tmux-dashboard-live-fallbacks.sh [path/to/khalatop]   (default: debug build)
set -u
BIN=${1:+$(realpath "$1")}
cd "$(dirname "$0")/.."
BIN=${BIN:-$(swift build --show-bin-path)/khalatop}
S=live-fallbacks
. scripts/lib/tmux.sh
TMP=$(mktemp -d)
mkdir -p "$TMP/config/khalatop"
printf '# from tmux-dashboard-live-fallbacks.sh\ntheme = "high-contrast"\n' > "$TMP/config/khalatop/config.toml"
log_tail() { echo "--- log"; tail -20 "$TMP/state/khalatop/khalatop.log" 2>/dev/null; }
FAIL_HOOK=log_tail
start_session 160 48

run_capture() { # env, args: start khalatop, wait for rows, capture with escapes, quit
  t send-keys -t "$S" "clear; env $1 XDG_CONFIG_HOME=$TMP/config XDG_STATE_HOME=$TMP/state $BIN $2 2> $TMP/stderr" Enter
  wait_for "sim-01" 60 || fail "no worker rows with $1 $2"
  sleep 0.3
  cap_escapes > "$TMP/cap"
  t send-keys -t "$S" q
  wait_for "khalatop: quit" 15 || fail "q did not exit with $1 $2"
  t send-keys -t "$S" "echo EXIT=\$?" Enter
  wait_for "EXIT=" 5 || fail "shell did not answer after $1 $2"
  cap | grep -q "EXIT=0" || fail "exit status not 0 with $1 $2"
  [ -s "$TMP/stderr" ] && fail "stderr not empty with $1 $2: $(head -3 "$TMP/stderr")"
  return 0
}

# Control: without the fallbacks the same screen has colour and box drawing (so the checks below can fail).
run_capture "-u NO_COLOR" ""
echo "=== default: colour SGR codes: [$(colour_sgrs "$TMP/cap")], lines with non-ASCII characters: $(non_ascii_lines "$TMP/cap")"
[ -n "$(colour_sgrs "$TMP/cap")" ] || fail "no colour in the default run"
[ "$(non_ascii_lines "$TMP/cap")" != 0 ] || fail "no box drawing in the default run"

run_capture "NO_COLOR=1" ""
echo "=== NO_COLOR=1: colour SGR codes: [$(colour_sgrs "$TMP/cap")]"; sed 's/\x1b\[[0-9;:]*m//g' "$TMP/cap" | head -8
[ -z "$(colour_sgrs "$TMP/cap")" ] || fail "colour escapes under NO_COLOR"
grep -q "theme high-contrast" "$TMP/cap" || fail "the theme from config.toml is not shown"

run_capture "TERM=xterm" ""
echo "=== TERM=xterm: colour SGR codes: [$(colour_sgrs "$TMP/cap")]"
[ -n "$(colour_sgrs "$TMP/cap")" ] || fail "no colour at all with TERM=xterm"
colour_sgrs "$TMP/cap" | grep -qE '(^| )(38|48|9[0-7]|10[0-7])( |$)' && fail "more than 8 colours with TERM=xterm"

run_capture "" "--ascii"
echo "=== --ascii: lines with non-ASCII characters: $(non_ascii_lines "$TMP/cap")"; sed 's/\x1b\[[0-9;:]*m//g' "$TMP/cap" | head -8
[ "$(non_ascii_lines "$TMP/cap")" = 0 ] || fail "non-ASCII characters in --ascii mode"

stop_session; rm -rf "$TMP"
echo "PASS"
