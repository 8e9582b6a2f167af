-- Favourites: the parcels on offer a signed-in investor keeps an eye on (issue 11). One row per
-- account and parcel; they go with the account, and with the parcel if it is ever removed. A parcel
-- that leaves the offer keeps its row (it may come back), but nobody is shown it: the list reads
-- the offer through its public view (server/parcels/favourites.ts).
CREATE TABLE favourites (
  user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  parcel_id   text NOT NULL REFERENCES parcels (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, parcel_id)
);
