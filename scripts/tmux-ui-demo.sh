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

# Fallbacks: NO_COLOR (no colour escapes), TERM=xterm (8 colours only),
# --ascii (no box-drawing or block code points). capture-pane -e shows the
# cells' colours as SGR escapes.
run_capture() { # env..., then args
  tmux send-keys -t "$S" "clear; env $1 $BIN ui-demo $2" Enter
  wait_for "Theme roles" 10 || fail "no table with $1 $2"
  tmux send-keys -t "$S" Escape; sleep 0.4
  tmux capture-pane -e -p -t "$S" > "/tmp/$S.cap"
  tmux send-keys -t "$S" q; wait_for "ui-demo: quit" 5 || fail "q with $1 $2"
}
colour_sgrs() { grep -oP '\x1b\[[0-9;:]*m' "/tmp/$S.cap" | grep -oP '(?<=[\[;])(3[0-8]|4[0-8]|9[0-7]|10[0-7])(?=[;m:])' | sort -u | tr '\n' ' '; }
run_capture "NO_COLOR=1" ""
echo "=== NO_COLOR=1: colour SGR codes: [$(colour_sgrs)]"
[ -z "$(colour_sgrs)" ] || fail "colour escapes under NO_COLOR"
run_capture "TERM=xterm" ""
echo "=== TERM=xterm: colour SGR codes: [$(colour_sgrs)]"
colour_sgrs | grep -qE '(^| )(38|48|9[0-7]|10[0-7])( |$)' && fail "more than 8 colours with TERM=xterm"
run_capture "" "--ascii"
BOX=$(grep -cP '[\x{2500}-\x{259F}]' "/tmp/$S.cap")
echo "=== --ascii: lines with box-drawing/block characters: $BOX"; head -3 "/tmp/$S.cap" | sed 's/\x1b\[[0-9;:]*m//g'
[ "$BOX" = 0 ] || fail "box drawing in --ascii mode"

tmux kill-session -t "$S"; rm -f "/tmp/$S.before" "/tmp/$S.cap"
echo "PASS"
