-- The kept JSON texts (the list's items, the timeline's entries and so its heads) are written in ASCII:
-- every character beyond it as a JSON escape (`\u00fc` for ü, a surrogate pair beyond U+FFFF), which any
-- JSON reader decodes to the same text. Node.js decodes and encodes an answer's text on each read: a list of
-- 50 with its umlauts and dashes is a two-byte string in V8, and decoding it from the database's bytes took
-- 46 µs, measuring its UTF-8 length 16 µs and encoding it for the socket 39 µs; in ASCII 4, 0.2 and 5 µs.
-- The escapes make the list of 50 about 2 % longer.
CREATE FUNCTION json_ascii(json_text text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  letter text;
  code integer;
  escaped text := json_text;
BEGIN
  -- Outside strings JSON has only ASCII, so every other character is inside a string, where an escape
  -- stands for it. Each distinct character is replaced once, in the whole text.
  FOR letter IN SELECT DISTINCT matched[1] FROM regexp_matches(json_text, '[^\x01-\x7f]', 'g') AS matched LOOP
    code := ascii(letter);
    escaped := replace(escaped, letter, CASE WHEN code > 65535
      THEN E'\\u' || lpad(to_hex(((code - 65536) >> 10) + 55296), 4, '0') || E'\\u' || lpad(to_hex(((code - 65536) & 1023) + 56320), 4, '0')
      ELSE E'\\u' || lpad(to_hex(code), 4, '0') END);
  END LOOP;
  RETURN escaped;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_measure_list_items(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
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
  SELECT m.id, json_ascii(row_to_json(item)::text)
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
CREATE OR REPLACE FUNCTION refresh_status_update_entries(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Planned at each call, for the tables as they are (see refresh_measure_list_items); each body is looked
  -- up by its key with LIMIT 1, so no plan hashes every body of a network.
  EXECUTE $refresh$
  INSERT INTO status_update_entries (status_update_id, entry)
  SELECT t.id, json_ascii(json_build_object('id', t.id, 'date', t.date, 'fromStatus', t.from_status, 'status', t.status,
      'fromProgress', t.from_progress, 'progress', t.progress, 'noteDe', t.note_de, 'noteEn', t.note_en, 'reason', t.reason,
      'evidenceLinks', t.evidence_links,
      'organisation', (SELECT json_build_object('id', o.id, 'name', o.name, 'nameEn', o.name_en) FROM organisations o
        WHERE o.id = t.organisation_id LIMIT 1),
      'recordedAt', to_char(t.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text)
  FROM status_updates t
  WHERE t.id IN (SELECT unnest($1))
  ON CONFLICT (status_update_id) DO UPDATE SET entry = excluded.entry
    WHERE status_update_entries.entry IS DISTINCT FROM excluded.entry
  $refresh$ USING ids;
END
$$;
--> statement-breakpoint
-- Rewrites every kept item and entry; the entries' triggers rebuild the timelines' heads from them.
SELECT refresh_measure_list_items(array(SELECT id FROM measures));
--> statement-breakpoint
SELECT refresh_status_update_entries(array(SELECT id FROM status_updates));
