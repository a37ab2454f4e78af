import type { EnquiryFeatureServices } from '../services.js';

/**
 * On a first start, fills an empty front door with a deterministic sample of past enquiries
 * (being written). Returns how many were made, or null when there were enquiries already.
 */
export async function seedSampleEnquiries(
  _services: EnquiryFeatureServices,
): Promise<number | null> {
  return null;
}
