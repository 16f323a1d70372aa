#!/usr/bin/env bash
# The README's first command: install, then start the sandbox (upstream
# simulators on 127.0.0.1:7100-7106), the backend (:7007) and the app (:3000).
#   ./scripts/start.sh                   the demo world (worlds/demo.yaml: the default world
#                                        with six months of history before it, for DORA)
#   ./scripts/start.sh --world default   the default world alone (what the browser tests use)
#   ./scripts/start.sh --world stakater  sandbox world packages/sandbox/worlds/stakater.yaml,
#                                        app + backend with app-config.stakater.yaml on top
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_nodedir="${npm_config_nodedir:-/usr}"   # native modules build from local headers
node .yarn/releases/yarn-4.13.0.cjs install --immutable
if [ $# -eq 0 ]; then set -- --world demo; fi
exec bash scripts/serve.sh "$@"
