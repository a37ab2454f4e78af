/**
 * Invented investigators for the SAMPLE portfolio. The surnames are made-up words chosen to be
 * obviously fictional (Samplewell, Exampleby, ...), so no one mistakes a sample record for a real
 * person; the ids say "sample" too.
 */
import type { PartnerOrganisationSlug } from './projects.js';

export interface SampleInvestigator {
  id: string;
  name: string;
  organisation: PartnerOrganisationSlug;
}

const surnames = [
  'Samplewell',
  'Exampleby',
  'Placeholme',
  'Mockford',
  'Fictionley',
  'Testcombe',
  'Demoworth',
  'Pretendon',
  'Inventley',
  'Figmentham',
  'Draftwick',
  'Dummyfield',
  'Specimenly',
  'Notionby',
  'Proxyham',
  'Fauxley',
  'Madeupson',
  'Imaginsworth',
  'Stubcombe',
  'Templeby',
  'Makeshiftley',
  'Surrogatt',
  'Sketchworth',
  'Prototon',
];
const initials = 'ABCDEFGHJKLMNPRSTW';
const titles = ['Dr', 'Dr', 'Prof'];

const pools = new Map<string, SampleInvestigator[]>();

/** Six invented people at each organisation, the same every time. */
export function investigatorPool(organisation: PartnerOrganisationSlug): SampleInvestigator[] {
  let pool = pools.get(organisation);
  if (!pool) {
    // A small string hash, so each organisation gets its own stable mix of names.
    let hash = 0;
    for (const character of organisation)
      hash = (Math.imul(hash, 31) + character.charCodeAt(0)) >>> 0;
    pool = Array.from({ length: 6 }, (_, index) => {
      const mix = (hash + Math.imul(index + 1, 2_654_435_761)) >>> 0;
      const surname = surnames[mix % surnames.length] ?? 'Samplewell';
      const initial = initials[(mix >>> 8) % initials.length] ?? 'A';
      const title = titles[(mix >>> 16) % titles.length] ?? 'Dr';
      return {
        id: `sample-investigator-${organisation}-${index + 1}`,
        name: `${title} ${initial}. ${surname}`,
        organisation,
      };
    });
    pools.set(organisation, pool);
  }
  return pool;
}
