#!/bin/sh
# The dashboard at an NGO's scale: one NGO with 500 events and 50,000
# participations (plus likes and sponsors) spread over 90 days, the
# rollups rebuilt from the raw tables (notifier -R), then wrk on its
# page and its JSON twin for a 90-day and the default 30-day range.
# Target: the page's p99 under 20 ms.  /api/v1/users/me, one row by
# primary key, is loaded the same way for scale.
#
# Runs against a stack that is already up, as bench/run.sh starts it
# (rate limits lifted): AGORA_VAR and PORT name it, e.g. from run.sh
#   AGORA_VAR=$VAR PORT=$PORT BENCH_SECONDS=$SECS sh "$TOP/bench/dashboard.sh"
# It adds its own NGO, people and companies beside whatever is there.  Prints a line per
# case, "dashboard|label|path|req/s|p50 ms|p99 ms|non-2xx|errors", then
# the summary; exits 1 on a miss when BENCH_STRICT=1.
#
# Environment: AGORA_VAR, PORT (8080), BENCH_SECONDS (10), BENCH_CONNS
# (32), BENCH_EVENTS (500), BENCH_PARTS (50000).
set -eu

TOP=$(cd "$(dirname "$0")/.." && pwd)
VAR=${AGORA_VAR:?AGORA_VAR names the running stack}
PORT=${PORT:-8080}
SECS=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNS:-32}
N_EVENTS=${BENCH_EVENTS:-500}
N_PARTS=${BENCH_PARTS:-50000}
WARMUP=2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/agora-dash-bench.XXXXXX")
CNF=$WORK/client.cnf
trap 'rm -rf "$WORK"' EXIT

say() { printf '%s\n' "$*"; }
die() { say "bench/dashboard: $*" >&2; exit 1; }
url() { printf 'http://127.0.0.1:%s%s' "$PORT" "$1"; }

command -v wrk >/dev/null 2>&1 || die "wrk is missing"
[ -f "$VAR/agora.conf" ] || die "$VAR/agora.conf is missing: is the stack up?"
db_get() {
	awk -v k="$1" '
	/^\[/ { s = $0; next }
	s == "[db]" && index($0, k " = ") == 1 {
		print substr($0, length(k) + 4); exit
	}' "$VAR/agora.conf"
}
(
	umask 077
	printf '[client]\nuser = %s\npassword = %s\nsocket = %s\ndatabase = %s\n' \
	    "$(db_get user)" "$(db_get password)" "$(db_get socket)" \
	    "$(db_get name)" > "$CNF"
)
sql1() { mariadb --defaults-file="$CNF" -N -B -e "$1"; }

# The NGO signs up through the API, so its token is a real one.
EMAIL="dash-bench-$(date +%s)-$$@bench.agora.test"
PASS="Bench-Dashboard-$$-2026"
TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' -d "{\"email\":\
\"$EMAIL\",\"password\":\"$PASS\",\"name\":\"ONG del banco de pruebas\",\
\"role\":\"ong\",\"organization\":\"Banco de pruebas\",\"tax_id\":\"G$(date +%s)\"}" \
    "$(url /api/v1/auth/register)" |
    sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || die "could not register the NGO"
ORG=$(sql1 "SELECT id FROM users WHERE email = '$EMAIL'")

say "dashboard: one NGO ($ORG), $N_EVENTS events, $N_PARTS participations"
g0=$(date +%s)
mariadb --defaults-file="$CNF" -N -B <<SQL || die "loading the data failed"
SET SESSION foreign_key_checks = 0, unique_checks = 0;
SET @org = $ORG, @n_events = $N_EVENTS, @n_parts = $N_PARTS;
SET @per = CEIL(@n_parts / @n_events);
SET @n_people = GREATEST(@per * 10, 1000);
SELECT COALESCE(MAX(id), 0) INTO @u0 FROM users;
SELECT COALESCE(MAX(id), 0) INTO @e0 FROM events;
SELECT MIN(id) INTO @type FROM event_types WHERE retired_at IS NULL;
SELECT MIN(id) INTO @city FROM cities WHERE retired_at IS NULL;
START TRANSACTION;
-- People (never sign in) and ten companies.
INSERT INTO users (id, email, password_hash, name, role)
SELECT @u0 + seq, CONCAT('dash', @org, '-', seq, '@bench.agora.test'), '!',
    CONCAT('Persona ', seq), IF(seq <= 10, 'empresa', 'externo')
FROM seq_1_to_1000000 WHERE seq <= @n_people + 10;
-- Events created over the last 90 days: mostly published, some finished
-- or cancelled, a few drafts.
INSERT INTO events (id, organizer_id, title, description, type_id, city_id,
    starts_at, ends_at, capacity, status, created_at, published_at)
SELECT @e0 + seq, @org, CONCAT('Evento solidario nº ', seq, ' «', ELT(1 +
    seq % 4, 'Reparto', 'Limpieza', 'Taller', 'Concierto'), '»'),
    'Generado para el banco de pruebas del panel.', @type, @city,
    UTC_TIMESTAMP() + INTERVAL (seq % 60) DAY,
    UTC_TIMESTAMP() + INTERVAL (seq % 60) DAY + INTERVAL 2 HOUR, 0,
    CASE WHEN seq % 50 = 0 THEN 'draft' WHEN seq % 25 = 1 THEN 'finished'
	WHEN seq % 40 = 3 THEN 'cancelled' ELSE 'published' END,
    UTC_TIMESTAMP() - INTERVAL (seq % 90) DAY - INTERVAL (seq % 24) HOUR,
    UTC_TIMESTAMP() - INTERVAL (seq % 90) DAY
FROM seq_1_to_100000 WHERE seq <= @n_events;
-- @per people per event, every state represented, over 90 days.
INSERT INTO participations (event_id, user_id, status, created_at)
SELECT @e0 + 1 + (s.seq - 1) DIV @per,
    @u0 + 11 + ((((s.seq - 1) DIV @per) * 7 + (s.seq - 1) % @per) % @n_people),
    ELT(1 + s.seq % 10, 'approved', 'pending', 'rejected', 'cancelled',
	'waitlisted', 'approved', 'approved', 'approved', 'approved',
	'approved'),
    UTC_TIMESTAMP() - INTERVAL (s.seq % 90) DAY - INTERVAL (s.seq % 1440) MINUTE
FROM seq_1_to_10000000 s WHERE s.seq <= @n_parts;
-- A like from every fifth participant; a sponsor for every tenth event.
INSERT INTO event_reactions (event_id, user_id, created_at)
SELECT event_id, user_id, created_at FROM participations
WHERE event_id > @e0 AND event_id <= @e0 + @n_events AND id % 5 = 0;
INSERT INTO event_sponsors (event_id, company_id, status)
SELECT @e0 + seq, @u0 + 1 + seq % 10, ELT(1 + seq % 4, 'accepted',
    'accepted', 'invited', 'declined')
FROM seq_1_to_100000 WHERE seq <= @n_events AND seq % 10 = 0;
-- The events' own counters, as the programs keep them.
UPDATE events e JOIN (SELECT event_id, SUM(status = 'approved') AS a,
    SUM(status = 'pending') AS p, SUM(status = 'waitlisted') AS w
    FROM participations WHERE event_id > @e0 GROUP BY event_id) n
    ON n.event_id = e.id
SET e.approved_count = n.a, e.pending_count = n.p, e.waitlist_count = n.w;
UPDATE events e JOIN (SELECT event_id, COUNT(*) AS n FROM event_reactions
    WHERE event_id > @e0 GROUP BY event_id) r ON r.event_id = e.id
SET e.reactions_count = r.n;
COMMIT;
SQL
say "  loaded in $(($(date +%s) - g0)) s"
g0=$(date +%s)
AGORA_SERVER_TEMPLATES=${AGORA_SERVER_TEMPLATES:-$TOP/templates} \
    "$TOP/build/cron/notifier" -c "$VAR/agora.conf" -R 2>"$WORK/rebuild.log" ||
    { cat "$WORK/rebuild.log" >&2; die "notifier -R failed"; }
say "  rollups rebuilt in $(($(date +%s) - g0)) s"
PARTS=$(sql1 "SELECT COUNT(*) FROM participations p JOIN events e ON e.id = p.event_id WHERE e.organizer_id = $ORG")
ROLLED=$(sql1 "SELECT SUM(pending + approved + rejected + cancelled + waitlisted) FROM dash_day WHERE scope_id = $ORG")
[ "$PARTS" = "$ROLLED" ] || die "rollups count $ROLLED participations, the table $PARTS"

FROM=$(date -u -d '89 days ago' +%Y-%m-%d)
TO=$(date -u +%Y-%m-%d)
AUTH="Authorization: Bearer $TOKEN"

. "$TOP/bench/lib.sh"

misses=0
while IFS="|" read -r key label path accept <&3; do
	code=$(curl -s -o "$WORK/$key.body" -w '%{http_code}' -H "$AUTH" \
	    -H "Accept: $accept" "$(url "$path")")
	[ "$code" = 200 ] || die "$path answered $code"
	wrk -t1 -c"$CONNS" -d"${WARMUP}s" -H "$AUTH" -H "Accept: $accept" \
	    "$(url "$path")" >/dev/null 2>&1
	wrk -t1 -c"$CONNS" -d"${SECS}s" --latency -H "$AUTH" \
	    -H "Accept: $accept" "$(url "$path")" > "$WORK/$key.wrk" 2>&1
	stats=$(wrk_stats "$WORK/$key.wrk")
	say "dashboard|$label|$path|$stats|$(wc -c < "$WORK/$key.body") bytes"
	p99=$(echo "$stats" | cut -d'|' -f3)
	bad=$(echo "$stats" | cut -d'|' -f4)
	verdict=$(awk -v p="$p99" -v b="$bad" 'BEGIN { print (p < 20 && b == 0) ? "PASS" : "MISS" }')
	[ "$verdict" = PASS ] || misses=$((misses + 1))
	say "  $label: $(echo "$stats" | cut -d'|' -f1) req/s, p50 $(echo "$stats" | cut -d'|' -f2) ms, p99 $p99 ms (< 20 ms: $verdict)"
done 3<<EOF
page90|Dashboard page, 90 days (NGO)|/dashboard?from=$FROM&to=$TO|text/html
api90|Dashboard JSON, 90 days (NGO)|/api/v1/dashboard?from=$FROM&to=$TO|application/json
page30|Dashboard page, last 30 days (NGO)|/dashboard|text/html
csv90|Dashboard CSV of days, 90 days (NGO)|/dashboard/days.csv?from=$FROM&to=$TO|text/csv
me|for scale: /api/v1/users/me (one row)|/api/v1/users/me|application/json
EOF
say "  load: wrk -t1 -c$CONNS -d${SECS}s after ${WARMUP}s; $(nproc) CPUs"
if [ "$misses" -gt 0 ] && [ "${BENCH_STRICT:-0}" = 1 ]; then
	exit 1
fi
exit 0
