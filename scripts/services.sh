#!/usr/bin/env bash
# Provide the services the test suite needs: a PostgreSQL server (Debian package) on loopback and
# Debian's Chromium for the browser tests. Prints the export lines for the environment.
# Idempotent; needs root for apt-get the first time on a fresh machine.
set -euo pipefail

need_apt=()
command -v pg_ctlcluster >/dev/null 2>&1 || need_apt+=(postgresql)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "services.sh: need root to apt-get install ${need_apt[*]}" >&2
    exit 1
  fi
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^${version} main$"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname='nightlegs'\"" 2>/dev/null | grep -q 1 \
  || su postgres -c "psql -q -c \"CREATE ROLE nightlegs LOGIN SUPERUSER PASSWORD 'nightlegs'\"" >/dev/null
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname='nightlegs_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O nightlegs nightlegs_test"

echo "export NIGHTLEGS_TEST_POSTGRES_URL=postgresql+psycopg://nightlegs:nightlegs@127.0.0.1:5432/nightlegs_test"
echo "export NIGHTLEGS_CHROMIUM=/usr/bin/chromium"
