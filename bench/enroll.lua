-- The enrolment case of bench/run.sh: every request enrols the same
-- signed-in person in the next event of a range of unlimited events, so
-- each answer should be a fresh 201.
--   wrk -t1 -s bench/enroll.lua URL -- TOKEN FIRST LAST
-- One thread only: the counter lives in that thread's Lua state.  Past
-- LAST the counter wraps and the repeats answer 409, counted by wrk as
-- non-2xx.
local first, last, nextid

function init(args)
	wrk.method = "POST"
	wrk.headers["Content-Type"] = "application/json"
	wrk.headers["Authorization"] = "Bearer " .. args[1]
	first = tonumber(args[2])
	last = tonumber(args[3])
	nextid = first
end

function request()
	local id = nextid
	nextid = nextid + 1
	if nextid > last then
		nextid = first
	end
	return wrk.format(nil, nil, nil, '{"event_id": ' .. id .. '}')
end
