/**
 * The CSV formats the directory import accepts: one file per kind of record, a header row with
 * these exact column names, then one record per row. The same list drives the checks, the
 * import page's column tables and (by hand, tested) docs/directory-import.md.
 */

export const importKinds = ['organisations', 'people', 'capabilities'] as const;
export type ImportKind = (typeof importKinds)[number];

export const importKindNames: Record<
  ImportKind,
  { plural: string; singular: string; entityType: 'organisation' | 'person' | 'capability' }
> = {
  organisations: { plural: 'organisations', singular: 'organisation', entityType: 'organisation' },
  people: { plural: 'people', singular: 'person', entityType: 'person' },
  capabilities: { plural: 'capabilities', singular: 'capability', entityType: 'capability' },
};

/** At most this many records in one file; split larger loads. */
export const maxImportRows = 5_000;
/** The largest file accepted, in bytes. */
export const maxImportBytes = 2 * 1024 * 1024;
export const maxKeywords = 20;
export const maxKeywordLength = 100;
export const maxHealthCategories = 5;
export const maxLinkedPeople = 50;

export interface ColumnSpec {
  name: string;
  /** A required column must be in the header and have a value on every row. */
  required: boolean;
  /** Used in messages: "Enter the …". */
  noun: string;
  /** Longest value accepted, in characters (the database's own limit). */
  maxLength?: number;
  /** Whether the value may run over several lines (inside quotes). */
  multiline?: boolean;
  meaning: string;
  example: string;
}

export const importColumns: Record<ImportKind, readonly ColumnSpec[]> = {
  organisations: [
    {
      name: 'slug',
      required: true,
      noun: 'the slug',
      maxLength: 80,
      meaning:
        'The web address name: lower-case letters, digits and single hyphens (university-of-derby). Must not be taken by another organisation.',
      example: 'derby-clinical-research-facility',
    },
    {
      name: 'name',
      required: true,
      noun: 'the name',
      maxLength: 200,
      meaning: 'Full name.',
      example: 'Derby Clinical Research Facility',
    },
    {
      name: 'short_name',
      required: true,
      noun: 'the short name',
      maxLength: 80,
      meaning: 'Name used in lists and filters.',
      example: 'Derby CRF',
    },
    {
      name: 'type',
      required: true,
      noun: 'the type',
      meaning:
        'One of: university, nhs-trust, nihr-brc, clinical-research-facility, applied-research-collaboration, research-delivery-network, health-innovation-network, company.',
      example: 'clinical-research-facility',
    },
    {
      name: 'city',
      required: true,
      noun: 'the city',
      maxLength: 100,
      meaning: 'Town or city of its main site.',
      example: 'Derby',
    },
    {
      name: 'website_url',
      required: false,
      noun: 'the website address',
      maxLength: 500,
      meaning: 'Optional. Starts with https:// or http://.',
      example: 'https://www.example.nhs.uk',
    },
    {
      name: 'summary',
      required: true,
      noun: 'the summary',
      maxLength: 400,
      multiline: true,
      meaning: 'One or two sentences.',
      example: 'A dedicated facility for early-phase and complex studies.',
    },
    {
      name: 'description',
      required: false,
      noun: 'the description',
      maxLength: 4000,
      multiline: true,
      meaning: 'Optional. Longer text; may run over several lines inside quotes.',
      example: 'Twelve beds, a sample processing laboratory and a research pharmacy.',
    },
  ],
  people: [
    {
      name: 'organisation',
      required: true,
      noun: 'the organisation',
      meaning:
        'Slug of an organisation already in the directory. Site research offices can only use their own.',
      example: 'uhb',
    },
    {
      name: 'full_name',
      required: true,
      noun: 'the full name',
      maxLength: 200,
      meaning: 'Name as it should appear, with any title.',
      example: 'Dr Asha Patel',
    },
    {
      name: 'job_title',
      required: true,
      noun: 'the job title',
      maxLength: 200,
      meaning: 'Current role.',
      example: 'Consultant Cardiologist',
    },
    {
      name: 'expertise',
      required: true,
      noun: 'the expertise',
      maxLength: 4000,
      multiline: true,
      meaning: 'What they are expert in and the studies they lead.',
      example: 'Heart failure trials and cardiac imaging.',
    },
    {
      name: 'orcid',
      required: false,
      noun: 'the ORCID iD',
      meaning:
        'Optional. ORCID iD such as 0000-0002-1825-0097 (or its https://orcid.org/ address). Checked with its check digit; must not belong to anyone else in the directory.',
      example: '0000-0002-1825-0097',
    },
    {
      name: 'keywords',
      required: false,
      noun: 'keywords',
      meaning: `Optional. Up to ${maxKeywords}, separated by semicolons, each up to ${maxKeywordLength} characters.`,
      example: 'heart failure; echocardiography',
    },
  ],
  capabilities: [
    {
      name: 'organisation',
      required: true,
      noun: 'the organisation',
      meaning:
        'Slug of an organisation already in the directory. Site research offices can only use their own.',
      example: 'uhb',
    },
    {
      name: 'title',
      required: true,
      noun: 'the title',
      maxLength: 200,
      meaning:
        'Short name of the capability. An organisation cannot have two capabilities with the same title.',
      example: 'Cardiac MRI research service',
    },
    {
      name: 'summary',
      required: true,
      noun: 'the summary',
      maxLength: 400,
      multiline: true,
      meaning: 'One or two sentences shown in search results.',
      example: 'Research-dedicated 3T cardiac MRI with physics support.',
    },
    {
      name: 'description',
      required: true,
      noun: 'the description',
      maxLength: 8000,
      multiline: true,
      meaning: 'Full description; may run over several lines inside quotes.',
      example: 'Sessions every weekday, with reporting by research radiographers.',
    },
    {
      name: 'type',
      required: true,
      noun: 'the type',
      meaning:
        'One of: clinical-expertise, clinical-research-facility, imaging, laboratory-biobank, cohort-dataset, trial-delivery, technology-platform, training.',
      example: 'imaging',
    },
    {
      name: 'location',
      required: true,
      noun: 'the location',
      meaning: 'A Midlands town or city, by slug or name (stoke-on-trent or Stoke-on-Trent).',
      example: 'birmingham',
    },
    {
      name: 'health_categories',
      required: true,
      noun: 'at least one health category',
      meaning: `1 to ${maxHealthCategories} HRCS health categories, by slug or name, separated by semicolons.`,
      example: 'cardiovascular; stroke',
    },
    {
      name: 'keywords',
      required: false,
      noun: 'keywords',
      meaning: `Optional. Up to ${maxKeywords}, separated by semicolons, each up to ${maxKeywordLength} characters.`,
      example: 'MRI; cardiac imaging',
    },
    {
      name: 'people',
      required: false,
      noun: 'people',
      meaning: `Optional. People already in the directory, by ORCID iD or directory id, separated by semicolons (up to ${maxLinkedPeople}).`,
      example: '0000-0002-1825-0097',
    },
  ],
};

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (importKinds as readonly string[]).includes(value);
}
