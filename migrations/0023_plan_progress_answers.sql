CREATE TABLE "plan_progress_answers" (
	"plan_id" integer NOT NULL,
	"members" boolean NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "plan_progress_answers_plan_id_members_pk" PRIMARY KEY("plan_id","members")
);
--> statement-breakpoint
ALTER TABLE "plan_progress_answers" ADD CONSTRAINT "plan_progress_answers_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Each plan's progress summary as the public and as the city's members read it (see the schema's comment),
-- in the shape and with the rounding of `PlanProgress`: every commitment with every status, the share of
-- measures done or ongoing (`settledStatuses`) to four places and the mean progress to one, rounded half up
-- in doubles as `Math.round` does (PostgreSQL's `round` of a double rounds half to even). In ASCII
-- (`json_ascii`, migration 0022). `plans.progress.test.ts` compares it with the summary the server counted
-- before. A refresh took 4–9 ms for a plan of 50 measures and 6–8 ms for one of 500 (PostgreSQL 15, psql), most of
-- it planning the statement.
CREATE FUNCTION refresh_plan_progress(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Each answer is locked before it is built, in the plans' order, as the timeline heads are (migration
  -- 0021): a transaction that wrote another measure of the plan is waited for, and the answer is then
  -- counted from what it committed. A plan's first refresh makes its rows, so a second writer has rows to wait for.
  INSERT INTO plan_progress_answers (plan_id, members, body)
    SELECT p.id, v.members, '' FROM plans p CROSS JOIN (VALUES (false), (true)) v(members)
    WHERE p.id IN (SELECT unnest(ids)) ORDER BY p.id, v.members
    ON CONFLICT (plan_id, members) DO NOTHING;
  PERFORM 1 FROM plan_progress_answers WHERE plan_id IN (SELECT unnest(ids)) ORDER BY plan_id, members FOR UPDATE;
  -- Planned at each call, for the tables as they are (see refresh_measure_list_items).
  EXECUTE $refresh$
  WITH answers AS (
    SELECT plan_id, members FROM plan_progress_answers WHERE plan_id IN (SELECT unnest($1))
  ), counts AS (
    -- The measures each answer shows, by primary commitment and status, with their latest status update.
    -- Grouped per answer in a LATERAL subquery, which PostgreSQL does not flatten: each plan's measures
    -- are read by the plan's index, where a join of all answers read every measure of the database.
    SELECT a.plan_id, a.members, g.*
    FROM answers a CROSS JOIN LATERAL (
      SELECT m.primary_commitment AS commitment, m.status, count(*)::int AS n, sum(m.progress)::int AS progress_sum,
        max((SELECT max(t.date) FROM status_updates t WHERE t.measure_id = m.id)) AS latest
      FROM measures m WHERE m.plan_id = a.plan_id AND m.deleted_at IS NULL AND (m.is_public OR a.members)
      GROUP BY m.primary_commitment, m.status) g
  ), cells AS (
    -- Every status of every commitment, and of the whole plan (commitment 0), zero where no measure is.
    SELECT a.plan_id, a.members, k.commitment, s.status, s.position,
      coalesce(sum(c.n), 0)::int AS n, coalesce(sum(c.progress_sum), 0)::int AS progress_sum
    FROM answers a
      CROSS JOIN (SELECT 0 AS commitment UNION ALL SELECT number FROM commitments) k
      CROSS JOIN unnest(enum_range(NULL::measure_status)) WITH ORDINALITY s(status, position)
      LEFT JOIN counts c ON c.plan_id = a.plan_id AND c.members = a.members AND c.status = s.status
        AND (k.commitment = 0 OR c.commitment = k.commitment)
    GROUP BY a.plan_id, a.members, k.commitment, s.status, s.position
  ), summaries AS (
    SELECT plan_id, members, commitment, sum(n)::int AS measure_count,
      json_object_agg(status, n ORDER BY position) AS by_status,
      CASE WHEN sum(n) = 0 THEN 0::float8
        ELSE floor((sum(n) FILTER (WHERE status IN ('done', 'ongoing')))::float8 / sum(n)::float8 * 10000::float8 + 0.5::float8) / 10000::float8
      END AS settled_share,
      CASE WHEN sum(n) = 0 THEN 0::float8
        ELSE floor(sum(progress_sum)::float8 / sum(n)::float8 * 10::float8 + 0.5::float8) / 10::float8
      END AS average_progress
    FROM cells GROUP BY plan_id, members, commitment
  )
  UPDATE plan_progress_answers p SET body = n.body
  FROM (
    SELECT a.plan_id, a.members, json_ascii(json_build_object(
      'planId', a.plan_id,
      'total', (SELECT json_build_object('measureCount', s.measure_count, 'byStatus', s.by_status,
          'settledShare', s.settled_share, 'averageProgress', s.average_progress)
        FROM summaries s WHERE s.plan_id = a.plan_id AND s.members = a.members AND s.commitment = 0),
      'latestUpdate', (SELECT to_char(max(c.latest), 'YYYY-MM-DD') FROM counts c WHERE c.plan_id = a.plan_id AND c.members = a.members),
      'commitments', (SELECT json_agg(json_build_object(
          'number', k.number, 'titleEn', k.title_en, 'titleDe', k.title_de,
          'localTitleDe', pc.local_title_de, 'localTitleEn', pc.local_title_en,
          'measureCount', s.measure_count, 'byStatus', s.by_status,
          'settledShare', s.settled_share, 'averageProgress', s.average_progress) ORDER BY k.number)
        FROM commitments k
          LEFT JOIN plan_commitments pc ON pc.plan_id = a.plan_id AND pc.commitment_number = k.number
          JOIN summaries s ON s.plan_id = a.plan_id AND s.members = a.members AND s.commitment = k.number)
    )::text) AS body
    FROM answers a
  ) n
  WHERE p.plan_id = n.plan_id AND p.members = n.members AND p.body IS DISTINCT FROM n.body
  $refresh$ USING ids;
END
$$;
--> statement-breakpoint
-- The plans a transaction changed are noted as it writes (`note_plan_progress`, row triggers below) and
-- refreshed once, in the plans' order, when it commits (a deferred trigger): an import of 500 measures or
-- a successor plan counts each plan once, and the answers' locks are taken last, after every other lock
-- of the transaction, so two writers cannot each hold what the other waits for. The list lives in a
-- setting local to the transaction, which a rollback (to a savepoint, too) takes back with the writes.
CREATE FUNCTION note_plan_progress(plan integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  pending text := coalesce(nullif(current_setting('eccar.progress_plans', true), ''), ',');
BEGIN
  IF plan IS NOT NULL AND position(',' || plan || ',' IN pending) = 0 THEN
    PERFORM set_config('eccar.progress_plans', pending || plan || ',', true);
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION refresh_noted_plan_progress() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pending text := coalesce(current_setting('eccar.progress_plans', true), '');
BEGIN
  -- The first of the transaction's deferred calls refreshes every noted plan; the others find the list empty.
  IF pending NOT IN ('', ',') THEN
    PERFORM set_config('eccar.progress_plans', '', true);
    PERFORM refresh_plan_progress(array(SELECT unnest(string_to_array(trim(BOTH ',' FROM pending), ',')::integer[]) AS id ORDER BY id));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION measures_note_progress() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.plan_id, NEW.primary_commitment, NEW.status, NEW.progress, NEW.is_public, NEW.deleted_at)
      IS NOT DISTINCT FROM (OLD.plan_id, OLD.primary_commitment, OLD.status, OLD.progress, OLD.is_public, OLD.deleted_at) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM note_plan_progress(OLD.plan_id); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM note_plan_progress(NEW.plan_id); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A status update's date makes the summary's "as of" date (`latestUpdate`).
CREATE FUNCTION status_updates_note_progress() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.measure_id, NEW.date) IS NOT DISTINCT FROM (OLD.measure_id, OLD.date) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM note_plan_progress((SELECT plan_id FROM measures WHERE id = OLD.measure_id)); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM note_plan_progress((SELECT plan_id FROM measures WHERE id = NEW.measure_id)); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION plan_commitments_note_progress() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.local_title_de, NEW.local_title_en) IS NOT DISTINCT FROM (OLD.local_title_de, OLD.local_title_en) THEN
    RETURN NULL;
  END IF;
  PERFORM note_plan_progress(CASE WHEN TG_OP = 'DELETE' THEN OLD.plan_id ELSE NEW.plan_id END);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A new plan has its answers from the start, with or without measures.
CREATE FUNCTION plans_note_progress() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM note_plan_progress(NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER measures_note_progress AFTER INSERT OR UPDATE OR DELETE ON measures
  FOR EACH ROW EXECUTE FUNCTION measures_note_progress();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER measures_refresh_progress AFTER INSERT OR UPDATE OR DELETE ON measures
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_noted_plan_progress();
--> statement-breakpoint
CREATE TRIGGER status_updates_note_progress AFTER INSERT OR UPDATE OR DELETE ON status_updates
  FOR EACH ROW EXECUTE FUNCTION status_updates_note_progress();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER status_updates_refresh_progress AFTER INSERT OR UPDATE OR DELETE ON status_updates
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_noted_plan_progress();
--> statement-breakpoint
CREATE TRIGGER plan_commitments_note_progress AFTER INSERT OR UPDATE OR DELETE ON plan_commitments
  FOR EACH ROW EXECUTE FUNCTION plan_commitments_note_progress();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER plan_commitments_refresh_progress AFTER INSERT OR UPDATE OR DELETE ON plan_commitments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_noted_plan_progress();
--> statement-breakpoint
CREATE TRIGGER plans_note_progress AFTER INSERT ON plans
  FOR EACH ROW EXECUTE FUNCTION plans_note_progress();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER plans_refresh_progress AFTER INSERT ON plans
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_noted_plan_progress();
--> statement-breakpoint
SELECT refresh_plan_progress(array(SELECT id FROM plans ORDER BY id));
