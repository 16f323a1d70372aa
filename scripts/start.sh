#!/usr/bin/env bash
# The README's first command: install, then start the sandbox (upstream
# simulators on 127.0.0.1:7100-7106), the backend (:7007) and the app (:3000).
#   ./scripts/start.sh                   the default world (worlds/default.yaml)
#   ./scripts/start.sh --world stakater  sandbox world packages/sandbox/worlds/stakater.yaml,
#                                        app + backend with app-config.stakater.yaml on top
set -euo pipefail
world=default
while [ $# -gt 0 ]; do
  case "$1" in
    --world) world="${2:?--world needs a name}"; shift 2 ;;
    --world=*) world="${1#--world=}"; shift ;;
    *) echo "usage: $0 [--world <name>]" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
export npm_config_nodedir="${npm_config_nodedir:-/usr}"   # native modules build from local headers
yarn() { node .yarn/releases/yarn-4.13.0.cjs "$@"; }
yarn install --immutable
if [ "$world" = default ]; then
  exec node .yarn/releases/yarn-4.13.0.cjs dev
fi
if [ ! -f "packages/sandbox/worlds/$world.yaml" ]; then
  echo "unknown world $world (no packages/sandbox/worlds/$world.yaml)" >&2
  exit 2
fi
# Like `yarn dev`, with the world for the sandbox and its overlay for the app and backend
# (explicit --config flags replace the default app-config.yaml + app-config.local.yaml).
configs="--config app-config.yaml"
[ -f app-config.local.yaml ] && configs="$configs --config app-config.local.yaml"
[ -f "app-config.$world.yaml" ] && configs="$configs --config app-config.$world.yaml"
yarn_cmd="node .yarn/releases/yarn-4.13.0.cjs"
exec node_modules/.bin/concurrently --kill-others --names sandbox,portal --prefix-colors blue,green \
  "$yarn_cmd sandbox --world $world" "$yarn_cmd start $configs"
