#!/usr/bin/env bash
# The README's second command: install, then type-check, lint, unit and
# integration tests of every package, and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
export CI="${CI:-true}"   # no watch mode, no reuse of a dev server
export BACKSTAGE_TEST_DISABLE_DOCKER=1   # databases come from BACKSTAGE_TEST_DATABASE_* or are skipped
yarn() { node .yarn/releases/yarn-4.13.0.cjs "$@"; }
step() { echo; echo "=== $* ($(date +%T))"; }

step install;     yarn install --immutable
step type-check;  yarn tsc
step api-reports; yarn api:check              # report.api.md of each package matches its exports
step format;      yarn prettier:check          # prettier --check (formatting)
step repo-fix;    yarn backstage-cli repo fix --check   # package.json fields in sync (exports, publishConfig, workspace metadata)
step lint;        yarn lint:all
step deps-check;  yarn deps:check             # no import circle; delivery-backend layers routes -> services -> upstreams
step unit-tests;  yarn test:all
step replicas;    yarn test:replicas          # two backend replicas on one PostgreSQL + Redis (scripts/replicas.sh)
step browser;     yarn test:e2e                 # the default world
step browser-stakater; yarn test:e2e:stakater   # the stakater world (Stakater pipeline convention)
echo; echo "=== all checks passed ($(date +%T))"
