#!/bin/sh
# The notifications program's benchmark, against a stack bench/run.sh
# started: one person with 10000 notifications (a few unread); wrk loads
# the unread counter, the first page of the list (API) and a page with the
# header counter, and prints requests/s, p50 and p99 for each.
#
# Environment: AGORA_VAR and BENCH_PORT (or PORT) of the running stack;
# BENCH_SECONDS (10) per case after a 2 s warm-up.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
PORT=${BENCH_PORT:-${PORT:-18080}}
VAR=${AGORA_VAR:?set AGORA_VAR to the running stack}
VAR=$(cd "$VAR" && pwd)
SECS=${BENCH_SECONDS:-10}
WARMUP=2
CONNS=32
RUN=$VAR/run
WORK=$(mktemp -d "${TMPDIR:-/tmp}/agora-bench-notifications.XXXXXX")
URL=http://127.0.0.1:$PORT
say() { printf '%s\n' "$*"; }
die() { say "bench/notifications: $*" >&2; exit 1; }
trap 'rm -rf "$WORK"' EXIT

command -v wrk >/dev/null 2>&1 || die "wrk is missing"
[ -f "$RUN/notifications.pid" ] || die "no notifications program in $VAR"

email="bench-notif-$(date +%s)-$$@example.org"
reg=$(curl -s -X POST -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"Bench-Notif-2026-x\",\"name\":\"Bench\",\"role\":\"externo\"}" \
    "$URL/api/v1/auth/register")
TOKEN=$(printf '%s' "$reg" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || die "could not register a bench account"

# 10000 notifications, the newest 7 unread: the counter's index has work.
mariadb --socket="$RUN/mysql.sock" -u root agora <<SQL
INSERT INTO notifications (user_id, type, title, body, link, read_at)
SELECT u.id, 'event_changed', CONCAT('Cambios en «Evento ', s.seq, '»'),
    'El evento en el que participas ha cambiado. Revisa los detalles.',
    CONCAT('/events/', s.seq), IF(s.seq > 9993, NULL, UTC_TIMESTAMP())
FROM users u JOIN seq_1_to_10000 s WHERE u.email = '$email';
SQL

cat > "$WORK/bearer.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA

. "$TOP/bench/lib.sh"

one() {
	label=$1 path=$2
	wrk -t1 -c"$CONNS" -d"${WARMUP}s" -s "$WORK/bearer.lua" "$URL$path" \
	    >/dev/null 2>&1
	wrk -t1 -c"$CONNS" -d"${SECS}s" --latency -s "$WORK/bearer.lua" \
	    "$URL$path" > "$WORK/out" 2>&1
	printf '%-34s %s\n' "$label" "$(wrk_stats "$WORK/out" | awk -F'|' \
	    '{ printf "%9.0f %8.3f %8.3f %6d", $1, $2, $3, $4 }')"
}

say "notifications: wrk -t1 -c$CONNS -d${SECS}s, one person with 10000 rows"
printf '%-34s %9s %8s %8s %6s\n' case req/s "p50 ms" "p99 ms" bad
one "unread count (API)" /api/v1/notifications/unread-count
one "list, first page (API)" /api/v1/notifications
one "list, deep cursor (API)" "/api/v1/notifications?before=500"
one "list page, header counter (HTML)" /notifications
