# Shared helpers of the scripts/tmux-*.sh drivers. Source it after setting S
# (the session name). Every tmux call goes through `t`, on a server of the
# script's own (`tmux -L`, no user config), so a run never touches the
# user's panes or another run's.
TMUX_SOCKET=${TMUX_SOCKET:-khalatop-test-$$}
t() { tmux -L "$TMUX_SOCKET" -f /dev/null "$@"; }
cap() { t capture-pane -p -t "$S"; }
# The pane with its colour and attribute escapes (tmux re-encodes what the program drew).
cap_escapes() { t capture-pane -e -p -t "$S"; }
wait_for() { # pattern, seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do cap | grep -q -- "$1" && return 0; sleep 0.1; done
  return 1
}
# On failure: the message, the pane, then FAIL_HOOK (e.g. a log tail), and the server is stopped.
fail() {
  echo "FAIL: $*"; cap 2>/dev/null | head -40
  if [ -n "${FAIL_HOOK:-}" ]; then $FAIL_HOOK; fi
  t kill-server 2>/dev/null; exit 1
}
start_session() { # width height
  t new-session -d -s "$S" -x "$1" -y "$2" "bash --norc --noprofile" || fail "tmux"
}
stop_session() { t kill-server 2>/dev/null; }
# Colour SGR parameters (30-38, 40-48, 90-97, 100-107) in a capture file, unique, space-separated.
colour_sgrs() {
  grep -oP '\x1b\[[0-9;:]*m' "$1" | grep -oP '(?<=[\[;])(3[0-8]|4[0-8]|9[0-7]|10[0-7])(?=[;m:])' | sort -u | tr '\n' ' '
}
# Lines of a capture file with a character outside ASCII (escapes removed).
non_ascii_lines() { sed 's/\x1b\[[0-9;:]*m//g' "$1" | grep -cP '[^\x00-\x7F]'; }

# Presses q, waits for QUIT_PATTERN, then checks the shell got exit status 0
# and a sane terminal back (same stty modes as saved in STTY_FILE, alternate
# screen off).
quit_and_check_terminal() { # quit-pattern, seconds, stty-file
  t send-keys -t "$S" q
  wait_for "$1" "$2" || fail "q did not exit"
  t send-keys -t "$S" "echo EXIT=\$?; stty -g | cmp -s - $3 && echo STTY-SAME" Enter
  wait_for "EXIT=" 5 || fail "shell did not answer after exit"
  sleep 0.3
  echo "=== after q"; cap | grep -v '^$' | tail -3
  cap | grep -q "EXIT=0" || fail "exit status not 0"
  cap | grep -q "STTY-SAME" || fail "terminal modes differ after exit"
  [ "$(t display -p -t "$S" '#{alternate_on}')" = 0 ] || fail "alternate screen still on"
}
