import type { Database } from '../../platform/db/database.js';
import type { HealthCategory } from '../directory/model.js';
import type { ClosureOutcome, EnquiryType, TrialPhase } from './model.js';
import { WorkflowRepository } from './workflow/repository.js';

/** What a new study may take from the enquiry that brought it to the alliance. */
export interface EnquiryForStudy {
  id: string;
  reference: string;
  organisationName: string;
  enquiryType: EnquiryType;
  healthCategory: HealthCategory;
  phase: TrialPhase | null;
  participants: number | null;
  closedOutcome: ClosureOutcome | null;
}

/** The front door's answer to "which enquiry is this reference?", for study set-up. */
export function enquiriesForStudies(database: Database) {
  const repository = new WorkflowRepository(database);
  return async (reference: string): Promise<EnquiryForStudy | null> => {
    const enquiry = await repository.enquiryByReference(reference);
    if (!enquiry) return null;
    return {
      id: enquiry.id,
      reference: enquiry.reference,
      organisationName: enquiry.organisationName,
      enquiryType: enquiry.enquiryType,
      healthCategory: enquiry.healthCategory,
      phase: enquiry.phase,
      participants: enquiry.participants,
      closedOutcome: enquiry.closedOutcome,
    };
  };
}
