#!/usr/bin/env bash
# npm test: every check the project has, cheapest first. Usage: run-all.sh [STEP...]
#   system  installs/verifies PostgreSQL 15 + PostGIS 3 and Chromium (scripts/test/system.sh)
#   lint    prettier + eslint, zero warnings        check  svelte-check, zero warnings
#   unit    vitest --project unit
#   db      vitest --project db, on PGlite and on a throwaway PostgreSQL (with-postgres.sh)
#   api     vitest --project api: the built app's JSON API over HTTP, against a brute-force
#           oracle, twice: served from the embedded PGlite, then from a throwaway PostgreSQL
#   faults  vitest --project faults: the built app on a throwaway PostgreSQL that the test stops
#           and starts under load (503 + Retry-After, /healthz, recovery)
#   embedded vitest --project embedded: the built app on its embedded database, with every
#           operator command run through it while it serves and takes reports; restart; a
#           second server refused
#   e2e     vitest --project e2e: the built app in headless Chromium
# The app is built once, by the first of api, faults, embedded and e2e that runs
# (E2E_SKIP_BUILD=1 with an existing build/ skips it). Every step runs even after a failure (db,
# api, faults, embedded and e2e are skipped if system failed); the exit status is non-zero if
# any step failed. The last line counts the tests of all vitest steps.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

all_steps=(system lint check unit db api faults embedded e2e)
steps=("${all_steps[@]}")
(($# == 0)) || steps=("$@")
for step in "${steps[@]}"; do
	[[ " ${all_steps[*]} " == *" $step "* ]] || {
		echo "run-all: unknown step '$step' (steps: ${all_steps[*]})" >&2
		exit 2
	}
done

results="$(mktemp -d "${TMPDIR:-/tmp}/mat-test.XXXXXX")"
trap 'rm -rf "$results"' EXIT
trap 'echo; echo "run-all: interrupted" >&2; exit 130' INT
trap 'exit 143' TERM

# vitest_as REPORT PROJECT [ARG...]: runs a vitest project, its JSON report in $results/REPORT.json.
vitest_as() {
	local report=$1 project=$2
	shift 2
	node node_modules/vitest/vitest.mjs run --project "$project" \
		--reporter=default --reporter=json --outputFile.json="$results/$report.json" "$@"
}

vitest() {
	vitest_as "$1" "$@"
}

built=0
[[ ${E2E_SKIP_BUILD:-} == 1 && -f build/handler.js ]] && built=1
build_once() {
	((built)) && return 0
	local log="$results/build.log" t
	t="$(date +%s%N)"
	if node node_modules/vite/bin/vite.js build >"$log" 2>&1; then
		echo "built the app in $(seconds_since "$t")"
		built=1
		# The global setup of the api and e2e projects then serves this build as it is.
		export E2E_SKIP_BUILD=1
	else
		cat "$log" >&2
		echo "run-all: vite build failed" >&2
		return 1
	fi
}

# The api project on both backends: its global setup serves the build from a fresh embedded
# database, or from E2E_DATABASE_URL (here the throwaway cluster's empty database); each run
# imports the national directory once. The tests check /healthz names the expected backend.
api_step() {
	local status=0
	build_once || return 1
	echo "── api on PGlite ──"
	API_EXPECT_DATABASE=pglite vitest_as api-pglite api || status=1
	echo "── api on PostgreSQL ──"
	REQUIRE_POSTGRES=1 API_EXPECT_DATABASE=postgres bash scripts/test/with-postgres.sh \
		bash -c 'E2E_DATABASE_URL="$TEST_DATABASE_URL" exec "$@"' api-postgres \
		node node_modules/vitest/vitest.mjs run --project api \
		--reporter=default --reporter=json --outputFile.json="$results/api-postgres.json" ||
		status=1
	return "$status"
}

run_step() {
	case $1 in
	system) bash scripts/test/system.sh ;;
	lint) npm run --silent lint ;;
	check) npm run --silent check ;;
	unit) vitest unit ;;
	db) REQUIRE_POSTGRES=1 bash scripts/test/with-postgres.sh \
		node node_modules/vitest/vitest.mjs run --project db \
		--reporter=default --reporter=json --outputFile.json="$results/db.json" ;;
	api) api_step ;;
	faults) build_once && REQUIRE_POSTGRES=1 bash scripts/test/with-postgres.sh \
		bash -c 'E2E_DATABASE_URL="$TEST_DATABASE_URL" exec "$@"' faults \
		node node_modules/vitest/vitest.mjs run --project faults \
		--reporter=default --reporter=json --outputFile.json="$results/faults.json" ;;
	embedded) build_once && vitest embedded ;;
	e2e) build_once && vitest e2e ;;
	esac
}

seconds_since() {
	local ms=$((($(date +%s%N) - $1) / 1000000))
	printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100))
}

started="$(date +%s%N)"
summary=()
failed=()
system_ok=1
index=0
for step in "${steps[@]}"; do
	index=$((index + 1))
	echo
	echo "━━━━ [$index/${#steps[@]}] $step ━━━━"
	step_started="$(date +%s%N)"
	if [[ ($step == db || $step == api || $step == faults || $step == embedded || $step == e2e) && $system_ok == 0 ]]; then
		echo "skipped: the system step failed"
		status=skipped
		failed+=("$step")
		touch "$results/$step.failed"
	elif run_step "$step"; then
		status=ok
	else
		status=FAILED
		failed+=("$step")
		touch "$results/$step.failed"
		[[ $step != system ]] || system_ok=0
	fi
	summary+=("$(printf '  %-8s %-7s %s' "$status" "$step" "$(seconds_since "$step_started")")")
done

# Sums the vitest JSON reports (a step's are STEP.json or STEP-*.json, e.g. api-pglite.json). A
# test file that failed without a failing test (import error, failing hook) counts as one failure,
# and so does a vitest step that failed with no failure in its reports (global setup, no report
# at all): a broken run never reads as "0 failed".
counts="$(
	node --input-type=module - "$results" <<'JS'
import { existsSync, readdirSync, readFileSync } from 'node:fs';
const dir = process.argv[2];
const files = readdirSync(dir);
let passed = 0, failed = 0, skipped = 0;
for (const step of ['unit', 'db', 'api', 'faults', 'e2e']) {
	const reports = files
		.filter((f) => f === `${step}.json` || (f.startsWith(`${step}-`) && f.endsWith('.json')))
		.map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));
	let stepFailures = 0;
	for (const report of reports) {
		passed += report.numPassedTests;
		skipped += report.numPendingTests + report.numTodoTests;
		stepFailures += report.numFailedTests;
		for (const result of report.testResults) {
			const failedTests = result.assertionResults.filter((t) => t.status === 'failed').length;
			if (result.status === 'failed' && failedTests === 0) stepFailures += 1;
		}
	}
	if (stepFailures === 0 && existsSync(`${dir}/${step}.failed`)) stepFailures = 1;
	failed += stepFailures;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
JS
)"

echo
echo "━━━━ summary ━━━━"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]} == 0)); then
	echo "all ${#steps[@]} steps passed in $(seconds_since "$started")"
else
	echo "FAILED: ${failed[*]} (after $(seconds_since "$started"))"
fi
echo "tests: $counts"
((${#failed[@]} == 0))
