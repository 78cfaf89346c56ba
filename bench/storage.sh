#!/bin/sh
# The storage program's benchmark, against a stack bench/run.sh started
# (the bare program on /bare/ beside it): uploads of a 2 MB JPEG (decode,
# orientation, re-encode, four thumbnails) with requests/s, p99 and the
# peak resident memory of each storage worker; then a thumbnail served
# through the permission check and X-Accel-Redirect, beside bare's one-row
# read (target: at least 75% of it) and nginx sending the same file
# directly.
#
# Environment: AGORA_VAR and BENCH_PORT (or PORT) of the running stack;
# BENCH_SECONDS (10) per case after a 2 s warm-up; UPLOAD_CONNS (4).
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
PORT=${BENCH_PORT:-${PORT:-18080}}
VAR=${AGORA_VAR:?set AGORA_VAR to the running stack}
VAR=$(cd "$VAR" && pwd)
SECS=${BENCH_SECONDS:-10}
WARMUP=2
CONNS=32
UPCONNS=${UPLOAD_CONNS:-4}
RUN=$VAR/run
WORK=$(mktemp -d "${TMPDIR:-/tmp}/agora-bench-storage.XXXXXX")
URL=http://127.0.0.1:$PORT
say() { printf '%s\n' "$*"; }
die() { say "bench/storage: $*" >&2; exit 1; }
trap 'rm -rf "$WORK"; rm -f "$VAR/nginx/extra/storage-bench.conf"' EXIT

command -v wrk >/dev/null 2>&1 || die "wrk is missing"
[ -f "$RUN/storage.pid" ] || die "no storage program in $VAR"

# A fresh NGO: its own quota for the upload run.
email="bench-storage-$(date +%s)-$$@example.org"
TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"Bench-Storage-2026-x\",\"name\":\"Bench\",\"role\":\"ong\",\"organization\":\"Bench\",\"tax_id\":\"G12345678\"}" \
    "$URL/api/v1/auth/register" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || die "could not register a bench account"

# The 2 MB picture and its multipart body.
cc -o "$WORK/make-fixtures" "$TOP/tests/e2e/fixtures/storage/make-fixtures.c" \
    $(pkg-config --cflags --libs gdlib libexif)
"$WORK/make-fixtures" -big "$WORK/big.jpg"
B=benchstorageboundary
{
	printf -- '--%s\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n' "$B"
	cat "$WORK/big.jpg"
	printf -- '\r\n--%s--\r\n' "$B"
} > "$WORK/body"
cat > "$WORK/upload.lua" <<LUA
local f = assert(io.open("$WORK/body", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "multipart/form-data; boundary=$B"
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA

. "$TOP/bench/lib.sh"
# The largest peak resident memory (VmHWM) of the storage workers, KiB.
peak() {
	m=0
	for p in $(pgrep -P "$(cat "$RUN/storage.pid")" || true); do
		kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$p/status" 2>/dev/null || echo 0)
		[ "$kb" -gt "$m" ] && m=$kb
	done
	say "$m"
}

size=$(wc -c < "$WORK/big.jpg")
say "upload: POST /api/v1/files, $size-byte JPEG, wrk -c$UPCONNS -d${SECS}s"
wrk -t1 -c"$UPCONNS" -d"${WARMUP}s" -s "$WORK/upload.lua" "$URL/api/v1/files" >/dev/null 2>&1
wrk -t1 -c"$UPCONNS" -d"${SECS}s" --latency --timeout 10s -s "$WORK/upload.lua" \
    "$URL/api/v1/files" > "$WORK/upload.wrk" 2>&1
up=$(wrk_stats "$WORK/upload.wrk")
hwm=$(peak)

# A thumbnail to serve, and nginx serving its file directly.
id=$(curl -s -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/big.jpg" \
    "$URL/api/v1/files" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
[ -n "$id" ] || die "could not upload the thumbnail's picture"
rel=$(curl -s -D - -o /dev/null "$URL/files/$id/thumb/160.jpg" |
    sed -n 's/^Content-Length: *//p' | tr -d '\r')
sha=$(mariadb --socket "$RUN/mysql.sock" -u root agora -N -B \
    -e "SELECT sha256 FROM files WHERE id = $id")
cat > "$VAR/nginx/extra/storage-bench.conf" <<CONF
# bench/storage.sh: the thumbnail's file straight from disk.
location = /bench/thumb-direct.jpg {
	alias	$VAR/files/$(printf %.2s "$sha")/$(printf %s "$sha" | cut -c3-4)/$sha-160.jpg;
	types	{ }
	default_type	image/jpeg;
}
CONF
nginx -p "$VAR/nginx" -c "$VAR/nginx/nginx.conf" -s reload
sleep 1

serve() {
	wrk -t1 -c"$CONNS" -d"${WARMUP}s" "$URL$1" >/dev/null 2>&1
	wrk -t1 -c"$CONNS" -d"${SECS}s" --latency "$URL$1" > "$WORK/serve.wrk" 2>&1
	wrk_stats "$WORK/serve.wrk"
}
thumb=$(serve "/files/$id/thumb/160.jpg")
direct=$(serve /bench/thumb-direct.jpg)
if [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/bare/row?id=4242")" = 200 ]; then
	bare=$(serve "/bare/row?id=4242")
else
	bare="0|0|0|0"
fi

line() {
	printf '  %-52s %9s req/s  p50 %7s ms  p99 %7s ms  non-2xx %s\n' "$1" \
	    "$(echo "$2" | cut -d'|' -f1)" "$(echo "$2" | cut -d'|' -f2)" \
	    "$(echo "$2" | cut -d'|' -f3)" "$(echo "$2" | cut -d'|' -f4)"
}
say ""
say "storage ($SECS s per case)"
line "upload 2 MB JPEG (decode, orient, 4 thumbnails)" "$up"
line "thumbnail via storage + X-Accel-Redirect ($rel B)" "$thumb"
line "bare /bare/row (one-row read)" "$bare"
line "nginx serving the thumbnail file directly" "$direct"
t=$(echo "$thumb" | cut -d'|' -f1)
b=$(echo "$bare" | cut -d'|' -f1)
say "$(awk -v t="$t" -v b="$b" -v h="$hwm" 'BEGIN {
	if (b > 0)
		printf "  thumbnail / bare row: %.0f%% (target >= 75%%): %s\n", 100 * t / b, (t >= 0.75 * b) ? "PASS" : "MISS"
	else
		printf "  thumbnail / bare row: bare not running here\n"
	printf "  peak resident memory per storage worker during uploads: %.1f MiB (target < 64 MiB): %s", h / 1024, (h < 65536) ? "PASS" : "MISS"
}')"
