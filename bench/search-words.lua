-- The never-kept search of bench/run.sh: every request searches the
-- next of the 200 neighbourhood names of bench/events-data.sql (each in
-- 0.5% of the events), in turn, so that no worker has the answer kept
-- (lib/memo.h keeps 32 per worker) and each one is read from MariaDB.
--   wrk -t1 -s bench/search-words.lua URL
-- One thread only: the counter lives in that thread's Lua state.
local first = { "ca", "lo", "ma", "ri", "te", "su", "no", "ve", "da", "pi" }
local ends = { "nda", "lla" }
local words = {}
local n = 0

function init(args)
	for _, e in ipairs(ends) do
		for _, b in ipairs(first) do
			for _, a in ipairs(first) do
				words[#words + 1] = a .. b .. e
			end
		end
	end
end

function request()
	n = n % #words + 1
	return wrk.format("GET", "/api/v1/events?q=" .. words[n])
end
