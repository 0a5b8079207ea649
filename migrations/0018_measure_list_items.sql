CREATE TABLE "measure_list_items" (
	"measure_id" integer PRIMARY KEY NOT NULL,
	"item" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "measure_list_items" ADD CONSTRAINT "measure_list_items_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The measure list reads each measure's item from here (see the schema's comment): building the items
-- of a page of 50 (joins, sorts and JSON) cost PostgreSQL about three times the rest of the list. The
-- triggers below keep every item in the transaction of the write that changes it, whatever code writes:
-- the measure itself, its secondary commitments, its involved bodies, or a body's name. The item's shape
-- and order are those of `toMeasureSummary` (secondary commitments ascending; involved bodies by name in
-- the root collation, the order of `localeCompare(…, 'de')`, then id).
CREATE FUNCTION refresh_measure_list_items(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- The measures are locked first: a write that reaches a measure from another side (a body renamed
  -- while the measure's status or links change) waits here, then reads what the other one committed,
  -- so the item written last is the current one. A rename cannot see a link not yet committed: the
  -- triggers below therefore lock a newly linked body (FOR SHARE) before its measure's item is built, so
  -- a rename in progress is waited for, and a rename waits for the link's transaction.
  PERFORM 1 FROM measures WHERE id IN (SELECT unnest(ids)) ORDER BY id FOR NO KEY UPDATE;
  -- Planned at each call (EXECUTE), for the tables as they are: a plan kept from a call on nearly empty
  -- tables stays bad as they grow, and the embedded database has no autovacuum to replace it. Each body
  -- is looked up by its key (a LATERAL subquery with LIMIT 1 is not flattened into a join): without
  -- statistics, the planner hashed all 5,000 bodies of the network benchmark once per measure (17 s
  -- instead of 3–4.5 s for 50,000 measures).
  EXECUTE $refresh$
  INSERT INTO measure_list_items (measure_id, item)
  SELECT m.id, row_to_json(item)::text
  FROM measures m
    CROSS JOIN LATERAL (SELECT m.id, m.plan_id AS "planId", m.code, m.primary_commitment AS "primaryCommitment",
      coalesce((SELECT json_agg(s.commitment_number ORDER BY s.commitment_number)
        FROM measure_secondary_commitments s WHERE s.measure_id = m.id), '[]'::json) AS "secondaryCommitments",
      m.title_de AS "titleDe", m.title_en AS "titleEn", m.type, m.status, m.progress,
      (SELECT to_json(l) FROM (SELECT o.id, o.name, o.name_en AS "nameEn" FROM organisations o
        WHERE o.id = m.lead_organisation_id LIMIT 1) l) AS "leadOrganisation",
      coalesce((SELECT json_agg(r ORDER BY r.name COLLATE "und-x-icu", r.id) FROM measure_involved_organisations i
        CROSS JOIN LATERAL (SELECT o.id, o.name, o.name_en AS "nameEn" FROM organisations o
          WHERE o.id = i.organisation_id LIMIT 1) r
        WHERE i.measure_id = m.id), '[]'::json) AS "involvedOrganisations",
      m.start_date AS "startDate", m.end_date AS "endDate", m.recurrence, m.is_public AS "isPublic", m.version,
      to_char(m.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt") item
  WHERE m.id IN (SELECT unnest($1))
  ON CONFLICT (measure_id) DO UPDATE SET item = excluded.item
    WHERE measure_list_items.item IS DISTINCT FROM excluded.item
  $refresh$ USING ids;
END
$$;
--> statement-breakpoint
-- Statement-level triggers with the changed rows as a table: an import of 500 measures refreshes their
-- items in one statement, not 500. A trigger with transition tables fires on one event only.
CREATE FUNCTION measures_refresh_list_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A lead body new to its measure is locked like a newly linked body (see refresh_measure_list_items).
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM organisations WHERE id IN (SELECT lead_organisation_id FROM changed_measures) ORDER BY id FOR SHARE;
  ELSE
    PERFORM 1 FROM organisations WHERE id IN (SELECT n.lead_organisation_id FROM changed_measures n
      JOIN old_measures o ON o.id = n.id WHERE n.lead_organisation_id IS DISTINCT FROM o.lead_organisation_id)
      ORDER BY id FOR SHARE;
  END IF;
  PERFORM refresh_measure_list_items(array(SELECT id FROM changed_measures));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER measures_list_items_insert AFTER INSERT ON measures REFERENCING NEW TABLE AS changed_measures
  FOR EACH STATEMENT EXECUTE FUNCTION measures_refresh_list_items();
--> statement-breakpoint
CREATE TRIGGER measures_list_items_update AFTER UPDATE ON measures
  REFERENCING OLD TABLE AS old_measures NEW TABLE AS changed_measures
  FOR EACH STATEMENT EXECUTE FUNCTION measures_refresh_list_items();
--> statement-breakpoint
CREATE FUNCTION measure_links_refresh_list_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- Newly linked bodies are locked (see refresh_measure_list_items); commitments are no table of bodies.
    IF TG_TABLE_NAME = 'measure_involved_organisations' THEN
      PERFORM 1 FROM organisations WHERE id IN (SELECT organisation_id FROM new_links) ORDER BY id FOR SHARE;
    END IF;
    PERFORM refresh_measure_list_items(array(SELECT DISTINCT measure_id FROM new_links));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_measure_list_items(array(SELECT DISTINCT measure_id FROM old_links));
  ELSE
    PERFORM refresh_measure_list_items(array(SELECT measure_id FROM old_links UNION SELECT measure_id FROM new_links));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER measure_secondary_commitments_list_items_insert AFTER INSERT ON measure_secondary_commitments
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION measure_links_refresh_list_items();
--> statement-breakpoint
CREATE TRIGGER measure_secondary_commitments_list_items_update AFTER UPDATE ON measure_secondary_commitments
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION measure_links_refresh_list_items();
--> statement-breakpoint
CREATE TRIGGER measure_secondary_commitments_list_items_delete AFTER DELETE ON measure_secondary_commitments
  REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION measure_links_refresh_list_items();
--> statement-breakpoint
CREATE TRIGGER measure_involved_organisations_list_items_insert AFTER INSERT ON measure_involved_organisations
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION measure_links_refresh_list_items();
--> statement-breakpoint
CREATE TRIGGER measure_involved_organisations_list_items_update AFTER UPDATE ON measure_involved_organisations
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION measure_links_refresh_list_items();
--> statement-breakpoint
CREATE TRIGGER measure_involved_organisations_list_items_delete AFTER DELETE ON measure_involved_organisations
  REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION measure_links_refresh_list_items();
--> statement-breakpoint
-- A body's name is in the items of the measures it leads or is involved in.
CREATE FUNCTION organisations_refresh_list_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_measure_list_items(array(
    WITH renamed AS (
      SELECT n.id FROM new_organisations n JOIN old_organisations o ON o.id = n.id
      WHERE (n.name, n.name_en) IS DISTINCT FROM (o.name, o.name_en)
    )
    SELECT m.id FROM measures m WHERE m.lead_organisation_id IN (SELECT id FROM renamed)
    UNION
    SELECT i.measure_id FROM measure_involved_organisations i WHERE i.organisation_id IN (SELECT id FROM renamed)));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER organisations_list_items_update AFTER UPDATE ON organisations
  REFERENCING OLD TABLE AS old_organisations NEW TABLE AS new_organisations
  FOR EACH STATEMENT EXECUTE FUNCTION organisations_refresh_list_items();
--> statement-breakpoint
SELECT refresh_measure_list_items(array(SELECT id FROM measures));
