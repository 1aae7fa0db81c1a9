# Helpers shared by the test scripts (sourced, not run).

die() {
	echo "$*" >&2
	exit 1
}

# The PostgreSQL server's bin directory: $PG_BINDIR, Debian's 15, Debian's newest, or PATH.
pg_bindir() {
	local dir candidates=()
	if [[ -n "${PG_BINDIR:-}" ]]; then
		candidates=("$PG_BINDIR")
	else
		candidates=(/usr/lib/postgresql/15/bin)
		while IFS= read -r dir; do candidates+=("$dir"); done < <(
			compgen -G '/usr/lib/postgresql/*/bin' | sort -rV
		)
		if command -v pg_ctl >/dev/null; then
			candidates+=("$(dirname "$(readlink -f "$(command -v pg_ctl)")")")
		fi
	fi
	for dir in "${candidates[@]}"; do
		if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" && -x "$dir/psql" ]]; then
			echo "$dir"
			return 0
		fi
	done
	return 1
}

pg_version() {
	"$(pg_bindir)/postgres" --version | sed -E 's/^[^0-9]*([0-9.]+).*/\1/'
}

# Where the server's extensions live (postgis.control must be in <sharedir>/extension).
pg_sharedir() {
	local bindir major
	bindir="$(pg_bindir)" || return 1
	if [[ -x "$bindir/pg_config" ]]; then
		"$bindir/pg_config" --sharedir
		return 0
	fi
	major="$(pg_version)"
	major="${major%%.*}"
	for dir in "/usr/share/postgresql/$major" "$bindir/../share/postgresql" "$bindir/../share"; do
		if [[ -d "$dir/extension" ]]; then
			echo "$dir"
			return 0
		fi
	done
	return 1
}

chromium_path() {
	echo "${CHROMIUM_PATH:-/usr/bin/chromium}"
}

# A TCP port on 127.0.0.1 that nothing listens on right now (the kernel picks it).
free_port() {
	node -e "const s = require('node:net').createServer();
s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}
