/**
 * How a sample enquiry is told from a real one. The enquiry table has no sample flag, so every
 * sample enquiry carries two marks that a real enquirer would not both use: its organisation
 * name ends with " (sample)" and its description starts with "Sample data:". Its contact is an
 * invented person at example.com, a domain that receives no mail.
 */

export const sampleOrganisationSuffix = ' (sample)';
export const sampleDescriptionPrefix = 'Sample data:';
export const sampleEmailDomain = 'example.com';

export function isSampleEnquiry(enquiry: { organisationName: string; description: string }) {
  return (
    enquiry.organisationName.endsWith(sampleOrganisationSuffix) &&
    enquiry.description.startsWith(sampleDescriptionPrefix)
  );
}

/** SQL that is true for enquiries (of table alias `alias`) carrying both sample marks. */
export function sampleEnquiry(alias: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return `(right(${alias}.organisation_name, ${sampleOrganisationSuffix.length}) = '${sampleOrganisationSuffix}'
    and left(${alias}.description, ${sampleDescriptionPrefix.length}) = '${sampleDescriptionPrefix}')`;
}

/** SQL that is true for real enquiries only. */
export function notSampleEnquiry(alias: string): string {
  return `not ${sampleEnquiry(alias)}`;
}
