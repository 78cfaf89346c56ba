#!/bin/sh
# Runs every test layer and prints one closing line "N passed, N failed".
#   sh tests/run.sh            all layers
#   sh tests/run.sh unit       C unit tests only (VALGRIND=1 runs them under valgrind)
# Each layer prints "ok - name" or "FAIL - name" per test; this script counts.
set -u

TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"
B=build/tests
ONLY=${1:-all}
RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT

ok()   { echo "ok - $1"; }
fail() { echo "FAIL - $1"; }

layer_unit() {
	for src in tests/unit/test-*.c; do
		t=$B/$(basename "$src" .c)
		name=unit/$(basename "$t")
		if [ "${VALGRIND:-0}" = 1 ]; then
			run="valgrind -q --error-exitcode=1 --leak-check=full"
		else
			run=""
		fi
		if out=$($run "$t" 2>&1); then ok "$name"; else fail "$name"; echo "$out" | sed 's/^/    /'; fi
	done
}

layer_spec() {
	spec=$TOP/../shared/conformance/mustache
	if [ ! -d "$spec" ]; then
		fail "tpl/spec (no $spec)"
		return
	fi
	$B/spec "$spec"/*.json 2>&1
}

layer_golden() {
	[ -x $B/golden ] || return 0
	for model in tests/tpl/*.json; do
		[ -f "$model" ] || continue
		name=$(basename "$model" .json)
		if out=$($B/golden templates "$model" "tests/tpl/$name.html" 2>&1); then
			ok "tpl/golden/$name"
		else
			fail "tpl/golden/$name"; echo "$out" | sed 's/^/    /'
		fi
	done
}

layer_fuzz() {
	for r in $B/replay-fuzz-*; do
		[ -x "$r" ] || continue
		target=${r##*/replay-fuzz-}
		for dir in tests/fuzz/corpus/$target tests/fuzz/regression/$target; do
			[ -d "$dir" ] || continue
			if out=$("$r" "$dir" 2>&1); then
				ok "fuzz/$target/$(basename "$dir")"
			else
				fail "fuzz/$target/$(basename "$dir")"; echo "$out" | tail -n 20 | sed 's/^/    /'
			fi
		done
	done
}

layer_stack() {
	if [ ! -d node_modules/playwright-core ]; then
		npm install --no-audit --no-fund --silent >/dev/null 2>&1 || \
		    npm install --no-audit --no-fund
	fi
	export AGORA_VAR=$(mktemp -d /tmp/agora-test.XXXXXX)
	export PORT=$(( 20000 + $$ % 20000 ))
	# The sign-in limit is raised so account tests can sign in often;
	# limits.test.mjs still reaches it with a quick burst.
	export STRICT_TEMPLATES=1 WORKERS=${WORKERS:-3} AUTH_RATE=${AUTH_RATE:-600}
	export AGORA_URL=http://127.0.0.1:$PORT
	if ! sh etc/stack.sh start > "$AGORA_VAR/start.log" 2>&1; then
		cat "$AGORA_VAR/start.log"
		fail "stack/start"
		sh etc/stack.sh stop >/dev/null 2>&1
		return
	fi
	ok "stack/start"
	node --test --test-reporter=tap tests/e2e/ 2>&1 
	if [ -d tests/browser ] && ls tests/browser/*.test.mjs >/dev/null 2>&1; then
		node --test --test-reporter=tap tests/browser/ 2>&1 
	fi
	sh etc/stack.sh stop >/dev/null 2>&1
	if [ "${KEEP_VAR:-0}" != 1 ]; then rm -rf "$AGORA_VAR"; fi
}

# Every layer prints "ok - x" / "FAIL - x"; node's TAP adds top-level
# "ok N - x" / "not ok N - x".  Everything is shown and counted.
case "$ONLY" in
unit)	layer_unit ;;
e2e)	layer_stack ;;
*)	layer_unit; layer_spec; layer_golden; layer_fuzz; layer_stack ;;
esac 2>&1 | tee "$RESULTS"

passed=$(grep -cE '^ok ' "$RESULTS")
failed=$(grep -cE '^(FAIL - |not ok )' "$RESULTS")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
