-- wrk script: signed-in searches with a few name prefixes.
local cookie = os.getenv("HOSO_COOKIE")
local qs = {"lo%20van", "giang%20a", "nguyen%20van%20an", "quang%20thi", "vang%20a%20s", "ca%20van"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/persons?q=" .. qs[(i % #qs) + 1],
                    {["Cookie"] = "hoso_session=" .. cookie})
end
