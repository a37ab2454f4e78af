/**
 * A deterministic SAMPLE research portfolio for demonstrations, development databases and the
 * duplicate detector's tuning. Nothing here describes a real project or person: every title starts
 * "SAMPLE: ", every record has `isSample: true`, the text is composed from our own phrases
 * (./vocabulary.ts) and the investigators' names are invented (./names.ts).
 *
 * The same seed always gives the same portfolio: all randomness comes from a seeded PRNG. Nine
 * research questions are deliberately asked twice, by different centres in different words
 * (`plantedNearDuplicates`), so that a test can check the duplicate detector finds them.
 */
import type { HealthCategory } from '../../directory/model.js';
import type { ProjectForSimilarity } from '../similarity.js';
import { investigatorPool, type SampleInvestigator } from './names.js';
import {
  researchAreas,
  type Approach,
  type Element,
  type GrandChallengeSlug,
  type ResearchArea,
  type Wording,
} from './vocabulary.js';

export type { GrandChallengeSlug } from './vocabulary.js';

export const partnerOrganisations = [
  { slug: 'university-of-birmingham', city: 'Birmingham' },
  { slug: 'uhb', city: 'Birmingham' },
  { slug: 'nihr-birmingham-brc', city: 'Birmingham' },
  { slug: 'university-of-nottingham', city: 'Nottingham' },
  { slug: 'nuh', city: 'Nottingham' },
  { slug: 'nihr-nottingham-brc', city: 'Nottingham' },
  { slug: 'university-of-leicester', city: 'Leicester' },
  { slug: 'uhl', city: 'Leicester' },
  { slug: 'nihr-leicester-brc', city: 'Leicester' },
  { slug: 'university-of-warwick', city: 'Coventry' },
  { slug: 'uhcw', city: 'Coventry' },
  { slug: 'loughborough-university', city: 'Loughborough' },
] as const;
export type PartnerOrganisationSlug = (typeof partnerOrganisations)[number]['slug'];

/** The pipeline from first idea to routine use, as the alliance's portfolio tracks it. */
export const translationalStages = [
  'discovery',
  'proof-of-mechanism',
  'proof-of-concept',
  'phase-2',
  'phase-3',
  'adoption',
] as const;
export type TranslationalStage = (typeof translationalStages)[number];

/** The HRCS research activity groups (1-8). Sample codes use "N.M" only where the sub-code is sure. */
export const researchActivityGroups = [
  { code: '1', name: 'Underpinning research' },
  { code: '2', name: 'Aetiology' },
  { code: '3', name: 'Prevention of disease and conditions, and promotion of well-being' },
  { code: '4', name: 'Detection, screening and diagnosis' },
  { code: '5', name: 'Development of treatments and therapeutic interventions' },
  { code: '6', name: 'Evaluation of treatments and therapeutic interventions' },
  { code: '7', name: 'Management of diseases and conditions' },
  { code: '8', name: 'Health and social care services research' },
] as const;

export const grandChallengeTitles: Readonly<Record<GrandChallengeSlug, string>> = {
  sarcopenia: 'Sarcopenia',
  multimorbidity: 'Multimorbidity',
};

export interface SampleProject {
  /** `sample-project-001` upwards. */
  id: string;
  isSample: true;
  /** Always starts "SAMPLE: ". */
  title: string;
  laySummary: string;
  abstract: string;
  leadOrganisation: PartnerOrganisationSlug;
  partnerOrganisations: PartnerOrganisationSlug[];
  /** Invented people; the first is the chief investigator. */
  investigators: SampleInvestigator[];
  healthCategory: HealthCategory;
  /** An HRCS research activity code: a group ("6") or a sub-code ("6.7"). */
  researchActivity: string;
  funder: string;
  amountGbp: number;
  /** ISO dates, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  grandChallenges: GrandChallengeSlug[];
  translationalStage: TranslationalStage;
}

/**
 * Research questions asked twice, by different centres in different words. Each pair is a near
 * duplicate; no other sample project asks the same question (same people, same approach).
 */
export const plantedNearDuplicates = [
  {
    ids: ['sample-project-006', 'sample-project-089'],
    question: 'Home strength training for grip strength in older people with weak muscles',
  },
  {
    ids: ['sample-project-013', 'sample-project-132'],
    question:
      'Pharmacist-led deprescribing and emergency admissions in older people on many medicines',
  },
  {
    ids: ['sample-project-021', 'sample-project-098'],
    question: 'Total diet replacement for diabetes remission in South Asian adults',
  },
  {
    ids: ['sample-project-034', 'sample-project-143'],
    question: 'Online pulmonary rehabilitation after a COPD admission: readmissions (feasibility)',
  },
  {
    ids: ['sample-project-042', 'sample-project-110'],
    question: 'A p-tau blood test to predict cognitive decline in mild cognitive impairment',
  },
  {
    ids: ['sample-project-051', 'sample-project-077'],
    question: 'Pharmacist review of falls-risk medicines after an A&E attendance for a fall',
  },
  {
    ids: ['sample-project-059', 'sample-project-121'],
    question: 'App-based home cardiac rehabilitation and exercise capacity in heart failure',
  },
  {
    ids: ['sample-project-065', 'sample-project-148'],
    question: 'Exercise during haemodialysis and physical function (feasibility)',
  },
  {
    ids: ['sample-project-071', 'sample-project-103'],
    question: 'Telephone behavioural activation for depression in older people',
  },
] as const;

/** The research question behind each planted pair, by vocabulary keys. */
const plantedQuestions: readonly {
  area: string;
  population: string;
  approach: string;
  outcome: string;
  design: Design;
  /** A second centre may code the same question to another health category. */
  paraphraseHealthCategory?: HealthCategory;
}[] = [
  {
    area: 'sarcopenia',
    population: 'probable-sarcopenia',
    approach: 'resistance',
    outcome: 'grip',
    design: 'trial',
  },
  {
    area: 'multimorbidity',
    population: 'polypharmacy',
    approach: 'deprescribing',
    outcome: 'admissions',
    design: 'trial',
  },
  {
    area: 'diabetes',
    population: 't2d-south-asian',
    approach: 'total-diet-replacement',
    outcome: 'remission',
    design: 'trial',
  },
  {
    area: 'respiratory',
    population: 'copd-after-exacerbation',
    approach: 'online-pulmonary-rehab',
    outcome: 'readmission',
    design: 'feasibility',
  },
  {
    area: 'dementia',
    population: 'mci',
    approach: 'ptau-blood-test',
    outcome: 'cognitive-decline',
    design: 'test',
  },
  {
    area: 'falls',
    population: 'fallers',
    approach: 'medication-review',
    outcome: 'falls-rate',
    design: 'service',
    paraphraseHealthCategory: 'generic-health-relevance',
  },
  {
    area: 'cardiovascular',
    population: 'heart-failure',
    approach: 'home-cardiac-rehab',
    outcome: 'exercise-capacity',
    design: 'trial',
  },
  {
    area: 'kidney',
    population: 'haemodialysis',
    approach: 'intradialytic-exercise',
    outcome: 'renal-physical-function',
    design: 'feasibility',
  },
  {
    area: 'mental-health',
    population: 'older-depression',
    approach: 'behavioural-activation',
    outcome: 'depression-symptoms',
    design: 'trial',
  },
];

export const sampleProjectCount = 152;
const defaultSeed = 20_270_401;

// ---------------------------------------------------------------------------------------------
// Randomness

type Rng = () => number;

/** mulberry32: a small, fast 32-bit PRNG giving floats in [0, 1). */
function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function between(rng: Rng, low: number, high: number, step = 1): number {
  return low + step * Math.floor(rng() * (Math.floor((high - low) / step) + 1));
}

function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const copy = [...list];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(rng() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Composing text

type Design = 'trial' | 'feasibility' | 'mechanism' | 'cohort' | 'test' | 'service';

/** What one project asks, with the wording chosen for each part. */
interface Question {
  area: ResearchArea;
  population: Wording;
  approach: Wording;
  approachInfo: Approach;
  outcome: Wording;
  others: [Wording, Wording];
  design: Design;
}

/** Choices that a paraphrase makes differently from its original. */
interface Style {
  template: number;
  background: number;
  layProblem: number;
}

interface Numbers {
  participants: number;
  months: number;
  weeks: number;
  sites: number;
  places: string;
}

type Template = (q: Question, n: Numbers) => string;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function chosen<T>(list: readonly T[], index: number): T {
  const item = list[index % list.length];
  if (item === undefined) throw new Error('no template');
  return item;
}

const titleTemplates: Record<Design, readonly Template[]> = {
  trial: [
    (q) =>
      `${capitalise(q.approach.text)} to improve ${q.outcome.text} in ${q.population.text}: a randomised controlled trial`,
    (q) =>
      `Can ${q.approach.text} improve ${q.outcome.text} in ${q.population.text}? A multicentre randomised trial`,
    (q) =>
      `A randomised trial of ${q.approach.text} for ${q.population.text}, with ${q.outcome.text} as the main outcome`,
  ],
  feasibility: [
    (q) =>
      `${capitalise(q.approach.text)} for ${q.population.text}: a feasibility randomised trial`,
    (q) =>
      `Preparing for a trial of ${q.approach.text} to improve ${q.outcome.text} in ${q.population.text}`,
    (q) => `Can a trial of ${q.approach.text} for ${q.population.text} be done? A pilot study`,
  ],
  mechanism: [
    (q) =>
      `How ${q.approach.text} may change ${q.outcome.text} in ${q.population.text}: a mechanistic study`,
    (q) =>
      `Mechanisms by which ${q.approach.text} may improve ${q.outcome.text} in ${q.population.text}`,
  ],
  cohort: [
    (q) =>
      `${capitalise(q.approach.text)} and ${q.outcome.text} in ${q.population.text}: a prospective cohort study`,
    (q) => `Predicting ${q.outcome.text} from ${q.approach.text} in ${q.population.text}`,
    (q) =>
      `Linking ${q.approach.text} to ${q.outcome.text} in ${q.population.text}: a longitudinal study`,
  ],
  test: [
    (q) => `${capitalise(q.approach.text)} to predict ${q.outcome.text} in ${q.population.text}`,
    (q) =>
      `Accuracy of ${q.approach.text} for predicting ${q.outcome.text} in ${q.population.text}`,
  ],
  service: [
    (q) => `Evaluating ${q.approach.text} for ${q.population.text}`,
    (q) => `${capitalise(q.approach.text)} for ${q.population.text}: effects on ${q.outcome.text}`,
    (q) => `Introducing ${q.approach.text} for ${q.population.text}: a mixed-methods evaluation`,
  ],
};

const gapTemplates: Record<Design, readonly Template[]> = {
  trial: [
    (q) =>
      `Evidence that ${q.approach.text} can improve ${q.outcome.text} in ${q.population.text} is limited.`,
    (q) =>
      `Whether ${q.approach.text} can improve ${q.outcome.text} in ${q.population.text} has not been tested in an adequately powered trial.`,
    (q) =>
      `There is promising early evidence for ${q.approach.text}, but it has rarely been studied in ${q.population.text}.`,
  ],
  feasibility: [],
  mechanism: [],
  cohort: [
    (q) =>
      `Little is known about the relationship between ${q.approach.text} and ${q.outcome.text} in ${q.population.text}.`,
    (q) =>
      `The link between ${q.approach.text} and later ${q.outcome.text} in ${q.population.text} is poorly understood.`,
  ],
  test: [
    (q) =>
      `Using ${q.approach.text} could identify those at risk earlier, but its accuracy in ${q.population.text} is unknown.`,
    (q) =>
      `There is no simple, validated way to predict ${q.outcome.text} in ${q.population.text}, and ${q.approach.text} may offer one.`,
  ],
  service: [
    (q) =>
      `Some areas already offer ${q.approach.text}, but it has not been properly evaluated for ${q.population.text}.`,
    (q) =>
      `Services vary widely across the region, and the value of ${q.approach.text} for ${q.population.text} is uncertain.`,
  ],
};
gapTemplates.feasibility = gapTemplates.trial;
gapTemplates.mechanism = gapTemplates.trial;

// After the title and the first sentences, text refers back to the approach and the people in
// general words, as people writing an abstract do, rather than repeating the full phrase.
const methodTemplates: Record<Design, readonly Template[]> = {
  trial: [
    (_q, n) =>
      `We will run a randomised controlled trial in which ${n.participants} participants recruited in ${n.places} are randomly allocated to the intervention or usual care and followed for ${n.months} months.`,
    (_q, n) =>
      `In this multicentre trial, ${n.participants} people from ${n.places} will be randomised to receive the intervention or usual care, with follow-up at ${n.months} months.`,
    (_q, n) =>
      `Across ${n.places}, ${n.participants} participants will be assigned at random to the intervention or to usual care and assessed over ${n.months} months.`,
  ],
  feasibility: [
    (_q, n) =>
      `This feasibility study will recruit ${n.participants} participants in ${n.places} and randomise them to the intervention or usual care, to find out whether a full trial is possible.`,
    (_q, n) =>
      `We will test the feasibility of a definitive trial: ${n.participants} people from ${n.places} will be randomly assigned to the intervention or usual care for ${n.months} months.`,
    (_q, n) =>
      `In ${n.places}, ${n.participants} participants will be randomised to the intervention or usual care in a pilot trial lasting ${n.months} months.`,
  ],
  mechanism: [
    (_q, n) =>
      `A group of ${n.participants} participants will receive the intervention for ${n.weeks} weeks, with blood samples and physiological measurements before and after.`,
    (_q, n) =>
      `We will study ${n.participants} volunteers before and after ${n.weeks} weeks of the intervention, combining physiological testing with laboratory analysis of blood samples.`,
  ],
  cohort: [
    (_q, n) =>
      `We will follow ${n.participants} people in ${n.places} for ${n.months} months, measuring the exposure at the start and linking to routine health records.`,
    (_q, n) =>
      `A prospective cohort of ${n.participants} participants from ${n.places} will have the exposure recorded at baseline and will be followed up for ${n.months} months.`,
  ],
  test: [
    (_q, n) =>
      `In ${n.places}, ${n.participants} participants will have the test at baseline and will be followed for ${n.months} months to compare its results with what happens to them.`,
    (_q, n) =>
      `We will assess the test in ${n.participants} people from ${n.places} and follow them for ${n.months} months, comparing its predictions with the outcomes observed.`,
  ],
  service: [
    (_q, n) =>
      `Using a stepped-wedge design across ${n.sites} sites in ${n.places}, we will introduce the service and compare outcomes before and after.`,
    (_q, n) =>
      `We will compare ${n.sites} sites in ${n.places} that introduce the service with matched sites that do not, using routinely collected data.`,
  ],
};

const outcomeTemplates: Record<Design, readonly Template[]> = {
  trial: [
    (q) =>
      `The primary outcome is ${q.outcome.text}; secondary outcomes include ${q.others[0].text}, quality of life and cost-effectiveness.`,
    (q) =>
      `Our main outcome is ${q.outcome.text}, and we will also measure ${q.others[0].text} and adverse events.`,
  ],
  feasibility: [
    (q) =>
      `Feasibility outcomes are recruitment, retention and adherence; we will also collect ${q.outcome.text} and ${q.others[0].text} to inform the size of a full trial.`,
    (q) =>
      `We will report how many people agree to take part and stay in the study, and collect ${q.outcome.text} as the likely main outcome of a future trial.`,
  ],
  mechanism: [
    (q) =>
      `We will relate changes in ${q.outcome.text} to changes in ${q.others[0].text} and to markers in the blood.`,
  ],
  cohort: [
    (q) =>
      `We will also look at ${q.others[0].text}, adjusting for age, sex, ethnicity and deprivation.`,
    (q) =>
      `Secondary analyses will examine ${q.others[0].text}, taking account of age, sex, ethnicity and deprivation.`,
  ],
  test: [
    (q) =>
      `We will report sensitivity, specificity and calibration, and also look at ${q.others[0].text}.`,
    (q) =>
      `Accuracy will be summarised as the area under the curve, with ${q.others[0].text} as a secondary outcome.`,
  ],
  service: [
    (q) =>
      `The main outcome is ${q.outcome.text}; we will also measure ${q.others[0].text} and the cost to the NHS.`,
    (q) =>
      `We will compare ${q.outcome.text} and ${q.others[0].text}, and interview staff about putting the service in place.`,
  ],
};

// Openings written around the project's own people and outcome, so that projects in one area do
// not all open with the same sentence (which real abstracts would not).
const ownBackgrounds: readonly Template[] = [
  (q) =>
    `${capitalise(q.population.text)} are often under-represented in research, although ${q.outcome.text} matters greatly to them.`,
  (q) =>
    `For ${q.population.text}, ${q.outcome.text} is an important sign of health and independence, but it is rarely the focus of services.`,
  (q) =>
    `Improving ${q.outcome.text} is a priority that ${q.population.text} and the clinicians who care for them have identified.`,
];

const ownLayProblems: readonly Template[] = [
  (q) =>
    `${capitalise(q.population.lay)} have told us that ${q.outcome.lay} really matters to them.`,
  (q) => `For ${q.population.lay}, ${q.outcome.lay} can make a big difference to daily life.`,
];

const closingSentences = [
  'People with lived experience helped design the study and sit on its steering group.',
  'The findings will inform NHS services across the Midlands and national guidance.',
  'Interviews with participants and staff will explore how the approach could be used in practice.',
  'A health economic evaluation will estimate the cost to the NHS.',
];

const layAims: Record<Design, readonly Template[]> = {
  trial: [
    (q) =>
      `We want to find out whether ${q.approach.lay} can improve ${q.outcome.lay} for ${q.population.lay}.`,
    (q) =>
      `This study asks whether ${q.approach.lay} can help ${q.population.lay}, looking mainly at ${q.outcome.lay}.`,
  ],
  feasibility: [],
  mechanism: [],
  cohort: [
    (q) =>
      `We want to understand whether ${q.approach.lay} affects ${q.outcome.lay} in ${q.population.lay}.`,
    (q) =>
      `We will look at whether ${q.approach.lay} is linked to ${q.outcome.lay} for ${q.population.lay}.`,
  ],
  test: [
    (q) =>
      `We want to see whether ${q.approach.lay} can help predict ${q.outcome.lay} for ${q.population.lay}.`,
    (q) =>
      `Could ${q.approach.lay} tell us early on about ${q.outcome.lay} for ${q.population.lay}?`,
  ],
  service: [
    (q) =>
      `We want to see whether ${q.approach.lay} makes a difference to ${q.outcome.lay} for ${q.population.lay}.`,
    (q) =>
      `This study looks at what happens to ${q.outcome.lay} when ${q.population.lay} are offered ${q.approach.lay}.`,
  ],
};
layAims.feasibility = layAims.trial;
layAims.mechanism = layAims.trial;

const layDesigns: Record<Design, readonly string[]> = {
  trial: [
    'People taking part will be put into one of two groups by chance, and we will compare the groups.',
    'Some people will be offered it and others will carry on with their usual care, decided at random.',
  ],
  feasibility: [
    'This is a first, smaller study to check that a larger trial would work.',
    'We will first check that people are willing to take part before planning a bigger study.',
  ],
  mechanism: [
    'We will take detailed measurements to understand how it works in the body.',
    'Careful measurements before and after will show what changes in the body.',
  ],
  cohort: [
    'We will follow a large group of people over time.',
    'We will keep in touch with the people taking part for several years.',
  ],
  test: [
    'We will compare the test results with what happens to people afterwards.',
    'We will check how often the test gets it right.',
  ],
  service: [
    'We will compare places that offer it with places that do not.',
    'We will look at what changes when the service starts.',
  ],
};

const cities = (slugs: readonly PartnerOrganisationSlug[]): string => {
  const names: string[] = [];
  for (const slug of slugs) {
    const city = partnerOrganisations.find((org) => org.slug === slug)?.city;
    if (city && !names.includes(city)) names.push(city);
  }
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
};

function compose(question: Question, style: Style, numbers: Numbers) {
  const { design } = question;
  const title = chosen(titleTemplates[design], style.template)(question, numbers);
  const backgrounds = [
    ...question.area.backgrounds,
    ...ownBackgrounds.map((template) => template(question, numbers)),
  ];
  const layProblems = [
    ...question.area.layProblems,
    ...ownLayProblems.map((template) => template(question, numbers)),
  ];
  const abstract = [
    chosen(backgrounds, style.background),
    chosen(gapTemplates[design], style.template)(question, numbers),
    chosen(methodTemplates[design], style.template)(question, numbers),
    chosen(outcomeTemplates[design], style.template)(question, numbers),
    chosen(closingSentences, style.template + style.background),
  ].join(' ');
  const laySummary = [
    chosen(layProblems, style.layProblem),
    chosen(layAims[design], style.template)(question, numbers),
    chosen(layDesigns[design], style.template),
  ].join(' ');
  return { title: `SAMPLE: ${capitalise(title)}`, abstract, laySummary };
}

// ---------------------------------------------------------------------------------------------
// Building the portfolio

const stageByDesign: Record<Design, (participants: number) => TranslationalStage> = {
  trial: (participants) => (participants >= 400 ? 'phase-3' : 'phase-2'),
  feasibility: () => 'proof-of-concept',
  mechanism: () => 'proof-of-mechanism',
  cohort: () => 'discovery',
  test: () => 'proof-of-concept',
  service: () => 'adoption',
};

function activityFor(design: Design, approach: Approach): string {
  if (design === 'mechanism') return '5';
  return approach.activity;
}

function numbersFor(rng: Rng, design: Design, places: string): Numbers {
  const participants = {
    trial: between(rng, 200, 900, 10),
    feasibility: between(rng, 40, 80, 2),
    mechanism: between(rng, 20, 48, 2),
    cohort: between(rng, 800, 5000, 50),
    test: between(rng, 300, 1200, 10),
    service: 0,
  }[design];
  const months = {
    trial: pick(rng, [6, 12, 24]),
    feasibility: pick(rng, [6, 12]),
    mechanism: 3,
    cohort: pick(rng, [24, 36, 60]),
    test: pick(rng, [12, 24]),
    service: 12,
  }[design];
  return {
    participants,
    months,
    weeks: pick(rng, [8, 12, 16]),
    sites: between(rng, 6, 16),
    places,
  };
}

function fundingFor(rng: Rng, area: ResearchArea, design: Design) {
  const funder = pick(rng, area.funders);
  const [low, high] = {
    trial: [800_000, 2_500_000],
    feasibility: [150_000, 350_000],
    mechanism: [200_000, 800_000],
    cohort: [300_000, 1_500_000],
    test: [250_000, 1_200_000],
    service: [300_000, 1_500_000],
  }[design] as [number, number];
  return {
    funder: funder === 'industry' ? 'Industry (sample sponsor)' : funder,
    amountGbp: between(rng, low, high, 1000),
  };
}

function datesFor(rng: Rng, design: Design) {
  const startYear = between(rng, 2021, 2026);
  const startMonth = between(rng, 1, 12);
  const duration = {
    trial: between(rng, 36, 60, 6),
    feasibility: between(rng, 18, 30, 6),
    mechanism: between(rng, 24, 36, 6),
    cohort: between(rng, 36, 60, 6),
    test: between(rng, 24, 36, 6),
    service: between(rng, 24, 48, 6),
  }[design];
  const start = new Date(Date.UTC(startYear, startMonth - 1, 1));
  const end = new Date(Date.UTC(startYear, startMonth - 1 + duration, 0));
  return { startDate: start.toISOString().slice(0, 10), endDate: end.toISOString().slice(0, 10) };
}

/** A lead organisation, and partners from other cities (and sometimes the lead's own trust). */
function organisationsFor(rng: Rng, avoidCity?: string) {
  const leads = partnerOrganisations.filter((org) => org.city !== avoidCity);
  const lead = pick(rng, leads);
  const others = shuffled(
    rng,
    partnerOrganisations.filter((org) => org.slug !== lead.slug),
  );
  const partners = others.slice(0, between(rng, 1, 3)).map((org) => org.slug);
  return { lead: lead.slug, partners };
}

function investigatorsFor(
  rng: Rng,
  lead: PartnerOrganisationSlug,
  partners: readonly PartnerOrganisationSlug[],
): SampleInvestigator[] {
  const chief = pick(rng, investigatorPool(lead));
  const team = [chief];
  for (const partner of partners) {
    const person = pick(rng, investigatorPool(partner));
    if (!team.includes(person)) team.push(person);
  }
  return team;
}

function grandChallengesFor(rng: Rng, area: ResearchArea): GrandChallengeSlug[] {
  const challenges = [...area.grandChallenges];
  if (!challenges.includes('multimorbidity') && rng() < area.multimorbidityChance) {
    challenges.push('multimorbidity');
  }
  return challenges;
}

function findElement<T extends { key: string }>(list: readonly T[], key: string): T {
  const found = list.find((item) => item.key === key);
  if (!found) throw new Error(`unknown vocabulary key ${key}`);
  return found;
}

function designsFor(approach: Approach): Design[] {
  switch (approach.kind) {
    case 'intervention':
      // A mechanistic study only makes sense for a drug, exercise or nutrition.
      return ['6', '6.1', '6.7'].includes(approach.activity)
        ? ['trial', 'trial', 'trial', 'feasibility', 'feasibility', 'mechanism']
        : ['trial', 'trial', 'feasibility'];
    case 'exposure':
      return ['cohort'];
    case 'test':
      return ['test'];
    case 'service':
      return ['service'];
  }
}

interface QuestionSpec {
  area: ResearchArea;
  population: Element;
  approach: Approach;
  outcome: Element;
  design: Design;
}

function question(rng: Rng, spec: QuestionSpec, variants: readonly number[]): Question {
  const others = shuffled(
    rng,
    spec.area.outcomes.filter((item) => item.key !== spec.outcome.key),
  );
  const wording = (item: Element | undefined, index: number): Wording => {
    if (!item) throw new Error('an area needs at least three outcomes');
    return item.wordings[(variants[index] ?? 0) % 2] ?? item.wordings[0];
  };
  return {
    area: spec.area,
    population: wording(spec.population, 0),
    approach: wording(spec.approach, 1),
    approachInfo: spec.approach,
    outcome: wording(spec.outcome, 2),
    others: [wording(others[0], 3), wording(others[1], 4)],
    design: spec.design,
  };
}

function build(
  rng: Rng,
  id: string,
  spec: QuestionSpec,
  variants: readonly number[],
  style: Style,
  organisations: { lead: PartnerOrganisationSlug; partners: PartnerOrganisationSlug[] },
  healthCategory: HealthCategory,
): SampleProject {
  const asked = question(rng, spec, variants);
  const numbers = numbersFor(
    rng,
    spec.design,
    cities([organisations.lead, ...organisations.partners]),
  );
  const text = compose(asked, style, numbers);
  return {
    id,
    isSample: true,
    ...text,
    leadOrganisation: organisations.lead,
    partnerOrganisations: organisations.partners,
    investigators: investigatorsFor(rng, organisations.lead, organisations.partners),
    healthCategory,
    researchActivity: activityFor(spec.design, spec.approach),
    ...fundingFor(rng, spec.area, spec.design),
    ...datesFor(rng, spec.design),
    grandChallenges: grandChallengesFor(rng, spec.area),
    translationalStage: stageByDesign[spec.design](numbers.participants),
  };
}

function idAt(index: number): string {
  return `sample-project-${String(index + 1).padStart(3, '0')}`;
}

function indexOf(id: string): number {
  return Number(id.slice('sample-project-'.length)) - 1;
}

type Combination = Omit<QuestionSpec, 'design'>;

/** How many of people, approach and outcome two questions in one area have in common. */
function sharedParts(a: Combination, b: Combination): number {
  if (a.area.key !== b.area.key) return 0;
  return (
    Number(a.population.key === b.population.key) +
    Number(a.approach.key === b.approach.key) +
    Number(a.outcome.key === b.outcome.key)
  );
}

/**
 * Distinct questions for the rest of the portfolio: any two share at most one of people, approach
 * and outcome (so none is a near duplicate of another, or of a planted pair), chosen greedily from
 * a seeded shuffle of every combination that makes sense.
 */
function openQuestions(rng: Rng, planted: readonly Combination[], needed: number): Combination[] {
  const all: Combination[] = [];
  for (const area of researchAreas) {
    for (const approach of area.approaches) {
      for (const population of area.populations) {
        if (approach.populations && !approach.populations.includes(population.key)) continue;
        for (const outcome of area.outcomes) all.push({ area, population, approach, outcome });
      }
    }
  }
  const accepted: Combination[] = [];
  for (const candidate of shuffled(rng, all)) {
    if (accepted.length === needed) break;
    const distinct = [...planted, ...accepted].every((other) => sharedParts(candidate, other) <= 1);
    if (distinct) accepted.push(candidate);
  }
  if (accepted.length < needed) {
    throw new Error(`the vocabulary gives ${accepted.length} distinct questions; ${needed} needed`);
  }
  return shuffled(rng, accepted);
}

/**
 * The SAMPLE portfolio: `sampleProjectCount` projects, the same every time for the same seed. No
 * two projects share people and approach except the planted near duplicates.
 */
export function sampleProjects(seed: number = defaultSeed): SampleProject[] {
  const rng = mulberry32(seed);
  const projects = new Array<SampleProject | undefined>(sampleProjectCount);
  const plantedCombinations: Combination[] = [];

  plantedNearDuplicates.forEach((pair, pairIndex) => {
    const planted = plantedQuestions[pairIndex];
    if (!planted) throw new Error('every planted pair needs a question');
    const area = findElement(researchAreas, planted.area);
    const spec: QuestionSpec = {
      area,
      population: findElement(area.populations, planted.population),
      approach: findElement(area.approaches, planted.approach),
      outcome: findElement(area.outcomes, planted.outcome),
      design: planted.design,
    };
    plantedCombinations.push(spec);
    const variants = [0, 1, 2, 3, 4].map(() => (rng() < 0.5 ? 0 : 1));
    const style: Style = {
      template: between(rng, 0, 5),
      background: between(rng, 0, 5),
      layProblem: between(rng, 0, 3),
    };
    const originalOrganisations = organisationsFor(rng);
    const originalCity = partnerOrganisations.find(
      (org) => org.slug === originalOrganisations.lead,
    )?.city;
    const [originalId, paraphraseId] = pair.ids;
    projects[indexOf(originalId)] = build(
      rng,
      originalId,
      spec,
      variants,
      style,
      originalOrganisations,
      area.healthCategory,
    );
    // The paraphrase: every part in its other wording, other sentence patterns, another centre.
    projects[indexOf(paraphraseId)] = build(
      rng,
      paraphraseId,
      spec,
      variants.map((variant) => 1 - variant),
      {
        template: style.template + 1,
        background: style.background + 1,
        layProblem: style.layProblem + 1,
      },
      organisationsFor(rng, originalCity),
      planted.paraphraseHealthCategory ?? area.healthCategory,
    );
  });

  const open = openQuestions(
    rng,
    plantedCombinations,
    sampleProjectCount - 2 * plantedNearDuplicates.length,
  );
  let next = 0;
  for (let index = 0; index < sampleProjectCount; index += 1) {
    if (projects[index]) continue;
    const combination = open[next];
    next += 1;
    if (!combination) throw new Error('the vocabulary has too few distinct questions');
    const spec: QuestionSpec = {
      ...combination,
      design: pick(rng, designsFor(combination.approach)),
    };
    projects[index] = build(
      rng,
      idAt(index),
      spec,
      [0, 1, 2, 3, 4].map(() => (rng() < 0.5 ? 0 : 1)),
      {
        template: between(rng, 0, 5),
        background: between(rng, 0, 5),
        layProblem: between(rng, 0, 3),
      },
      organisationsFor(rng),
      combination.area.healthCategory,
    );
  }
  return projects.map((project, index) => {
    if (!project) throw new Error(`no sample project at ${idAt(index)}`);
    return project;
  });
}

/** A sample project in the shape the duplicate detector compares. */
export function forSimilarity(project: SampleProject): ProjectForSimilarity {
  return {
    id: project.id,
    title: project.title,
    laySummary: project.laySummary,
    abstract: project.abstract,
    healthCategory: project.healthCategory,
    investigators: project.investigators.map((person) => ({ id: person.id, name: person.name })),
    grandChallenges: project.grandChallenges.map((slug) => ({
      id: slug,
      title: grandChallengeTitles[slug],
    })),
  };
}
