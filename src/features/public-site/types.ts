/** A public page whose words live in the database so that staff can edit them later. */
export interface SitePage {
  slug: string;
  title: string;
  /** One or two sentences shown under the heading (the lede) and used as the meta description. */
  summary: string;
  bodyMarkdown: string;
  /** An optional highlighted box (for example "Working with industry") shown after the body. */
  calloutHeading: string | null;
  calloutMarkdown: string | null;
}

/** One headline figure about the region, shown on the home page. */
export interface RegionFact {
  /** Stable key so that re-seeding never duplicates a figure. */
  key: string;
  position: number;
  /** The figure as people read it, for example "10 million". */
  value: string;
  /** Qualifier shown before the value, for example "over"; empty when the figure is exact. */
  qualifier: string;
  /** What the figure counts, for example "people live in the Midlands". */
  label: string;
}

export const organisationTypes = [
  'university',
  'nhs-trust',
  'nihr-brc',
  'clinical-research-facility',
  'applied-research-collaboration',
  'research-delivery-network',
  'health-innovation-network',
  'company',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export interface Organisation {
  slug: string;
  name: string;
  shortName: string;
  type: OrganisationType;
  /** Town or city of the main site. */
  city: string;
  websiteUrl: string | null;
  /** One short paragraph in our own words, plain text. */
  summary: string;
  /** WGS84 position of the main site, used to place it on the Midlands map; null when unknown. */
  latitude: number | null;
  longitude: number | null;
  isPartner: boolean;
}
