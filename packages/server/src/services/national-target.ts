/** The national stunting target drawn on trend charts (Perpres 72/2021: 14% by 2024). */
export const NATIONAL_TARGET = {
  stunting: 14,
  label: "Target nasional 14% (Perpres 72/2021)",
};
