// Grand challenges, translational pipelines and the decisions the alliance office takes on
// projects that look alike.

export const challengeStatuses = [
  { slug: 'proposed', label: 'Proposed' },
  { slug: 'active', label: 'Active' },
  { slug: 'closed', label: 'Closed' },
] as const;
export type ChallengeStatus = (typeof challengeStatuses)[number]['slug'];

export const pairDecisions = [
  { slug: 'distinct', label: 'Distinct: different work, no action needed' },
  { slug: 'should-collaborate', label: 'Should collaborate: put the teams in touch' },
] as const;
export type PairDecision = (typeof pairDecisions)[number]['slug'];

/** The stages most pipelines use, from discovery to adoption, with what each gate asks. */
export const standardStages = [
  {
    slug: 'discovery',
    name: 'Discovery',
    gateCriteria: 'A plausible target or mechanism, with supporting laboratory or population data.',
  },
  {
    slug: 'proof-of-mechanism',
    name: 'Proof of mechanism',
    gateCriteria: 'Evidence in people that the intervention engages its target or mechanism.',
  },
  {
    slug: 'proof-of-concept',
    name: 'Proof of concept',
    gateCriteria: 'A signal of clinical benefit in a small study, with acceptable safety.',
  },
  {
    slug: 'phase-2',
    name: 'Phase 2',
    gateCriteria: 'Dose, safety and efficacy estimates good enough to design a phase 3 trial.',
  },
  {
    slug: 'phase-3',
    name: 'Phase 3',
    gateCriteria: 'A confirmatory trial, funded and recruiting, against standard care.',
  },
  {
    slug: 'adoption',
    name: 'Adoption',
    gateCriteria: 'Guidance, commissioning or a care pathway that puts the result into practice.',
  },
] as const;
