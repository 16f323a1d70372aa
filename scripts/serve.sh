#!/usr/bin/env bash
# Starts the sandbox, the backend (:7007) and the app (:3000) without installing
# (scripts/start.sh installs, then runs this; the browser tests run it directly).
#   scripts/serve.sh                   the default world (worlds/default.yaml)
#   scripts/serve.sh --world stakater  packages/sandbox/worlds/stakater.yaml, with
#                                      app-config.stakater.yaml on top of app-config.yaml
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
if [ "$world" = default ]; then
  exec node .yarn/releases/yarn-4.13.0.cjs dev
fi
if [ ! -f "packages/sandbox/worlds/$world.yaml" ]; then
  echo "unknown world $world (no packages/sandbox/worlds/$world.yaml)" >&2
  exit 2
fi
# Like `yarn dev`, with the world for the sandbox and its overlay for the app and backend
# (explicit --config flags replace the default app-config.yaml + app-config.local.yaml).
configs="--config $PWD/app-config.yaml"
[ -f app-config.local.yaml ] && configs="$configs --config $PWD/app-config.local.yaml"
[ -f "app-config.$world.yaml" ] && configs="$configs --config $PWD/app-config.$world.yaml"
yarn_cmd="node .yarn/releases/yarn-4.13.0.cjs"
exec node_modules/.bin/concurrently --kill-others --names sandbox,portal --prefix-colors blue,green \
  "$yarn_cmd sandbox --world $world" "$yarn_cmd start $configs"
