-- A z-score flagged implausible (WHO flag) has no Permenkes 2/2020 status (@tumbuh/growth
-- storedMeasurement). Imports stored one anyway (e.g. sangat_pendek for a zlen of -8.76 with flen
-- set) while posyandu entry stored none: clear the statuses stored for flagged z-scores. The
-- z-scores and flags stay; roll-ups count valid z-scores only and need no refresh.
UPDATE measurements SET
  status_tbu = CASE WHEN flen THEN NULL ELSE status_tbu END,
  status_bbu = CASE WHEN fwei THEN NULL ELSE status_bbu END,
  status_bbtb = CASE WHEN fwfl THEN NULL ELSE status_bbtb END,
  status_imtu = CASE WHEN fbmi THEN NULL ELSE status_imtu END,
  updated_at = now(),
  version = version + 1
WHERE (flen AND status_tbu IS NOT NULL)
  OR (fwei AND status_bbu IS NOT NULL)
  OR (fwfl AND status_bbtb IS NOT NULL)
  OR (fbmi AND status_imtu IS NOT NULL);
