/** The ten-year age bands every count is broken down by; ages are on the reference date. */
export const AGE_BANDS: readonly { label: string; min: number; max: number }[] = [
  ...Array.from({ length: 9 }, (_, i) => ({
    label: `${i * 10}-${i * 10 + 9}`,
    min: i * 10,
    max: i * 10 + 9,
  })),
  { label: '90 and over', min: 90, max: 32_767 },
];
