import { labelFrom } from '../../platform/vocabulary.js';

/**
 * The single front door's vocabulary: what an industry enquiry is about, and the stages it moves
 * through. The workflow is an explicit table, so every transition can be checked, timed and
 * audited, and the pages can offer only the moves that are allowed.
 */

export const enquiryTypes = [
  { slug: 'commercial-trial', label: 'Commercial clinical trial' },
  { slug: 'device-evaluation', label: 'Device or diagnostic evaluation' },
  { slug: 'observational', label: 'Observational study' },
  { slug: 'data-feasibility', label: 'Data or feasibility request' },
  { slug: 'collaboration', label: 'Collaboration or consultancy' },
  { slug: 'funding', label: 'Funding partnership' },
] as const;
export type EnquiryType = (typeof enquiryTypes)[number]['slug'];

/** Trial phases, asked only where the enquiry type has phases. */
export const trialPhases = [
  { slug: 'phase-1', label: 'Phase 1' },
  { slug: 'phase-2', label: 'Phase 2' },
  { slug: 'phase-3', label: 'Phase 3' },
  { slug: 'phase-4', label: 'Phase 4' },
  { slug: 'not-applicable', label: 'Not applicable' },
] as const;
export type TrialPhase = (typeof trialPhases)[number]['slug'];

export const enquiryStages = [
  {
    slug: 'received',
    label: 'Received',
    forEnquirer: 'We have your enquiry and will reply within 3 working days.',
  },
  {
    slug: 'triaged',
    label: 'Triaged',
    forEnquirer:
      'A named person in the alliance office owns your enquiry and is choosing which partner sites to ask.',
  },
  {
    slug: 'sites-consulted',
    label: 'Sites consulted',
    forEnquirer:
      'We have asked partner sites whether they can take part, with a deadline to answer.',
  },
  {
    slug: 'sites-responded',
    label: 'Sites responded',
    forEnquirer: 'Partner sites have answered. We are putting their answers together for you.',
  },
  {
    slug: 'feasibility',
    label: 'Feasibility',
    forEnquirer:
      'We are checking with you and the sites whether the study can be delivered as planned.',
  },
  {
    slug: 'costing-contracting',
    label: 'Costing and contracting',
    forEnquirer:
      'Costs are being agreed through the national contract value review and the model agreement prepared.',
  },
  { slug: 'set-up', label: 'Set-up', forEnquirer: 'The study is being set up at the sites.' },
  { slug: 'open', label: 'Open to recruitment', forEnquirer: 'The study is open and recruiting.' },
  { slug: 'closed', label: 'Closed', forEnquirer: 'This enquiry is closed.' },
] as const;
export type EnquiryStage = (typeof enquiryStages)[number]['slug'];

export const closureOutcomes = [
  { slug: 'won', label: 'Won: the study came to the alliance' },
  { slug: 'lost', label: 'Lost: the study went elsewhere or did not go ahead' },
  { slug: 'withdrawn', label: 'Withdrawn by the enquirer' },
] as const;
export type ClosureOutcome = (typeof closureOutcomes)[number]['slug'];

/** Which stage may follow which. Any stage but "closed" may also close the enquiry. */
export const nextStages: Record<EnquiryStage, readonly EnquiryStage[]> = {
  received: ['triaged', 'closed'],
  triaged: ['sites-consulted', 'closed'],
  'sites-consulted': ['sites-responded', 'closed'],
  'sites-responded': ['feasibility', 'sites-consulted', 'closed'],
  feasibility: ['costing-contracting', 'closed'],
  'costing-contracting': ['set-up', 'closed'],
  'set-up': ['open', 'closed'],
  open: ['closed'],
  closed: [],
};

export function canMove(from: EnquiryStage, to: EnquiryStage): boolean {
  return nextStages[from].includes(to);
}

/** The costing and contracting details kept on an enquiry (migration 0010): the national contract value review, the model agreement and any confidentiality agreement. */
export const contractValueReviews = [
  { slug: 'not-started', label: 'Not started' },
  { slug: 'in-progress', label: 'In progress' },
  { slug: 'agreed', label: 'Agreed' },
] as const;
export type ContractValueReview = (typeof contractValueReviews)[number]['slug'];

export const modelAgreements = [
  { slug: 'mcta', label: 'mCTA: model clinical trial agreement' },
  { slug: 'cro-mcta', label: 'CRO-mCTA: with a contract research organisation' },
  { slug: 'mcia', label: 'mCIA: model clinical investigation agreement (devices)' },
  { slug: 'cro-mcia', label: 'CRO-mCIA: devices, with a contract research organisation' },
  { slug: 'micra', label: 'mICRA: model industry collaborative research agreement' },
  { slug: 'other', label: 'Another agreement' },
] as const;
export type ModelAgreement = (typeof modelAgreements)[number]['slug'];

export const confidentialityAgreements = [
  { slug: 'not-needed', label: 'Not needed' },
  { slug: 'requested', label: 'Requested' },
  { slug: 'signed', label: 'Signed' },
] as const;
export type ConfidentialityAgreement = (typeof confidentialityAgreements)[number]['slug'];

export const enquiryTypeLabel = labelFrom(enquiryTypes, (item) => item.label);
export const stageLabel = labelFrom(enquiryStages, (item) => item.label);
export const trialPhaseLabel = labelFrom(trialPhases, (item) => item.label);

/** Enquiry types for which a trial phase means something. */
export const typesWithPhase: readonly EnquiryType[] = ['commercial-trial', 'device-evaluation'];

/** Working days the alliance allows itself for a first response (NIHR's early-contact service). */
export const firstResponseWorkingDays = 3;
/** Working days a consulted site has to answer, unless the office sets another deadline. */
export const defaultSiteResponseWorkingDays = 10;
