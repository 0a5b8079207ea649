CREATE TABLE "measure_timeline_heads" (
	"measure_id" integer PRIMARY KEY NOT NULL,
	"total" integer NOT NULL,
	"entries" text NOT NULL,
	"next" text
);
--> statement-breakpoint
ALTER TABLE "measure_timeline_heads" ADD CONSTRAINT "measure_timeline_heads_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The public's first page of each measure's timeline (see the schema's comment), rebuilt from the kept
-- entries (migration 0020) whenever one of them is written. Its size is `Limits.timelinePage` (20), as
-- the route's older pages and `toMeasureDetail` have it; `measure-page.test.ts` compares the two.
CREATE FUNCTION refresh_measure_timeline_heads(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Each head is locked before it is built, in the measures' order: a transaction that wrote another entry
  -- of the measure, or renamed the body of one, is waited for, and the head is then built from the entries
  -- as they are after it. Built first and written after the wait, it would lose that transaction's change.
  -- A measure's first entry makes its row, so a second writer has a row to wait for.
  INSERT INTO measure_timeline_heads (measure_id, total, entries)
    SELECT m.id, 0, '[]' FROM measures m WHERE m.id IN (SELECT unnest(ids)) ORDER BY m.id
    ON CONFLICT (measure_id) DO NOTHING;
  PERFORM 1 FROM measure_timeline_heads WHERE measure_id IN (SELECT unnest(ids)) ORDER BY measure_id FOR UPDATE;
  -- Planned at each call, for the tables as they are (see refresh_measure_list_items).
  EXECUTE $refresh$
  UPDATE measure_timeline_heads h SET total = n.total, entries = n.entries, next = n.next
  FROM (
    SELECT m.id, c.total, coalesce(p.entries, '[]') AS entries,
      CASE WHEN c.total > 20 THEN '/api/measures/' || m.id || '/status-history?before=' || p.last END AS next
    FROM (SELECT DISTINCT unnest($1) AS id) m
    CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM status_updates t WHERE t.measure_id = m.id) c
    CROSS JOIN LATERAL (
      SELECT '[' || string_agg((SELECT e.entry FROM status_update_entries e WHERE e.status_update_id = t.id LIMIT 1), ', '
          ORDER BY t.date DESC, t.id DESC) || ']' AS entries,
        (array_agg(to_char(t.date, 'YYYY-MM-DD') || '~' || t.id ORDER BY t.date DESC, t.id DESC))[20] AS last
      FROM (SELECT t.id, t.date FROM status_updates t WHERE t.measure_id = m.id ORDER BY t.date DESC, t.id DESC LIMIT 20) t) p
  ) n
  WHERE h.measure_id = n.id AND (h.total, h.entries, h.next) IS DISTINCT FROM (n.total, n.entries, n.next)
  $refresh$ USING ids;
END
$$;
--> statement-breakpoint
-- Statement-level, with the written entries as a table: the entries' own triggers (migration 0020) write
-- them after locking their bodies, so a head is rebuilt after those locks, never while holding one a
-- rename waits for.
CREATE FUNCTION status_update_entries_refresh_heads() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_measure_timeline_heads(array(
    SELECT DISTINCT t.measure_id FROM written_entries w JOIN status_updates t ON t.id = w.status_update_id));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER status_update_entries_heads_insert AFTER INSERT ON status_update_entries REFERENCING NEW TABLE AS written_entries
  FOR EACH STATEMENT EXECUTE FUNCTION status_update_entries_refresh_heads();
--> statement-breakpoint
CREATE TRIGGER status_update_entries_heads_update AFTER UPDATE ON status_update_entries REFERENCING NEW TABLE AS written_entries
  FOR EACH STATEMENT EXECUTE FUNCTION status_update_entries_refresh_heads();
--> statement-breakpoint
SELECT refresh_measure_timeline_heads(array(SELECT DISTINCT measure_id FROM status_updates));
