import { labelFrom } from '../../platform/vocabulary.js';

/**
 * The capability directory's vocabulary: what kinds of record exist, how they are classified and
 * the states a record moves through. Pure data and pure checks, shared by every part of the feature.
 */

export const organisationTypes = [
  { slug: 'university', label: 'University' },
  { slug: 'nhs-trust', label: 'NHS trust' },
  { slug: 'nihr-brc', label: 'NIHR Biomedical Research Centre' },
  { slug: 'clinical-research-facility', label: 'Clinical research facility' },
  { slug: 'applied-research-collaboration', label: 'Applied research collaboration' },
  { slug: 'research-delivery-network', label: 'Research delivery network' },
  { slug: 'health-innovation-network', label: 'Health innovation network' },
  { slug: 'company', label: 'Company' },
] as const;
export type OrganisationType = (typeof organisationTypes)[number]['slug'];

export const capabilityTypes = [
  { slug: 'clinical-expertise', label: 'Clinical expertise' },
  { slug: 'clinical-research-facility', label: 'Clinical research facility' },
  { slug: 'imaging', label: 'Imaging' },
  { slug: 'laboratory-biobank', label: 'Laboratory and biobank' },
  { slug: 'cohort-dataset', label: 'Patient cohort or dataset' },
  { slug: 'trial-delivery', label: 'Trial delivery service' },
  { slug: 'technology-platform', label: 'Technology platform' },
  { slug: 'training', label: 'Training' },
] as const;
export type CapabilityType = (typeof capabilityTypes)[number]['slug'];

/** The UKCRC Health Research Classification System's 21 health categories, in its own order. */
export const healthCategories = [
  { slug: 'blood', name: 'Blood' },
  { slug: 'cancer', name: 'Cancer and neoplasms' },
  { slug: 'cardiovascular', name: 'Cardiovascular' },
  { slug: 'congenital', name: 'Congenital' },
  { slug: 'ear', name: 'Ear' },
  { slug: 'eye', name: 'Eye' },
  { slug: 'infection', name: 'Infection' },
  { slug: 'inflammatory-immune', name: 'Inflammatory and immune system' },
  { slug: 'injuries-accidents', name: 'Injuries and accidents' },
  { slug: 'mental-health', name: 'Mental health' },
  { slug: 'metabolic-endocrine', name: 'Metabolic and endocrine' },
  { slug: 'musculoskeletal', name: 'Musculoskeletal' },
  { slug: 'neurological', name: 'Neurological' },
  { slug: 'oral-gastrointestinal', name: 'Oral and gastrointestinal' },
  { slug: 'renal-urogenital', name: 'Renal and urogenital' },
  { slug: 'reproductive-health', name: 'Reproductive health and childbirth' },
  { slug: 'respiratory', name: 'Respiratory' },
  { slug: 'skin', name: 'Skin' },
  { slug: 'stroke', name: 'Stroke' },
  { slug: 'generic-health-relevance', name: 'Generic health relevance' },
  { slug: 'disputed-aetiology', name: 'Disputed aetiology and other' },
] as const;
export type HealthCategory = (typeof healthCategories)[number]['slug'];

/** Towns and cities a capability can be located in. */
export const midlandsPlaces = [
  { slug: 'birmingham', name: 'Birmingham', region: 'West Midlands' },
  { slug: 'coventry', name: 'Coventry', region: 'West Midlands' },
  { slug: 'wolverhampton', name: 'Wolverhampton', region: 'West Midlands' },
  { slug: 'dudley', name: 'Dudley', region: 'West Midlands' },
  { slug: 'walsall', name: 'Walsall', region: 'West Midlands' },
  { slug: 'west-bromwich', name: 'West Bromwich', region: 'West Midlands' },
  { slug: 'solihull', name: 'Solihull', region: 'West Midlands' },
  { slug: 'warwick', name: 'Warwick', region: 'West Midlands' },
  { slug: 'rugby', name: 'Rugby', region: 'West Midlands' },
  { slug: 'nuneaton', name: 'Nuneaton', region: 'West Midlands' },
  { slug: 'stoke-on-trent', name: 'Stoke-on-Trent', region: 'West Midlands' },
  { slug: 'keele', name: 'Keele', region: 'West Midlands' },
  { slug: 'stafford', name: 'Stafford', region: 'West Midlands' },
  { slug: 'burton-upon-trent', name: 'Burton upon Trent', region: 'West Midlands' },
  { slug: 'shrewsbury', name: 'Shrewsbury', region: 'West Midlands' },
  { slug: 'telford', name: 'Telford', region: 'West Midlands' },
  { slug: 'worcester', name: 'Worcester', region: 'West Midlands' },
  { slug: 'hereford', name: 'Hereford', region: 'West Midlands' },
  { slug: 'nottingham', name: 'Nottingham', region: 'East Midlands' },
  { slug: 'mansfield', name: 'Mansfield', region: 'East Midlands' },
  { slug: 'leicester', name: 'Leicester', region: 'East Midlands' },
  { slug: 'loughborough', name: 'Loughborough', region: 'East Midlands' },
  { slug: 'derby', name: 'Derby', region: 'East Midlands' },
  { slug: 'chesterfield', name: 'Chesterfield', region: 'East Midlands' },
  { slug: 'lincoln', name: 'Lincoln', region: 'East Midlands' },
  { slug: 'boston', name: 'Boston', region: 'East Midlands' },
  { slug: 'northampton', name: 'Northampton', region: 'East Midlands' },
  { slug: 'kettering', name: 'Kettering', region: 'East Midlands' },
] as const;
export type MidlandsPlace = (typeof midlandsPlaces)[number]['slug'];

/** Every directory record moves draft -> in review -> published, and may later be archived. */
export const recordStatuses = [
  { slug: 'draft', label: 'Draft' },
  { slug: 'in-review', label: 'In review' },
  { slug: 'published', label: 'Published' },
  { slug: 'archived', label: 'Archived' },
] as const;
export type RecordStatus = (typeof recordStatuses)[number]['slug'];

export type RecordKind = 'capability' | 'person' | 'organisation';

export const organisationTypeLabel = labelFrom(organisationTypes, (item) => item.label);
export const capabilityTypeLabel = labelFrom(capabilityTypes, (item) => item.label);
export const healthCategoryName = labelFrom(healthCategories, (item) => item.name);
export const placeName = labelFrom(midlandsPlaces, (item) => item.name);
export const statusLabel = labelFrom(recordStatuses, (item) => item.label);

/**
 * An ORCID iD (0000-0002-1825-0097): four groups of four characters, the last a check digit
 * computed over the other 15 digits by ISO 7064 MOD 11-2, where a value of 10 is written X.
 */
export function isValidOrcid(value: string): boolean {
  if (!/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(value)) return false;
  const digits = value.replace(/-/g, '');
  let total = 0;
  for (const digit of digits.slice(0, 15)) total = (total + Number(digit)) * 2;
  const result = (12 - (total % 11)) % 11;
  const check = result === 10 ? 'X' : String(result);
  return digits[15] === check;
}

/** A capability as its owners write it. */
export interface CapabilityInput {
  title: string;
  summary: string;
  description: string;
  type: CapabilityType;
  organisationId: string;
  place: MidlandsPlace;
  categories: HealthCategory[];
  keywords: string[];
  personIds: string[];
}

/** A person (usually an investigator) as their organisation writes them. */
export interface PersonInput {
  fullName: string;
  jobTitle: string;
  organisationId: string;
  expertise: string;
  orcid: string | null;
  keywords: string[];
}

/** The parts of an organisation's record that its own office maintains. */
export interface OrganisationInput {
  name: string;
  shortName: string;
  type: OrganisationType;
  city: string;
  websiteUrl: string | null;
  summary: string;
  description: string;
}
