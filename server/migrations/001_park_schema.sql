-- Park Atlas schema, version 1: every layer of the design, in EPSG:4326 (WGS84 / CGCS2000 lon/lat).
-- Geometry is typed per layer so a wrong shape fails at insert, and GiST-indexed for bbox queries.
-- Areas are never stored: they are computed from the geometry (ST_Area(geom::geography)) when asked.

CREATE TABLE zones (
  id          text PRIMARY KEY,
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  -- park_zone: a district of the park; approved_boundary: the approved park outline;
  -- rezoning_draft: a proposed boundary (调区扩区) under review.
  kind        text NOT NULL CHECK (kind IN ('park_zone', 'approved_boundary', 'rezoning_draft')),
  status      text NOT NULL DEFAULT 'current' CHECK (status IN ('current', 'built_out', 'expanding', 'draft', 'submitted', 'approved', 'rejected')),
  note        text,
  geom        geometry(MultiPolygon, 4326) NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zones_geom_gist ON zones USING gist (geom);

-- 化工集中区, 一园两区: area A (built, boundary adjusted) and area B (planned development).
CREATE TABLE chemical_clusters (
  id          text PRIMARY KEY,
  code        text NOT NULL UNIQUE CHECK (code IN ('A', 'B')),
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  stage       text NOT NULL CHECK (stage IN ('built', 'planned')),
  note        text,
  geom        geometry(MultiPolygon, 4326) NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chemical_clusters_geom_gist ON chemical_clusters USING gist (geom);

CREATE TABLE enterprises (
  id           text PRIMARY KEY,
  name_zh      text NOT NULL,
  name_en      text NOT NULL,
  industry     text NOT NULL CHECK (industry IN ('new_energy_materials', 'textile', 'chemical_pharma', 'other')),
  is_chemical  boolean NOT NULL DEFAULT false,
  above_scale  boolean NOT NULL DEFAULT false,   -- 规上: annual revenue ≥ 20 million yuan
  started_year integer,
  note         text,
  geom         geometry(Point, 4326) NOT NULL,   -- the works' main gate, for the map
  version      integer NOT NULL DEFAULT 1,
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enterprises_geom_gist ON enterprises USING gist (geom);

-- Yearly figures: the inputs of the 亩均效益 evaluation. Money in 10,000 yuan (万元), as Chinese statistics report it.
CREATE TABLE enterprise_figures (
  enterprise_id      text NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
  year               integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  revenue_wan        numeric,        -- 营业收入
  value_added_wan    numeric,        -- 工业增加值
  profit_wan         numeric,        -- 利润总额
  tax_wan            numeric,        -- 税收 (实缴)
  electricity_kwh    numeric,        -- 用电量
  energy_tce         numeric,        -- 综合能耗, tonnes of coal equivalent
  rnd_wan            numeric,        -- R&D spending
  employees          integer,
  is_sample          boolean NOT NULL DEFAULT true,  -- invented for the sample park, not reported
  PRIMARY KEY (enterprise_id, year)
);

CREATE TABLE parcels (
  id                  text PRIMARY KEY,
  zone_id             text NOT NULL REFERENCES zones (id),
  land_use            text NOT NULL CHECK (land_use IN ('industrial', 'warehouse', 'commercial', 'public', 'residential', 'utility', 'green')),
  status              text NOT NULL CHECK (status IN ('occupied', 'available', 'idle', 'low_efficiency', 'revitalising', 'revitalised', 'reserved', 'under_acquisition')),
  enterprise_id       text REFERENCES enterprises (id),
  -- approvals (south district): 土地报批, 林地报批
  land_approval       text NOT NULL DEFAULT 'approved' CHECK (land_approval IN ('approved', 'pending', 'not_started')),
  forest_approval     text NOT NULL DEFAULT 'not_required' CHECK (forest_approval IN ('not_required', 'approved', 'pending')),
  demolished_buildings integer NOT NULL DEFAULT 0 CHECK (demolished_buildings >= 0),
  relocated_graves     integer NOT NULL DEFAULT 0 CHECK (relocated_graves >= 0),
  price_wan_per_mu    numeric CHECK (price_wan_per_mu > 0),  -- indicative land price, for investors
  note                text,
  geom                geometry(MultiPolygon, 4326) NOT NULL,
  version             integer NOT NULL DEFAULT 1,
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX parcels_geom_gist ON parcels USING gist (geom);
CREATE INDEX parcels_status ON parcels (status);
CREATE INDEX parcels_enterprise ON parcels (enterprise_id);

CREATE TABLE projects (
  id               text PRIMARY KEY,
  name_zh          text NOT NULL,
  name_en          text NOT NULL,
  enterprise_id    text REFERENCES enterprises (id),
  stage            text NOT NULL CHECK (stage IN ('reserve', 'negotiating', 'signed', 'under_construction', 'in_production', 'infrastructure')),
  investment_yi    numeric CHECK (investment_yi >= 0),   -- 亿元 (100 million yuan)
  is_major         boolean GENERATED ALWAYS AS (coalesce(investment_yi >= 1, false)) STORED,  -- 亿元以上项目
  zone_id          text REFERENCES zones (id),
  note             text,
  geom             geometry(MultiPolygon, 4326) NOT NULL,  -- the project site
  version          integer NOT NULL DEFAULT 1,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projects_geom_gist ON projects USING gist (geom);

-- 闲置低效用地: one record per flagged plot, followed through disposal to revitalised.
-- Geometry is the parcel's; the record holds the case.
CREATE TABLE idle_plots (
  id               text PRIMARY KEY,
  parcel_id        text NOT NULL REFERENCES parcels (id),
  holder_zh        text NOT NULL,   -- the firm the plot was flagged against
  holder_en        text NOT NULL,
  category         text NOT NULL CHECK (category IN ('idle', 'low_efficiency')),
  disposal         text CHECK (disposal IN ('court_auction', 'lease', 'reclaim', 'swap_cage', 'swap_energy', 'negotiation')),
  stage            text NOT NULL CHECK (stage IN ('flagged', 'disposing', 'revitalised')),
  agreed_start_date date,           -- the contract's start date: the idle-land clock runs from it
  flagged_on       date NOT NULL,
  flagged_by       text NOT NULL,
  reason           text NOT NULL,
  successor_zh     text,            -- who takes the plot over (e.g. 亿利洁能 for 欧标)
  successor_en     text,
  version          integer NOT NULL DEFAULT 1,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idle_plots_parcel ON idle_plots (parcel_id);

CREATE TABLE utilities (
  id             text PRIMARY KEY,
  kind           text NOT NULL CHECK (kind IN ('power_line', 'substation', 'water_main', 'gas_pipeline', 'steam_pipeline', 'rain_sewer', 'sewage_pipe', 'sewage_plant', 'water_plant')),
  name_zh        text NOT NULL,
  name_en        text NOT NULL,
  status         text NOT NULL CHECK (status IN ('existing', 'planned', 'under_construction', 'temporary')),
  capacity       numeric,          -- in capacity_unit
  capacity_unit  text,             -- kV, kVA, t/d, DN (mm), t/h
  operator       text,
  note           text,
  geom           geometry(Geometry, 4326) NOT NULL
                 CHECK (GeometryType(geom) IN ('POINT', 'LINESTRING', 'MULTILINESTRING', 'POLYGON', 'MULTIPOLYGON')),
  version        integer NOT NULL DEFAULT 1,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX utilities_geom_gist ON utilities USING gist (geom);

-- The park's own base map, so the map reads with no outside tiles: roads, rivers, water, forest.
CREATE TABLE basemap (
  id       text PRIMARY KEY,
  kind     text NOT NULL CHECK (kind IN ('road_main', 'road_secondary', 'river', 'water', 'forest', 'village')),
  name_zh  text,
  name_en  text,
  geom     geometry(Geometry, 4326) NOT NULL
);
CREATE INDEX basemap_geom_gist ON basemap USING gist (geom);

-- Who changed what, before and after. Append-only: see the trigger below.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL,
  action      text NOT NULL,
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  before      jsonb,
  after       jsonb
);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
