-- Idle-land cases and their parcels cannot drift apart (hardening round 2, finding 6). The API
-- keeps these rules and refuses with a 409 first (server/edits/); the database holds them whatever
-- writes, the importers and hand-written SQL included. Each refusal names its rule as the
-- constraint, which server/errors.ts maps to a 409 saying what was broken:
--   idle_plots_one_open_case     a parcel has at most one open case (open = not yet revitalised)
--   idle_plots_stage_order       a case stays at its stage or moves one on: flagged → disposing → revitalised
--   parcels_status_follows_case  a parcel with an open case has the status the case gives it
-- The stage list and the two rules are web/src/shared/park-vocabulary.ts's (IDLE_STAGES,
-- isAllowedStageMove, parcelStatusForCase), repeated here as SQL must; tests/api/idle-invariants.test.ts
-- compares the functions below with them for every stage and category.

-- Open = not revitalised, as in server/edits/sql/idle-plots.sql (open-case).
CREATE UNIQUE INDEX idle_plots_one_open_case ON idle_plots (parcel_id) WHERE stage <> 'revitalised';

-- parcelStatusForCase: flagged → the category (idle, low_efficiency), disposing → revitalising,
-- revitalised → revitalised.
CREATE FUNCTION parcel_status_for_case(stage text, category text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE stage WHEN 'flagged' THEN category WHEN 'disposing' THEN 'revitalising' WHEN 'revitalised' THEN 'revitalised' END
$$;

-- isAllowedStageMove: the same stage, or the next one; never back, never past disposal.
CREATE FUNCTION idle_stage_move_allowed(from_stage text, to_stage text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_position(ARRAY['flagged', 'disposing', 'revitalised'], to_stage)
                  - array_position(ARRAY['flagged', 'disposing', 'revitalised'], from_stage) IN (0, 1), false)
$$;

CREATE FUNCTION idle_plots_check_stage_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT idle_stage_move_allowed(OLD.stage, NEW.stage) THEN
    RAISE EXCEPTION 'idle-land case % cannot move from % to %: a case moves only forward, one stage at a time (flagged → disposing → revitalised)',
      OLD.id, OLD.stage, NEW.stage
      USING ERRCODE = 'check_violation', CONSTRAINT = 'idle_plots_stage_order', TABLE = 'idle_plots', COLUMN = 'stage';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER idle_plots_stage_order BEFORE UPDATE OF stage ON idle_plots
  FOR EACH ROW WHEN (OLD.stage IS DISTINCT FROM NEW.stage) EXECUTE FUNCTION idle_plots_check_stage_order();

-- The status check reads the parcel and its open case as they stand at commit: a case and its
-- parcel are written by two statements (the case first, then the parcel; the importer the other
-- way round), so the check is deferred until both are in.
CREATE FUNCTION assert_parcel_follows_case(parcel text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  current_status text;
  open_case record;
BEGIN
  SELECT status INTO current_status FROM parcels WHERE id = parcel;
  SELECT id, stage, category INTO open_case FROM idle_plots WHERE parcel_id = parcel AND stage <> 'revitalised';
  IF FOUND AND current_status IS DISTINCT FROM parcel_status_for_case(open_case.stage, open_case.category) THEN
    RAISE EXCEPTION 'parcel % is %, but its open idle-land case % (% %) makes it %: a parcel''s status follows its open case',
      parcel, current_status, open_case.id, open_case.category, open_case.stage, parcel_status_for_case(open_case.stage, open_case.category)
      USING ERRCODE = 'check_violation', CONSTRAINT = 'parcels_status_follows_case', TABLE = 'parcels', COLUMN = 'status';
  END IF;
END $$;

CREATE FUNCTION parcels_check_status_follows_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM assert_parcel_follows_case(NEW.id);
  RETURN NULL;
END $$;

CREATE FUNCTION idle_plots_check_status_follows_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM assert_parcel_follows_case(NEW.parcel_id);
  RETURN NULL;
END $$;

-- A parcel's id cannot change under its cases (the foreign key), and a new parcel has no case yet:
-- a change of status is the parcel side's only way to break the rule.
CREATE CONSTRAINT TRIGGER parcels_status_follows_case AFTER UPDATE OF status ON parcels
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION parcels_check_status_follows_case();

CREATE CONSTRAINT TRIGGER idle_plots_status_follows_case AFTER INSERT OR UPDATE OF parcel_id, stage, category ON idle_plots
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION idle_plots_check_status_follows_case();
