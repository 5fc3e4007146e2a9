#!/usr/bin/env bash
# The README's test command: install with the test extra and every optional part (batch,
# postgres), start the services the tests need (PostgreSQL, Chromium), lint, type-check, run the
# tests.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q -e ".[test,batch,postgres]"
if [ -z "${NIGHTLEGS_TEST_POSTGRES_URL:-}" ]; then
  eval "$(bash scripts/services.sh)"
fi
ruff check src tests benchmarks
mypy src/nightlegs
set +e
python -m pytest
status=$?
set -e
# pytest exits 5 when it collected no tests: that is a failure of the suite, not a pass.
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests" >&2
  exit 1
fi
exit "$status"
