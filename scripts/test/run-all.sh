#!/usr/bin/env bash
# npm test: every check the project has, cheapest first. Usage: run-all.sh [STEP...]
#   system  installs/verifies PostgreSQL 15 + PostGIS 3 and Chromium (scripts/test/system.sh)
#   lint    prettier + eslint, zero warnings        check  svelte-check, zero warnings
#   unit    vitest --project unit
#   db      vitest --project db, on PGlite and on a throwaway PostgreSQL (with-postgres.sh)
#   e2e     vitest --project e2e: the built app in headless Chromium
# Every step runs even after a failure (db and e2e are skipped if system failed); the exit
# status is non-zero if any step failed. The last line counts the tests of all vitest steps.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

all_steps=(system lint check unit db e2e)
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

vitest() {
	local project=$1
	shift
	node node_modules/vitest/vitest.mjs run --project "$project" \
		--reporter=default --reporter=json --outputFile.json="$results/$project.json" "$@"
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
	e2e) vitest e2e ;;
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
	if [[ ($step == db || $step == e2e) && $system_ok == 0 ]]; then
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

# Sums the vitest JSON reports. A test file that failed without a failing test (import error,
# failing hook) counts as one failure, and so does a vitest step that failed with no failure in
# its report (global setup, no report at all): a broken run never reads as "0 failed".
counts="$(
	node --input-type=module - "$results" <<'JS'
import { existsSync, readFileSync } from 'node:fs';
const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
for (const step of ['unit', 'db', 'e2e']) {
	const file = `${dir}/${step}.json`;
	const report = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
	let stepFailures = 0;
	if (report) {
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
