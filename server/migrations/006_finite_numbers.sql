-- Every stored number is finite (hardening round 2, finding 5). PostgreSQL's numeric holds
-- 'Infinity', '-Infinity' and 'NaN', and a range check lets them through: Infinity > 0, and NaN
-- sorts above every number, so `price_wan_per_mu > 0` took both. The API refuses them at the edge
-- (server/http/validation.ts); these checks also hold for the importers (data/ goes in through
-- jsonb_populate_record, which reads the text "Infinity" as infinity), restores and hand-written SQL.
-- One check per numeric column, named <table>_<column>_finite: tests/api/finite-numbers.test.ts
-- fails when a numeric column of any table lacks one. NULL still passes (unknown, not a number).

ALTER TABLE parcels
  ADD CONSTRAINT parcels_price_wan_per_mu_finite CHECK (price_wan_per_mu NOT IN ('Infinity', '-Infinity', 'NaN'));

ALTER TABLE projects
  ADD CONSTRAINT projects_investment_yi_finite CHECK (investment_yi NOT IN ('Infinity', '-Infinity', 'NaN'));

ALTER TABLE enterprise_figures
  ADD CONSTRAINT enterprise_figures_revenue_wan_finite     CHECK (revenue_wan     NOT IN ('Infinity', '-Infinity', 'NaN')),
  ADD CONSTRAINT enterprise_figures_value_added_wan_finite CHECK (value_added_wan NOT IN ('Infinity', '-Infinity', 'NaN')),
  ADD CONSTRAINT enterprise_figures_profit_wan_finite      CHECK (profit_wan      NOT IN ('Infinity', '-Infinity', 'NaN')),
  ADD CONSTRAINT enterprise_figures_tax_wan_finite         CHECK (tax_wan         NOT IN ('Infinity', '-Infinity', 'NaN')),
  ADD CONSTRAINT enterprise_figures_electricity_kwh_finite CHECK (electricity_kwh NOT IN ('Infinity', '-Infinity', 'NaN')),
  ADD CONSTRAINT enterprise_figures_energy_tce_finite      CHECK (energy_tce      NOT IN ('Infinity', '-Infinity', 'NaN')),
  ADD CONSTRAINT enterprise_figures_rnd_wan_finite         CHECK (rnd_wan         NOT IN ('Infinity', '-Infinity', 'NaN'));

ALTER TABLE utilities
  ADD CONSTRAINT utilities_capacity_finite CHECK (capacity NOT IN ('Infinity', '-Infinity', 'NaN'));

ALTER TABLE per_mu_grading
  ADD CONSTRAINT per_mu_grading_grade_a_pct_finite CHECK (grade_a_pct NOT IN ('Infinity', '-Infinity', 'NaN')),
  ADD CONSTRAINT per_mu_grading_grade_b_pct_finite CHECK (grade_b_pct NOT IN ('Infinity', '-Infinity', 'NaN')),
  ADD CONSTRAINT per_mu_grading_grade_c_pct_finite CHECK (grade_c_pct NOT IN ('Infinity', '-Infinity', 'NaN')),
  ADD CONSTRAINT per_mu_grading_min_mu_finite      CHECK (min_mu      NOT IN ('Infinity', '-Infinity', 'NaN'));

-- A restore runs the migrations and loads the rows in one transaction, so the weights that 003 or
-- the dump inserted may still await their deferred sum check, and ALTER TABLE refuses a table with
-- pending trigger events. Run that check now, then defer it again as migration 003 declared it.
SET CONSTRAINTS per_mu_weights_sum IMMEDIATE;
ALTER TABLE per_mu_weights
  ADD CONSTRAINT per_mu_weights_weight_finite CHECK (weight NOT IN ('Infinity', '-Infinity', 'NaN'));
SET CONSTRAINTS per_mu_weights_sum DEFERRED;
