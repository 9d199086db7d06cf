-- Children registered as "By. Ny. <mother>" or "Bayi Ny. <mother>" (a newborn named after its
-- mother) were keyed "ny <mother>": the key rule stripped "by"/"bayi" and stopped. The rule now
-- strips the whole title (@tumbuh/core personKey), so stored keys drop the "ny " left over and
-- such a child matches the same name in later files.
UPDATE children
SET name_key = substr(name_key, 4), updated_at = now(), version = version + 1
WHERE name_key LIKE 'ny %'
  AND lower(name) ~ '^[^a-z0-9]*(by|bayi)[^a-z0-9]+ny[^a-z0-9]';
