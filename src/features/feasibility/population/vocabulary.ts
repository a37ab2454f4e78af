// The synthetic vocabulary of the Midlands population generator. Every concept_id here is the
// generator's own (from 2_000_000_000 up) EXCEPT the standard OMOP ids for gender, visit and type
// concepts; the real SNOMED CT / LOINC / RxNorm code is kept in concept_code. All data is synthetic.

export const GENDER_MALE = 8507;
export const GENDER_FEMALE = 8532;
export const VISIT_INPATIENT = 9201;
export const VISIT_OUTPATIENT = 9202;
export const VISIT_EMERGENCY = 9203;
export const TYPE_EHR = 32817;

/** How prevalence varies with age (relative, 0..1-ish); the overall level is calibrated. */
export type AgeShape = 'child' | 'young' | 'adult' | 'mid' | 'old' | 'veryOld';

export interface ConditionDef {
  code: string; // SNOMED CT concept id
  name: string;
  /** Relative weight, roughly a prevalence (%) at about 70 before calibration. */
  weight: number;
  shape: AgeShape;
  /** Multipliers by sex (0 for a condition of the other sex only). */
  male?: number;
  female?: number;
}

// Long-term conditions (SNOMED CT), each code checked; no symptoms, no acute events other than MI
// and stroke, which are recorded as lasting diagnoses in primary care.
export const CONDITIONS: readonly ConditionDef[] = [
  { code: '38341003', name: 'Hypertensive disorder', weight: 45, shape: 'mid' },
  { code: '44054006', name: 'Type 2 diabetes mellitus', weight: 15, shape: 'mid', male: 1.3 },
  { code: '46635009', name: 'Type 1 diabetes mellitus', weight: 0.5, shape: 'young' },
  { code: '13645005', name: 'Chronic obstructive lung disease', weight: 8, shape: 'mid' },
  { code: '195967001', name: 'Asthma', weight: 10, shape: 'young' },
  { code: '84114007', name: 'Heart failure', weight: 5, shape: 'old' },
  { code: '49436004', name: 'Atrial fibrillation', weight: 8, shape: 'old', male: 1.3 },
  { code: '53741008', name: 'Coronary arteriosclerosis', weight: 12, shape: 'mid', male: 1.5 },
  { code: '22298006', name: 'Myocardial infarction', weight: 5, shape: 'mid', male: 1.8 },
  { code: '230690007', name: 'Cerebrovascular accident', weight: 5, shape: 'old' },
  { code: '709044004', name: 'Chronic kidney disease', weight: 15, shape: 'old' },
  { code: '52448006', name: 'Dementia', weight: 4, shape: 'veryOld', female: 1.3 },
  { code: '35489007', name: 'Depressive disorder', weight: 12, shape: 'adult', female: 1.6 },
  { code: '69896004', name: 'Rheumatoid arthritis', weight: 1.5, shape: 'mid', female: 2.5 },
  { code: '396275006', name: 'Osteoarthritis', weight: 25, shape: 'mid', female: 1.3 },
  { code: '64859006', name: 'Osteoporosis', weight: 8, shape: 'old', female: 2.5, male: 0.4 },
  { code: '40930008', name: 'Hypothyroidism', weight: 5, shape: 'mid', female: 2.5, male: 0.4 },
  { code: '49049000', name: "Parkinson's disease", weight: 1, shape: 'old', male: 1.5 },
  { code: '84757009', name: 'Epilepsy', weight: 1, shape: 'young' },
  { code: '24700007', name: 'Multiple sclerosis', weight: 0.3, shape: 'adult', female: 2 },
  { code: '254637007', name: 'Non-small cell lung cancer', weight: 0.6, shape: 'old' },
  { code: '254837009', name: 'Malignant neoplasm of breast', weight: 4, shape: 'mid', male: 0 },
  {
    code: '399068003',
    name: 'Malignant tumor of prostate',
    weight: 5,
    shape: 'old',
    female: 0,
  },
  { code: '363406005', name: 'Malignant tumor of colon', weight: 1, shape: 'old' },
  { code: '34000006', name: "Crohn's disease", weight: 0.4, shape: 'adult' },
  { code: '64766004', name: 'Ulcerative colitis', weight: 0.5, shape: 'adult' },
  { code: '235595009', name: 'Gastroesophageal reflux disease', weight: 10, shape: 'adult' },
  { code: '9014002', name: 'Psoriasis', weight: 3, shape: 'adult' },
  { code: '24079001', name: 'Atopic dermatitis', weight: 4, shape: 'child' },
  { code: '197480006', name: 'Anxiety disorder', weight: 8, shape: 'adult', female: 1.6 },
  { code: '58214004', name: 'Schizophrenia', weight: 0.5, shape: 'adult' },
  { code: '13746004', name: 'Bipolar disorder', weight: 0.6, shape: 'adult' },
  { code: '414916001', name: 'Obesity', weight: 25, shape: 'adult' },
  { code: '55822004', name: 'Hyperlipidemia', weight: 20, shape: 'mid' },
  { code: '23986001', name: 'Glaucoma', weight: 3, shape: 'old' },
  { code: '193570009', name: 'Cataract', weight: 15, shape: 'old' },
  { code: '15188001', name: 'Hearing loss', weight: 20, shape: 'old' },
  { code: '400047006', name: 'Peripheral vascular disease', weight: 3, shape: 'old', male: 1.5 },
  {
    code: '266569009',
    name: 'Benign prostatic hyperplasia',
    weight: 10,
    shape: 'old',
    female: 0,
  },
  { code: '37796009', name: 'Migraine', weight: 6, shape: 'adult', female: 2.5 },
  { code: '10743008', name: 'Irritable bowel syndrome', weight: 6, shape: 'adult', female: 2 },
  { code: '78275009', name: 'Obstructive sleep apnea syndrome', weight: 3, shape: 'mid', male: 2 },
  { code: '90560007', name: 'Gout', weight: 4, shape: 'mid', male: 3, female: 0.5 },
  { code: '396331005', name: 'Celiac disease', weight: 1, shape: 'young', female: 1.5 },
  { code: '19943007', name: 'Cirrhosis of liver', weight: 0.5, shape: 'mid' },
  {
    code: '55464009',
    name: 'Systemic lupus erythematosus',
    weight: 0.2,
    shape: 'adult',
    female: 6,
  },
  { code: '66590003', name: 'Alcohol dependence', weight: 1.5, shape: 'adult', male: 2 },
  { code: '86406008', name: 'Human immunodeficiency virus infection', weight: 0.2, shape: 'adult' },
];

/** A parent in the hierarchy only: no event is coded with it, its children are. */
export const DIABETES_MELLITUS = {
  conceptId: 2_000_000_999,
  code: '73211009',
  name: 'Diabetes mellitus',
} as const;

export const CONDITION_CONCEPT_BASE = 2_000_000_000;
export const conditionConceptId = (index: number) => CONDITION_CONCEPT_BASE + 1 + index;

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** Relative prevalence of a condition shape at a given age. */
export function shapeAt(shape: AgeShape, age: number): number {
  switch (shape) {
    case 'child':
      return age < 10 ? 1.6 : Math.max(0.5, 1.6 - (age - 10) * 0.04);
    case 'young':
      return age < 3 ? 0.4 : 1;
    case 'adult':
      return age < 12 ? 0.05 : Math.min(1, 0.05 + ((age - 12) / 28) * 0.95);
    case 'mid':
      return logistic((age - 55) / 10) / logistic(1.5);
    case 'old':
      return logistic((age - 70) / 8) / logistic(0);
    case 'veryOld':
      return logistic((age - 82) / 5) / logistic(-2.4);
  }
}

export interface MeasurementDef {
  key: 'grip' | 'gait' | 'asm' | 'hba1c' | 'bmi' | 'egfr';
  conceptId: number;
  code: string;
  vocabulary: 'LOINC' | 'MHA-local';
  name: string;
  unit: string;
}

// LOINC codes only where certain; grip strength, gait speed and appendicular skeletal muscle mass
// use local concepts (vocabulary 'MHA-local').
export const MEASUREMENTS: readonly MeasurementDef[] = [
  {
    key: 'grip',
    conceptId: 2_000_001_001,
    code: 'MHA-GRIP-MAX',
    vocabulary: 'MHA-local',
    name: 'Hand grip strength, maximum of either hand (dynamometer)',
    unit: 'kg',
  },
  {
    key: 'gait',
    conceptId: 2_000_001_002,
    code: 'MHA-GAIT-4M',
    vocabulary: 'MHA-local',
    name: 'Usual gait speed over 4 metres',
    unit: 'm/s',
  },
  {
    key: 'asm',
    conceptId: 2_000_001_003,
    code: 'MHA-ASM-DXA',
    vocabulary: 'MHA-local',
    name: 'Appendicular skeletal muscle mass (DXA)',
    unit: 'kg',
  },
  {
    key: 'hba1c',
    conceptId: 2_000_001_004,
    code: '4548-4',
    vocabulary: 'LOINC',
    name: 'Hemoglobin A1c/Hemoglobin.total in Blood',
    unit: 'mmol/mol',
  },
  {
    key: 'bmi',
    conceptId: 2_000_001_005,
    code: '39156-5',
    vocabulary: 'LOINC',
    name: 'Body mass index (BMI) [Ratio]',
    unit: 'kg/m2',
  },
  {
    key: 'egfr',
    conceptId: 2_000_001_006,
    code: '62238-1',
    vocabulary: 'LOINC',
    name: 'Glomerular filtration rate/1.73 sq M.predicted by Creatinine-based formula (CKD-EPI)',
    unit: 'mL/min/1.73m2',
  },
];

export interface DrugDef {
  conceptId: number;
  rxcui: string; // RxNorm ingredient
  name: string;
}

// RxNorm ingredient codes (RxCUI) for common drugs; names in UK usage where they differ.
const drug = (n: number, rxcui: string, name: string): DrugDef => ({
  conceptId: 2_000_002_000 + n,
  rxcui,
  name,
});
export const DRUGS = {
  metformin: drug(1, '6809', 'metformin'),
  amlodipine: drug(2, '17767', 'amlodipine'),
  atorvastatin: drug(3, '83367', 'atorvastatin'),
  simvastatin: drug(4, '36567', 'simvastatin'),
  salbutamol: drug(5, '435', 'salbutamol (albuterol)'),
  levothyroxine: drug(6, '10582', 'levothyroxine'),
  omeprazole: drug(7, '7646', 'omeprazole'),
  ramipril: drug(8, '35296', 'ramipril'),
  bisoprolol: drug(9, '19484', 'bisoprolol'),
  warfarin: drug(10, '11289', 'warfarin'),
  apixaban: drug(11, '1364430', 'apixaban'),
  furosemide: drug(12, '4603', 'furosemide'),
  sertraline: drug(13, '36437', 'sertraline'),
  donepezil: drug(14, '135447', 'donepezil'),
  levodopa: drug(15, '6375', 'levodopa'),
  methotrexate: drug(16, '6851', 'methotrexate'),
  alendronate: drug(17, '46041', 'alendronic acid (alendronate)'),
  aspirin: drug(18, '1191', 'aspirin'),
  clopidogrel: drug(19, '32968', 'clopidogrel'),
  tiotropium: drug(20, '69120', 'tiotropium'),
  levetiracetam: drug(21, '114477', 'levetiracetam'),
  mesalazine: drug(22, '52582', 'mesalazine (mesalamine)'),
  paracetamol: drug(23, '161', 'paracetamol (acetaminophen)'),
  lithium: drug(24, '6448', 'lithium'),
  olanzapine: drug(25, '61381', 'olanzapine'),
} as const satisfies Record<string, DrugDef>;

/** Which drugs are prescribed for which condition (by SNOMED code), with the share treated. */
export const CONDITION_DRUGS: readonly { condition: string; drug: DrugDef; share: number }[] = [
  { condition: '44054006', drug: DRUGS.metformin, share: 0.8 },
  { condition: '44054006', drug: DRUGS.atorvastatin, share: 0.6 },
  { condition: '38341003', drug: DRUGS.amlodipine, share: 0.5 },
  { condition: '38341003', drug: DRUGS.ramipril, share: 0.45 },
  { condition: '55822004', drug: DRUGS.atorvastatin, share: 0.6 },
  { condition: '55822004', drug: DRUGS.simvastatin, share: 0.2 },
  { condition: '53741008', drug: DRUGS.aspirin, share: 0.6 },
  { condition: '53741008', drug: DRUGS.atorvastatin, share: 0.7 },
  { condition: '22298006', drug: DRUGS.clopidogrel, share: 0.4 },
  { condition: '22298006', drug: DRUGS.bisoprolol, share: 0.6 },
  { condition: '230690007', drug: DRUGS.clopidogrel, share: 0.6 },
  { condition: '49436004', drug: DRUGS.apixaban, share: 0.6 },
  { condition: '49436004', drug: DRUGS.warfarin, share: 0.15 },
  { condition: '49436004', drug: DRUGS.bisoprolol, share: 0.5 },
  { condition: '84114007', drug: DRUGS.furosemide, share: 0.7 },
  { condition: '84114007', drug: DRUGS.bisoprolol, share: 0.6 },
  { condition: '84114007', drug: DRUGS.ramipril, share: 0.5 },
  { condition: '195967001', drug: DRUGS.salbutamol, share: 0.85 },
  { condition: '13645005', drug: DRUGS.salbutamol, share: 0.8 },
  { condition: '13645005', drug: DRUGS.tiotropium, share: 0.5 },
  { condition: '40930008', drug: DRUGS.levothyroxine, share: 0.9 },
  { condition: '235595009', drug: DRUGS.omeprazole, share: 0.7 },
  { condition: '35489007', drug: DRUGS.sertraline, share: 0.5 },
  { condition: '197480006', drug: DRUGS.sertraline, share: 0.3 },
  { condition: '52448006', drug: DRUGS.donepezil, share: 0.5 },
  { condition: '49049000', drug: DRUGS.levodopa, share: 0.8 },
  { condition: '69896004', drug: DRUGS.methotrexate, share: 0.6 },
  { condition: '64859006', drug: DRUGS.alendronate, share: 0.6 },
  { condition: '84757009', drug: DRUGS.levetiracetam, share: 0.6 },
  { condition: '64766004', drug: DRUGS.mesalazine, share: 0.7 },
  { condition: '396275006', drug: DRUGS.paracetamol, share: 0.4 },
  { condition: '13746004', drug: DRUGS.lithium, share: 0.4 },
  { condition: '58214004', drug: DRUGS.olanzapine, share: 0.5 },
];

export interface CareSiteDef {
  id: number;
  name: string;
  city: string;
  county: string;
  /** Approximate catchment population in millions (illustrative weights for the generator). */
  catchment: number;
}

// 20 acute trusts of the Midlands. Catchments are rounded, illustrative weights, not official
// figures; the four large teaching trusts have the largest.
export const CARE_SITES: readonly CareSiteDef[] = [
  ['University Hospitals Birmingham NHS Foundation Trust', 'Birmingham', 'West Midlands', 1.6],
  ['Nottingham University Hospitals NHS Trust', 'Nottingham', 'Nottinghamshire', 1.1],
  ['University Hospitals of Leicester NHS Trust', 'Leicester', 'Leicestershire', 1.1],
  ['University Hospitals Coventry and Warwickshire NHS Trust', 'Coventry', 'West Midlands', 0.95],
  ['The Royal Wolverhampton NHS Trust', 'Wolverhampton', 'West Midlands', 0.5],
  ['University Hospitals of North Midlands NHS Trust', 'Stoke-on-Trent', 'Staffordshire', 0.85],
  ['University Hospitals of Derby and Burton NHS Foundation Trust', 'Derby', 'Derbyshire', 0.9],
  ['Worcestershire Acute Hospitals NHS Trust', 'Worcester', 'Worcestershire', 0.6],
  ['The Shrewsbury and Telford Hospital NHS Trust', 'Shrewsbury', 'Shropshire', 0.5],
  ['United Lincolnshire Hospitals NHS Trust', 'Lincoln', 'Lincolnshire', 0.75],
  ['Northampton General Hospital NHS Trust', 'Northampton', 'Northamptonshire', 0.4],
  ['Kettering General Hospital NHS Foundation Trust', 'Kettering', 'Northamptonshire', 0.35],
  ['Walsall Healthcare NHS Trust', 'Walsall', 'West Midlands', 0.3],
  ['The Dudley Group NHS Foundation Trust', 'Dudley', 'West Midlands', 0.45],
  ['Sandwell and West Birmingham Hospitals NHS Trust', 'West Bromwich', 'West Midlands', 0.55],
  ['George Eliot Hospital NHS Trust', 'Nuneaton', 'Warwickshire', 0.3],
  ['South Warwickshire University NHS Foundation Trust', 'Warwick', 'Warwickshire', 0.3],
  ['Sherwood Forest Hospitals NHS Foundation Trust', 'Sutton-in-Ashfield', 'Nottinghamshire', 0.45],
  ['Chesterfield Royal Hospital NHS Foundation Trust', 'Chesterfield', 'Derbyshire', 0.4],
  ['Wye Valley NHS Trust', 'Hereford', 'Herefordshire', 0.25],
].map(([name, city, county, catchment], i) => ({
  id: i + 1,
  name: name as string,
  city: city as string,
  county: county as string,
  catchment: catchment as number,
}));

/** England-like population shares (%) by five-year age band (shape of ONS mid-year estimates). */
export const AGE_BANDS: readonly { lo: number; width: number; share: number }[] = [
  { lo: 0, width: 5, share: 5.4 },
  { lo: 5, width: 5, share: 5.8 },
  { lo: 10, width: 5, share: 6.2 },
  { lo: 15, width: 5, share: 5.9 },
  { lo: 20, width: 5, share: 6.2 },
  { lo: 25, width: 5, share: 6.6 },
  { lo: 30, width: 5, share: 7.0 },
  { lo: 35, width: 5, share: 6.8 },
  { lo: 40, width: 5, share: 6.5 },
  { lo: 45, width: 5, share: 6.2 },
  { lo: 50, width: 5, share: 6.8 },
  { lo: 55, width: 5, share: 6.8 },
  { lo: 60, width: 5, share: 6.0 },
  { lo: 65, width: 5, share: 5.1 },
  { lo: 70, width: 5, share: 4.8 },
  { lo: 75, width: 5, share: 4.0 },
  { lo: 80, width: 5, share: 2.6 },
  { lo: 85, width: 5, share: 1.6 },
  // 90+: ages 90..101, skewed young: age = 90 + floor(12 * r^2.5).
  { lo: 90, width: 12, share: 0.9 },
];
export const MAX_AGE = 101;

/** Share of women at a given age (slightly fewer girls at birth, more women at older ages). */
export function femaleShare(age: number): number {
  if (age < 16) return 0.488;
  if (age < 65) return 0.503;
  if (age < 75) return 0.52;
  if (age < 85) return 0.55;
  if (age < 90) return 0.6;
  return 0.67;
}

/** Multimorbidity targets (share with 2+ listed conditions), after Barnett et al. 2012. */
export const MULTIMORBIDITY_TARGETS = { overall: 0.23, age65to84: 0.65, age85plus: 0.82 };

/** Inpatient admissions per person per year (about 1.2M a year per 10M people). */
export const INPATIENT_RATE = 0.12;
export const EMERGENCY_RATE = 0.28;
export const OUTPATIENT_RATE = 0.5;
