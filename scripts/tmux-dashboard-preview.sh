#!/usr/bin/env bash
# Drive `khalatop dashboard-preview` (the Dashboard on a scripted fleet) in a
# real terminal (tmux) as a user would: rows appear, ? shows help, Esc, a
# filter, problems only, the detail view, resizes down to 20x5 and back, a
# theme change, q exits 0 and leaves the terminal sane; then the NO_COLOR,
# TERM=xterm and --ascii fallbacks. Prints the captures; non-zero on failure.
# Usage: scripts/tmux-dashboard-preview.sh [path/to/khalatop]   (default: debug build)
set -u
BIN=${1:+$(realpath "$1")}
cd "$(dirname "$0")/.."
BIN=${BIN:-$(swift build --show-bin-path)/khalatop}
S=dash-preview
. scripts/lib/tmux.sh
start_session 120 40
t send-keys -t "$S" "stty -g > /tmp/$S-$$.before; $BIN dashboard-preview --workers 40 --block-ms 2000" Enter
wait_for "rig-01" 20 || fail "no worker rows"
cap | grep -q "SIMULATED DATA" || fail "no simulated-data banner"
echo "=== 120x40"; cap
t send-keys -t "$S" '?'; wait_for "Keys (Esc closes)" 3 || fail "? did not show help"
t send-keys -t "$S" Escape; sleep 0.3
cap | grep -q "Keys (Esc closes)" && fail "Esc did not close help"
t send-keys -t "$S" '/'; t send-keys -t "$S" -l 'state=unresponsive'; t send-keys -t "$S" Enter
wait_for "filter: state=unresponsive" 3 || fail "filter not applied"
ROWS=$(cap | grep -cP '^│[▶↓↑ ] \S+ +(\d+|-) (computing|ready|cooling down|no session) ')
[ "$ROWS" = 0 ] || fail "rows other than unresponsive after the filter ($ROWS)"
cap | grep -q "unresponsive down" || fail "the unresponsive row is gone"
echo "=== filtered"; cap | head -8
t send-keys -t "$S" p; wait_for "problems only" 3 || fail "p did not toggle problems only"
t send-keys -t "$S" Enter; wait_for "(Esc closes)" 3 || fail "Enter did not open the detail view"
echo "=== detail"; cap | head -12
t send-keys -t "$S" Escape; sleep 0.3
t resize-window -t "$S" -x 80 -y 24; sleep 0.6
echo "=== 80x24"; cap
cap | grep -q "Penalty risk" || fail "no stacked layout at 80x24"
t resize-window -t "$S" -x 20 -y 5; sleep 0.6
echo "=== 20x5"; cap
cap | head -1 | grep -qE '^#[0-9]+' || fail "no summary line at 20x5"
t resize-window -t "$S" -x 1 -y 1; sleep 0.3
t resize-window -t "$S" -x 120 -y 40; sleep 0.6
cap | grep -q "Registration" || fail "no full layout back at 120x40"
t send-keys -t "$S" t; wait_for "theme light" 3 || fail "t did not change the theme"
quit_and_check_terminal "dashboard-preview: quit" 5 "/tmp/$S-$$.before"

run_capture() { # env, args
  t send-keys -t "$S" "clear; env $1 $BIN dashboard-preview $2" Enter
  wait_for "rig-01" 20 || fail "no rows with $1 $2"
  sleep 0.3
  cap_escapes > "/tmp/$S-$$.cap"
  t send-keys -t "$S" q; wait_for "dashboard-preview: quit" 5 || fail "q with $1 $2"
}
run_capture "NO_COLOR=1" ""
echo "=== NO_COLOR=1: colour SGR codes: [$(colour_sgrs "/tmp/$S-$$.cap")]"
[ -z "$(colour_sgrs "/tmp/$S-$$.cap")" ] || fail "colour escapes under NO_COLOR"
run_capture "TERM=xterm" ""
echo "=== TERM=xterm: colour SGR codes: [$(colour_sgrs "/tmp/$S-$$.cap")]"
colour_sgrs "/tmp/$S-$$.cap" | grep -qE '(^| )(38|48|9[0-7]|10[0-7])( |$)' && fail "more than 8 colours with TERM=xterm"
run_capture "" "--ascii"
NONASCII=$(non_ascii_lines "/tmp/$S-$$.cap")
echo "=== --ascii: lines with non-ASCII characters: $NONASCII"; sed 's/\x1b\[[0-9;:]*m//g' "/tmp/$S-$$.cap" | head -6
[ "$NONASCII" = 0 ] || fail "non-ASCII characters in --ascii mode"

stop_session; rm -f "/tmp/$S-$$.before" "/tmp/$S-$$.cap"
echo "PASS"
