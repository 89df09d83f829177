-- wrk script: signed-in GETs of person records (ids 1..N) with the
-- session cookie given in the environment.
local cookie = os.getenv("HOSO_COOKIE")
local n = tonumber(os.getenv("HOSO_PERSONS") or "1000")
local path = os.getenv("HOSO_PATH") or "/api/persons/"
math.randomseed(42)
request = function()
  local id = math.random(1, n)
  return wrk.format("GET", path .. id, {["Cookie"] = "hoso_session=" .. cookie})
end
