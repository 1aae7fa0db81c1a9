#!/usr/bin/env bash
# Usage: scripts/test/with-postgres.sh COMMAND [ARG...]
#
# Runs COMMAND with TEST_DATABASE_URL pointing at a throwaway PostgreSQL + PostGIS cluster: a
# fresh initdb in a temp directory, trust auth, listening only on 127.0.0.1 on a free port, its
# unix socket in that directory, durability off for speed. The cluster is stopped and deleted when
# COMMAND ends, fails, or this script is interrupted. Exits with COMMAND's status.
#
# For an interactive session against it: scripts/test/with-postgres.sh bash
#
# Tests that stop and start the server on purpose (tests/faults) also get TEST_PG_DATA (the data
# directory), TEST_PG_BINDIR and, when the cluster belongs to the postgres user, TEST_PG_OWNER.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/test/lib.sh
source "$here/lib.sh"

(($# > 0)) || die "usage: $0 COMMAND [ARG...]"
bindir="$(pg_bindir)" || die "with-postgres: no PostgreSQL server found; run scripts/test/system.sh"

# initdb refuses to run as root, so as root the cluster belongs to the postgres user.
owner=()
if [[ "$(id -u)" == 0 ]]; then
	id postgres >/dev/null 2>&1 || die "with-postgres: running as root but there is no postgres user"
	owner=(runuser -u postgres --)
fi

started_ns="$(date +%s%N)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/mat-pg.XXXXXX")"
data="$tmp/data"
log="$tmp/postgres.log"
child=''

cleanup() {
	local status=$?
	trap - EXIT INT TERM HUP
	if [[ -n "$child" ]] && kill -0 "$child" 2>/dev/null; then
		kill -TERM "$child" 2>/dev/null || true
		wait "$child" 2>/dev/null || true
	fi
	if [[ -f "$data/postmaster.pid" ]]; then
		local stopped_ns pid
		stopped_ns="$(date +%s%N)"
		if ! "${owner[@]}" "$bindir/pg_ctl" -D "$data" -m immediate -w -t 20 stop >/dev/null 2>&1; then
			pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
			[[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null || true
		fi
		echo "with-postgres: stopped the cluster in $(ms_since "$stopped_ns") ms" >&2
	fi
	rm -rf "$tmp"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

ms_since() {
	echo $((($(date +%s%N) - $1) / 1000000))
}

[[ ${#owner[@]} -eq 0 ]] || chown postgres: "$tmp"
"${owner[@]}" "$bindir/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C \
	--no-sync --no-instructions >"$tmp/initdb.log" 2>&1 ||
	{
		cat "$tmp/initdb.log" >&2
		die "with-postgres: initdb failed"
	}

# The port is free when picked, but something may take it before the server binds; try again.
for attempt in 1 2 3; do
	port="$(free_port)"
	cat >"$data/postgresql.auto.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$tmp'
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
log_min_messages = warning
CONF
	[[ ${#owner[@]} -eq 0 ]] || chown postgres: "$data/postgresql.auto.conf"
	if "${owner[@]}" "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null 2>&1; then
		break
	fi
	if ((attempt == 3)) || ! grep -q 'could not bind' "$log" 2>/dev/null; then
		cat "$log" >&2 || true
		die "with-postgres: the server did not start"
	fi
done

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
export TEST_PG_DATA="$data" TEST_PG_BINDIR="$bindir" TEST_PG_LOG="$log"
[[ ${#owner[@]} -eq 0 ]] || export TEST_PG_OWNER=postgres
postgis="$("$bindir/psql" "$TEST_DATABASE_URL" -XAtqc \
	"select default_version from pg_available_extensions where name = 'postgis'")"
[[ -n "$postgis" ]] || die "with-postgres: PostGIS is not installed for PostgreSQL $(pg_version)"

echo "with-postgres: PostgreSQL $(pg_version) + PostGIS $postgis on 127.0.0.1:$port," \
	"up in $(ms_since "$started_ns") ms" >&2

# In the background so that a signal to this script is handled at once (and passed on) rather
# than after COMMAND has finished on its own.
"$@" &
child=$!
wait "$child"
