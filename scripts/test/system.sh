#!/usr/bin/env bash
# Makes sure the system packages the test suite needs are present: a PostgreSQL 15 server with
# PostGIS 3 (for the db tests on a real server) and Chromium (for the e2e tests). As root on
# Debian it installs what is missing; anywhere else it says what to install and fails.
#
# Overrides: PG_BINDIR (a PostgreSQL bin directory with initdb/pg_ctl/postgres) and CHROMIUM_PATH.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/test/lib.sh
source "$here/lib.sh"

missing=()
if ! pg_bindir >/dev/null; then
	missing+=(postgresql-15-postgis-3)
elif [[ ! -f "$(pg_sharedir)/extension/postgis.control" ]]; then
	missing+=(postgresql-15-postgis-3)
fi
if [[ ! -x "$(chromium_path)" ]]; then
	missing+=(chromium)
fi

if ((${#missing[@]} == 0)); then
	echo "system: PostgreSQL $(pg_version) with PostGIS, $("$(chromium_path)" --version 2>/dev/null)"
	exit 0
fi

if [[ "$(id -u)" == 0 && -f /etc/debian_version ]] && command -v apt-get >/dev/null; then
	echo "system: installing ${missing[*]} with apt-get"
	export DEBIAN_FRONTEND=noninteractive
	# Waits for another apt/dpkg run to release its lock instead of failing at once.
	apt_opts=(-qq -o DPkg::Lock::Timeout=900 -o Dpkg::Use-Pty=0)
	apt-get "${apt_opts[@]}" update >/dev/null
	apt-get "${apt_opts[@]}" install -y "${missing[@]}" >/dev/null
	pg_bindir >/dev/null || die "system: installed ${missing[*]} but found no PostgreSQL binaries"
	[[ -x "$(chromium_path)" ]] || die "system: installed ${missing[*]} but $(chromium_path) is missing"
	echo "system: PostgreSQL $(pg_version) with PostGIS, $("$(chromium_path)" --version 2>/dev/null)"
	exit 0
fi

cat >&2 <<MSG
system: missing ${missing[*]}.
The tests need a PostgreSQL 15 server with PostGIS 3 and Chromium. On Debian or Ubuntu, as root:
    apt-get install postgresql-15-postgis-3 chromium
Elsewhere install PostgreSQL with PostGIS and Chromium (or Chrome) from your system's packages,
then point the tests at them if they are not in the usual places:
    PG_BINDIR=/path/to/postgresql/bin CHROMIUM_PATH=/path/to/chromium npm test
MSG
exit 1
