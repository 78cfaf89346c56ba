#!/bin/sh
# What open notification streams cost everyone else, and how fast a
# notification reaches its stream.
#
#   1. wrk latency (p50, p99) and req/s of two ordinary routes, the Events
#      JSON list and /api/v1/users/me with a bearer token, with no stream
#      open;
#   2. the same with BENCH_STREAMS (200) streams held open by a node helper
#      (bench/stream.mjs), one per user, each from its own loopback address;
#   3. step 1 again once the streams are closed, since this machine's other
#      load moves the figures (the load average is printed), and the CPU
#      time the stream worker used while the streams were open;
#   4. commit-to-delivery: BENCH_ROWS (200) rows inserted one at a time for
#      the streams' user, from the INSERT sent to its event received.
#
#   sh bench/stream.sh                      a private stack on BENCH_PORT
#                                           (18090), rate limits lifted
#   AGORA_VAR=dir PORT=n sh bench/stream.sh a running stack whose limits are
#                                           lifted (bench/run.sh's)
#
# Environment: BENCH_SECONDS (10) per wrk run after a 2 s warm-up,
# BENCH_STREAMS (200), BENCH_ROWS (200), WORKERS (4, private stack only).
# The figures are printed and saved to bench/results/stream.txt.
set -eu

TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"
SECS=${BENCH_SECONDS:-10}
STREAMS=${BENCH_STREAMS:-200}
ROWS=${BENCH_ROWS:-200}
CONNS=32
WARMUP=2
OUT=$TOP/bench/results/stream.txt

say() { printf '%s\n' "$*"; }
die() { say "bench/stream: $*" >&2; exit 1; }

command -v wrk >/dev/null 2>&1 || die "wrk is missing"
command -v node >/dev/null 2>&1 || die "node is missing"
[ -x "$TOP/build/cgi-bin/stream" ] || die "build/cgi-bin/stream is missing: run 'make'"

own=0
if [ -n "${AGORA_VAR:-}" ] && [ -n "${PORT:-}" ]; then
	VAR=$AGORA_VAR
else
	own=1
	PORT=${BENCH_PORT:-18090}
	VAR=$(mktemp -d "${TMPDIR:-/tmp}/agora-bench-stream.XXXXXX")
fi
WORK=$VAR/bench-stream
mkdir -p "$WORK"
holder=""
wrk_pid=""

stack() {
	AGORA_VAR=$VAR PORT=$PORT RATE=1000000 AUTH_RATE=1000000 \
	    BURST=1000000 WORKERS=${WORKERS:-4} sh "$TOP/etc/stack.sh" "$1"
}

# shellcheck disable=SC2317	# called by the EXIT trap
cleanup() {
	rc=$?
	trap - EXIT INT TERM
	[ -n "$wrk_pid" ] && kill "$wrk_pid" 2>/dev/null
	if [ -n "$holder" ]; then
		kill "$holder" 2>/dev/null || true
		wait "$holder" 2>/dev/null || true
	fi
	if [ "$own" -eq 1 ]; then
		stack stop >/dev/null 2>&1 || true
		if [ "$rc" -eq 0 ]; then
			rm -rf "$VAR"
		else
			say "bench/stream: logs kept in $VAR" >&2
		fi
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

url() { printf 'http://127.0.0.1:%s%s' "$PORT" "$1"; }

if [ "$own" -eq 1 ]; then
	curl -s -o /dev/null "$(url /)" 2>/dev/null && die "port $PORT is taken; set BENCH_PORT"
	say "starting a stack on 127.0.0.1:$PORT ($VAR)"
	stack start >"$WORK/stack.log" 2>&1 || { cat "$WORK/stack.log" >&2; die "the stack did not start"; }
fi

DEMO='{"email":"persona@agora.test","password":"Demo-Agora-2026"}'
TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' -d "$DEMO" \
    "$(url /api/v1/auth/login)" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || die "could not sign in the demo account"
SECRET=$(sed -n 's/^secret = //p' "$VAR/agora.conf" | head -n 1)
[ -n "$SECRET" ] || die "no [auth] secret in $VAR/agora.conf"
export TOKEN SECRET PORT AGORA_VAR="$VAR"

load() {
	wrk -t1 -c"$CONNS" "$@" > "$WORK/wrk.out" 2>&1 &
	wrk_pid=$!
	wait "$wrk_pid"
	wrk_pid=""
}

. "$TOP/bench/lib.sh"

# measure LABEL: both routes, one line each into $WORK/rows.
measure() {
	for route in "/api/v1/events" "/api/v1/users/me"; do
		code=$(curl -s -o /dev/null -w '%{http_code}' \
		    -H "Authorization: Bearer $TOKEN" "$(url "$route")")
		[ "$code" = 200 ] || die "$route answered $code"
		load -d"${WARMUP}s" -H "Authorization: Bearer $TOKEN" "$(url "$route")"
		load -d"${SECS}s" --latency -H "Authorization: Bearer $TOKEN" \
		    "$(url "$route")"
		printf '%s|%s|%s\n' "$1" "$route" "$(wrk_stats "$WORK/wrk.out")" \
		    >> "$WORK/rows"
		say "  $route, $1: $(wrk_stats "$WORK/wrk.out" | cut -d'|' -f1) req/s"
	done
}

# CPU time (ms) the stream worker has used so far.
stream_cpu() {
	for p in $(pgrep -P "$(cat "$VAR/run/stream.pid")"); do
		awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' \
		    "/proc/$p/stat"
	done | head -n 1
}

: > "$WORK/rows"
say "ordinary routes, no stream open: wrk -t1 -c$CONNS -d${SECS}s"
measure "0 streams"

say "opening $STREAMS streams"
node "$TOP/bench/stream.mjs" hold "$STREAMS" > "$WORK/hold.out" 2>&1 &
holder=$!
i=0
until grep -q '^ready' "$WORK/hold.out" 2>/dev/null; do
	i=$((i + 1))
	if [ $i -gt 600 ] || ! kill -0 "$holder" 2>/dev/null; then
		cat "$WORK/hold.out" >&2
		die "the streams did not open"
	fi
	sleep 0.1
done
OPEN=$(curl -s "$(url /health/stream)" | sed -n 's/.*"streams":\([0-9]*\).*/\1/p')
RSS=$(for p in $(pgrep -P "$(cat "$VAR/run/stream.pid")"); do
	awk '/^VmRSS:/ { print $2 }' "/proc/$p/status"; done | head -n 1)
THREADS=$(for p in $(pgrep -P "$(cat "$VAR/run/stream.pid")"); do
	awk '/^Threads:/ { print $2 }' "/proc/$p/status"; done | head -n 1)
say "  $OPEN open (stream worker: ${RSS:-?} KiB resident, ${THREADS:-?} threads)"
cpu0=$(stream_cpu)
measure "$STREAMS streams"
CPU=$(($(stream_cpu) - cpu0))
say "  the stream worker used $CPU ms of CPU meanwhile"

say "commit-to-delivery over $ROWS rows, with the $STREAMS streams open"
LAT=$(node "$TOP/bench/stream.mjs" latency "$ROWS")
say "  $LAT"

kill "$holder" 2>/dev/null || true
wait "$holder" 2>/dev/null || true
holder=""
i=0
until [ "$(curl -s "$(url /health/stream)" | sed -n 's/.*"streams":\([0-9]*\).*/\1/p')" = 0 ]; do
	i=$((i + 1))
	[ $i -gt 100 ] && die "the closed streams were not freed"
	sleep 0.1
done
say "streams closed and freed; ordinary routes again"
measure "0 again"

git_rev=$(git -C "$TOP" rev-parse --short HEAD 2>/dev/null || echo unknown)
{
	say "Ágora stream bench  $(date -u '+%Y-%m-%d %H:%M UTC')  commit $git_rev"
	say "machine: $(nproc) CPUs, $(uname -sr); wrk -t1 -c$CONNS -d${SECS}s" \
	    "after ${WARMUP}s, bearer token"
	say ""
	awk -F'|' '
	BEGIN { printf "%-12s %-18s %8s %8s %8s %s\n", "streams", "route",
	    "req/s", "p50 ms", "p99 ms", "errors" }
	{ printf "%-12s %-18s %8d %8.2f %8.2f %s\n", $1, $2, $3, $4, $5,
	    $6 + $7 == 0 ? "-" : sprintf("%d non-2xx, %d socket", $6, $7) }
	' "$WORK/rows"
	say ""
	say "open streams: $OPEN; stream worker ${RSS:-?} KiB resident," \
	    "${THREADS:-?} threads, $CPU ms CPU during their runs"
	say "load average at the end (other work on this machine):" \
	    "$(cut -d' ' -f1-3 /proc/loadavg)"
	set -- $LAT
	say "commit-to-delivery (INSERT sent -> event received, poll every" \
	    "300 ms): $3 of $5 rows, p50 $7 ms, p99 $9 ms, max ${11} ms"
} | tee "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
say "saved to bench/results/stream.txt"
