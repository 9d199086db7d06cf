-- Penilaian kinerja: a prevalence-change item keeps the two prevalences it was scored from (same
-- survey, e.g. SSGI 2023 and SSGI 2024), beside the score in `value`.
ALTER TABLE pk_values ADD COLUMN prevalence_before double precision;
ALTER TABLE pk_values ADD COLUMN prevalence_after double precision;
