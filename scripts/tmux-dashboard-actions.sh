#!/usr/bin/env bash
# Drive the dashboard's actions (issue 8) with the real binary on the
# embedded devnet in a 120x40 tmux pane (own tmux socket), as a user would:
#  1. a world-readable --suri-file is refused before the screen opens, with
#     the chmod 600 fix, and without the secret in the message;
#  2. --read-only: g on a Ready worker says in the footer that actions are
#     disabled, no dialog opens, the transactions pane says read-only;
#  3. no key flags (the devnet's pool owner //Alice is used): select a Ready
#     worker, g, type a stake, Enter, the confirmation, y -> its row reads
#     "computing" (WorkerIdle); x, y -> "cooling down" (WorkerCoolingDown);
#     a start with more stake than the pool has free -> the transactions pane
#     shows PhalaStakePoolv2.InsufficientFreeStake; a on the worker outside
#     the pools adds it (its row reads "ready" in pool 2); r on the worker
#     whose dev-mode pRuntime runs but is not registered shows the pRuntime's
#     material and the local attestation verdict, y registers it;
#  4. --suri-file (mode 600) holding the owner's full secret URI: n cancels,
#     then a stop is signed with it and finalizes;
#  5. --key-file (polkadot.js JSON made by substrate-interface): the password
#     is asked before the screen opens; a wrong one exits 1 with a message,
#     the right one makes its account the signer;
# q exits 0 each time, and neither the log file nor any capture contains the
# secret phrase, URI or password. Prints the captures and timings; non-zero on failure.
# Usage: scripts/tmux-dashboard-actions.sh [path/to/khalatop]   (default: debug build)
set -u
BIN=${1:-$(swift build --show-bin-path)/khalatop}
SOCK=khalatop-actions-$$
T="tmux -L $SOCK"
S=actions
STATE=$(mktemp -d)   # XDG_STATE_HOME: the log file lands here
CAPS=$STATE/captures; mkdir -p "$CAPS"
# A crash's backtrace goes to a file here (not the pane, where it would scroll away).
BT=$STATE/backtraces; mkdir -p "$BT"
export SWIFT_BACKTRACE="enable=yes,output-to=$BT"
# The owner's secret URI (the well-known dev phrase + //Alice): never on screen or in the log.
PHRASE="bottom drive obey lake curtain smoke basket hold race lonely fit walk"
SECRET="$STATE/owner.suri"; printf '%s//Alice\n' "$PHRASE" > "$SECRET"
START=$(date +%s)
n=0
cap() { n=$((n + 1)); $T capture-pane -p -t "$S" > "$CAPS/$n.txt"; cat "$CAPS/$n.txt"; }
fail() {
  echo "FAIL: $*"; $T capture-pane -p -t "$S" 2>/dev/null | head -40; echo "--- log"; tail -20 "$STATE/khalatop/khalatop.log" 2>/dev/null
  for f in "$BT"/*; do [ -f "$f" ] && { echo "--- backtrace $f"; head -80 "$f"; }; done
  $T kill-server 2>/dev/null; exit 1
}
wait_for() { # pattern, seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do cap > /dev/null; grep -q -- "$1" "$CAPS/$n.txt" && return 0; sleep 0.1; done
  return 1
}
step() { echo "--- $(( $(date +%s) - START )) s: $*"; }
start() { # extra flags
  $T kill-server 2>/dev/null
  $T new-session -d -s "$S" -x 120 -y 40 "bash --norc --noprofile" || fail "tmux"
  $T send-keys -t "$S" "XDG_STATE_HOME=$STATE $BIN $* 2> $STATE/stderr" Enter
  wait_for "sim-01" 60 || fail "no worker rows from the devnet"
}
quit() {
  $T send-keys -t "$S" q
  wait_for "khalatop: quit" 15 || fail "q did not exit"
  $T send-keys -t "$S" "echo EXIT=\$?" Enter
  wait_for "EXIT=[0-9]" 5 || fail "shell did not answer after exit"
  grep -q "EXIT=0" "$CAPS/$n.txt" || fail "exit status not 0"
  [ -s "$STATE/stderr" ] && fail "stderr not empty: $(head -3 "$STATE/stderr")"
  $T kill-server
}
filter() { # text
  $T send-keys -t "$S" '/'; $T send-keys -t "$S" C-u; $T send-keys -t "$S" -l "$1"; $T send-keys -t "$S" Enter
  wait_for "filter: $1" 3 || fail "filter $1 not applied"
}
selected() { grep -oP '^│▶ \Ksim-\d+' "$CAPS/$n.txt" | head -1; }

step "1. world-readable key file"
chmod 644 "$SECRET"
OUT=$("$BIN" --suri-file "$SECRET" 2>&1 < /dev/null); CODE=$?
echo "$OUT" > "$CAPS/refused.txt"; echo "$OUT"
[ "$CODE" = 1 ] || fail "a world-readable key file was not refused (exit $CODE)"
echo "$OUT" | grep -q "chmod 600" || fail "the refusal does not say how to fix it"
chmod 600 "$SECRET"

step "2. --read-only"
start --read-only
filter "state=ready"
$T send-keys -t "$S" g
wait_for "read-only mode (--read-only): actions are disabled" 3 || fail "g in read-only mode did not say why"
cap | tail -1
grep -q "Start computing" "$CAPS/$n.txt" && fail "a stake dialog opened in read-only mode"
grep -q "Transactions (0)" "$CAPS/$n.txt" || fail "no transactions pane"
quit

step "3. the devnet's pool owner key: start, stop, a refused start"
start
filter "state=ready"
WORKER=$(selected); [ -n "$WORKER" ] || fail "no Ready worker selected"
echo "selected Ready worker: $WORKER"
$T send-keys -t "$S" g
wait_for "Start computing" 5 || fail "g did not ask for the stake"
wait_for "Free stake" 1 || fail "the stake dialog lacks the pool's free stake"
grep -q "Minimum .*PHA" "$CAPS/$n.txt" || fail "the stake dialog lacks the minimum stake"
$T send-keys -t "$S" -l "10000"; $T send-keys -t "$S" Enter
T0=$(date +%s.%N)
wait_for "Sign and submit?" 20 || fail "no confirmation"
T1=$(date +%s.%N)
echo "=== confirmation (prepared in $(echo "$T1 - $T0" | bc) s)"; cap
for want in "start_computing: pool [0-9]*, worker $WORKER" "stake 10,000 PHA" "Signer   45R2pfjQUW2s9PQRHU48HQKLKHVMaDja7N3wpBtmF28UYDs2" \
            "Fee      .*PHA (estimated" "Chain    Khala Devnet, khala spec 1251" "Nonce    [0-9]"; do
  grep -q -- "$want" "$CAPS/$n.txt" || fail "confirmation lacks: $want"
done
$T send-keys -t "$S" y
wait_for "start_computing $WORKER 10,000 PHA finalized #[0-9]*, success" 30 || fail "the start was not finalized"
T2=$(date +%s.%N); echo "start: y -> finalized in the pane $(echo "$T2 - $T1" | bc) s"
filter "$WORKER"
wait_for "$WORKER *[0-9] computing" 20 || fail "$WORKER does not read computing (WorkerIdle)"
echo "=== after start"; cap | sed -n 3,6p
$T send-keys -t "$S" x
wait_for "Sign and submit?" 20 || fail "x did not prepare a stop"
grep -q "stop_computing: pool [0-9]*, worker $WORKER" "$CAPS/$n.txt" || fail "the confirmation is not the stop of $WORKER"
$T send-keys -t "$S" y
wait_for "$WORKER *[0-9] cooling down" 30 || fail "$WORKER does not read cooling down (WorkerCoolingDown)"
echo "=== after stop"; cap | sed -n 3,6p
# More stake than the pool has free: the chain refuses it.
filter "state=ready"
OTHER=$(selected); [ -n "$OTHER" ] || fail "no second Ready worker"
$T send-keys -t "$S" g
wait_for "Start computing" 5 || fail "g did not ask for the stake"
$T send-keys -t "$S" -l "3000000"
wait_for "InsufficientFreeStake" 3 || fail "the stake dialog does not warn about the free stake"
$T send-keys -t "$S" Enter
wait_for "Sign and submit?" 20 || fail "no confirmation for the oversized start"
$T send-keys -t "$S" y
wait_for "PhalaStakePoolv2.InsufficientFreeStake" 30 || fail "the refused start shows no InsufficientFreeStake"
echo "=== refused start"; cap | sed -n 31,40p
grep -q "Transactions (3" "$CAPS/$n.txt" || fail "the transactions pane does not list 3 extrinsics"
# The worker outside any pool: a adds it to the pool the config names for it.
filter "sim-24"
wait_for "sim-24 *- no session" 10 || fail "sim-24 is not outside the pools"
$T send-keys -t "$S" a
wait_for "Sign and submit?" 20 || fail "a did not prepare add_worker"
grep -q "add_worker: pool 2, worker sim-24" "$CAPS/$n.txt" || fail "the confirmation is not add_worker of sim-24"
$T send-keys -t "$S" y
wait_for "sim-24 *2 ready" 30 || fail "sim-24 does not read ready in pool 2 after add_worker"
# The worker whose (simulated, dev-mode) pRuntime runs but which is not registered: r.
filter "reg=unregistered"
NEW=$(selected); [ -n "$NEW" ] || fail "no unregistered worker"
$T send-keys -t "$S" r
wait_for "Sign and submit?" 20 || fail "r did not prepare register_worker_v2"
for want in "PhalaRegistry.register_worker_v2: worker $NEW" "attestation: none (pRuntime in dev mode)" "registration info [0-9]* bytes"; do
  grep -q -- "$want" "$CAPS/$n.txt" || fail "the registration confirmation lacks: $want"
done
echo "=== registration confirmation"; cap | sed -n 12,32p
$T send-keys -t "$S" y
wait_for "register_worker_v2 $NEW finalized #[0-9]*, success" 30 || fail "the registration was not finalized"
filter "$NEW"
wait_for "init score" 10 || fail "no registration facts for $NEW"
grep -q "not in PhalaRegistry.Workers" "$CAPS/$n.txt" && fail "$NEW still reads unregistered"
quit

step "4. --suri-file (mode 600)"
start --suri-file "$SECRET"
wait_for "signer 45R2pf" 5 || fail "the key from --suri-file is not the signer"
filter "state=computing"
$T send-keys -t "$S" x
wait_for "Sign and submit?" 20 || fail "no confirmation with --suri-file"
$T send-keys -t "$S" n
wait_for "cancelled: nothing was signed" 3 || fail "n did not cancel"
$T send-keys -t "$S" x
wait_for "Sign and submit?" 20 || fail "no confirmation with --suri-file"
$T send-keys -t "$S" y
wait_for "stop_computing .* finalized #[0-9]*, success" 30 || fail "the stop signed with --suri-file was not finalized"
cap | sed -n 31,34p
quit

step "5. --key-file (polkadot.js JSON, password asked before the screen opens)"
PY=${KHALATOP_PYTHON:-$(dirname "$0")/../.venv/bin/python3}
PASSWORD="pw-$$-s3cret"
if "$PY" -c 'import substrateinterface' 2>/dev/null; then
  KEYFILE="$STATE/owner.json"
  "$PY" -c "import json,sys; from substrateinterface import Keypair
k = Keypair.create_from_uri('//Alice', ss58_format=30)
open(sys.argv[1], 'w').write(json.dumps(k.export_to_encrypted_json(sys.argv[2], 'owner')))" "$KEYFILE" "$PASSWORD" || fail "cannot make a key file"
  chmod 600 "$KEYFILE"
  $T kill-server 2>/dev/null
  $T new-session -d -s "$S" -x 120 -y 40 "bash --norc --noprofile" || fail "tmux"
  $T send-keys -t "$S" "XDG_STATE_HOME=$STATE $BIN --key-file $KEYFILE 2> $STATE/stderr; echo EXIT=\$?" Enter
  wait_for "Password for key file" 10 || fail "no password prompt"
  $T send-keys -t "$S" -l "wrong-password"; $T send-keys -t "$S" Enter
  wait_for "EXIT=1" 10 || fail "a wrong password did not stop khalatop before the screen"
  grep -q "cannot load the key" "$STATE/stderr" || fail "no message for the wrong password: $(cat "$STATE/stderr")"
  $T send-keys -t "$S" clear Enter
  $T send-keys -t "$S" "XDG_STATE_HOME=$STATE $BIN --key-file $KEYFILE 2> $STATE/stderr" Enter
  wait_for "Password for key file" 10 || fail "no password prompt"
  $T send-keys -t "$S" -l "$PASSWORD"; $T send-keys -t "$S" Enter
  wait_for "signer 45R2pf" 30 || fail "the key file's account is not the signer"
  quit
else
  echo "skipped: no Python with substrate-interface to make a polkadot.js key file ($PY)"
fi

step "secrets"
LOG=$STATE/khalatop/khalatop.log
[ -s "$LOG" ] || fail "no log file"
grep -q "signed and submitted" "$LOG" || fail "the log does not record the submissions"
for f in "$LOG" "$STATE/stderr" "$CAPS"/*.txt; do
  grep -qF "$PHRASE" "$f" && fail "the secret phrase appears in $f"
  grep -qF "//Alice" "$f" && fail "the secret URI appears in $f"
  grep -qF "$PASSWORD" "$f" && fail "the key file's password appears in $f"
done
echo "no secret in the log or in $(ls "$CAPS" | wc -l) captures"
rm -rf "$STATE"
echo "PASS in $(( $(date +%s) - START )) s"
