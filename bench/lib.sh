# What every bench script reads from wrk: sourced as ". bench/lib.sh".

# wrk_stats FILE: "req/s|p50 ms|p99 ms|non-2xx|socket errors" from the
# output of `wrk --latency`.
wrk_stats() {
	awk '
	function ms(v) {
		if (v ~ /us$/) return v * 0.001
		if (v ~ /ms$/) return v + 0
		if (v ~ /m$/) return v * 60000
		if (v ~ /s$/) return v * 1000
		return v + 0
	}
	/^ +50%/ { p50 = ms($2) }
	/^ +99%/ { p99 = ms($2) }
	/^Requests\/sec:/ { rps = $2 }
	/Non-2xx or 3xx responses:/ { bad = $NF }
	/Socket errors:/ {
		gsub(/,/, "")
		err = $4 + $6 + $8 + $10
	}
	END { printf "%.1f|%.3f|%.3f|%d|%d", rps, p50, p99, bad, err }
	' "$1"
}
