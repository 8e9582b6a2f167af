-- 亩均效益 evaluation (亩产论英雄): the grading policy as data, so an admin changes weights and
-- thresholds without a deploy. The model is Zhejiang's (浙政发〔2018〕5号 and the county rules after it):
--   score = Σ (indicator ÷ benchmark × weight), graded A/B/C/D by rank.
-- The computation lives in server/metrics/ (README, "Per-mu evaluation"); this is only its configuration.

-- The one active configuration. History is not kept here: every change is in audit_log with
-- before and after, and `version` gives optimistic concurrency (a stale PUT gets 409).
CREATE TABLE per_mu_grading (
  id           boolean PRIMARY KEY DEFAULT true CHECK (id),   -- at most one row
  version      integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- the benchmark of each indicator: the mean (Zhejiang's 平均值) or the median over the year's graded firms
  benchmark    text NOT NULL DEFAULT 'mean' CHECK (benchmark IN ('mean', 'median')),
  -- cumulative rank percentiles: A = top a %, B = to b %, C = to c %, D = the rest
  grade_a_pct  numeric NOT NULL,
  grade_b_pct  numeric NOT NULL,
  grade_c_pct  numeric NOT NULL,
  -- firms holding less land are listed but not graded (Zhejiang: 用地3亩以下 not evaluated)
  min_mu       numeric NOT NULL CHECK (min_mu >= 0),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  updated_by   text NOT NULL,
  CHECK (0 < grade_a_pct AND grade_a_pct < grade_b_pct AND grade_b_pct < grade_c_pct AND grade_c_pct <= 100)
);

-- Indicator weights, one set per evaluation group. Above-scale firms (规上) are scored on six
-- indicators; the others (规下) on tax alone, as Zhejiang's rules do for firms below the size line.
CREATE TABLE per_mu_weights (
  weight_set  text NOT NULL CHECK (weight_set IN ('above_scale', 'small')),
  indicator   text NOT NULL CHECK (indicator IN (
                'tax_per_mu', 'value_added_per_mu', 'value_added_per_tce', 'value_added_per_kwh',
                'labour_productivity', 'rnd_share', 'tax_per_kwh')),
  weight      numeric NOT NULL CHECK (weight >= 0 AND weight <= 100),
  PRIMARY KEY (weight_set, indicator)
);

-- Each set must sum to 100, checked at commit so that a replacement (delete, then insert) can pass
-- through partial states. The API validates first; this is the backstop for hand-written SQL.
CREATE FUNCTION per_mu_weights_sum_to_100() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad text;
BEGIN
  SELECT string_agg(s.weight_set || ' = ' || coalesce(w.total::text, 'nothing'), ', ') INTO bad
  FROM (VALUES ('above_scale'), ('small')) AS s (weight_set)
  LEFT JOIN (SELECT weight_set, sum(weight) AS total FROM per_mu_weights GROUP BY weight_set) w USING (weight_set)
  WHERE w.total IS NULL OR abs(w.total - 100) > 1e-9;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'per-mu weights must sum to 100 per set: %', bad USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER per_mu_weights_sum AFTER INSERT OR UPDATE OR DELETE ON per_mu_weights
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION per_mu_weights_sum_to_100();

-- Defaults: the Zhejiang model. Thresholds A top 20 %, B to 60 %, C to 95 %, D the bottom 5 %;
-- firms under 3 mu are not graded; benchmark = the park mean over the graded firms of the year.
INSERT INTO per_mu_grading (benchmark, grade_a_pct, grade_b_pct, grade_c_pct, min_mu, updated_by)
VALUES ('mean', 20, 60, 95, 3, 'migration 003');

INSERT INTO per_mu_weights (weight_set, indicator, weight) VALUES
  ('above_scale', 'tax_per_mu',          30),  -- 亩均税收
  ('above_scale', 'value_added_per_mu',  20),  -- 亩均工业增加值
  ('above_scale', 'value_added_per_tce', 20),  -- 单位能耗工业增加值
  -- Zhejiang weighs value added per unit of pollutant emissions (单位排放增加值) here. The park holds
  -- no emissions data, so value added per kWh stands in for it: electricity tracks emissions in
  -- these industries more closely than any other figure we hold.
  ('above_scale', 'value_added_per_kwh', 10),
  ('above_scale', 'labour_productivity', 10),  -- 全员劳动生产率: value added per employee
  ('above_scale', 'rnd_share',           10),  -- 研发经费支出占主营业务收入之比
  ('small',       'tax_per_mu',          50),  -- 规下企业: 亩均税收
  ('small',       'tax_per_kwh',         50);  -- 规下企业: 单位电耗税收
