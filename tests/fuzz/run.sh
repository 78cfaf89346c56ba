#!/bin/sh
# make fuzz: runs every libFuzzer target for SECONDS each (default 60),
# starting from its seed corpus; a crash is copied to regression/<target>/
# so that `make test` replays it from then on.
#   sh tests/fuzz/run.sh [SECONDS] [TARGET...]
set -eu

TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP"
SECS=${1:-60}
[ $# -gt 0 ] && shift
DEPS_EXTRA="clang libclang-rt-14-dev" sh etc/deps.sh
OUT=build/fuzz
mkdir -p "$OUT"
CFLAGS="-g -O1 -std=c17 -D_GNU_SOURCE -Ilib $(pkg-config --cflags libmariadb gdlib libexif) \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
LIBS="-lfcgi -lmagic $(pkg-config --libs jansson libsodium liburiparser libutf8proc libmariadb libargon2 inih gdlib libexif) -lpthread -lm"
# The runaway-render guard is lowered so the fuzzer keeps its pace.
STEPS=-DTPL_MAX_STEPS=200000
OUTMAX="-DTPL_MAX_OUTPUT=(1UL<<22)"

targets=${*:-$(ls tests/fuzz/fuzz-*.c | sed 's|tests/fuzz/fuzz-||; s|\.c$||')}
status=0
for t in $targets; do
	bin=$OUT/fuzz-$t
	# shellcheck disable=SC2086
	clang $CFLAGS $STEPS "$OUTMAX" -o "$bin" "tests/fuzz/fuzz-$t.c" lib/*.c $LIBS
	work=$OUT/corpus-$t
	mkdir -p "$work" "tests/fuzz/regression/$t"
	cp -n tests/fuzz/corpus/"$t"/* "$work"/ 2>/dev/null || true
	echo "fuzzing $t for ${SECS}s"
	if ! (cd "$OUT" && "./fuzz-$t" -max_total_time="$SECS" -max_len=8192 \
	    -print_final_stats=1 "corpus-$t" 2>&1 | tail -n 12); then
		status=1
	fi
	for c in "$OUT"/crash-* "$OUT"/leak-* "$OUT"/timeout-*; do
		[ -f "$c" ] || continue
		echo "found $(basename "$c"): saved to tests/fuzz/regression/$t/"
		mv "$c" "tests/fuzz/regression/$t/"
		status=1
	done
done
exit $status
