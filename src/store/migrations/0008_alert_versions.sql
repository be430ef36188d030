-- A batch that only repeats known alerts is written by one statement outside any transaction,
-- checking each alert's version as it was read (optimistic locking). Every write of an alert
-- adds one to its version.
ALTER TABLE alerts ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- When an alert changed since the batch read it, the statement calls this: the error undoes
-- everything the statement wrote, and the batch runs again under locks.
CREATE FUNCTION candor_alert_changed() RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION 'an alert changed after this batch read it' USING ERRCODE = 'serialization_failure';
END
$$;
