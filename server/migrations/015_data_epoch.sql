-- The map's data epoch: a count that every statement changing a table the layers read moves on,
-- in the same transaction, and a generation drawn anew whenever the table is made (a fresh
-- database, a restore). The tile cache (server/tiles/tile-cache.ts) keys tiles by both, so a tile
-- cached before a change is never served after it, by any instance, and the instances agree on
-- what a key holds. A row and not a sequence: a reader sees the new count only with the change.
-- Not backed up (server/db/dump.ts): a restore starts a new generation.
CREATE TABLE data_epoch (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  generation uuid NOT NULL DEFAULT gen_random_uuid(),
  n bigint NOT NULL DEFAULT 0
);
INSERT INTO data_epoch DEFAULT VALUES;

CREATE FUNCTION data_epoch_moves_on() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_epoch SET n = n + 1;
  RETURN NULL;
END
$$;

-- Every table a layer view reads (server/layers/catalog.ts: sources, joins and public row filters);
-- tests/api/tiles.test.ts holds this list to the catalogue.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['zones', 'scenarios', 'scenario_versions', 'chemical_clusters', 'parcels', 'enterprises', 'projects', 'utilities', 'idle_plots', 'basemap'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION data_epoch_moves_on()', t || '_data_epoch', t);
  END LOOP;
END
$$;
