import type { HealthCategory } from '../../directory/model.js';
import type { ClosureOutcome, EnquiryType } from '../model.js';

/**
 * The invented words of the sample enquiries: companies, people, topics and reasons. Every
 * company and person here is made up; any likeness to a real one is an accident.
 */

export interface SampleCompany {
  name: string;
  /** The kinds of enquiry it tends to send, most likely first. */
  types: readonly EnquiryType[];
  /** Works through a contract research organisation (the CRO model agreements). */
  viaCro: boolean;
}

export const sampleCompanies: readonly SampleCompany[] = [
  {
    name: 'Quillfeather Therapeutics',
    types: ['commercial-trial', 'observational'],
    viaCro: false,
  },
  { name: 'Brackenridge Biologics', types: ['commercial-trial'], viaCro: true },
  {
    name: 'Nimbus Vale Diagnostics',
    types: ['device-evaluation', 'data-feasibility'],
    viaCro: false,
  },
  { name: 'Larkspur Medical Devices', types: ['device-evaluation'], viaCro: false },
  { name: 'Osterfield Pharma', types: ['commercial-trial', 'funding'], viaCro: true },
  {
    name: 'Cobaltine Health Analytics',
    types: ['data-feasibility', 'collaboration'],
    viaCro: false,
  },
  {
    name: 'Thistlewick Biosciences',
    types: ['commercial-trial', 'collaboration'],
    viaCro: false,
  },
  {
    name: 'Marrowgate Clinical Research',
    types: ['commercial-trial', 'observational'],
    viaCro: true,
  },
  { name: 'Emberlyn Genomics', types: ['collaboration', 'data-feasibility'], viaCro: false },
  { name: 'Halcyon Ridge Medtech', types: ['device-evaluation'], viaCro: true },
  { name: 'Saltmarsh Data Labs', types: ['data-feasibility'], viaCro: false },
  { name: 'Pennywort Pharmaceuticals', types: ['commercial-trial'], viaCro: false },
  { name: 'Glimmerbrook Devices', types: ['device-evaluation', 'observational'], viaCro: false },
  { name: 'Fernhollow Nutrition', types: ['observational', 'funding'], viaCro: false },
  {
    name: 'Kestrelmoor Trial Services',
    types: ['commercial-trial', 'observational'],
    viaCro: true,
  },
  {
    name: 'Wrenfield Digital Health',
    types: ['device-evaluation', 'collaboration'],
    viaCro: false,
  },
  { name: 'Amberwell Vaccines', types: ['commercial-trial'], viaCro: true },
  { name: 'Tidewater Orthopaedics', types: ['device-evaluation'], viaCro: false },
  {
    name: 'Copperbeech Neuroscience',
    types: ['commercial-trial', 'observational'],
    viaCro: false,
  },
  {
    name: 'Mistlethwaite Respiratory',
    types: ['commercial-trial', 'device-evaluation'],
    viaCro: false,
  },
  { name: 'Bluebell Lane Biotech', types: ['collaboration', 'funding'], viaCro: false },
  { name: 'Silverhowe Imaging', types: ['device-evaluation', 'data-feasibility'], viaCro: false },
  { name: 'Orchardine Therapeutics', types: ['commercial-trial', 'funding'], viaCro: true },
  { name: 'Greystoke Hollow Analytics', types: ['data-feasibility'], viaCro: false },
  { name: 'Puddingstone Wellness', types: ['observational', 'collaboration'], viaCro: false },
  { name: 'Velvetleaf Biopharma', types: ['commercial-trial'], viaCro: true },
  { name: 'Harrowdale Sensors', types: ['device-evaluation', 'collaboration'], viaCro: false },
  { name: 'Cloudberry Foundation', types: ['funding', 'collaboration'], viaCro: false },
];

export const sampleFirstNames: readonly string[] = [
  'Ada',
  'Bram',
  'Celeste',
  'Dorian',
  'Elsbeth',
  'Fergus',
  'Ginevra',
  'Hamish',
  'Isolde',
  'Jasper',
  'Kezia',
  'Lorcan',
  'Marisol',
  'Nils',
  'Ottilie',
  'Perrin',
  'Quinta',
  'Rafferty',
  'Saskia',
  'Tobias',
  'Ulla',
  'Vashti',
  'Wilhelmina',
  'Xander',
  'Yolanda',
  'Zeb',
];

export const sampleLastNames: readonly string[] = [
  'Ashcombe',
  'Bellweather',
  'Carrowmore',
  'Dunstable',
  'Ellery',
  'Fairweather',
  'Gallowglass',
  'Hollinshead',
  'Inchbald',
  'Jessamine',
  'Kettleby',
  'Lighthorne',
  'Merriweather',
  'Nettlefold',
  'Oakenshaw',
  'Pennifold',
  'Quennell',
  'Rookwood',
  'Silvermoor',
  'Thistlewood',
  'Underhill',
  'Vantongeren',
  'Wainfleet',
  'Yarrowby',
];

/** Weights of the health categories: the alliance's own themes come up most. */
export const categoryWeights: readonly { slug: HealthCategory; weight: number }[] = [
  { slug: 'musculoskeletal', weight: 9 },
  { slug: 'metabolic-endocrine', weight: 6 },
  { slug: 'cancer', weight: 6 },
  { slug: 'cardiovascular', weight: 6 },
  { slug: 'neurological', weight: 5 },
  { slug: 'mental-health', weight: 4 },
  { slug: 'respiratory', weight: 4 },
  { slug: 'generic-health-relevance', weight: 4 },
  { slug: 'inflammatory-immune', weight: 3 },
  { slug: 'oral-gastrointestinal', weight: 3 },
  { slug: 'renal-urogenital', weight: 3 },
  { slug: 'stroke', weight: 3 },
  { slug: 'infection', weight: 3 },
  { slug: 'injuries-accidents', weight: 2 },
  { slug: 'eye', weight: 2 },
  { slug: 'skin', weight: 2 },
  { slug: 'blood', weight: 2 },
  { slug: 'reproductive-health', weight: 2 },
  { slug: 'ear', weight: 1 },
  { slug: 'congenital', weight: 1 },
  { slug: 'disputed-aetiology', weight: 1 },
];

/** What an enquiry in each health category is about, as a phrase. */
export const categoryTopics: Record<HealthCategory, readonly string[]> = {
  blood: ['iron-deficiency anaemia in older adults', 'sickle cell disease in adolescents'],
  cancer: ['early-stage non-small cell lung cancer', 'frailty in older people having chemotherapy'],
  cardiovascular: ['heart failure with preserved ejection fraction', 'atrial fibrillation'],
  congenital: ['adults living with congenital heart disease'],
  ear: ['age-related hearing loss'],
  eye: ['wet age-related macular degeneration', 'diabetic retinopathy screening'],
  infection: ['recurrent urinary tract infection', 'respiratory syncytial virus in older adults'],
  'inflammatory-immune': ['rheumatoid arthritis', 'psoriatic arthritis'],
  'injuries-accidents': ['falls in people over 75', 'recovery after hip fracture'],
  'mental-health': ['depression in people with several long-term conditions', 'late-life anxiety'],
  'metabolic-endocrine': ['type 2 diabetes with obesity', 'muscle loss in type 2 diabetes'],
  musculoskeletal: [
    'sarcopenia in adults over 70',
    'knee osteoarthritis',
    'muscle weakness after a hospital stay',
  ],
  neurological: ["early Parkinson's disease", 'mild cognitive impairment'],
  'oral-gastrointestinal': ['malnutrition in older inpatients', 'inflammatory bowel disease'],
  'renal-urogenital': ['chronic kidney disease stage 3', 'overactive bladder in older women'],
  'reproductive-health': ['gestational diabetes', 'menopause symptoms'],
  respiratory: ['chronic obstructive pulmonary disease', 'severe asthma'],
  skin: ['chronic leg ulcers', 'atopic eczema'],
  stroke: ['upper-limb recovery after stroke', 'secondary prevention after stroke'],
  'generic-health-relevance': [
    'people living with multiple long-term conditions',
    'polypharmacy in older people',
  ],
  'disputed-aetiology': ['chronic fatigue syndrome', 'fibromyalgia'],
};

/** What the enquiry offers or asks, per kind of enquiry; `{topic}` is filled in. */
export const descriptionTemplates: Record<EnquiryType, readonly string[]> = {
  'commercial-trial': [
    'We are planning a multicentre trial of an oral once-daily treatment for {topic} and are looking for NHS sites with experienced research teams.',
    'We would like to place a randomised, placebo-controlled trial of an injectable therapy for {topic} in the Midlands.',
  ],
  'device-evaluation': [
    'We would like to evaluate a wearable sensor that monitors {topic} at home, in routine NHS care.',
    'We are looking for clinical partners to test a point-of-care test for {topic} in outpatient clinics.',
  ],
  observational: [
    'We plan an observational cohort study of {topic}, following participants for twelve months with routine clinic visits.',
    'We would like to collect real-world outcomes in {topic} through a registry at a few NHS sites.',
  ],
  'data-feasibility': [
    'Could the alliance tell us roughly how many patients with {topic} were seen in the last five years, from routine records?',
    'We need a feasibility count for {topic}: patients meeting simple criteria, by site, to plan a future study.',
  ],
  collaboration: [
    'We are looking for clinical academics in {topic} to advise on the design of a new programme.',
    'We would like to co-develop an outcome measure for {topic} with researchers and patients.',
  ],
  funding: [
    'We can part-fund an investigator-led study in {topic} and would like to hear from interested teams.',
    'We offer a research fellowship in {topic} and would like to partner with an alliance university.',
  ],
};

export const sampleTimelines: readonly string[] = [
  'First participant within six months',
  'Start in the next quarter',
  'Sites selected by the end of the year',
  'Results needed within twelve months',
  'Flexible',
  'As soon as possible',
];

export const closureReasons: Record<ClosureOutcome, readonly string[]> = {
  won: [
    'The sponsor chose the alliance; the study is recruiting at our sites.',
    'The study came to the alliance and opened as planned.',
  ],
  lost: [
    'The sponsor placed the study with another network.',
    'Sites could not meet the recruitment target in the time asked.',
    'Costs could not be agreed within the sponsor’s budget.',
    'The sponsor paused its programme.',
  ],
  withdrawn: [
    'The enquirer withdrew: the product’s development was stopped.',
    'The enquirer withdrew after an internal portfolio review.',
    'The enquirer asked us to close it and may come back next year.',
  ],
};

export const interestedNotes: readonly string[] = [
  'We have a suitable clinic and research nurse time.',
  'Our team ran a similar study last year and can start quickly.',
  'Interested, subject to pharmacy capacity.',
];

export const notInterestedNotes: readonly string[] = [
  'No capacity in this area this year.',
  'We have a competing study open.',
  'We do not see enough eligible patients.',
];
