-- Public status pages are served from an in-memory snapshot on every app node. Any write that
-- changes what a page shows, from any node or tool, announces the page's id on one channel
-- (delivered at commit, duplicates within a transaction merged) so every node rebuilds it.

CREATE FUNCTION notify_status_page_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rows_to_check jsonb[];
  row_data jsonb;
  page text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    rows_to_check := ARRAY[to_jsonb(OLD)];
  ELSIF TG_OP = 'UPDATE' THEN
    -- A row moved to another page changes both pages.
    rows_to_check := ARRAY[to_jsonb(NEW), to_jsonb(OLD)];
  ELSE
    rows_to_check := ARRAY[to_jsonb(NEW)];
  END IF;
  FOREACH row_data IN ARRAY rows_to_check LOOP
    IF TG_ARGV[0] = 'incident_id' THEN
      SELECT page_id::text INTO page FROM incidents WHERE id = (row_data ->> 'incident_id')::uuid;
    ELSIF TG_ARGV[0] = 'maintenance_id' THEN
      SELECT page_id::text INTO page FROM scheduled_maintenances WHERE id = (row_data ->> 'maintenance_id')::uuid;
    ELSIF TG_ARGV[0] = 'component_id' THEN
      SELECT page_id::text INTO page FROM components WHERE id = (row_data ->> 'component_id')::uuid;
    ELSE
      page := row_data ->> TG_ARGV[0];
    END IF;
    IF page IS NOT NULL THEN
      PERFORM pg_notify('candor_status_page', page);
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;

CREATE TRIGGER status_page_changed AFTER INSERT OR UPDATE OR DELETE ON status_pages
  FOR EACH ROW EXECUTE FUNCTION notify_status_page_change('id');
CREATE TRIGGER status_page_changed AFTER INSERT OR UPDATE OR DELETE ON status_page_hostnames
  FOR EACH ROW EXECUTE FUNCTION notify_status_page_change('page_id');
CREATE TRIGGER status_page_changed AFTER INSERT OR UPDATE OR DELETE ON component_groups
  FOR EACH ROW EXECUTE FUNCTION notify_status_page_change('page_id');
CREATE TRIGGER status_page_changed AFTER INSERT OR UPDATE OR DELETE ON components
  FOR EACH ROW EXECUTE FUNCTION notify_status_page_change('page_id');
CREATE TRIGGER status_page_changed AFTER INSERT OR UPDATE OR DELETE ON component_status_changes
  FOR EACH ROW EXECUTE FUNCTION notify_status_page_change('component_id');
CREATE TRIGGER status_page_changed AFTER INSERT OR UPDATE OR DELETE ON incidents
  FOR EACH ROW EXECUTE FUNCTION notify_status_page_change('page_id');
CREATE TRIGGER status_page_changed AFTER INSERT OR UPDATE OR DELETE ON incident_updates
  FOR EACH ROW EXECUTE FUNCTION notify_status_page_change('incident_id');
CREATE TRIGGER status_page_changed AFTER INSERT OR UPDATE OR DELETE ON incident_components
  FOR EACH ROW EXECUTE FUNCTION notify_status_page_change('incident_id');
CREATE TRIGGER status_page_changed AFTER INSERT OR UPDATE OR DELETE ON scheduled_maintenances
  FOR EACH ROW EXECUTE FUNCTION notify_status_page_change('page_id');
CREATE TRIGGER status_page_changed AFTER INSERT OR UPDATE OR DELETE ON maintenance_updates
  FOR EACH ROW EXECUTE FUNCTION notify_status_page_change('maintenance_id');
CREATE TRIGGER status_page_changed AFTER INSERT OR UPDATE OR DELETE ON maintenance_components
  FOR EACH ROW EXECUTE FUNCTION notify_status_page_change('maintenance_id');
