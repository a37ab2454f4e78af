/**
 * A deterministic generator of SAMPLE (synthetic) capability-directory records, for demonstrations,
 * development databases and load tests. Nothing here describes a real service, study or person:
 * names are random combinations, text is composed from our own phrases, ORCID iDs are never made up
 * and the extra organisations are invented (each says "Sample record." at the start of its summary).
 *
 * The same options always give the same output: all randomness comes from a seeded PRNG.
 */
import { seedOrganisations } from '../../public-site/content/seed-content.js';
import {
  capabilityTypes,
  midlandsPlaces,
  type CapabilityType,
  type HealthCategory,
  type MidlandsPlace,
  type OrganisationType,
} from '../model.js';
import type { LoadedCapability, LoadedOrganisation, LoadedPerson } from '../bulk-load.js';
import { nameGroups } from './names.js';
import { multimorbidityTopics, otherTopics, sarcopeniaTopics, type Topic } from './topics.js';

/** Sample records are what a bulk load takes, with no web addresses and no ORCID iDs. */
export type SampleOrganisation = LoadedOrganisation & { websiteUrl: null };
export type SamplePerson = LoadedPerson & { orcid: null };
export type SampleCapability = LoadedCapability;

export interface SampleDirectory {
  organisations: SampleOrganisation[];
  people: SamplePerson[];
  capabilities: SampleCapability[];
}

export interface SampleDirectoryOptions {
  seed?: number;
  capabilities?: number;
  people?: number;
}

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

/** An independent stream per purpose, so that e.g. the people count does not change capability text. */
function stream(seed: number, purpose: number): Rng {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(purpose + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return mulberry32(h ^ (h >>> 16));
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pickWeighted<T extends { weight: number }>(rng: Rng, list: readonly T[]): T {
  let total = 0;
  for (const item of list) total += item.weight;
  let roll = rng() * total;
  for (const item of list) {
    roll -= item.weight;
    if (roll < 0) return item;
  }
  return pick(rng, list);
}

function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = a;
  }
  return copy;
}

/** Deals every item once, in a random order, before dealing any item again. */
function deck<T>(rng: Rng, list: readonly T[]): () => T {
  let hand: T[] = [];
  return () => {
    if (hand.length === 0) hand = shuffled(rng, list);
    const item = hand.pop();
    if (item === undefined) throw new Error('deal from an empty deck');
    return item;
  };
}

/** Up to `count` distinct items, in random order. */
function sample<T>(rng: Rng, list: readonly T[], count: number): T[] {
  return shuffled(rng, list).slice(0, count);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Templates split once into literal text (even indexes) and slot names (odd indexes). */
const compiled = new Map<string, readonly string[]>();

/** Fills `{name}` slots from `values`. */
function fill(template: string, values: Record<string, string>): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  let result = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const slot = parts[i] ?? '';
    const value = values[slot];
    if (value === undefined) throw new Error(`no value for {${slot}}`);
    result += value + (parts[i + 1] ?? '');
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Organisations

interface OrganisationRef {
  slug: string;
  name: string;
  shortName: string;
  type: OrganisationType;
  home: MidlandsPlace;
  /** Other places its capabilities may be located (satellite hospitals, partner sites). */
  satellites: readonly MidlandsPlace[];
  weight: number;
}

const placeByName = new Map<string, MidlandsPlace>(midlandsPlaces.map((p) => [p.name, p.slug]));
const placeInfo = new Map(midlandsPlaces.map((p) => [p.slug, p]));

function placeOf(city: string): MidlandsPlace {
  const place = placeByName.get(city);
  if (!place) throw new Error(`${city} is not one of the Midlands places`);
  return place;
}

const partnerSatellites: Record<string, readonly MidlandsPlace[]> = {
  'university-of-birmingham': ['solihull', 'west-bromwich'],
  'university-of-nottingham': ['derby', 'mansfield'],
  'university-of-leicester': ['loughborough', 'northampton'],
  'university-of-warwick': ['warwick', 'rugby', 'nuneaton'],
  'loughborough-university': ['leicester', 'nottingham'],
  uhb: ['solihull', 'walsall'],
  nuh: ['mansfield', 'derby'],
  uhl: ['loughborough', 'kettering'],
  uhcw: ['rugby', 'nuneaton'],
  'nihr-birmingham-brc': ['wolverhampton', 'dudley'],
  'nihr-nottingham-brc': ['derby', 'lincoln'],
  'nihr-leicester-brc': ['northampton', 'lincoln'],
};

/** The alliance's 12 partners, as named in the public site's seed content. */
const partners: readonly OrganisationRef[] = seedOrganisations
  .filter((organisation) => organisation.isPartner)
  .map((organisation) => ({
    slug: organisation.slug,
    name: organisation.name,
    shortName: organisation.shortName,
    type: organisation.type,
    home: placeOf(organisation.city),
    satellites: partnerSatellites[organisation.slug] ?? [],
    weight: 3,
  }));

export const partnerOrganisationSlugs: readonly string[] = partners.map((p) => p.slug);

/** Invented non-partner organisations. Names are realistic in form but made up. */
const extraOrganisations: readonly (SampleOrganisation & {
  satellites: readonly MidlandsPlace[];
})[] = [
  {
    slug: 'trentside-clinical-research-facility',
    name: 'Trentside Clinical Research Facility',
    shortName: 'Trentside CRF',
    type: 'clinical-research-facility',
    city: 'Nottingham',
    websiteUrl: null,
    summary:
      'Sample record. An invented clinical research facility with outpatient suites, research beds and a sample-processing laboratory, used to show how facilities appear in the directory.',
    description:
      'This organisation does not exist: it was generated as sample data for testing the Midlands Health Alliance directory. In the sample data it hosts early-phase and experimental medicine studies, including studies of muscle strength and ageing.',
    satellites: ['derby', 'mansfield'],
  },
  {
    slug: 'harborne-vale-clinical-research-facility',
    name: 'Harborne Vale Clinical Research Facility',
    shortName: 'Harborne Vale CRF',
    type: 'clinical-research-facility',
    city: 'Birmingham',
    websiteUrl: null,
    summary:
      'Sample record. An invented research facility offering consulting rooms, overnight stays and research nurses for commercial and academic studies.',
    description:
      'This organisation does not exist: it was generated as sample data for the directory. In the sample data it supports studies in multimorbidity, diabetes and heart disease for sponsors across the West Midlands.',
    satellites: ['solihull', 'west-bromwich'],
  },
  {
    slug: 'soar-valley-clinical-research-unit',
    name: 'Soar Valley Clinical Research Unit',
    shortName: 'Soar Valley CRU',
    type: 'clinical-research-facility',
    city: 'Leicester',
    websiteUrl: null,
    summary:
      'Sample record. An invented clinical research unit with exercise testing, body composition and cardiometabolic measurement facilities.',
    description:
      'This organisation does not exist: it was generated as sample data for the directory. In the sample data it runs physical activity, sarcopenia and cardiometabolic studies with diverse local communities.',
    satellites: ['loughborough'],
  },
  {
    slug: 'mercia-applied-health-research-collaboration',
    name: 'Mercia Applied Health Research Collaboration',
    shortName: 'Mercia AHRC',
    type: 'applied-research-collaboration',
    city: 'Derby',
    websiteUrl: null,
    summary:
      'Sample record. An invented applied research collaboration that evaluates health and care services with local NHS, councils and communities.',
    description:
      'This organisation does not exist: it was generated as sample data for the directory. In the sample data it leads applied research on multiple long-term conditions, frailty and health inequalities.',
    satellites: ['chesterfield', 'stoke-on-trent', 'burton-upon-trent'],
  },
  {
    slug: 'heartland-research-delivery-hub',
    name: 'Heartland Research Delivery Hub',
    shortName: 'Heartland RDH',
    type: 'research-delivery-network',
    city: 'Wolverhampton',
    websiteUrl: null,
    summary:
      'Sample record. An invented research delivery hub that helps studies open and recruit in hospitals, general practices and community settings.',
    description:
      'This organisation does not exist: it was generated as sample data for the directory. In the sample data it provides study support, research nurses and feasibility advice across the Black Country and Shropshire.',
    satellites: ['dudley', 'walsall', 'telford', 'shrewsbury'],
  },
  {
    slug: 'arden-health-innovation-exchange',
    name: 'Arden Health Innovation Exchange',
    shortName: 'Arden HIX',
    type: 'health-innovation-network',
    city: 'Solihull',
    websiteUrl: null,
    summary:
      'Sample record. An invented health innovation network that helps companies test and adopt new products in NHS settings.',
    description:
      'This organisation does not exist: it was generated as sample data for the directory. In the sample data it supports real-world evaluation of digital tools for long-term conditions and healthy ageing.',
    satellites: ['warwick', 'worcester', 'hereford'],
  },
];

const allOrganisations: readonly OrganisationRef[] = [
  ...partners,
  ...extraOrganisations.map((organisation) => ({
    slug: organisation.slug,
    name: organisation.name,
    shortName: organisation.shortName,
    type: organisation.type,
    home: placeOf(organisation.city),
    satellites: organisation.satellites,
    weight: 1,
  })),
];

// ---------------------------------------------------------------------------------------------
// People

const jobTitles: Record<OrganisationType, readonly string[]> = {
  university: [
    'Professor of {discipline}',
    'Professor of {discipline}',
    'Associate Professor in {discipline}',
    'Senior Lecturer in {discipline}',
    'Lecturer in {discipline}',
    'Research Fellow',
    'Research Fellow in {discipline}',
    'Senior Research Fellow in {discipline}',
    'Clinical Associate Professor in {discipline}',
    'Clinical Lecturer in {discipline}',
    'Research Associate',
  ],
  'nhs-trust': [
    '{clinicalRole}',
    '{clinicalRole}',
    '{clinicalRole}',
    '{clinicalRole}',
    'Clinical Research Nurse Lead',
    'Senior Research Nurse',
    'Clinical Research Practitioner',
    'Research Pharmacist',
    'Specialty Registrar and Clinical Research Fellow in {discipline}',
  ],
  'nihr-brc': [
    'Theme Lead in {discipline}',
    'Senior Research Fellow in {discipline}',
    'Clinical Research Fellow',
    'Research Fellow in {discipline}',
    'Experimental Medicine Lead',
    'Data Scientist',
    'Research Operations Manager',
  ],
  'clinical-research-facility': [
    'Clinical Research Facility Manager',
    'Lead Research Nurse',
    'Senior Research Nurse',
    'Clinical Research Practitioner',
    'Clinical Trials Pharmacist',
    '{clinicalRole}',
  ],
  'applied-research-collaboration': [
    'Implementation Science Lead',
    'Research Fellow in Applied Health Research',
    'Senior Research Fellow in Health Services Research',
    'Health Economist',
    'Professor of {discipline}',
  ],
  'research-delivery-network': [
    'Research Delivery Manager',
    'Study Support Service Lead',
    'Research Nurse',
    'Specialty Research Lead for {discipline}',
    'Industry Delivery Manager',
  ],
  'health-innovation-network': [
    'Programme Manager',
    'Innovation Lead',
    'Head of Evaluation',
    'Clinical Lead for {discipline}',
    'Senior Project Manager',
  ],
  company: ['Medical Director', 'Clinical Operations Lead', 'Senior Scientist'],
};

const methods: readonly { phrase: string; keyword: string }[] = [
  { phrase: 'randomised controlled trials', keyword: 'randomised controlled trials' },
  { phrase: 'qualitative interviews and focus groups', keyword: 'qualitative research' },
  { phrase: 'analysis of linked electronic health records', keyword: 'health data science' },
  { phrase: 'exercise interventions', keyword: 'exercise interventions' },
  { phrase: 'nutritional interventions', keyword: 'nutrition' },
  { phrase: 'health economic evaluation', keyword: 'health economics' },
  { phrase: 'implementation science', keyword: 'implementation science' },
  { phrase: 'patient and public involvement', keyword: 'patient and public involvement' },
  { phrase: 'biomarker discovery', keyword: 'biomarkers' },
  { phrase: 'quantitative imaging', keyword: 'imaging' },
  { phrase: 'early-phase and experimental medicine studies', keyword: 'experimental medicine' },
  { phrase: 'cohort studies and epidemiology', keyword: 'epidemiology' },
  { phrase: 'wearable sensors and digital outcome measures', keyword: 'digital health' },
  { phrase: 'recruitment of under-served communities', keyword: 'inclusive research' },
];

const expertiseLeads = [
  'Leads research on {topic}, particularly {focus}.',
  'Has a research interest in {topic}, especially {focus}.',
  'Works on {topic}, with a focus on {focus}.',
  'Runs clinical studies in {topic}, including work on {focus}.',
  'Has clinical and research expertise in {topic}; current work covers {focus}.',
];

const expertiseSecond = [
  'Brings expertise in {method} to this work.',
  'Experienced in {method}, and advises industry partners on study design and feasibility.',
  'Uses {method} to answer practical questions for patients and services.',
  'Supervises research students and contributes expertise in {method} to studies across the alliance.',
  'Acts as principal investigator for multi-site studies and has a background in {method}.',
];

const familyProgramme: Record<string, string> = {
  sarcopenia: 'Contributes to the alliance sarcopenia programme.',
  multimorbidity: 'Contributes to the alliance multimorbidity programme.',
};

/** The topic mix for people: a fifth each for the two flagship programmes. */
function personTopic(rng: Rng): Topic {
  const roll = rng();
  if (roll < 0.2) return pick(rng, sarcopeniaTopics);
  if (roll < 0.4) return pick(rng, multimorbidityTopics);
  return pick(rng, otherTopics);
}

function makePerson(rng: Rng, index: number): SamplePerson {
  const organisation = pickWeighted(rng, allOrganisations);
  const group = pickWeighted(rng, nameGroups);
  const surnameGroup = rng() < 0.85 ? group : pickWeighted(rng, nameGroups);
  const fullName = `${pick(rng, group.firstNames)} ${pick(rng, surnameGroup.surnames)}`;
  const topic = personTopic(rng);
  const jobTitle = fill(pick(rng, jobTitles[organisation.type]), {
    discipline: pick(rng, topic.disciplines),
    clinicalRole: pick(rng, topic.clinicalRoles),
  });
  const method = pick(rng, methods);
  const sentences = [
    fill(pick(rng, expertiseLeads), { topic: topic.name, focus: pick(rng, topic.focus) }),
    fill(pick(rng, expertiseSecond), { method: method.phrase, topic: topic.name }),
  ];
  const programme = familyProgramme[topic.family];
  if (programme && rng() < 0.5) sentences.push(programme);

  const [anchor, ...rest] = topic.keywords;
  const keywords = new Set<string>([(anchor ?? topic.name).toLowerCase()]);
  for (const keyword of sample(rng, rest, 1 + Math.floor(rng() * 3))) {
    keywords.add(keyword.toLowerCase());
  }
  if (rng() < 0.6) keywords.add(method.keyword);

  return {
    key: `person-${String(index + 1).padStart(4, '0')}`,
    organisationSlug: organisation.slug,
    fullName,
    jobTitle,
    expertise: sentences.join(' '),
    orcid: null,
    keywords: [...keywords].slice(0, 6),
  };
}

// ---------------------------------------------------------------------------------------------
// Capabilities

interface Variant {
  /** Interchangeable titles for the same offer. */
  titles: readonly string[];
  summary: string;
  opener: string;
}

interface TypeText {
  variants: readonly Variant[];
  keywords: readonly string[];
}

/**
 * Slots: {Topic}/{topic} the topic's name, {Area}/{area} its shorter form for use before a noun,
 * {Place}/{place} the town, {region}, {org} the organisation's name, {short} its short name,
 * {Modality}/{modality}, {sample}, {population}.
 */
const typeText: Record<CapabilityType, TypeText> = {
  'clinical-expertise': {
    variants: [
      {
        titles: ['{Area} clinical research service', 'Consultant-led {area} research clinic'],
        summary:
          'Specialist clinicians in {area} who advise on study design and recruit patients from routine clinics at {short}.',
        opener:
          'Consultant-led clinical teams at {org} see large numbers of people with {area} and support recruitment into observational and interventional studies.',
      },
      {
        titles: ['{Area} multidisciplinary clinic and research team', '{Place} {area} service'],
        summary:
          'A multidisciplinary {area} service in {place} with an active research portfolio and experience of commercial studies.',
        opener:
          'The {area} service at {org} combines routine clinical care with an active research portfolio, so that eligible patients can be offered studies at their usual appointments.',
      },
      {
        titles: ['Clinical expertise in {topic}', 'Specialist advice on {area} study design'],
        summary:
          'Clinical expertise in {topic}, with support for feasibility, eligibility criteria and realistic recruitment targets.',
        opener:
          'Clinicians in {place} with a specialist interest in {area} provide expert advice on study design, eligibility criteria and realistic recruitment targets.',
      },
    ],
    keywords: ['clinical expertise', 'specialist clinic', 'principal investigators'],
  },
  'clinical-research-facility': {
    variants: [
      {
        titles: [
          '{Place} research facility for {area} studies',
          'Dedicated {area} research clinic',
        ],
        summary:
          'Clinical research facility space, research nurses and sample processing for {area} studies in {place}.',
        opener:
          'A dedicated clinical research facility in {place} with consulting rooms, procedure areas and research nurses experienced in {area} studies.',
      },
      {
        titles: ['{Area} experimental medicine suite', '{Area} early-phase research unit'],
        summary:
          'A facility for experimental medicine and early-phase {area} studies, with extended visits and overnight stays.',
        opener:
          'The facility hosts experimental medicine and early-phase studies in {topic}, with capacity for extended visits, serial sampling and overnight stays.',
      },
      {
        titles: [
          'Research nurse visits for {area} studies',
          '{Area} study visit and sampling service',
        ],
        summary:
          'Research nurses and practitioners at {short} who run protocol visits for {area} studies.',
        opener:
          'Research nurses and clinical research practitioners run protocol visits for {area} studies, including consent, sample processing and standardised physical measurements.',
      },
    ],
    keywords: ['clinical research facility', 'experimental medicine', 'early-phase trials'],
  },
  imaging: {
    variants: [
      {
        titles: ['{Modality} for {area} research', '{Area} imaging with {modality}'],
        summary:
          'Research access to {modality} for {area} studies, with agreed protocols and reporting.',
        opener:
          'Research access to {modality} for studies of {topic}, with protocols agreed with the study team and scans reported by experienced radiographers and radiologists.',
      },
      {
        titles: [
          'Quantitative {modality} analysis for {area} studies',
          '{Place} {modality} research service: {topic}',
        ],
        summary:
          'Standardised {modality} for single-site and multi-centre {area} studies in {place}.',
        opener:
          'Quantitative {modality} is available for {area} research, with standard operating procedures that allow measurements to be compared across sites.',
      },
      {
        titles: ['Central {modality} reading for {area} trials', '{Area} imaging core: {modality}'],
        summary: '{Modality} acquisition and central analysis for {area} research at {short}.',
        opener:
          'The imaging team offers {modality} acquisition and central analysis for {area} studies, from single-site pilots to multi-centre trials.',
      },
    ],
    keywords: ['imaging', 'quantitative imaging', 'image analysis'],
  },
  'laboratory-biobank': {
    variants: [
      {
        titles: ['{Area} biobank', '{Place} {area} biobank'],
        summary:
          'A biobank holding {sample} from {area} study participants, with consent for future research.',
        opener:
          'A research tissue bank holding {sample} donated by participants in {area} studies, collected with broad consent for future research.',
      },
      {
        titles: ['{Area} sample collection: {sample}', '{Area} sample processing laboratory'],
        summary: 'Laboratory processing and storage of {sample} for {area} studies at {short}.',
        opener:
          'Laboratory staff process, store and analyse {sample} for {area} studies under documented chain-of-custody procedures.',
      },
      {
        titles: ['{Area} biomarker laboratory', 'Biomarker and omics laboratory for {topic}'],
        summary: 'Biomarker assays and sample storage for {area} research, using {sample}.',
        opener:
          'The laboratory offers biomarker assays and sample storage for {area} research, with {sample} collected to common operating procedures.',
      },
    ],
    keywords: ['biobank', 'biomarkers', 'sample processing', 'laboratory'],
  },
  'cohort-dataset': {
    variants: [
      {
        titles: ['{Place} {area} cohort', '{Area} longitudinal cohort'],
        summary:
          'A longitudinal cohort for {area} research, with repeated assessments and consent for recontact.',
        opener:
          'A longitudinal cohort of {population} with repeated clinical assessments, enabling research into {area} over time.',
      },
      {
        titles: [
          'Linked health records for {area} research',
          '{Area} data in a trusted research environment',
        ],
        summary:
          'Linked routine health records on {topic}, available for approved research in a trusted research environment.',
        opener:
          'Linked routine health records for {population}, curated for research into {area} within a trusted research environment.',
      },
      {
        titles: ['{Area} registry', '{Area} research-ready dataset'],
        summary:
          'A research-ready {area} dataset from {place}, with feasibility counts available on request.',
        opener:
          'A research-ready dataset covering {population}, with consent for recontact so that participants can be invited to future {area} studies.',
      },
    ],
    keywords: ['cohort', 'dataset', 'electronic health records', 'recontact'],
  },
  'trial-delivery': {
    variants: [
      {
        titles: ['Multi-site {area} trial delivery', '{Area} trial set-up and delivery'],
        summary:
          'Design, set-up and delivery of {area} trials, from feasibility to final follow-up.',
        opener:
          'An experienced trial delivery team that sets up and runs {area} studies, from feasibility and site selection to recruitment and follow-up.',
      },
      {
        titles: ['{Area} trials unit', 'Pragmatic trials in {topic}'],
        summary: 'Trial management, statistics and data management for {area} trials at {short}.',
        opener:
          'The unit designs and coordinates randomised trials in {topic}, with statisticians, trial managers and data managers working as one team.',
      },
      {
        titles: [
          '{Area} trial recruitment and follow-up service',
          'Commercial {area} trial recruitment',
        ],
        summary:
          'A trials team in {place} that recruits and retains participants in commercial and academic {area} studies.',
        opener:
          'Research delivery staff in {place} recruit and retain participants in commercial and academic {area} trials across several hospital and community sites.',
      },
    ],
    keywords: [
      'clinical trials unit',
      'trial delivery',
      'recruitment',
      'randomised controlled trials',
    ],
  },
  'technology-platform': {
    variants: [
      {
        titles: ['{Area} remote monitoring platform', 'Wearable sensing for {topic}'],
        summary:
          'A digital platform for collecting {area} measurements remotely with wearable sensors and apps.',
        opener:
          'A digital platform that collects {area} measurements remotely, using wearable sensors and smartphone questionnaires linked to a secure research database.',
      },
      {
        titles: ['{Area} digital phenotyping platform', '{Area} digital outcome measures'],
        summary: 'Tools and algorithms for analysing {area} data at scale, developed at {short}.',
        opener:
          'Engineers and clinicians have built tools to capture and analyse {area} data at scale, including validated algorithms for activity, gait and symptom tracking.',
      },
      {
        titles: ['Machine learning platform for {topic}', '{Area} data linkage platform'],
        summary:
          'A secure analytics platform that applies machine learning to routine data on {topic}.',
        opener:
          'A secure analytics platform that applies machine learning to routine clinical data on {topic}, with governance suited to industry collaborations.',
      },
    ],
    keywords: ['digital health', 'wearable sensors', 'machine learning', 'remote monitoring'],
  },
  training: {
    variants: [
      {
        titles: ['{Area} research methods course', 'Masterclass in {area} research'],
        summary:
          'A short course on study design, outcome measures and recruitment in {area} research.',
        opener:
          'A short course for clinicians and researchers that covers study design, outcome measurement and recruitment in {area} research.',
      },
      {
        titles: [
          '{Area} assessment training for research staff',
          'Standardised {area} assessments: practical training',
        ],
        summary:
          'Practical training in standardised {area} assessments for research nurses and allied health professionals.',
        opener:
          'Practical training in the standardised assessments used in {area} studies, so that measurements are consistent across sites.',
      },
      {
        titles: [
          '{Area} research training programme',
          'Good clinical practice training for {area} studies',
        ],
        summary:
          'A training programme in {place} for clinicians and early-career researchers who want to lead {area} studies.',
        opener:
          'A training programme for research nurses, allied health professionals and early-career researchers who want to lead {area} studies.',
      },
    ],
    keywords: ['training', 'research skills', 'good clinical practice', 'workforce development'],
  },
};

/**
 * How likely each kind of organisation is to offer each type of capability (relative weights),
 * so that, for example, a research delivery network offers trial delivery rather than imaging.
 */
const affinity: Record<OrganisationType, Partial<Record<CapabilityType, number>>> = {
  university: {
    'clinical-expertise': 0.6,
    'clinical-research-facility': 0.7,
    imaging: 1,
    'laboratory-biobank': 1.2,
    'cohort-dataset': 1.2,
    'trial-delivery': 1,
    'technology-platform': 1.3,
    training: 1.2,
  },
  'nhs-trust': {
    'clinical-expertise': 2,
    'clinical-research-facility': 1,
    imaging: 1.5,
    'laboratory-biobank': 1,
    'cohort-dataset': 1,
    'trial-delivery': 1.5,
    'technology-platform': 0.5,
    training: 0.8,
  },
  'nihr-brc': {
    'clinical-expertise': 0.7,
    'clinical-research-facility': 1.5,
    imaging: 1.5,
    'laboratory-biobank': 1.5,
    'cohort-dataset': 1,
    'trial-delivery': 1,
    'technology-platform': 1,
    training: 0.8,
  },
  'clinical-research-facility': {
    'clinical-expertise': 0.3,
    'clinical-research-facility': 4,
    imaging: 0.5,
    'laboratory-biobank': 1,
    'trial-delivery': 2,
    training: 0.7,
  },
  'applied-research-collaboration': {
    'cohort-dataset': 3,
    'technology-platform': 1,
    'trial-delivery': 0.7,
    training: 2,
  },
  'research-delivery-network': {
    'trial-delivery': 5,
    training: 2.5,
    'clinical-research-facility': 0.5,
  },
  'health-innovation-network': { 'technology-platform': 4, training: 1.5, 'cohort-dataset': 0.5 },
  company: { 'technology-platform': 2, 'laboratory-biobank': 1 },
};

/** For each capability type, the organisations that may offer it and how likely each is. */
const offerers = new Map<
  CapabilityType,
  readonly { organisation: OrganisationRef; weight: number }[]
>(
  capabilityTypes.map(({ slug }) => [
    slug,
    allOrganisations
      .map((organisation) => ({
        organisation,
        weight: organisation.weight * (affinity[organisation.type][slug] ?? 0),
      }))
      .filter((entry) => entry.weight > 0),
  ]),
);

const focusLeads = [
  'Current work focuses on',
  'Recent studies have examined',
  'The team has particular experience of',
  'Research priorities include',
  'Studies here concentrate on',
];

const populationSentences = [
  'Participants are drawn from {population}, reflecting the diversity of {place} and the surrounding area.',
  'Recruitment draws on {population} across the {region}.',
  'Studies routinely include {population}, among them people who are often under-served by research.',
];

const closingSentences = [
  'Companies and academic teams can ask for feasibility counts and protocol advice through the alliance single front door.',
  'The team welcomes collaboration with industry and with other alliance partners on multi-site studies.',
  'Patient and public involvement groups help shape every new study.',
  'Outcome measures follow those agreed across the alliance, so that results can be pooled.',
  'Capacity is reviewed each quarter and can be reserved for commercial studies.',
  'Standard operating procedures are shared with the other alliance partners to speed up study set-up.',
];

const defaultModalities: Partial<Record<HealthCategory, readonly string[]>> = {
  musculoskeletal: ['DXA', 'muscle ultrasound', 'peripheral quantitative CT', '3T MRI'],
  cardiovascular: ['cardiac MRI', 'echocardiography', 'CT coronary angiography'],
  neurological: ['3T MRI', 'PET-CT'],
  stroke: ['CT perfusion', '3T MRI'],
  respiratory: ['thoracic CT', 'lung MRI'],
  cancer: ['PET-CT', 'whole-body MRI', 'CT'],
  eye: ['retinal OCT'],
  'oral-gastrointestinal': ['liver MRI', 'CT'],
  'renal-urogenital': ['renal MRI', 'ultrasound'],
  'reproductive-health': ['obstetric ultrasound', 'fetal MRI'],
  'metabolic-endocrine': ['DXA body composition', 'whole-body MRI', 'liver MRI'],
};
const fallbackModalities = ['3T MRI', 'CT', 'DXA', 'ultrasound'];
const fallbackSamples = ['serum and plasma', 'DNA and plasma', 'whole blood and urine'];

/** How many people a capability names: mostly one or two. */
const personCounts = [0, 1, 1, 1, 2, 2, 2, 3, 3, 4];

/** Each block of 20 capabilities has 3 sarcopenia topics, 3 multimorbidity topics and 14 others. */
const blockPattern: readonly Topic['family'][] = [
  ...Array<Topic['family']>(3).fill('sarcopenia'),
  ...Array<Topic['family']>(3).fill('multimorbidity'),
  ...Array<Topic['family']>(14).fill('general'),
];

function modalityFor(rng: Rng, topic: Topic): string {
  if (topic.modalities && topic.modalities.length > 0) return pick(rng, topic.modalities);
  const primary = topic.categories[0];
  return pick(rng, (primary && defaultModalities[primary]) ?? fallbackModalities);
}

function categoriesFor(rng: Rng, topic: Topic): HealthCategory[] {
  const categories = new Set<HealthCategory>(topic.categories);
  for (const optional of shuffled(rng, topic.optionalCategories)) {
    if (categories.size >= 3) break;
    if (rng() < 0.5) categories.add(optional);
  }
  return [...categories].slice(0, 3);
}

interface PeopleIndex {
  all: readonly string[];
  byOrganisation: ReadonlyMap<string, readonly string[]>;
}

function personKeysFor(rng: Rng, people: PeopleIndex, organisationSlug: string): string[] {
  if (people.all.length === 0) return [];
  const wanted = Math.min(pick(rng, personCounts), people.all.length);
  const local = people.byOrganisation.get(organisationSlug) ?? [];
  const chosen = new Set<string>();
  for (let attempt = 0; chosen.size < wanted && attempt < wanted * 6; attempt++) {
    chosen.add(local.length > 0 && rng() < 0.8 ? pick(rng, local) : pick(rng, people.all));
  }
  return [...chosen];
}

function makeCapabilities(rng: Rng, count: number, people: PeopleIndex): SampleCapability[] {
  const nextTopic: Record<Topic['family'], () => Topic> = {
    sarcopenia: deck(rng, sarcopeniaTopics),
    multimorbidity: deck(rng, multimorbidityTopics),
    general: deck(rng, otherTopics),
  };
  const nextType = deck(
    rng,
    capabilityTypes.map((type) => type.slug),
  );
  const titleUses = new Map<string, number>();
  // Redrawing a clashing title keeps small directories natural; in very large ones most titles
  // clash, so they go straight to the qualified form below.
  const maxAttempts = count <= 5000 ? 8 : 1;
  const capabilities: SampleCapability[] = [];
  let block: Topic['family'][] = [];

  for (let index = 0; index < count; index++) {
    if (block.length === 0) block = shuffled(rng, blockPattern);
    const family = block.pop() ?? 'general';
    const topic = nextTopic[family]();
    const type = nextType();
    const organisation = pickWeighted(rng, offerers.get(type) ?? []).organisation;
    const place =
      organisation.satellites.length > 0 && rng() < 0.15
        ? pick(rng, organisation.satellites)
        : organisation.home;
    const placeDetails = placeInfo.get(place);
    const text = typeText[type];
    let modality = modalityFor(rng, topic);
    const values: Record<string, string> = {
      topic: topic.name,
      Topic: capitalise(topic.name),
      area: topic.modifier ?? topic.name,
      Area: capitalise(topic.modifier ?? topic.name),
      place: placeDetails?.name ?? place,
      Place: placeDetails?.name ?? place,
      region: placeDetails?.region ?? 'Midlands',
      org: organisation.name,
      short: organisation.shortName,
      modality,
      Modality: capitalise(modality),
      sample: pick(rng, topic.samples ?? fallbackSamples),
      population: pick(rng, topic.populations),
    };

    let variant = pick(rng, text.variants);
    let title = fill(pick(rng, variant.titles), values);
    for (let attempt = 0; titleUses.has(title) && attempt < maxAttempts; attempt++) {
      modality = modalityFor(rng, topic);
      values.modality = modality;
      values.Modality = capitalise(modality);
      values.sample = pick(rng, topic.samples ?? fallbackSamples);
      variant = pick(rng, text.variants);
      title = fill(pick(rng, variant.titles), values);
    }
    // Only in large directories: number a repeated title. Composed titles never contain "(",
    // so a numbered title cannot clash with a composed one.
    const uses = titleUses.get(title) ?? 0;
    titleUses.set(title, uses + 1);
    if (uses > 0) title = `${title} (${organisation.shortName}, ${uses + 1})`;

    const sentences = [
      fill(variant.opener, values),
      `${pick(rng, focusLeads)} ${pick(rng, topic.focus)}.`,
    ];
    if (type !== 'cohort-dataset' && rng() < 0.6) {
      sentences.push(fill(pick(rng, populationSentences), values));
    }
    if (rng() < 0.6) sentences.push(pick(rng, closingSentences));

    const [anchor, ...rest] = topic.keywords;
    const keywords = new Set<string>([(anchor ?? topic.name).toLowerCase()]);
    for (const keyword of sample(rng, rest, 1 + Math.floor(rng() * 4))) {
      keywords.add(keyword.toLowerCase());
    }
    for (const keyword of sample(rng, text.keywords, 1 + Math.floor(rng() * 2))) {
      keywords.add(keyword);
    }
    if (type === 'imaging') keywords.add(modality.toLowerCase());

    capabilities.push({
      key: `capability-${String(index + 1).padStart(4, '0')}`,
      organisationSlug: organisation.slug,
      title,
      summary: fill(variant.summary, values),
      description: sentences.join(' '),
      type,
      place,
      categories: categoriesFor(rng, topic),
      keywords: [...keywords].slice(0, 8),
      personKeys: personKeysFor(rng, people, organisation.slug),
    });
  }
  return capabilities;
}

// ---------------------------------------------------------------------------------------------

function count(value: number | undefined, fallback: number, name: string): number {
  const result = value ?? fallback;
  if (!Number.isSafeInteger(result) || result < 0) {
    throw new RangeError(`${name} must be a whole number of zero or more`);
  }
  return result;
}

/** Defaults: seed 1, 320 capabilities, 160 people. */
export function generateSampleDirectory(options: SampleDirectoryOptions = {}): SampleDirectory {
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be a whole number');
  const capabilityCount = count(options.capabilities, 320, 'capabilities');
  const personCount = count(options.people, 160, 'people');

  const peopleRng = stream(seed, 1);
  const people: SamplePerson[] = [];
  const byOrganisation = new Map<string, string[]>();
  for (let index = 0; index < personCount; index++) {
    const person = makePerson(peopleRng, index);
    people.push(person);
    const list = byOrganisation.get(person.organisationSlug);
    if (list) list.push(person.key);
    else byOrganisation.set(person.organisationSlug, [person.key]);
  }

  const capabilities = makeCapabilities(stream(seed, 2), capabilityCount, {
    all: people.map((person) => person.key),
    byOrganisation,
  });

  const organisations = extraOrganisations.map(({ satellites: _satellites, ...organisation }) => ({
    ...organisation,
  }));
  return { organisations, people, capabilities };
}
