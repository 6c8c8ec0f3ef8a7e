#!/usr/bin/env bash
# Drive `khalatop` with no arguments (the live dashboard on the embedded
# devnet, through the real WebSocket client and ChainEngine) in a real
# terminal (tmux) as a user would: worker rows arrive from the chain, the
# SIMULATED banner shows, ? shows help, Esc, a filter on the unresponsive
# (offline) worker, problems only, the detail view (with the worker's
# pRuntime sync heights from its simulated /info), resizes to 80x24 and
# 20x5 and back, a theme change, q exits 0
# (engine and devnet stopped) and leaves the terminal sane; nothing was
# written to stderr. Prints the captures; non-zero on failure.
# Usage: scripts/tmux-dashboard-live.sh [path/to/khalatop]   (default: debug build)
set -u
BIN=${1:+$(realpath "$1")}
cd "$(dirname "$0")/.."
BIN=${BIN:-$(swift build --show-bin-path)/khalatop}
S=dash-live
. scripts/lib/tmux.sh
STATE=$(mktemp -d)   # XDG_STATE_HOME: the log file lands here; XDG_CONFIG_HOME: empty (no user config)
log_tail() { echo "--- log"; tail -20 "$STATE/khalatop/khalatop.log" 2>/dev/null; }
FAIL_HOOK=log_tail
start_session 120 40
t send-keys -t "$S" "stty -g > $STATE/before; XDG_CONFIG_HOME=$STATE/config XDG_STATE_HOME=$STATE $BIN 2> $STATE/stderr" Enter
wait_for "sim-01" 60 || fail "no worker rows from the devnet"
cap | grep -q "SIMULATED DATA: embedded devnet" || fail "no simulated-data banner"
echo "=== 120x40 (rows)"; cap
# The offline worker misses its first challenge; it turns unresponsive after the heartbeat window.
wait_for "sim-[0-9]* *[0-9] unresponsive" 120 || fail "no unresponsive worker within 120 s"
t send-keys -t "$S" '?'; wait_for "Keys (Esc closes)" 3 || fail "? did not show help"
t send-keys -t "$S" Escape; sleep 0.3
cap | grep -q "Keys (Esc closes)" && fail "Esc did not close help"
t send-keys -t "$S" '/'; t send-keys -t "$S" -l 'state=unresponsive'; t send-keys -t "$S" Enter
wait_for "filter: state=unresponsive" 3 || fail "filter not applied"
sleep 0.3
ROWS=$(cap | grep -cP '^│[▶↓↑ ] \S+ +(\d+|-) (computing|ready|cooling down|no session) ')
[ "$ROWS" = 0 ] || fail "rows other than unresponsive after the filter ($ROWS)"
cap | grep -qP '^│[▶↓↑ ] sim-\d+ +\d+ unresponsive' || fail "the unresponsive row is gone"
echo "=== filtered"; cap | head -10
t send-keys -t "$S" p; wait_for "problems only" 3 || fail "p did not toggle problems only"
t send-keys -t "$S" Enter; wait_for "(Esc closes)" 3 || fail "Enter did not open the detail view"
# Issue 8: the worker's simulated pRuntime answers /info; its sync heights show against the chain head.
wait_for "pRuntime \(synced #[0-9]*\|[0-9]* blocks behind\) (relay #[0-9]*), .*registered" 10 \
  || fail "no pRuntime sync heights in the detail view"
echo "=== detail"; cap | head -14
t send-keys -t "$S" Escape; sleep 0.3
t resize-window -t "$S" -x 80 -y 24; sleep 0.6
cap | grep -q "Penalty risk" || fail "no stacked layout at 80x24"
t resize-window -t "$S" -x 20 -y 5; sleep 0.6
echo "=== 20x5"; cap
cap | head -1 | grep -qE '^#[0-9]+' || fail "no summary line at 20x5"
t resize-window -t "$S" -x 120 -y 40; sleep 0.6
cap | grep -q "Registration" || fail "no full layout back at 120x40"
t send-keys -t "$S" t; wait_for "theme light" 3 || fail "t did not change the theme"
quit_and_check_terminal "khalatop: quit" 15 "$STATE/before"
[ -s "$STATE/stderr" ] && fail "stderr not empty: $(head -3 "$STATE/stderr")"
[ -s "$STATE/khalatop/khalatop.log" ] || fail "no log file"
echo "=== log (tail)"; tail -5 "$STATE/khalatop/khalatop.log"
stop_session; rm -rf "$STATE"
echo "PASS"
