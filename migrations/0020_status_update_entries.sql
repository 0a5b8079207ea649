CREATE TABLE "status_update_entries" (
	"status_update_id" integer PRIMARY KEY NOT NULL,
	"entry" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "status_update_entries" ADD CONSTRAINT "status_update_entries_status_update_id_status_updates_id_fk" FOREIGN KEY ("status_update_id") REFERENCES "public"."status_updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "status_updates_organisation" ON "status_updates" USING btree ("organisation_id");--> statement-breakpoint
-- The measure page reads each timeline entry's JSON from here (see the schema's comment). The triggers
-- below keep every entry in the transaction of the write that changes it: the entry itself (written
-- once, or its body's key set to null when the body is deleted) or its body's name. The shape is that of
-- `toStatusEntry` for a reader outside the city (no `recordedBy`; the page adds it for the city's members).
CREATE FUNCTION refresh_status_update_entries(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Planned at each call, for the tables as they are (see refresh_measure_list_items); each body is looked
  -- up by its key with LIMIT 1, so no plan hashes every body of a network.
  EXECUTE $refresh$
  INSERT INTO status_update_entries (status_update_id, entry)
  SELECT t.id, json_build_object('id', t.id, 'date', t.date, 'fromStatus', t.from_status, 'status', t.status,
      'fromProgress', t.from_progress, 'progress', t.progress, 'noteDe', t.note_de, 'noteEn', t.note_en, 'reason', t.reason,
      'evidenceLinks', t.evidence_links,
      'organisation', (SELECT json_build_object('id', o.id, 'name', o.name, 'nameEn', o.name_en) FROM organisations o
        WHERE o.id = t.organisation_id LIMIT 1),
      'recordedAt', to_char(t.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
  FROM status_updates t
  WHERE t.id IN (SELECT unnest($1))
  ON CONFLICT (status_update_id) DO UPDATE SET entry = excluded.entry
    WHERE status_update_entries.entry IS DISTINCT FROM excluded.entry
  $refresh$ USING ids;
END
$$;
--> statement-breakpoint
-- Statement-level, with the written rows as a table: an import of a plan's history writes its entries
-- in one statement each, not one per entry.
CREATE FUNCTION status_updates_refresh_entries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The bodies the entries name are locked first, as for the list's items (refresh_measure_list_items):
  -- a rename in progress is waited for, so the entry is built with the committed name, and a rename
  -- that starts meanwhile waits for this transaction, then refreshes the entry it can now see.
  PERFORM 1 FROM organisations WHERE id IN (SELECT organisation_id FROM new_entries) ORDER BY id FOR SHARE;
  PERFORM refresh_status_update_entries(array(SELECT id FROM new_entries));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER status_updates_entries_insert AFTER INSERT ON status_updates REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION status_updates_refresh_entries();
--> statement-breakpoint
CREATE TRIGGER status_updates_entries_update AFTER UPDATE ON status_updates REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION status_updates_refresh_entries();
--> statement-breakpoint
-- A body's name is in the entries it made.
CREATE FUNCTION organisations_refresh_status_update_entries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_status_update_entries(array(
    SELECT t.id FROM status_updates t WHERE t.organisation_id IN (
      SELECT n.id FROM new_organisations n JOIN old_organisations o ON o.id = n.id
      WHERE (n.name, n.name_en) IS DISTINCT FROM (o.name, o.name_en))));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER organisations_status_update_entries_update AFTER UPDATE ON organisations
  REFERENCING OLD TABLE AS old_organisations NEW TABLE AS new_organisations
  FOR EACH STATEMENT EXECUTE FUNCTION organisations_refresh_status_update_entries();
--> statement-breakpoint
SELECT refresh_status_update_entries(array(SELECT id FROM status_updates));
