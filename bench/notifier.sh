#!/bin/sh
# The notifier at scale, run by bench/run.sh against its stack (VAR, CNF,
# TOP set; the Events data loaded): 100,000 enrolment rows drained by one
# run and by two side by side, with the in-app consumer writing a
# notification per row; then the time from an outbox commit to its
# notification, with the notifier polling as it does under cron.
# Prints lines for the report; targets: >= 5000 rows/s, p99 < 2 s.
set -eu

ROWS=${BENCH_OUTBOX_ROWS:-100000}
NOTIFIER=$TOP/build/cron/notifier
sql1() { mariadb --defaults-file="$CNF" -N -B -e "$1"; }
now_ms() { date +%s%3N; }

# The stack's timer would take rows too: it stops for the bench.
if [ -f "$VAR/run/notifier-timer.pid" ]; then
	t=$(cat "$VAR/run/notifier-timer.pid")
	pkill -TERM -P "$t" 2>/dev/null || true
	kill "$t" 2>/dev/null || true
	sleep 1
fi
run() {
	AGORA_SERVER_TEMPLATES=$TOP/templates AGORA_MAIL_SPOOL=$VAR/mail \
	    "$NOTIFIER" -c "$VAR/agora.conf" "$@" 2>>"$VAR/log/notifier-bench.log"
}
run -1	# whatever the stack left behind

# n new enrolments as the participations program makes them: the
# participation (people enrolling in the bench's open events, each pair
# once), the event's counter and the outbox row, so that the in-app and
# the rollups consumers do their whole work.  Prints the first row's id.
NEXT=$VAR/bench/next-enrolment
[ -f "$NEXT" ] || echo 0 > "$NEXT"
fill() {
	off=$(cat "$NEXT")
	echo $((off + $1)) > "$NEXT"
	sql1 "SET @off = $off;
	    SELECT COALESCE(MAX(id), 0) INTO @p0 FROM participations;
	    INSERT INTO participations (event_id, user_id, status)
	    SELECT r.first + (@off + s.seq) % (r.last - r.first + 1), u.id,
		'approved'
	    FROM seq_1_to_$1 s JOIN bench_ranges r ON r.name = 'enrol'
	    JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS k FROM users
		WHERE role = 'externo' AND email <> 'persona@agora.test') u
		ON u.k = 1 + (@off + s.seq) DIV (r.last - r.first + 1);
	    UPDATE events e JOIN (SELECT event_id, COUNT(*) AS n FROM
		participations WHERE id > @p0 GROUP BY event_id) x ON
		x.event_id = e.id SET e.approved_count = e.approved_count + x.n;
	    INSERT INTO outbox (topic, payload)
	    SELECT 'participation.created', JSON_OBJECT('participation_id', p.id,
		'event_id', p.event_id, 'user_id', p.user_id, 'organizer_id',
		e.organizer_id, 'status', p.status, 'title', e.title)
	    FROM participations p JOIN events e ON e.id = p.event_id
	    WHERE p.id > @p0 ORDER BY p.id;
	    SELECT LAST_INSERT_ID()"
}
drain() {	# $1 runs side by side; prints rows/s
	before=$(sql1 "SELECT COUNT(*) FROM notifications")
	from=$(sql1 "SELECT COALESCE(MAX(id), 0) FROM outbox")
	fill "$ROWS" > /dev/null
	t0=$(now_ms)
	i=0
	while [ "$i" -lt "$1" ]; do run -1 & i=$((i + 1)); done
	wait
	t1=$(now_ms)
	made=$(( $(sql1 "SELECT COUNT(*) FROM notifications") - before ))
	left=$(sql1 "SELECT COUNT(*) FROM outbox WHERE id > $from AND status <> 'done'")
	printf '%d %d %d %d\n' "$((ROWS * 1000 / (t1 - t0)))" "$((t1 - t0))" \
	    "$made" "$left"
}
# The in-app consumer alone: the organisers have e-mail and push off for
# enrolments (each mail is a file written and synced, measured after).
prefs() {
	sql1 "INSERT INTO notification_prefs (user_id, type, channel, enabled)
	    SELECT u.id, 'enrolment_received', c.channel, $1
	    FROM users u JOIN (SELECT 'email' AS channel UNION ALL SELECT 'push') c
	    WHERE u.role = 'ong'
	    ON DUPLICATE KEY UPDATE enabled = VALUES(enabled)"
}
prefs 0
set -- $(drain 1); r1=$1 ms1=$2 made1=$3 left1=$4
set -- $(drain 2); r2=$1 ms2=$2 made2=$3 left2=$4
prefs 1
ROWS_ALL=$ROWS
ROWS=${BENCH_OUTBOX_MAIL_ROWS:-10000}
ROWS_MAIL=$ROWS
set -- $(drain 1); rm=$1 msm=$2 madem=$3 leftm=$4
ROWS=$ROWS_ALL

# Commit to notification: one row at a time while a run polls as under
# cron (about once a second when idle).
SAMPLES=${BENCH_LATENCY_SAMPLES:-40}
AGORA_NOTIFIER_RUN_SECONDS=3600 AGORA_SERVER_TEMPLATES=$TOP/templates \
    AGORA_MAIL_SPOOL=$VAR/mail "$NOTIFIER" -c "$VAR/agora.conf" \
    >/dev/null 2>>"$VAR/log/notifier-bench.log" &
loop=$!
trap 'kill "$loop" 2>/dev/null || true' EXIT INT TERM
sleep 3		# past the run's timed jobs
lat=$VAR/bench/notify-latency.txt
: > "$lat"
i=0
while [ "$i" -lt "$SAMPLES" ]; do
	sleep "0.$(( $(od -An -N1 -tu1 /dev/urandom) % 10 ))"
	id=$(fill 1)
	t0=$(now_ms)
	while [ "$(sql1 "SELECT COUNT(*) FROM notifications WHERE outbox_id = $id")" = 0 ]; do
		sleep 0.02
		[ $(( $(now_ms) - t0 )) -gt 10000 ] && break
	done
	echo $(( $(now_ms) - t0 )) >> "$lat"
	i=$((i + 1))
done
kill "$loop" 2>/dev/null || true
wait "$loop" 2>/dev/null || true
p50=$(sort -n "$lat" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
p99=$(sort -n "$lat" | awk '{ a[NR] = $1 } END { i = int(NR * 0.99 + 0.999); print a[i] }')

mark() { if [ "$1" -eq 1 ]; then echo PASS; else echo MISS; fi; }
echo "notifier (in-app consumer, $ROWS enrolment rows, target >= 5000 rows/s):"
printf '  one run                  %6d rows/s  %6d ms  %d notifications, %d left  %s\n' \
    "$r1" "$ms1" "$made1" "$left1" "$(mark $(( r1 >= 5000 && made1 == ROWS && left1 == 0 )))"
printf '  two runs side by side    %6d rows/s  %6d ms  %d notifications, %d left  %s\n' \
    "$r2" "$ms2" "$made2" "$left2" "$(mark $(( r2 >= 5000 && made2 == ROWS && left2 == 0 )))"
printf '  with e-mail as well      %6d rows/s  %6d ms  %d rows, each also mailed (a file written and synced)\n' \
    "$rm" "$msm" "$ROWS_MAIL"
printf 'commit to in-app notification over %d rows, target p99 < 2000 ms:\n' "$SAMPLES"
printf '  p50 %d ms, p99 %d ms  %s\n' "$p50" "$p99" "$(mark $(( p99 < 2000 )))"
