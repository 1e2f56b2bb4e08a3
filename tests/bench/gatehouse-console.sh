#!/usr/bin/env bash
# The console (offscreen, Analytics tab open) as the gateway under ../shared/bench/gateway-bench.sh: its embedded
# gateway serves the bench workspace while the console drains the log bus, draws the live charts and writes the
# analytics history, and measures its own event-loop lag.
# Usage, as the harness's --gateway-cmd: tests/bench/gatehouse-console.sh plain|pipeline
# The lag report is written to $GATEHOUSE_LAG_REPORT (default /tmp/gatehouse-console-lag.txt) every two seconds.
set -euo pipefail
mode=${1:-plain}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
console=${GATEHOUSE_CONSOLE:-$here/../../build/app/gatehouse}
workspace=$BENCH_WORK_DIR/repository/workspace

mkdir -p "$BENCH_WORK_DIR/repository"
cp -r "$here/workspaces/$mode" "$workspace"
grep -rl '\${BENCH_' "$workspace" | while IFS= read -r file; do
    sed -i -e "s|\${BENCH_BACKEND_URL}|$BENCH_BACKEND_URL|g" \
        -e "s|\${BENCH_SUBSCRIPTION_KEY}|$BENCH_SUBSCRIPTION_KEY|g" "$file"
done
# A settings file of its own: the embedded gateway listens on the harness's port.
export HOME=$BENCH_WORK_DIR/home XDG_CONFIG_HOME=$BENCH_WORK_DIR/home/.config XDG_DATA_HOME=$BENCH_WORK_DIR/home/.local
mkdir -p "$XDG_CONFIG_HOME/Gatehouse"
printf '[gateway]\nport=%s\n' "$BENCH_LISTEN_PORT" > "$XDG_CONFIG_HOME/Gatehouse/Gatehouse.conf"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
exec "$console" --measure-lag "${GATEHOUSE_LAG_REPORT:-/tmp/gatehouse-console-lag.txt}" "$workspace"
