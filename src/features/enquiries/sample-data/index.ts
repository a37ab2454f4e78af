import { systemActor } from '../../../platform/audit/audit-trail.js';
import type { EnquiryFeatureServices } from '../services.js';
import { londonDate } from '../working-days.js';
import { defaultSampleEnquirySeed, generateSampleEnquiries } from './generate.js';
import { SampleEnquiryRepository } from './repository.js';

export { generateSampleEnquiries, type SampleEnquiry } from './generate.js';
export {
  isSampleEnquiry,
  notSampleEnquiry,
  sampleDescriptionPrefix,
  sampleEnquiry,
  sampleOrganisationSuffix,
} from './marking.js';

/** Serialises first starts (other locks: 727_001 migrations, _002 and _003 directory). */
export const sampleEnquiryLockKey = 727_010;

/**
 * On a first start, fills an empty front door with a deterministic sample of past enquiries
 * (see generate.ts), anchored on the London calendar day of `now`: every sample moment lies on
 * a working day in the 12 months before that day. Each sample enquiry is marked (marking.ts).
 * No mail is sent. Returns how many were made, or null when there were enquiries already.
 */
export async function seedSampleEnquiries(
  services: Pick<EnquiryFeatureServices, 'database' | 'audit'>,
  now: Date = new Date(),
): Promise<number | null> {
  return services.database.transaction(async (tx) => {
    // Two instances starting together must not both seed.
    await tx.query('select pg_advisory_xact_lock($1)', [sampleEnquiryLockKey]);
    const repository = new SampleEnquiryRepository(tx);
    if (!(await repository.frontDoorIsEmpty())) return null;
    const partners = await repository.partners();
    const anchorDay = londonDate(now);
    const sample = generateSampleEnquiries({
      anchor: now,
      partners,
      seed: defaultSampleEnquirySeed,
    });
    const partnerIds = new Map(partners.map((partner) => [partner.slug, partner.id]));
    const references: string[] = [];
    for (const enquiry of sample) references.push(await repository.insert(enquiry, partnerIds));
    const counts = {
      enquiries: sample.length,
      siteRequests: sample.reduce((total, enquiry) => total + enquiry.siteRequests.length, 0),
      events: sample.reduce((total, enquiry) => total + enquiry.events.length, 0),
    };
    await services.audit.record(tx, systemActor, {
      action: 'create',
      entityType: 'sample-enquiries',
      after: {
        ...counts,
        anchorDay,
        seed: defaultSampleEnquirySeed,
        firstReference: references[0] ?? null,
        lastReference: references[references.length - 1] ?? null,
        note: 'Generated sample enquiries: organisation names end "(sample)", descriptions start "Sample data:"',
      },
    });
    return sample.length;
  });
}
