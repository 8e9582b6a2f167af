-- The investor portal (issue 11): readiness (七通一平), planning conditions (标准地 控制指标) and
-- inquiries. What the API does with them: README "Investor portal"; the shared terms:
-- web/src/shared/readiness.ts, web/src/shared/api/portal.ts, park-vocabulary.ts.

-- 通讯: the telecom network is a utility like the others.
ALTER TABLE utilities DROP CONSTRAINT utilities_kind_check;
ALTER TABLE utilities ADD CONSTRAINT utilities_kind_check CHECK (kind IN (
  'power_line', 'substation', 'water_main', 'gas_pipeline', 'steam_pipeline', 'rain_sewer', 'sewage_pipe', 'sewage_plant',
  'water_plant', 'telecom_cable'));

-- When a planned or half-built network is expected to serve: what an investor plans around.
ALTER TABLE utilities ADD COLUMN expected_date date;
ALTER TABLE utilities ADD CONSTRAINT utilities_expected_date_when_not_built
  CHECK (expected_date IS NULL OR status IN ('planned', 'under_construction'));

-- 场地平整 (七通一平's 一平): the site preparation state of land on offer; NULL where nobody has said.
ALTER TABLE parcels ADD COLUMN site_state text CHECK (site_state IN ('leveled', 'not_leveled'));

-- Readiness thresholds: within how many metres of the parcel an existing network makes an item
-- ready. One versioned configuration like per_mu_grading (migration 003): history is in
-- audit_log (entity readiness_thresholds), `version` gives optimistic concurrency.
CREATE TABLE readiness_settings (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),   -- at most one row
  version     integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text NOT NULL
);
CREATE TABLE readiness_thresholds (
  item            text PRIMARY KEY CHECK (item IN ('road', 'power', 'water_supply', 'drainage', 'telecom', 'gas', 'heat')),
  max_distance_m  numeric NOT NULL CHECK (max_distance_m >= 0 AND max_distance_m <= 5000),
  CONSTRAINT readiness_thresholds_max_distance_m_finite CHECK (max_distance_m NOT IN ('Infinity', '-Infinity', 'NaN'))
);
INSERT INTO readiness_settings (updated_by) VALUES ('migration 011');
-- web/src/shared/readiness.ts DEFAULT_THRESHOLDS
INSERT INTO readiness_thresholds (item, max_distance_m) VALUES
  ('road', 50), ('power', 200), ('water_supply', 200), ('drainage', 200), ('telecom', 200), ('gas', 300), ('heat', 500);

-- 标准地 控制指标: what a firm taking the parcel commits to. Public for parcels on offer; edited by
-- land officers (PUT /api/parcels/:id/conditions, audited as parcel_conditions).
CREATE TABLE parcel_conditions (
  parcel_id                  text PRIMARY KEY REFERENCES parcels (id) ON DELETE CASCADE,
  min_investment_wan_per_mu  numeric NOT NULL CHECK (min_investment_wan_per_mu > 0),    -- 投资强度 ≥, 万元/亩
  min_plot_ratio             numeric NOT NULL CHECK (min_plot_ratio > 0),               -- 容积率
  max_plot_ratio             numeric NOT NULL CHECK (max_plot_ratio <= 20),
  max_building_coverage_pct  numeric NOT NULL CHECK (max_building_coverage_pct > 0 AND max_building_coverage_pct <= 100),  -- 建筑密度 ≤
  min_tax_wan_per_mu         numeric NOT NULL CHECK (min_tax_wan_per_mu >= 0),          -- 亩均税收 ≥, 万元/亩·年
  max_energy_tce_per_wan     numeric NOT NULL CHECK (max_energy_tce_per_wan > 0),       -- 单位产出能耗 ≤, tce/万元
  industries                 text[] NOT NULL CHECK (
                               cardinality(industries) >= 1
                               AND industries <@ ARRAY['new_energy_materials', 'textile', 'chemical_pharma', 'other']::text[]),
  version                    integer NOT NULL DEFAULT 1,
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  CHECK (min_plot_ratio <= max_plot_ratio),
  CONSTRAINT parcel_conditions_min_investment_wan_per_mu_finite CHECK (min_investment_wan_per_mu NOT IN ('Infinity', '-Infinity', 'NaN')),
  CONSTRAINT parcel_conditions_min_plot_ratio_finite CHECK (min_plot_ratio NOT IN ('Infinity', '-Infinity', 'NaN')),
  CONSTRAINT parcel_conditions_max_plot_ratio_finite CHECK (max_plot_ratio NOT IN ('Infinity', '-Infinity', 'NaN')),
  CONSTRAINT parcel_conditions_max_building_coverage_pct_finite CHECK (max_building_coverage_pct NOT IN ('Infinity', '-Infinity', 'NaN')),
  CONSTRAINT parcel_conditions_min_tax_wan_per_mu_finite CHECK (min_tax_wan_per_mu NOT IN ('Infinity', '-Infinity', 'NaN')),
  CONSTRAINT parcel_conditions_max_energy_tce_per_wan_finite CHECK (max_energy_tce_per_wan NOT IN ('Infinity', '-Infinity', 'NaN'))
);

-- Inquiries about land on offer, from the public or a signed-in investor (user_id). The id is
-- random: a sequence would tell every sender how many others have written. No address is kept:
-- the rate limit works in memory.
CREATE TABLE inquiries (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parcel_id   text NOT NULL REFERENCES parcels (id),
  user_id     bigint REFERENCES users (id) ON DELETE SET NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  company     text CHECK (length(company) <= 200),
  contact     text NOT NULL CHECK (length(contact) BETWEEN 1 AND 200),
  message     text NOT NULL CHECK (length(message) BETWEEN 1 AND 4000),
  status      text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'answered', 'closed')),
  note        text CHECK (length(note) <= 2000),   -- the land officer's, never shown to the sender
  created_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inquiries_user_id ON inquiries (user_id) WHERE user_id IS NOT NULL;
