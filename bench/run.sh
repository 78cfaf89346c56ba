#!/bin/sh
# Ágora's benchmark (`make bench`): starts a private stack in a temporary
# AGORA_VAR, adds nginx's static ceiling and the bare calibration program
# beside it, loads each case with wrk and prints requests/s, p50, p99 and
# resident memory per worker, the ratios, and PASS/MISS against the targets:
#   home page and its JSON twin >= 75% of bare's req/s for the same work,
#   p99 < 5 ms at 32 connections, < 6 MiB resident per worker; the Events
#   app at scale (bench/events-data.sql): list and detail pages >= 75% of
#   bare's page and p99 < 10 ms, search p99 < 20 ms, enrolment >= 1000/s
#   (bench/enroll.lua) with no errors and no event over capacity.
# The output is saved to bench/results/latest.txt.
#
# Environment: BENCH_SECONDS (10) per case, after a 2 s warm-up;
# BENCH_PORT (18080); BENCH_KEEP=1 keeps the temporary AGORA_VAR;
# BENCH_STRICT=1 exits 1 when a target is missed; BENCH_PARTICIPATIONS
# (1000000) generated participations.
set -eu

TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"
SECS=${BENCH_SECONDS:-10}
PORT=${BENCH_PORT:-18080}
CONNS=32
WARMUP=2
WORKERS=8
# Enrolment waits on durable commits: more workers, bigger group commits.
ENROL_WORKERS=${BENCH_ENROL_WORKERS:-32}
BARE=$TOP/build/bench/bare
OUT=$TOP/bench/results/latest.txt

say() { printf '%s\n' "$*"; }
die() { say "bench: $*" >&2; exit 1; }

case "$SECS" in
''|*[!0-9]*|0) die "BENCH_SECONDS must be a positive whole number" ;;
esac

if ! command -v wrk >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then
		DEPS_EXTRA=wrk sh "$TOP/etc/deps.sh"
	else
		die "wrk is missing: run 'sudo apt-get install -y wrk'"
	fi
fi
[ -x "$BARE" ] || die "$BARE is missing: run 'make -C bench'"
if curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then
	die "port $PORT is taken; set BENCH_PORT"
fi

VAR=$(mktemp -d "${TMPDIR:-/tmp}/agora-bench.XXXXXX")
RUN=$VAR/run
WORK=$VAR/bench
CNF=$WORK/client.cnf
RES=$WORK/results
mkdir -p "$WORK" "$VAR/nginx/extra" "$VAR/log"
bare_pid=""
wrk_pid=""
started=0
ok=0

stack() {
	AGORA_VAR=$VAR PORT=$PORT RATE=1000000 AUTH_RATE=1000000 \
	    BURST=1000000 WORKERS=$WORKERS \
	    AGORA_PARTICIPATIONS_WORKERS=$ENROL_WORKERS sh "$TOP/etc/stack.sh" "$1"
}

# Whatever happened, the bare program and the stack stop here.
# shellcheck disable=SC2317	# called by the EXIT trap
cleanup() {
	rc=$?
	trap - EXIT INT TERM
	if [ -n "$wrk_pid" ]; then
		kill "$wrk_pid" 2>/dev/null || true
	fi
	if [ -n "$bare_pid" ]; then
		kill "$bare_pid" 2>/dev/null || true
		wait "$bare_pid" 2>/dev/null || true
	fi
	if [ "$started" -eq 1 ]; then
		stack stop >/dev/null 2>&1 || true
	fi
	if [ "$ok" -eq 1 ] && [ "${BENCH_KEEP:-0}" != 1 ]; then
		rm -rf "$VAR"
	else
		say "bench: logs and data kept in $VAR" >&2
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# nginx's ceiling: a static file of about the responses' size.
cat > "$WORK/static-1k.json" <<'JSON'
{"name":"Ágora","apps":[{"key":"events","name":"Eventos","url":"/events","description":"Las ONG publican eventos sociales y megaeventos. Encuentra uno que te importe, inscríbete y participa."},{"key":"shop","name":"Tienda","url":"/shop","description":"El catálogo de una floristería: elige ramos y plantas, añádelos al carrito y sigue tus pedidos."},{"key":"gigs","name":"Encargos","url":"/gigs","description":"Freelancers ofrecen sus servicios como encargos. Busca, haz un pedido y valora el resultado."},{"key":"pros","name":"Profesionales","url":"/pros","description":"Encuentra profesionales verificados cerca de ti y paga con seguridad: el dinero se libera cuando el trabajo está hecho."}],"user":null,"links":{"self":"/api/v1/","events":"/api/v1/events","shop":"/api/v1/shop","gigs":"/api/v1/gigs","pros":"/api/v1/pros","health":"/health"}}
JSON
cat > "$VAR/nginx/extra/bench.conf" <<CONF
# The benchmark's calibration routes (bench/run.sh).
location = /bench/static-1k.json {
	alias		$WORK/static-1k.json;
	default_type	application/json;
}
location /bare/ {
	include		$VAR/nginx/fastcgi.conf;
	fastcgi_pass	unix:$RUN/bare.sock;
}
CONF

say "starting the stack on 127.0.0.1:$PORT ($VAR)"
started=1
if ! stack start >"$WORK/stack.log" 2>&1; then
	cat "$WORK/stack.log" >&2
	die "the stack did not start"
fi

# The app user's credentials, from [db] of the stack's agora.conf.
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

# Bench-only data for bare (not a migration): 10000 florist's items.  Some
# text carries & < > " ' so that escaping does real work.
say "loading bench_items"
mariadb --defaults-file="$CNF" <<'SQL'
DROP TABLE IF EXISTS bench_items;
CREATE TABLE bench_items (
	id		INT UNSIGNED NOT NULL PRIMARY KEY,
	name		VARCHAR(100) NOT NULL,
	description	VARCHAR(300) NOT NULL,
	price		DECIMAL(10,2) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO bench_items (id, name, description, price)
SELECT seq,
    CONCAT(ELT(1 + seq % 10, 'Rosas', 'Tulipanes', 'Girasoles', 'Lirios',
	'Orquídeas', 'Peonías', 'Claveles', 'Margaritas', 'Hortensias',
	'Fresias'), ' en tonos ', ELT(1 + (seq DIV 10) % 8, 'rojos',
	'blancos', 'amarillos', 'rosados', 'lila', 'naranja', 'pastel',
	'mixtos'), ' «', ELT(1 + (seq DIV 80) % 6, 'Clásico', 'Aniversario',
	'Día de la Madre', 'Primavera', 'Gracias', 'Boda'), '» nº ', seq),
    CONCAT(ELT(1 + seq % 7, 'Ramo de ', 'Caja de ', 'Cesta con ',
	'Bouquet de ', 'Centro de mesa con ', 'Maceta de ', 'Corona de '),
	3 + seq % 22, ' tallos', ELT(1 + (seq DIV 7) % 5, ' & follaje verde',
	' con lazo de "satén"', ', envuelto en papel kraft',
	' <edición limitada>', ' de la selección \'Temporada\''), '. ',
	ELT(1 + (seq DIV 35) % 4, 'Entrega el mismo día en la ciudad.',
	'Incluye tarjeta con tu mensaje.',
	'Cuidados: agua fresca cada 2 días & lejos del sol directo.',
	'Precio por unidad; IVA incluido.')),
    ROUND(9.90 + (seq * 7919 % 9000) / 100, 2)
FROM seq_1_to_10000;
SQL

# The Events app at scale (bench/events-data.sql): NGOs, people, events,
# participations, and the enrolment case's unlimited events (enough for
# 4000 enrolments/s over the warm-up and the run).
EV_EVENTS=100000
EV_NGO=2000
EV_PEOPLE=50000
EV_PARTS=${BENCH_PARTICIPATIONS:-1000000}
EV_ENROL=$((4000 * (SECS + WARMUP)))
case "$EV_PARTS" in
''|*[!0-9]*) die "BENCH_PARTICIPATIONS must be a whole number" ;;
esac
[ "$EV_PARTS" -le $((EV_EVENTS * 50)) ] ||
    die "BENCH_PARTICIPATIONS is at most $((EV_EVENTS * 50))"
say "generating the Events data: $EV_EVENTS events, $EV_PARTS participations"
g0=$(date +%s)
{
	printf 'SET @n_ngo = %d, @n_ext = %d, @n_events = %d, @n_parts = %d, @n_enrol = %d;\n' \
	    "$EV_NGO" "$EV_PEOPLE" "$EV_EVENTS" "$EV_PARTS" "$EV_ENROL"
	cat "$TOP/bench/events-data.sql"
} | mariadb --defaults-file="$CNF" -N -B > "$WORK/events-data.log" ||
    die "bench/events-data.sql failed"
grep -v '^[a-z_]*\.[a-z_]*	' "$WORK/events-data.log" || true
GEN_SECS=$(($(date +%s) - g0))
say "  generated in $GEN_SECS s"
sql1() { mariadb --defaults-file="$CNF" -N -B -e "$1"; }
EV_CITY=$(sql1 "SELECT id FROM cities WHERE name = 'Madrid'")
EV_FIRST=$(sql1 "SELECT first FROM bench_ranges WHERE name = 'events'")
EV_DETAIL=$(sql1 "SELECT MIN(id) FROM events WHERE id >= $EV_FIRST AND status = 'published' AND capacity > 0 AND approved_count > 0")
ENROL_FIRST=$(sql1 "SELECT first FROM bench_ranges WHERE name = 'enrol'")
ENROL_LAST=$(sql1 "SELECT last FROM bench_ranges WHERE name = 'enrol'")
EV_WORD=reciclaje
# A neighbourhood of bench/events-data.sql: 0.5% of the events.
EV_RARE=risunda

"$BARE" -s "$RUN/bare.sock" -f "$CNF" -w "$WORKERS" \
    >>"$VAR/log/bare.log" 2>&1 &
bare_pid=$!

url() { printf 'http://127.0.0.1:%s%s' "$PORT" "$1"; }
# code_of PATH [HEADER [HEADER]]
code_of() {
	p=$1
	shift
	set -- "$@" "X-Bench: 1" "X-Bench: 1"
	curl -s -o /dev/null -w '%{http_code}' -H "$1" -H "$2" "$(url "$p")" || true
}

i=0
until [ "$(code_of /bare/json)" = 200 ]; do
	i=$((i + 1))
	if [ $i -gt 100 ] || ! kill -0 "$bare_pid" 2>/dev/null; then
		cat "$VAR/log/bare.log" >&2
		die "bare did not answer /bare/json"
	fi
	sleep 0.1
done

# Resident memory per worker of a supervisor's children, in KiB, and
# their count: "KiB count".
rss_per_worker() {
	total=0
	n=0
	for p in $(pgrep -P "$1" || true); do
		kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$p/status" 2>/dev/null || true)
		[ -n "$kb" ] || continue
		total=$((total + kb))
		n=$((n + 1))
	done
	if [ $n -eq 0 ]; then
		say "0 0"
	else
		say "$((total / n)) $n"
	fi
}

# A demo account's bearer token and a browser session, for the signed-in
# cases; and the cost of signing in (argon2id at the configured cost).
DEMO='{"email":"persona@agora.test","password":"Demo-Agora-2026"}'
TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' -d "$DEMO" \
    "$(url /api/v1/auth/login)" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || die "could not sign in the demo account"
JAR=$WORK/cookies
curl -s -c "$JAR" -o /dev/null "$(url /login)"
CSRF=$(awk '$6 == "agora_csrf" { print $7 }' "$JAR")
curl -s -b "$JAR" -c "$JAR" -o /dev/null -d "email=persona@agora.test" \
    -d "password=Demo-Agora-2026" -d "_csrf=$CSRF" "$(url /login)"
SID=$(awk '$6 == "agora_sid" { print $7 }' "$JAR")
[ -n "$SID" ] || die "could not sign in through the page"
signin_ms() {
	curl -s -o /dev/null -w '%{time_total}\n' -X POST \
	    -H 'Content-Type: application/json' -d "$DEMO" "$(url /api/v1/auth/login)"
}
i=0
: > "$WORK/signin.txt"
while [ $i -lt 30 ]; do signin_ms >> "$WORK/signin.txt"; i=$((i + 1)); done
t0=$(date +%s.%N)
clients=""
for k in 1 2 3 4; do
	(j=0; while [ $j -lt 10 ]; do signin_ms >/dev/null; j=$((j + 1)); done) &
	clients="$clients $!"
done
# shellcheck disable=SC2086
wait $clients
t1=$(date +%s.%N)
SIGNIN=$(sort -n "$WORK/signin.txt" | awk -v t0="$t0" -v t1="$t1" '
    { v[NR] = $1 * 1000 }
    END { printf "sign-in (argon2id, %s): p50 %.1f ms, p99 %.1f ms over %d sequential; %.1f sign-ins/s with 4 clients", "m=19 MiB t=2 p=1", v[int(NR / 2) + 1], v[NR], NR, 40 / (t1 - t0) }')
say "  $SIGNIN"

# key|label|path|program whose workers are measured|header|header
CASES="static|nginx static file|/bench/static-1k.json|nginx
bare_json|bare /bare/json|/bare/json|bare
bare_row|bare /bare/row|/bare/row?id=4242|bare
bare_page|bare /bare/page (20 rows)|/bare/page?after=5000|bare
home|Ágora home page GET /|/|site
api|Ágora home JSON GET /api/v1/|/api/v1/|site
health|Ágora GET /health|/health|site
me|Ágora /api/v1/users/me (bearer)|/api/v1/users/me|users|Authorization: Bearer $TOKEN
profile|Ágora profile page (cookie)|/users/me|users|Cookie: agora_sid=$SID|Accept: text/html
ev_list|Events list page (city)|/events?city_id=$EV_CITY|events|Accept: text/html
ev_detail|Events detail page|/events/$EV_DETAIL|events|Accept: text/html
ev_api|Events JSON list (city)|/api/v1/events?city_id=$EV_CITY|events
ev_search|Events search JSON (q=$EV_WORD)|/api/v1/events?q=$EV_WORD|events
ev_rare|Events search JSON (q=$EV_RARE)|/api/v1/events?q=$EV_RARE|events"

: > "$RES"
say "loading each case: wrk -t1 -c$CONNS -d${SECS}s after ${WARMUP}s warm-up"
# wrk runs in the background so that a signal stops the run at once.
load() {
	wrk -t1 -c"$CONNS" "$@" > "$WORK/wrk.out" 2>&1 &
	wrk_pid=$!
	wait "$wrk_pid"
	wrk_pid=""
}

. "$TOP/bench/lib.sh"

# Requests wrk gave up on (a slow search past its timeout) still run in
# MariaDB after it stops: the next case waits for them (at most 60 s)
# instead of sharing the machine with them.
settle() {
	i=0
	idle=0
	# Two idle looks in a row: one may fall between two queued queries.
	while [ "$i" -lt 120 ] && [ "$idle" -lt 2 ]; do
		if [ "$(sql1 "SELECT COUNT(*) FROM \
		    information_schema.PROCESSLIST WHERE COMMAND = 'Execute' \
		    AND ID <> CONNECTION_ID()")" -gt 0 ]; then
			idle=0
		else
			idle=$((idle + 1))
		fi
		sleep 0.5
		i=$((i + 1))
	done
}

while IFS="|" read -r key label path prog h1 h2 <&3; do
	h1=${h1:-X-Bench: 1}
	h2=${h2:-X-Bench: 1}
	code=$(code_of "$path" "$h1" "$h2")
	if [ "$code" != 200 ]; then
		say "  $label: $path answered $code, not loaded" >&2
		printf '%s|%s|%s|0|0|0|0|0|0|0|0|%s\n' "$key" "$label" \
		    "$path" "HTTP $code" >> "$RES"
		continue
	fi
	bytes=$(curl -s -H "$h1" -H "$h2" "$(url "$path")" | wc -c)
	load -d"${WARMUP}s" -H "$h1" -H "$h2" "$(url "$path")"
	load -d"${SECS}s" --latency -H "$h1" -H "$h2" "$(url "$path")"
	mv "$WORK/wrk.out" "$WORK/$key.wrk"
	case "$prog" in
	nginx) sup=$(cat "$RUN/nginx.pid") ;;
	bare) sup=$bare_pid ;;
	*) sup=$(cat "$RUN/$prog.pid") ;;
	esac
	rss=$(rss_per_worker "$sup")
	stats=$(wrk_stats "$WORK/$key.wrk")
	printf '%s|%s|%s|%s|%s|%s|%s|%s\n' "$key" "$label" "$path" \
	    "$stats" "${rss% *}" "${rss#* }" "$bytes" "" >> "$RES"
	say "  $label: ${stats%%|*} req/s"
	settle
done 3<<EOF
$CASES
EOF

# Search as it costs when no worker has the answer kept: the 200 rare
# words in turn (bench/search-words.lua).
load -d"${WARMUP}s" -s "$TOP/bench/search-words.lua" "$(url /)"
load -d"${SECS}s" --latency -s "$TOP/bench/search-words.lua" "$(url /)"
mv "$WORK/wrk.out" "$WORK/ev_cold.wrk"
rss=$(rss_per_worker "$(cat "$RUN/events.pid")")
stats=$(wrk_stats "$WORK/ev_cold.wrk")
printf '%s|%s|%s|%s|%s|%s|%s|%s\n' ev_cold \
    "Events search JSON (200 words, none kept)" "/api/v1/events?q=..." \
    "$stats" "${rss% *}" "${rss#* }" 0 "" >> "$RES"
say "  Events search JSON (200 words, none kept): ${stats%%|*} req/s"
settle

# Enrolment: wrk POSTs {"event_id": N} for the demo person with N running
# through the unlimited events made for this (bench/enroll.lua), so every
# answer should be 201; the warm-up takes the first part of the range.
ENROL_MID=$((ENROL_FIRST + 4000 * WARMUP))
load -d"${WARMUP}s" -s "$TOP/bench/enroll.lua" \
    "$(url /api/v1/participations)" -- "$TOKEN" "$ENROL_FIRST" \
    "$((ENROL_MID - 1))"
mv "$WORK/wrk.out" "$WORK/enrol-warmup.wrk"
load -d"${SECS}s" --latency -s "$TOP/bench/enroll.lua" \
    "$(url /api/v1/participations)" -- "$TOKEN" "$ENROL_MID" "$ENROL_LAST"
mv "$WORK/wrk.out" "$WORK/enrol.wrk"
rss=$(rss_per_worker "$(cat "$RUN/participations.pid")")
stats=$(wrk_stats "$WORK/enrol.wrk")
printf '%s|%s|%s|%s|%s|%s|%s|%s\n' enrol "Events enrolment POST (bearer)" \
    /api/v1/participations "$stats" "${rss% *}" "${rss#* }" 0 "" >> "$RES"
say "  Events enrolment POST (bearer): ${stats%%|*} req/s"
# The capacity rule after the writes: no event past its capacity, and
# the counters still match the rows.
OVER=$(sql1 "SELECT COUNT(*) FROM events WHERE capacity > 0 AND approved_count > capacity")
DRIFT=$(sql1 "SELECT COUNT(*) FROM events e LEFT JOIN (SELECT event_id, SUM(status = 'approved') AS a FROM participations GROUP BY event_id) n ON n.event_id = e.id WHERE e.approved_count <> COALESCE(n.a, 0)")
ENROLLED=$(sql1 "SELECT COUNT(*) FROM participations WHERE event_id BETWEEN $ENROL_FIRST AND $ENROL_LAST")
say "  over-capacity: $OVER; counters off: $DRIFT; enrolments stored: $ENROLLED"

# The report.
git_rev=$(git -C "$TOP" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$TOP" status --porcelain 2>/dev/null | head -n 1)" ]; then
	git_rev="$git_rev+changes"
fi
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
{
	say "Ágora bench  $(date -u '+%Y-%m-%d %H:%M UTC')  commit $git_rev"
	say "machine: $(nproc) CPUs ($cpu), $(uname -sr)"
	say "load: $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2), -t1 -c$CONNS" \
	    "-d${SECS}s after a ${WARMUP}s warm-up, Lua only for enrolment;" \
	    "nginx 2 workers," \
	    "$WORKERS FastCGI workers per program; static file" \
	    "$(wc -c < "$WORK/static-1k.json") bytes"
	say "$SIGNIN"
	say "events data: $EV_NGO NGOs, $EV_PEOPLE people, $EV_EVENTS events," \
	    "$EV_PARTS participations (+ $EV_ENROL open events for" \
	    "enrolment), generated in MariaDB in $GEN_SECS s"
	say ""
	awk -F'|' -v slo_p99=5 -v slo_rss=6144 -v slo_ratio=75 \
	    -v ev_p99=10 -v search_p99=20 -v enrol_rps=1000 -v over="$OVER" \
	    -v drift="$DRIFT" '
	{
		key[NR] = $1; label[NR] = $2; rps[$1] = $4; p50[$1] = $5
		p99[$1] = $6; bad[$1] = $7; err[$1] = $8; rss[$1] = $9
		nw[$1] = $10; bytes[$1] = $11; note[$1] = $12; n = NR
	}
	function pct(a, b) { return b > 0 ? 100 * a / b : 0 }
	function mark(ok) { if (ok) return "PASS"; misses++; return "MISS" }
	# No answer within the run (every request slower than it) is a MISS.
	function clean(k) {
		return note[k] == "" && rps[k] > 0 && bad[k] == 0 && err[k] == 0
	}
	END {
		printf "%-30s %9s %8s %8s %8s %7s %9s %s\n", "case", "req/s",
		    "p50 ms", "p99 ms", "RSS/wkr", "bytes", "vs static",
		    "errors"
		for (i = 1; i <= n; i++) {
			k = key[i]
			e = note[k] != "" ? note[k] : rps[k] == 0 ? \
			    "no answer within the run" : \
			    (bad[k] + err[k] == 0 ? "-" : \
			    sprintf("%d non-2xx, %d socket", bad[k], err[k]))
			printf "%-30s %9d %8.2f %8.2f %6.1fMi %7d %8.1f%% %s\n",
			    label[i], rps[k], p50[k], p99[k], rss[k] / 1024,
			    bytes[k], pct(rps[k], rps["static"]), e
		}
		print ""
		print "Ágora vs the same work by hand:"
		r = pct(rps["api"], rps["bare_json"])
		printf "  home JSON / bare json   %6.1f%%  target >= %d%%  %s\n",
		    r, slo_ratio, mark(r >= slo_ratio && clean("api") && \
		    clean("bare_json"))
		r = pct(rps["home"], rps["bare_page"])
		printf "  home page / bare page   %6.1f%%  target >= %d%%  %s\n",
		    r, slo_ratio, mark(r >= slo_ratio && clean("home") && \
		    clean("bare_page"))
		r = pct(rps["me"], rps["bare_row"])
		printf "  users/me / bare row     %6.1f%%  target >= %d%%  %s\n",
		    r, slo_ratio, mark(r >= slo_ratio && clean("me") && \
		    clean("bare_row"))
		r = pct(rps["ev_list"], rps["bare_page"])
		printf "  events list / bare page %6.1f%%  target >= %d%%  %s\n",
		    r, slo_ratio, mark(r >= slo_ratio && clean("ev_list") && \
		    clean("bare_page"))
		r = pct(rps["ev_detail"], rps["bare_page"])
		printf "  event page / bare page  %6.1f%%  target >= %d%%  %s\n",
		    r, slo_ratio, mark(r >= slo_ratio && clean("ev_detail") && \
		    clean("bare_page"))
		print ""
		printf "p99 at 32 connections, target < %d ms:\n", slo_p99
		split("home api health", ks, " ")
		for (j = 1; j <= 3; j++) {
			k = ks[j]
			for (i = 1; i <= n; i++)
				if (key[i] == k)
					l = label[i]
			printf "  %-28s %6.2f ms  %s\n", l, p99[k],
			    mark(clean(k) && p99[k] < slo_p99)
		}
		printf "events pages, target < %d ms:\n", ev_p99
		split("ev_list ev_detail", ks, " ")
		for (j = 1; j <= 2; j++) {
			k = ks[j]
			for (i = 1; i <= n; i++)
				if (key[i] == k)
					l = label[i]
			printf "  %-28s %6.2f ms  %s\n", l, p99[k],
			    mark(clean(k) && p99[k] < ev_p99)
		}
		printf "full-text search, target < %d ms:\n", search_p99
		printf "  %-28s %6.2f ms  %s\n", "a word in 28% of events",
		    p99["ev_search"], mark(clean("ev_search") && \
		    p99["ev_search"] < search_p99)
		printf "  %-28s %6.2f ms  %s\n", "a word in 0.5% of events",
		    p99["ev_rare"], mark(clean("ev_rare") && \
		    p99["ev_rare"] < search_p99)
		printf "  %-28s %6.2f ms  (for scale: no answer kept)\n",
		    "200 such words in turn", p99["ev_cold"]
		print ""
		printf "enrolment, target >= %d/s with no errors:\n", enrol_rps
		printf "  %-28s %6d /s  %s\n", "POST /api/v1/participations",
		    rps["enrol"], mark(clean("enrol") && rps["enrol"] >= enrol_rps)
		printf "  over-capacity: %d (counters off: %d)  %s\n", over,
		    drift, mark(over == 0 && drift == 0 && over != "")
		print ""
		printf "resident memory per site worker, target < %d MiB:\n",
		    slo_rss / 1024
		printf "  site (%d workers, after load) %5.1f MiB  %s\n",
		    nw["health"], rss["health"] / 1024,
		    mark(nw["health"] > 0 && rss["health"] < slo_rss)
		print ""
		printf "%d of 15 targets missed\n", misses
	}' "$RES"
} | tee "$OUT.tmp"
# The other apps' benches, against the same stack, each adding its own
# section; the notifier's goes last, as it fills the outbox and the
# notifications.
for extra in storage stream dashboard notifications notifier; do
	[ -f "$TOP/bench/$extra.sh" ] || continue
	say ""
	say "== bench/$extra.sh"
	AGORA_VAR=$VAR PORT=$PORT BENCH_PORT=$PORT VAR=$VAR CNF=$CNF TOP=$TOP \
	    BENCH_SECONDS=$SECS sh "$TOP/bench/$extra.sh" 2>&1 ||
	    say "bench/$extra.sh failed"
done | tee -a "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
say "saved to bench/results/latest.txt"
ok=1
if [ "${BENCH_STRICT:-0}" = 1 ] && ! grep -q '^0 of 15 targets missed' "$OUT"; then
	exit 1
fi
exit 0
