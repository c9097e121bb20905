-- The critical goods registry (特定重要物資, PRODUCT.md §3.8): seeded once from src/data/reference/criticalGoods.ts,
-- then edited by users (HS mappings, notes). `hs` is a JSON array of {hs6, match, note}.
CREATE TABLE critical_goods (
  id text PRIMARY KEY,
  name_ja text NOT NULL,
  name_en text NOT NULL,
  designation jsonb NOT NULL,
  ministry jsonb NOT NULL,
  hs jsonb NOT NULL DEFAULT '[]'::jsonb,
  note text NOT NULL DEFAULT '',
  marking jsonb NOT NULL DEFAULT '{"level": 0, "compartments": [], "releasableTo": null}'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);

-- One row once the defaults were copied in, so that goods a user deletes are not seeded again.
CREATE TABLE critical_goods_seed (
  seeded_at timestamptz NOT NULL DEFAULT now()
);
