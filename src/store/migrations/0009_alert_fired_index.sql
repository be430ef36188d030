-- An alert that fired after a moment was also seen after it (every firing is seen), so the
-- threshold query finds its candidates through alerts_org_seen. Each repeat of an alert moved it
-- in both indexes; now in one (bench: intake).
DROP INDEX alerts_org_fired;
