#!/usr/bin/env bash
# gatehouse-gateway under ../shared/bench/gateway-bench.sh (its README has the contract).
# Usage, as the harness's --gateway-cmd: tests/bench/gatehouse-gateway.sh plain|pipeline
#
# Copies the workspace for the mode into $BENCH_WORK_DIR, fills in the backend URL
# and the subscription key, and execs the gateway in the foreground.
set -euo pipefail
mode=${1:-plain}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
gateway=${GATEHOUSE_GATEWAY:-$here/../../build/app/gatehouse-gateway}
workspace=$BENCH_WORK_DIR/workspace

cp -r "$here/workspaces/$mode" "$workspace"
grep -rl '\${BENCH_' "$workspace" | while IFS= read -r file; do
    sed -i -e "s|\${BENCH_BACKEND_URL}|$BENCH_BACKEND_URL|g" \
        -e "s|\${BENCH_SUBSCRIPTION_KEY}|$BENCH_SUBSCRIPTION_KEY|g" "$file"
done
exec "$gateway" --workspace "$workspace" --listen "$BENCH_LISTEN_ADDR:$BENCH_LISTEN_PORT" \
    --threads "${BENCH_THREADS:-1}"
