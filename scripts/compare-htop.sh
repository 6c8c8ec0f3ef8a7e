#!/bin/bash
# Side-by-side measurement for issue 7: khalatop on the default (embedded) devnet
# and `htop -d 10`, each in a 160x48 tmux pane for SECONDS (default 60), in one run,
# with ../shared/tools/measure_tui.sh (CPU %, bytes/s written to the pane, RSS).
# Needs a release build (`swift build -c release --product khalatop`) and htop.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-60}
measure=${MEASURE_TUI:-$here/../shared/tools/measure_tui.sh}
bin=$here/.build/release/khalatop
[ -x "$bin" ] || { echo "no release build: run swift build -c release --product khalatop" >&2; exit 2; }
command -v htop >/dev/null || { echo "htop is not installed (apt-get install -y htop)" >&2; exit 2; }
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
bash "$measure" htop "$secs" 160 48 htop -d 10
bash "$measure" khalatop "$secs" 160 48 env XDG_STATE_HOME="$state" "$bin"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
