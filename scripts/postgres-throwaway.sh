#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 on a loopback port for the test suite and prints its URL.
# Usage: scripts/postgres-throwaway.sh [PORT]   (default 54329).
# Stop: pg_ctl -D "$(cat /tmp/welkom-pg-last-dir)/data" stop (as the postgres user when root)
# initdb refuses to run as root, so the cluster belongs to the `postgres` user.
set -euo pipefail
port="${1:-54329}"
bin=/usr/lib/postgresql/15/bin
[ -x "$bin/initdb" ] || { echo "PostgreSQL 15 is not installed (apt-get install postgresql-15)" >&2; exit 1; }
dir=$(mktemp -d /tmp/welkom-pg.XXXXXX)
[ "$(id -u)" != 0 ] || chown postgres:postgres "$dir"
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
run "$bin/initdb -D '$dir/data' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >'$dir/initdb.log'"
run "$bin/pg_ctl -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start >/dev/null"
echo "postgres://postgres@127.0.0.1:$port/postgres"
echo "$dir" > /tmp/welkom-pg-last-dir
