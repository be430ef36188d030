-- An alert that fired after a moment was also seen after it (every firing is seen), so the
-- threshold query finds its candidates through alerts_org_seen. Each repeat of an alert moved it
-- in both indexes; now in one (bench: intake).
-- Before last seen became monotonic, two batches landing out of order could leave it behind the
-- last firing; such rows are put right so the query misses none.
UPDATE alerts SET last_seen_at = last_fired_at WHERE last_seen_at < last_fired_at;
DROP INDEX alerts_org_fired;
