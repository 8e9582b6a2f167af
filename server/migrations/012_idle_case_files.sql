-- The idle-land case file (issue 10): a case moves along the statutory steps of 国土资源部令第53号
-- (idle land) or 国土资发〔2016〕147号 (low-efficiency land), each step a row with who, when, a note
-- and its own fields; evidence is stored beside the step (bytea, so a backup carries it); parcels
-- carry their land-grant contract dates. The stage graph and the parcel status a case gives are
-- web/src/shared/park-vocabulary.ts's (IDLE_STAGES, allowedNextStages, parcelStatusForCase),
-- repeated here as SQL must; tests/api/idle-invariants.test.ts compares them for every pair.

-- Migration 007's triggers watch the old stages: off while the rows move to the new ones.
DROP TRIGGER idle_plots_stage_order ON idle_plots;
DROP TRIGGER idle_plots_status_follows_case ON idle_plots;
DROP TRIGGER parcels_status_follows_case ON parcels;
DROP INDEX idle_plots_one_open_case;

ALTER TABLE idle_plots DROP CONSTRAINT idle_plots_stage_check;
ALTER TABLE idle_plots DROP CONSTRAINT idle_plots_disposal_check;
UPDATE idle_plots SET stage = CASE stage WHEN 'flagged' THEN 'investigation' WHEN 'disposing' THEN 'implementing' ELSE stage END;
ALTER TABLE idle_plots ADD CONSTRAINT idle_plots_stage_check CHECK (stage IN (
  'investigation', 'notice', 'determination', 'disposal_plan', 'implementing', 'revitalised', 'closed'));
ALTER TABLE idle_plots ADD CONSTRAINT idle_plots_disposal_check CHECK (disposal IN (
  'extend_start', 'change_use', 'temporary_use', 'paid_recovery', 'land_exchange', 'idle_fee', 'recovery_without_compensation',
  'court_auction', 'lease', 'land_reserve_purchase', 'swap_cage', 'swap_energy', 'negotiation', 'reclaim'));
-- The case's reason is the one it was opened with: a later step's note is the step's.
COMMENT ON COLUMN idle_plots.reason IS 'why the case was opened; never overwritten (steps carry their own notes)';

-- One step of a case: the stage it moved the case to (seq 1 is the opening, at investigation).
CREATE TABLE idle_case_steps (
  case_id              text NOT NULL REFERENCES idle_plots (id),
  seq                  integer NOT NULL CHECK (seq >= 1),
  stage                text NOT NULL CHECK (stage IN (
                         'investigation', 'notice', 'determination', 'disposal_plan', 'implementing', 'revitalised', 'closed')),
  happened_on          date NOT NULL,            -- when the step took place (may be before it was recorded)
  recorded_at          timestamptz NOT NULL DEFAULT now(),
  by                   text NOT NULL,            -- the signed-in officer
  note                 text NOT NULL,
  holder_statement     text,                     -- investigation: what the holder said (第七条)
  doc_no               text,                     -- 调查通知书 / 告知书 / 认定书 / 方案 / 决定书 number
  doc_date             date,
  hearing_deadline     date,                     -- notice: last day to ask for a hearing (第十五条)
  disposal             text CHECK (disposal IN (
                         'extend_start', 'change_use', 'temporary_use', 'paid_recovery', 'land_exchange', 'idle_fee',
                         'recovery_without_compensation', 'court_auction', 'lease', 'land_reserve_purchase', 'swap_cage',
                         'swap_energy', 'negotiation', 'reclaim')),
  due_date             date,                     -- disposal plan / implementing: by when
  successor_zh         text,                     -- revitalised: who takes the land over
  successor_en         text,
  successor_start_date date,
  closed_reason        text,
  is_sample            boolean NOT NULL DEFAULT false,  -- the sample park's invented steps
  PRIMARY KEY (case_id, seq),
  CONSTRAINT idle_case_steps_hearing_after_notice CHECK (hearing_deadline IS NULL OR doc_date IS NULL OR hearing_deadline >= doc_date)
);

-- Evidence on a step: photos and PDFs, type checked by their first bytes before they get here.
CREATE TABLE idle_case_attachments (
  id           text PRIMARY KEY,
  case_id      text NOT NULL,
  seq          integer NOT NULL,
  file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type   text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size         integer NOT NULL CHECK (size > 0 AND size <= 8388608),
  content      bytea NOT NULL CHECK (octet_length(content) = size),
  uploaded_by  text NOT NULL,
  uploaded_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (case_id, seq) REFERENCES idle_case_steps (case_id, seq)
);
CREATE INDEX idle_case_attachments_step ON idle_case_attachments (case_id, seq);

-- 出让合同: the land-grant contract's dates and what actually happened (动态巡查), and the built
-- figures to hold against the contract's 控制指标 (parcel_conditions: investment intensity, plot ratio).
ALTER TABLE parcels ADD COLUMN contract_signed_on date;
ALTER TABLE parcels ADD COLUMN land_delivered_on date;
ALTER TABLE parcels ADD COLUMN agreed_start_on date;
ALTER TABLE parcels ADD COLUMN agreed_completion_on date;
ALTER TABLE parcels ADD COLUMN actual_start_on date;
ALTER TABLE parcels ADD COLUMN actual_completion_on date;
ALTER TABLE parcels ADD COLUMN investment_wan_per_mu numeric CHECK (investment_wan_per_mu >= 0);  -- as invested, 万元/亩
ALTER TABLE parcels ADD COLUMN plot_ratio numeric CHECK (plot_ratio >= 0);                        -- as built
ALTER TABLE parcels
  ADD CONSTRAINT parcels_investment_wan_per_mu_finite CHECK (investment_wan_per_mu NOT IN ('Infinity', '-Infinity', 'NaN')),
  ADD CONSTRAINT parcels_plot_ratio_finite CHECK (plot_ratio NOT IN ('Infinity', '-Infinity', 'NaN')),
  ADD CONSTRAINT parcels_agreed_completion_after_start CHECK (agreed_completion_on IS NULL OR agreed_start_on IS NULL OR agreed_completion_on >= agreed_start_on);

-- Open = neither revitalised nor closed, as in server/edits/sql/idle-plots.sql (open-case).
CREATE UNIQUE INDEX idle_plots_one_open_case ON idle_plots (parcel_id) WHERE stage NOT IN ('revitalised', 'closed');

-- parcelStatusForCase.
CREATE OR REPLACE FUNCTION parcel_status_for_case(stage text, category text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN stage IN ('investigation', 'notice', 'determination') THEN category
    WHEN stage IN ('disposal_plan', 'implementing') THEN 'revitalising'
    WHEN stage = 'revitalised' THEN 'revitalised'
    WHEN stage = 'closed' THEN 'occupied'
  END
$$;

-- The statutory path of each category (IDLE_PATHS).
CREATE FUNCTION idle_stage_path(category text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE category
    WHEN 'idle' THEN ARRAY['investigation', 'notice', 'determination', 'disposal_plan', 'implementing', 'revitalised']
    WHEN 'low_efficiency' THEN ARRAY['investigation', 'determination', 'disposal_plan', 'implementing', 'revitalised']
  END
$$;

-- isAllowedStageMove: the next stage on the category's path, or closed, from an open stage.
DROP FUNCTION idle_stage_move_allowed(text, text);
CREATE FUNCTION idle_stage_move_allowed(category text, from_stage text, to_stage text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(
    from_stage NOT IN ('revitalised', 'closed') AND array_position(idle_stage_path(category), from_stage) IS NOT NULL
    AND (to_stage = 'closed' OR array_position(idle_stage_path(category), to_stage) = array_position(idle_stage_path(category), from_stage) + 1),
    false)
$$;

CREATE OR REPLACE FUNCTION idle_plots_check_stage_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.category IS DISTINCT FROM OLD.category THEN
    RAISE EXCEPTION 'idle-land case % cannot change its category from % to %: open a new case instead', OLD.id, OLD.category, NEW.category
      USING ERRCODE = 'check_violation', CONSTRAINT = 'idle_plots_stage_order', TABLE = 'idle_plots', COLUMN = 'category';
  END IF;
  IF NEW.stage IS DISTINCT FROM OLD.stage AND NOT idle_stage_move_allowed(OLD.category, OLD.stage, NEW.stage) THEN
    RAISE EXCEPTION 'idle-land case % (%) cannot move from % to %: a case moves one statutory step on, or is closed, and never back',
      OLD.id, OLD.category, OLD.stage, NEW.stage
      USING ERRCODE = 'check_violation', CONSTRAINT = 'idle_plots_stage_order', TABLE = 'idle_plots', COLUMN = 'stage';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER idle_plots_stage_order BEFORE UPDATE OF stage, category ON idle_plots
  FOR EACH ROW WHEN (OLD.stage IS DISTINCT FROM NEW.stage OR OLD.category IS DISTINCT FROM NEW.category)
  EXECUTE FUNCTION idle_plots_check_stage_order();

CREATE OR REPLACE FUNCTION assert_parcel_follows_case(parcel text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  current_status text;
  open_case record;
BEGIN
  SELECT status INTO current_status FROM parcels WHERE id = parcel;
  SELECT id, stage, category INTO open_case FROM idle_plots WHERE parcel_id = parcel AND stage NOT IN ('revitalised', 'closed');
  IF FOUND AND current_status IS DISTINCT FROM parcel_status_for_case(open_case.stage, open_case.category) THEN
    RAISE EXCEPTION 'parcel % is %, but its open idle-land case % (% %) makes it %: a parcel''s status follows its open case',
      parcel, current_status, open_case.id, open_case.category, open_case.stage, parcel_status_for_case(open_case.stage, open_case.category)
      USING ERRCODE = 'check_violation', CONSTRAINT = 'parcels_status_follows_case', TABLE = 'parcels', COLUMN = 'status';
  END IF;
END $$;

CREATE CONSTRAINT TRIGGER parcels_status_follows_case AFTER UPDATE OF status ON parcels
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION parcels_check_status_follows_case();

CREATE CONSTRAINT TRIGGER idle_plots_status_follows_case AFTER INSERT OR UPDATE OF parcel_id, stage, category ON idle_plots
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION idle_plots_check_status_follows_case();
