/** Every public page of the website, with what a visitor must find on it. */
export interface PublicPageExpectation {
  path: string;
  h1: string;
  /** Text that must appear on the page (figures from the seed, names of partners). */
  mustContain: string[];
}

/** The Midlands in figures, as the alliance's own description gives them. */
export const seedFigures = [
  'over 10 million people',
  'over 28,000 km²',
  '20 acute hospital trusts',
  'over 50 clinical commissioning groups',
  'over 1.2 million hospital admissions in 2017-18',
  'over 800,000 businesses',
  '5 partner universities',
];

export const partnerUniversities = [
  'University of Birmingham',
  'University of Nottingham',
  'University of Leicester',
  'University of Warwick',
  'Loughborough University',
];

export const partnerTrusts = [
  'University Hospitals Birmingham NHS Foundation Trust',
  'Nottingham University Hospitals NHS Trust',
  'University Hospitals of Leicester NHS Trust',
  'University Hospitals Coventry and Warwickshire NHS Trust',
];

export const publicPages: PublicPageExpectation[] = [
  {
    path: '/',
    h1: 'Midlands Health Alliance',
    mustContain: [
      'The Midlands in figures',
      ...seedFigures,
      'Sarcopenia',
      'Multimorbidity',
      'Working with industry',
    ],
  },
  {
    path: '/about',
    h1: 'About the alliance',
    mustContain: [
      'Our vision',
      'A common strategy',
      'Grand challenges',
      'Shared translational pipelines',
      'A single business process for industry',
    ],
  },
  {
    path: '/midlands',
    h1: 'The Midlands',
    mustContain: [
      '10 million',
      '28,000 km²',
      '1.2 million',
      '800,000',
      'West Midlands',
      'East Midlands',
      'Birmingham',
      'Nottingham',
      'Leicester',
      'Coventry',
      'Coventry and Warwickshire',
      ...partnerUniversities,
      ...partnerTrusts,
    ],
  },
  {
    path: '/partners',
    h1: 'Our partners',
    mustContain: [
      ...partnerUniversities,
      ...partnerTrusts,
      'NIHR Birmingham Biomedical Research Centre',
    ],
  },
  { path: '/programmes', h1: 'Our programmes', mustContain: ['Sarcopenia', 'Multimorbidity'] },
  {
    path: '/programmes/sarcopenia',
    h1: 'Sarcopenia',
    mustContain: ['27 kg', '16 kg', '20 kg', '15 kg', '0.8 m/s'],
  },
  {
    path: '/programmes/multimorbidity',
    h1: 'Multimorbidity',
    mustContain: ['23%', '65%', '82%', 'Barnett'],
  },
  {
    path: '/accessibility',
    h1: 'Accessibility statement',
    mustContain: ['Web Content Accessibility Guidelines', '2.2'],
  },
];
