-- K of SKDN: whether the child has a KMS / Buku KIA. Recorded on the child (at registration or
-- later) and at a weighing (seen that day); null when not recorded. A month's K takes the latest
-- weighing's record up to that month, else the child's.
ALTER TABLE children ADD COLUMN has_kms boolean;
ALTER TABLE measurements ADD COLUMN has_kms boolean;
