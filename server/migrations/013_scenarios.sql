-- Rezoning scenarios (调区扩区方案, issue 9) replace the zones of kind rezoning_draft. A scenario is a
-- planner's proposal for one zone's boundary (zone_id) or for a new one (zone_id NULL); each save is
-- an immutable version, and a version goes through review: draft → submitted → approved | rejected
-- (web/src/shared/park-vocabulary.ts SCENARIO_VERSION_STATUSES; server/scenarios/ keeps the order
-- and answers 409 first). An approved version is frozen and its boundary becomes the zone's; the
-- scenario takes no more versions (a further revision is a new scenario started from the zone).
-- The drafts saved so far are carried over with every version the audit log kept of them.

CREATE TABLE scenarios (
  id          text PRIMARY KEY,
  zone_id     text REFERENCES zones (id),
  name_zh     text NOT NULL,
  -- English is optional: a county's own scenario need not have an English name.
  name_en     text,
  note        text,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  -- the latest version's number: the ETag a new version's If-Match must name
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE scenario_versions (
  scenario_id     text NOT NULL REFERENCES scenarios (id),
  n               integer NOT NULL CHECK (n >= 1),
  -- the version it was drawn from (NULL for the first)
  base            integer CHECK (base >= 1 AND base < n),
  geom            geometry(MultiPolygon, 4326) NOT NULL,
  comment         text,
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'rejected')),
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  submitted_by    text,
  submitted_at    timestamptz,
  reviewed_by     text,
  reviewed_at     timestamptz,
  review_comment  text,
  PRIMARY KEY (scenario_id, n)
);
CREATE INDEX scenario_versions_geom_gist ON scenario_versions USING gist (geom);

-- Comments on a scenario, optionally on one version and pinned to a point of the map; resolved, not deleted.
CREATE TABLE scenario_comments (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scenario_id  text NOT NULL REFERENCES scenarios (id),
  version_n    integer,
  body         text NOT NULL,
  pin          geometry(Point, 4326),
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  resolved_by  text,
  resolved_at  timestamptz,
  FOREIGN KEY (scenario_id, version_n) REFERENCES scenario_versions (scenario_id, n)
);
CREATE INDEX scenario_comments_scenario ON scenario_comments (scenario_id);

-- A version is what was saved: its shape, base and author never change, nor does anything of an
-- approved one, and versions are never deleted (the review trail would go with them).
CREATE FUNCTION scenario_versions_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'scenario version %/% cannot be deleted', OLD.scenario_id, OLD.n
      USING ERRCODE = 'check_violation', CONSTRAINT = 'scenario_versions_immutable', TABLE = 'scenario_versions';
  END IF;
  IF OLD.status = 'approved'
     OR NEW.geom IS DISTINCT FROM OLD.geom OR NEW.base IS DISTINCT FROM OLD.base OR NEW.n <> OLD.n
     OR NEW.scenario_id <> OLD.scenario_id OR NEW.comment IS DISTINCT FROM OLD.comment
     OR NEW.created_by <> OLD.created_by OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'scenario version %/% is immutable (only its review moves on, and an approved version is frozen)', OLD.scenario_id, OLD.n
      USING ERRCODE = 'check_violation', CONSTRAINT = 'scenario_versions_immutable', TABLE = 'scenario_versions';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER scenario_versions_immutable BEFORE UPDATE OR DELETE ON scenario_versions
  FOR EACH ROW EXECUTE FUNCTION scenario_versions_keep();

-- Carry the drafts over. The sample park's draft (approved boundary plus the south district)
-- revises the approved boundary; drafts made through the old API were new boundaries.
INSERT INTO scenarios (id, zone_id, name_zh, name_en, note, created_by, version, updated_at)
SELECT z.id,
       CASE WHEN z.id = 'draft-2022-south' AND EXISTS (SELECT 1 FROM zones a WHERE a.id = 'approved-boundary') THEN 'approved-boundary' END,
       z.name_zh, z.name_en, z.note,
       coalesce((SELECT l.actor FROM audit_log l WHERE l.entity = 'zones' AND l.entity_id = z.id ORDER BY l.id LIMIT 1), 'sample-park'),
       z.version, z.updated_at
FROM zones z WHERE z.kind = 'rezoning_draft';

-- Every version the audit log holds (create_draft / update_draft kept the whole row after each save)…
INSERT INTO scenario_versions (scenario_id, n, base, geom, comment, created_by, created_at)
SELECT DISTINCT ON (l.entity_id, (l.after->>'version')::int)
       l.entity_id, (l.after->>'version')::int, nullif((l.after->>'version')::int - 1, 0),
       ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(l.after->'geometry'), 4326)), l.after->>'note', l.actor, l.at
FROM audit_log l JOIN scenarios s ON s.id = l.entity_id
WHERE l.entity = 'zones' AND l.action IN ('create_draft', 'update_draft') AND l.after ? 'geometry'
ORDER BY l.entity_id, (l.after->>'version')::int, l.id DESC;

-- …and the current row, for a version the log lacks (the sample park's draft was loaded, not saved);
-- the draft's review state is its latest version's.
INSERT INTO scenario_versions (scenario_id, n, base, geom, comment, status, created_by, created_at)
SELECT z.id, z.version, nullif(z.version - 1, 0), z.geom, z.note,
       CASE WHEN z.status IN ('draft', 'submitted', 'approved', 'rejected') THEN z.status ELSE 'draft' END,
       s.created_by, z.updated_at
FROM zones z JOIN scenarios s ON s.id = z.id
ON CONFLICT (scenario_id, n) DO UPDATE SET status = EXCLUDED.status;

-- A draft versioned before the log began could miss early numbers: the scenario's version is its latest.
UPDATE scenarios s SET version = (SELECT max(n) FROM scenario_versions v WHERE v.scenario_id = s.id);

DELETE FROM zones WHERE kind = 'rezoning_draft';

-- Zones are now the adopted boundaries only.
ALTER TABLE zones DROP CONSTRAINT zones_kind_check;
ALTER TABLE zones ADD CONSTRAINT zones_kind_check CHECK (kind IN ('park_zone', 'approved_boundary'));
ALTER TABLE zones DROP CONSTRAINT zones_status_check;
ALTER TABLE zones ADD CONSTRAINT zones_status_check CHECK (status IN ('current', 'built_out', 'expanding'));
