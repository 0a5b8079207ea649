CREATE TABLE "measure_public_pages" (
	"measure_id" integer PRIMARY KEY NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "measure_public_pages" ADD CONSTRAINT "measure_public_pages_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The public's page of each measure (see the schema's comment), in the shape of `MeasureDetail` and of
-- the page the members' statement builds (`measure-page.queries.ts`) for a reader who is a member of no
-- city: the list item (migration 0018) with the page's own fields after it, the links both ways and the
-- predecessor as the public may see them, and the timeline's first page (migration 0021). In ASCII
-- (`json_ascii`, migration 0022): the item and the timeline are kept so, the fields between are escaped
-- here. `measure-page.test.ts` and `public-pages.test.ts` compare it with the page the server's presenter
-- builds from the rows, after each kind of write.
--
-- Without JIT compilation: for a statement with the measures as a parameter, PostgreSQL's estimate
-- (22,350 rows for 549 measures, each with six subqueries) passes `jit_above_cost`, and compiling the
-- statement took 1.75 of the 2 s that building the 549 pages of the benchmark's database took (PostgreSQL 15
-- from Debian, with LLVM; EXPLAIN ANALYZE), against 0.3 s without.
CREATE FUNCTION refresh_measure_public_pages(ids integer[]) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  -- Each page is locked before it is built, in the measures' order, as the progress answers are
  -- (migration 0023): a transaction that changed the same page is waited for, and the page is then built
  -- from what it committed. A measure's first page makes its row, so a second writer has a row to wait for.
  INSERT INTO measure_public_pages (measure_id, body)
    SELECT m.id, '' FROM measures m WHERE m.id IN (SELECT unnest(ids)) ORDER BY m.id
    ON CONFLICT (measure_id) DO NOTHING;
  PERFORM 1 FROM measure_public_pages WHERE measure_id IN (SELECT unnest(ids)) ORDER BY measure_id FOR UPDATE;
  -- Planned at each call, for the tables as they are (see refresh_measure_list_items). Each field is its
  -- name and its value's JSON joined as text, as the members' statement has it. Built in a materialised
  -- CTE: as a subquery of the UPDATE, each page was built twice, to compare it and to write it.
  EXECUTE $refresh$
  WITH n AS MATERIALIZED (
    SELECT m.id, left(li.item, -1) || json_ascii(
      ', "citySlug" : ' || to_json(c.slug)::text
      || ', "planTitleDe" : ' || to_json(p.title_de)::text
      || ', "planTitleEn" : ' || coalesce(to_json(p.title_en)::text, 'null')
      || ', "descriptionDe" : ' || coalesce(to_json(m.description_de)::text, 'null')
      || ', "descriptionEn" : ' || coalesce(to_json(m.description_en)::text, 'null')
      || ', "recurrenceOn" : ' || coalesce(to_json(m.recurrence_on)::text, 'null')
      || ', "timeframeNoteDe" : ' || coalesce(to_json(m.timeframe_note_de)::text, 'null')
      || ', "timeframeNoteEn" : ' || coalesce(to_json(m.timeframe_note_en)::text, 'null')
      || ', "fundingNoteDe" : ' || coalesce(to_json(m.funding_note_de)::text, 'null')
      || ', "fundingNoteEn" : ' || coalesce(to_json(m.funding_note_en)::text, 'null')
      || ', "goodPracticeDescriptionDe" : ' || coalesce(to_json(m.good_practice_description_de)::text, 'null')
      || ', "goodPracticeDescriptionEn" : ' || coalesce(to_json(m.good_practice_description_en)::text, 'null')
      || ', "goodPractice" : ' || to_json(m.good_practice)::text
      || ', "statusReason" : ' || coalesce(to_json(m.status_reason)::text, 'null')
      || ', "relatedMeasures" : ' || coalesce((
        SELECT json_agg(json_build_object('id', r.id, 'code', r.code, 'titleDe', r.title_de, 'titleEn', r.title_en,
            'noteDe', l.note_de, 'noteEn', l.note_en) ORDER BY r.primary_commitment, r.position, r.id)::text
        FROM measure_relations l CROSS JOIN LATERAL (SELECT * FROM measures r WHERE r.id = l.related_measure_id LIMIT 1) r
        WHERE l.measure_id = m.id AND r.deleted_at IS NULL AND r.is_public), '[]')
      || ', "referencedBy" : ' || coalesce((
        SELECT json_agg(json_build_object('id', r.id, 'code', r.code, 'titleDe', r.title_de, 'titleEn', r.title_en,
            'noteDe', l.note_de, 'noteEn', l.note_en) ORDER BY r.primary_commitment, r.position, r.id)::text
        FROM measure_relations l CROSS JOIN LATERAL (SELECT * FROM measures r WHERE r.id = l.measure_id LIMIT 1) r
        WHERE l.related_measure_id = m.id AND r.deleted_at IS NULL AND r.is_public), '[]')
      || ', "exampleActions" : ' || coalesce((
        SELECT json_agg(json_build_object('key', a.key, 'commitmentNumber', a.commitment_number,
            'textEn', a.text_en, 'textDe', a.text_de) ORDER BY a.commitment_number, a.key)::text
        FROM measure_example_actions e CROSS JOIN LATERAL (SELECT * FROM eccar_example_actions a WHERE a.key = e.example_action_key LIMIT 1) a
        WHERE e.measure_id = m.id), '[]')
      || ', "statusHistoryTotal" : ' || coalesce(h.total, 0)::text
      || ', "statusHistoryNext" : ' || coalesce(to_json(h.next)::text, 'null')
      || ', "origin" : ' || to_json(m.origin)::text
      || ', "predecessor" : ' || coalesce((
        SELECT json_build_object('id', r.id, 'code', r.code, 'planId', r.plan_id, 'planTitleDe', pp.title_de)::text
        FROM measures r JOIN plans pp ON pp.id = r.plan_id
        WHERE r.id = m.predecessor_measure_id AND r.deleted_at IS NULL AND r.is_public AND pp.state IN ('adopted', 'closed')
        LIMIT 1), 'null'))
      || ', "statusHistory" : ' || coalesce(h.entries, '[]')
      || '}' AS body
    FROM measures m
      JOIN measure_list_items li ON li.measure_id = m.id
      JOIN plans p ON p.id = m.plan_id
      JOIN cities c ON c.id = p.city_id
      LEFT JOIN measure_timeline_heads h ON h.measure_id = m.id
    WHERE m.id IN (SELECT unnest($1))
  )
  UPDATE measure_public_pages g SET body = n.body FROM n
  WHERE g.measure_id = n.id AND g.body IS DISTINCT FROM n.body
  $refresh$ USING ids;
END
$$;
--> statement-breakpoint
-- The measures whose pages a transaction changed are noted as it writes (`note_measure_pages`, from the
-- statement triggers below, with the written rows as tables) and their pages built once, in the measures'
-- order, when it commits (a deferred trigger): a status update that writes the measure, its list item
-- and its timeline's head builds its page once, and the pages' locks are taken last, after every other
-- lock of the transaction. The list lives in a setting local to the transaction, which a rollback (to a
-- savepoint, too) takes back with the writes; a measure noted twice is built once.
CREATE FUNCTION note_measure_pages(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(array_remove(ids, NULL)) > 0 THEN
    PERFORM set_config('eccar.page_measures',
      coalesce(nullif(current_setting('eccar.page_measures', true), ''), ',') || array_to_string(ids, ',') || ',', true);
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION refresh_noted_measure_pages() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pending text := coalesce(current_setting('eccar.page_measures', true), '');
BEGIN
  -- The first of the transaction's deferred calls builds every noted page; the others find the list empty.
  IF pending NOT IN ('', ',') THEN
    PERFORM set_config('eccar.page_measures', '', true);
    PERFORM refresh_measure_public_pages(array(
      SELECT DISTINCT id FROM unnest(string_to_array(trim(BOTH ',' FROM pending), ',')::integer[]) AS id ORDER BY id));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The measures whose pages show these measures: the ones linked to or from them, and their successors.
CREATE FUNCTION measures_showing(ids integer[]) RETURNS integer[] LANGUAGE sql STABLE AS $$
  SELECT array(
    SELECT l.measure_id FROM measure_relations l WHERE l.related_measure_id = ANY (ids)
    UNION SELECT l.related_measure_id FROM measure_relations l WHERE l.measure_id = ANY (ids)
    UNION SELECT s.id FROM measures s WHERE s.predecessor_measure_id = ANY (ids))
$$;
--> statement-breakpoint
-- A page shows its plan's titles and its city's address, the linked measures' and the predecessor's
-- codes and titles, and whether the public may see them. A write that gives a page one of these (a new
-- measure, a new link, a new predecessor) locks it (FOR SHARE) until it commits: a rename of the plan or
-- of the linked measure in progress is waited for, so the page is built after it; and a rename waits
-- for the write, so its own notes find the new page. Pages that already show them are found by the
-- rename's notes. Locked in the rows' order within each table, as the list items lock their bodies.
CREATE FUNCTION lock_shown_rows(measure_ids integer[], plan_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM cities WHERE id IN (SELECT p.city_id FROM plans p WHERE p.id = ANY (plan_ids)) ORDER BY id FOR SHARE;
  PERFORM 1 FROM plans WHERE id = ANY (plan_ids) ORDER BY id FOR SHARE;
  PERFORM 1 FROM measures WHERE id = ANY (measure_ids) ORDER BY id FOR SHARE;
END
$$;
--> statement-breakpoint
CREATE FUNCTION measures_note_pages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM lock_shown_rows(
      array(SELECT predecessor_measure_id FROM new_measures WHERE predecessor_measure_id IS NOT NULL),
      array(SELECT DISTINCT plan_id FROM new_measures UNION
        SELECT r.plan_id FROM measures r WHERE r.id IN (SELECT predecessor_measure_id FROM new_measures)));
    PERFORM note_measure_pages(array(SELECT id FROM new_measures));
    RETURN NULL;
  END IF;
  -- A new plan or predecessor is locked as a new measure's are.
  PERFORM lock_shown_rows(
    array(SELECT n.predecessor_measure_id FROM new_measures n JOIN old_measures o ON o.id = n.id
      WHERE n.predecessor_measure_id IS DISTINCT FROM o.predecessor_measure_id AND n.predecessor_measure_id IS NOT NULL),
    array(SELECT n.plan_id FROM new_measures n JOIN old_measures o ON o.id = n.id WHERE n.plan_id <> o.plan_id
      UNION SELECT r.plan_id FROM new_measures n JOIN old_measures o ON o.id = n.id JOIN measures r ON r.id = n.predecessor_measure_id
        WHERE n.predecessor_measure_id IS DISTINCT FROM o.predecessor_measure_id));
  PERFORM note_measure_pages(array(SELECT id FROM new_measures));
  -- Pages that show a measure whose code, title, place in the plan, visibility or plan changed.
  PERFORM note_measure_pages(measures_showing(array(
    SELECT n.id FROM new_measures n JOIN old_measures o ON o.id = n.id
    WHERE (n.code, n.title_de, n.title_en, n.primary_commitment, n.position, n.is_public, n.deleted_at, n.plan_id)
      IS DISTINCT FROM (o.code, o.title_de, o.title_en, o.primary_commitment, o.position, o.is_public, o.deleted_at, o.plan_id))));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER measures_pages_insert AFTER INSERT ON measures REFERENCING NEW TABLE AS new_measures
  FOR EACH STATEMENT EXECUTE FUNCTION measures_note_pages();
--> statement-breakpoint
CREATE TRIGGER measures_pages_update AFTER UPDATE ON measures REFERENCING OLD TABLE AS old_measures NEW TABLE AS new_measures
  FOR EACH STATEMENT EXECUTE FUNCTION measures_note_pages();
--> statement-breakpoint
-- Both ends of a link show each other; a new link locks both (see lock_shown_rows). A change of a link's
-- notes only is no new link: the measures' writer changes the notes of a link it keeps, so an edit that
-- keeps its links waits for nobody's rename.
CREATE FUNCTION measure_relations_note_pages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM lock_shown_rows(array(SELECT measure_id FROM new_links UNION SELECT related_measure_id FROM new_links), '{}');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM lock_shown_rows(array(
      SELECT unnest(array[n.measure_id, n.related_measure_id]) FROM new_links n WHERE NOT EXISTS (
        SELECT 1 FROM old_links o WHERE o.measure_id = n.measure_id AND o.related_measure_id = n.related_measure_id)), '{}');
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM note_measure_pages(array(SELECT measure_id FROM new_links UNION SELECT related_measure_id FROM new_links));
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM note_measure_pages(array(SELECT measure_id FROM old_links UNION SELECT related_measure_id FROM old_links));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER measure_relations_pages_insert AFTER INSERT ON measure_relations REFERENCING NEW TABLE AS new_links
  FOR EACH STATEMENT EXECUTE FUNCTION measure_relations_note_pages();
--> statement-breakpoint
CREATE TRIGGER measure_relations_pages_update AFTER UPDATE ON measure_relations REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links
  FOR EACH STATEMENT EXECUTE FUNCTION measure_relations_note_pages();
--> statement-breakpoint
CREATE TRIGGER measure_relations_pages_delete AFTER DELETE ON measure_relations REFERENCING OLD TABLE AS old_links
  FOR EACH STATEMENT EXECUTE FUNCTION measure_relations_note_pages();
--> statement-breakpoint
-- The rows of a measure's own that the page shows: its example actions, its list item (kept by the
-- triggers of migration 0018: its secondary commitments, bodies and their names) and its timeline's
-- first page (migration 0021: its entries and the names of their bodies).
CREATE FUNCTION measure_rows_note_pages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM note_measure_pages(array(SELECT DISTINCT measure_id FROM new_rows)); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM note_measure_pages(array(SELECT DISTINCT measure_id FROM old_rows)); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER measure_example_actions_pages_insert AFTER INSERT ON measure_example_actions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION measure_rows_note_pages();
--> statement-breakpoint
CREATE TRIGGER measure_example_actions_pages_update AFTER UPDATE ON measure_example_actions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION measure_rows_note_pages();
--> statement-breakpoint
CREATE TRIGGER measure_example_actions_pages_delete AFTER DELETE ON measure_example_actions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION measure_rows_note_pages();
--> statement-breakpoint
CREATE TRIGGER measure_list_items_pages_insert AFTER INSERT ON measure_list_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION measure_rows_note_pages();
--> statement-breakpoint
CREATE TRIGGER measure_list_items_pages_update AFTER UPDATE ON measure_list_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION measure_rows_note_pages();
--> statement-breakpoint
CREATE TRIGGER measure_timeline_heads_pages_insert AFTER INSERT ON measure_timeline_heads REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION measure_rows_note_pages();
--> statement-breakpoint
CREATE TRIGGER measure_timeline_heads_pages_update AFTER UPDATE ON measure_timeline_heads REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION measure_rows_note_pages();
--> statement-breakpoint
-- A plan's titles are on its measures' pages, its German title and its state (whether the public may see
-- a predecessor in it) on the pages of their successors.
CREATE FUNCTION plans_note_pages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM note_measure_pages(array(
    SELECT m.id FROM measures m WHERE m.plan_id IN (SELECT n.id FROM new_plans n JOIN old_plans o ON o.id = n.id
      WHERE (n.title_de, n.title_en) IS DISTINCT FROM (o.title_de, o.title_en))));
  PERFORM note_measure_pages(measures_showing(array(
    SELECT m.id FROM measures m WHERE m.plan_id IN (SELECT n.id FROM new_plans n JOIN old_plans o ON o.id = n.id
      WHERE (n.title_de, n.state) IS DISTINCT FROM (o.title_de, o.state)))));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER plans_pages_update AFTER UPDATE ON plans REFERENCING OLD TABLE AS old_plans NEW TABLE AS new_plans
  FOR EACH STATEMENT EXECUTE FUNCTION plans_note_pages();
--> statement-breakpoint
-- A city's address is on the pages of its measures.
CREATE FUNCTION cities_note_pages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM note_measure_pages(array(
    SELECT m.id FROM measures m WHERE m.city_id IN (SELECT n.id FROM new_cities n JOIN old_cities o ON o.id = n.id WHERE n.slug <> o.slug)));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER cities_pages_update AFTER UPDATE ON cities REFERENCING OLD TABLE AS old_cities NEW TABLE AS new_cities
  FOR EACH STATEMENT EXECUTE FUNCTION cities_note_pages();
--> statement-breakpoint
-- The deferred builds: a constraint trigger fires for each row only, and each of a transaction's calls
-- after the first finds the list empty. On every table whose triggers above note pages.
CREATE CONSTRAINT TRIGGER measures_build_pages AFTER INSERT OR UPDATE ON measures
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_noted_measure_pages();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER measure_relations_build_pages AFTER INSERT OR UPDATE OR DELETE ON measure_relations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_noted_measure_pages();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER measure_example_actions_build_pages AFTER INSERT OR UPDATE OR DELETE ON measure_example_actions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_noted_measure_pages();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER measure_list_items_build_pages AFTER INSERT OR UPDATE ON measure_list_items
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_noted_measure_pages();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER measure_timeline_heads_build_pages AFTER INSERT OR UPDATE ON measure_timeline_heads
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_noted_measure_pages();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER plans_build_pages AFTER UPDATE ON plans
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_noted_measure_pages();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER cities_build_pages AFTER UPDATE ON cities
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_noted_measure_pages();
--> statement-breakpoint
SELECT refresh_measure_public_pages(array(SELECT id FROM measures ORDER BY id));
