#!/usr/bin/env bash
# Drive `khalatop ui-demo` in a real terminal (tmux) the way a user would and
# check that it draws, resizes, suspends, quits with q, and leaves the
# terminal as it found it. Prints the captures; exits non-zero on a failure.
# Usage: scripts/tmux-ui-demo.sh [path/to/khalatop]   (default: debug build)
set -u
BIN=${1:-$(swift build --show-bin-path)/khalatop}
S=khalatop-ui-demo-$$
fail() { echo "FAIL: $*"; tmux kill-session -t "$S" 2>/dev/null; exit 1; }
wait_for() { # pattern, seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do tmux capture-pane -p -t "$S" | grep -q -- "$1" && return 0; sleep 0.1; done
  return 1
}
tmux new-session -d -s "$S" -x 120 -y 40 "bash --norc --noprofile" || fail "tmux"
# khalatop runs as the job itself (a wrapper shell would stop before khalatop
# leaves the alternate screen and the shell's "Stopped" notice would be lost).
tmux send-keys -t "$S" "stty -g > /tmp/$S.before; $BIN ui-demo" Enter
wait_for "Theme roles" 10 || fail "no table drawn"
wait_for "TermUI dialog" 5 || fail "no dialog drawn"
echo "=== 120x40, table and dialog"; tmux capture-pane -p -t "$S"
tmux send-keys -t "$S" Escape; sleep 0.3
tmux send-keys -t "$S" j j j; sleep 0.3
tmux capture-pane -p -t "$S" | grep -q "▶ dialog  " || fail "j did not move the selection"
tmux resize-window -t "$S" -x 80 -y 24; sleep 0.5
echo "=== resized to 80x24"; tmux capture-pane -p -t "$S"
tmux capture-pane -p -t "$S" | head -1 | grep -q "80x24" || fail "no redraw at 80x24"
tmux resize-window -t "$S" -x 20 -y 5; sleep 0.5
echo "=== resized to 20x5"; tmux capture-pane -p -t "$S"
tmux resize-window -t "$S" -x 1 -y 1; sleep 0.3
tmux resize-window -t "$S" -x 120 -y 40; sleep 0.5
tmux capture-pane -p -t "$S" | head -1 | grep -q "120x40" || fail "no redraw back at 120x40"
tmux send-keys -t "$S" C-z; sleep 0.5
wait_for "Stopped" 3 || fail "Ctrl-Z did not suspend"
[ "$(tmux display -p -t "$S" '#{alternate_on}')" = 0 ] || fail "alternate screen still on while suspended"
tmux send-keys -t "$S" "fg" Enter; sleep 0.8
tmux capture-pane -p -t "$S" | head -1 | grep -q "ui-demo" || fail "no redraw after fg"
tmux send-keys -t "$S" q
wait_for "ui-demo: quit" 5 || fail "q did not exit"
# $? of fg is the job's exit status.
tmux send-keys -t "$S" "echo EXIT=\$?; stty -g | cmp -s - /tmp/$S.before && echo STTY-SAME" Enter
wait_for "EXIT=" 5 || fail "shell did not answer after exit"
sleep 0.3
echo "=== after q"; tmux capture-pane -p -t "$S" | grep -v '^$' | tail -4
tmux capture-pane -p -t "$S" | grep -q "EXIT=0" || fail "exit status not 0"
tmux capture-pane -p -t "$S" | grep -q "STTY-SAME" || fail "terminal modes differ after exit"
[ "$(tmux display -p -t "$S" '#{alternate_on}')" = 0 ] || fail "alternate screen still on"
tmux kill-session -t "$S"; rm -f "/tmp/$S.before"
echo "PASS"
