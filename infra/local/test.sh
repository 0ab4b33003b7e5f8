#!/usr/bin/env bash
# The whole test suite on a fresh clone: installs what is missing, brings up the local stack
# (real Kafka, PostgreSQL, Redis), checks style and types, then runs unit and integration tests.
set -euo pipefail
cd "$(dirname "$0")/../.."

node infra/local/ensure-deps.mjs
node infra/local/stack.mjs up
bash infra/local/ensure-chromium.sh
echo "== lint" && npm run --silent lint
echo "== build" && npm run --silent build
echo "== tests"
SKIP_BUILD=1 npx jest --ci "$@"
