// Built-in feasibility definitions: the alliance's flagship phenotypes written in the criteria
// language, each with the publication it follows.
import type { CriteriaNode } from './criteria.js';
import { CONDITIONS, MEASUREMENTS } from './population/vocabulary.js';

export interface FeasibilityTemplate {
  id: string;
  name: string;
  summary: string;
  source: string;
  criteria: CriteriaNode;
}

/** The concept a measurement is named by: LOINC where the code is certain, else its OMOP id. */
function measurementConcept(key: (typeof MEASUREMENTS)[number]['key']): string {
  const measurement = MEASUREMENTS.find((m) => m.key === key);
  if (!measurement) throw new Error(`no measurement ${key}`);
  return measurement.vocabulary === 'LOINC'
    ? `LOINC:${measurement.code}`
    : `OMOP:${measurement.conceptId}`;
}

/** Measured within the last two years, the latest result counts. */
const RECENT = 730;

const latestBelow = (key: 'grip' | 'asm', value: number): CriteriaNode => ({
  type: 'measurement',
  concept: measurementConcept(key),
  op: '<',
  value,
  which: 'latest',
  withinDays: RECENT,
});

const bySex = (male: CriteriaNode, female: CriteriaNode): CriteriaNode => ({
  any: [
    { all: [{ type: 'sex', value: 'male' }, male] },
    { all: [{ type: 'sex', value: 'female' }, female] },
  ],
});

const aged65 = { type: 'age', min: 65 } as const;
/** EWGSOP2 cut-offs: grip strength < 27 kg (men), < 16 kg (women). */
const lowStrength = bySex(latestBelow('grip', 27), latestBelow('grip', 16));
/** EWGSOP2 cut-offs: appendicular skeletal muscle mass < 20 kg (men), < 15 kg (women). */
const lowQuantity = bySex(latestBelow('asm', 20), latestBelow('asm', 15));
/** EWGSOP2 cut-off: usual gait speed ≤ 0.8 m/s. */
const lowPerformance: CriteriaNode = {
  type: 'measurement',
  concept: measurementConcept('gait'),
  op: '<=',
  value: 0.8,
  which: 'latest',
  withinDays: RECENT,
};

const ewgsop2 =
  'Cruz-Jentoft AJ et al. Sarcopenia: revised European consensus on definition and diagnosis (EWGSOP2). Age and Ageing 2019;48(1):16-31.';

/** The long-term conditions multimorbidity is counted over (listed in docs/population.md). */
export const MULTIMORBIDITY_CONDITIONS = CONDITIONS.map((condition) => `SNOMED:${condition.code}`);

export const TEMPLATES: readonly FeasibilityTemplate[] = [
  {
    id: 'sarcopenia-probable',
    name: 'Probable sarcopenia (EWGSOP2), aged 65 and over',
    summary:
      'Low muscle strength: latest grip strength in the last two years below 27 kg for men or 16 kg for women.',
    source: ewgsop2,
    criteria: { all: [aged65, lowStrength] },
  },
  {
    id: 'sarcopenia-confirmed',
    name: 'Confirmed sarcopenia (EWGSOP2), aged 65 and over',
    summary:
      'Low muscle strength, and low muscle quantity: appendicular skeletal muscle mass below 20 kg for men or 15 kg for women.',
    source: ewgsop2,
    criteria: { all: [aged65, lowStrength, lowQuantity] },
  },
  {
    id: 'sarcopenia-severe',
    name: 'Severe sarcopenia (EWGSOP2), aged 65 and over',
    summary:
      'Confirmed sarcopenia, and low physical performance: usual gait speed of 0.8 m/s or less.',
    source: ewgsop2,
    criteria: { all: [aged65, lowStrength, lowQuantity, lowPerformance] },
  },
  {
    id: 'multimorbidity',
    name: 'Multimorbidity: 2 or more long-term conditions',
    summary: `At least 2 of the ${MULTIMORBIDITY_CONDITIONS.length} long-term conditions listed in the population documentation, recorded at any time.`,
    source:
      'Barnett K et al. Epidemiology of multimorbidity and implications for health care, research, and medical education: a cross-sectional study. Lancet 2012;380(9836):37-43.',
    criteria: { type: 'conditionCount', concepts: MULTIMORBIDITY_CONDITIONS, atLeast: 2 },
  },
];
