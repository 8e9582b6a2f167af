-- Opaque public ids (Hardening 2, finding 4). The public view of a layer that hides rows by a row
-- filter (server/layers/catalog.ts) must not show the real ids: sequential ones (PRJ-001, PRJ-002…)
-- count the rows it hides, and any real id names a row that internal answers and the audit log
-- use. So such rows carry a second id, random and stable, that the public view exposes as `id`.
-- Random, not a hash of the real id: nothing to guess from, and no secret to keep. Backups keep it
-- (it is a column like any other); the sample park's loader leaves it to the database.
--   projects: those under negotiation or in reserve are hidden.
--   enterprises: a firm present only through a hidden project (or a reserved plot) is hidden.
-- Zones hide rezoning drafts, whose ids are random already (draft-<8 hex>, server/edits/zones.ts);
-- the other zones' ids are the districts' names, which the public parcel search filters on.

ALTER TABLE projects ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE projects ADD CONSTRAINT projects_public_id_key UNIQUE (public_id);

ALTER TABLE enterprises ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE enterprises ADD CONSTRAINT enterprises_public_id_key UNIQUE (public_id);
