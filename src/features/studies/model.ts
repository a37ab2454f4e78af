// The standard set-up milestones every study and site records, the order their dates must keep,
// and the measures against the national 150-day target (60 days to approval, 60 to site open,
// 30 to first participant).

export const studyTypes = [
  { slug: 'interventional', label: 'Interventional (clinical trial of a medicine)' },
  { slug: 'device', label: 'Medical device investigation' },
  { slug: 'observational', label: 'Observational' },
  { slug: 'other', label: 'Other' },
] as const;
export type StudyType = (typeof studyTypes)[number]['slug'];

export const studyStatuses = [
  { slug: 'set-up', label: 'In set-up' },
  { slug: 'recruiting', label: 'Recruiting' },
  { slug: 'closed', label: 'Closed to recruitment' },
] as const;
export type StudyStatus = (typeof studyStatuses)[number]['slug'];

export interface MilestoneDefinition {
  slug: string;
  label: string;
  level: 'study' | 'site';
  /** Milestones whose dates this one's date must not be before, when both are recorded. */
  notBefore: readonly string[];
}

export const milestones: readonly MilestoneDefinition[] = [
  {
    slug: 'application-submitted',
    label: 'Application for regulatory approval submitted',
    level: 'study',
    notBefore: [],
  },
  {
    slug: 'hra-rec-approval',
    label: 'HRA and REC approval',
    level: 'study',
    notBefore: ['application-submitted'],
  },
  {
    slug: 'mhra-approval',
    label: 'MHRA approval',
    level: 'study',
    notBefore: ['application-submitted'],
  },
  { slug: 'site-selected', label: 'Site selected', level: 'site', notBefore: [] },
  {
    slug: 'cda-signed',
    label: 'Confidentiality agreement signed',
    level: 'site',
    notBefore: [],
  },
  {
    slug: 'costing-agreed',
    label: 'Costing agreed (national contract value review)',
    level: 'site',
    notBefore: ['site-selected'],
  },
  {
    slug: 'model-agreement-executed',
    label: 'Model agreement executed',
    level: 'site',
    notBefore: ['site-selected', 'costing-agreed'],
  },
  {
    slug: 'capacity-capability-confirmed',
    label: 'Capacity and capability confirmed',
    level: 'site',
    notBefore: ['site-selected', 'hra-rec-approval'],
  },
  {
    slug: 'site-initiation-visit',
    label: 'Site initiation visit',
    level: 'site',
    notBefore: ['site-selected'],
  },
  {
    slug: 'site-open',
    label: 'Site open to recruitment',
    level: 'site',
    notBefore: [
      'hra-rec-approval',
      'mhra-approval',
      'capacity-capability-confirmed',
      'model-agreement-executed',
      'site-initiation-visit',
    ],
  },
  {
    slug: 'first-participant',
    label: 'First participant recruited',
    level: 'site',
    notBefore: ['site-open'],
  },
];
export type MilestoneSlug = (typeof milestones)[number]['slug'];

export const milestoneBySlug = new Map(milestones.map((m) => [m.slug, m]));
export const studyMilestones = milestones.filter((m) => m.level === 'study');
export const siteMilestones = milestones.filter((m) => m.level === 'site');

/** Which milestones must also be after this one: the reverse of `notBefore`. */
export const notAfter = (slug: string) =>
  milestones.filter((m) => m.notBefore.includes(slug)).map((m) => m.slug);

/** The three segments of the 150-day target and the days each may take. */
export const segments = [
  { slug: 'to-approval', label: 'Application to approval', targetDays: 60 },
  { slug: 'to-open', label: 'Approval to site open', targetDays: 60 },
  { slug: 'to-first-participant', label: 'Site open to first participant', targetDays: 30 },
] as const;
export type SegmentSlug = (typeof segments)[number]['slug'];
export const totalTargetDays = 150;

export type Rag = 'green' | 'amber' | 'red';

export const ragLabels: Record<Rag, string> = {
  green: 'Green: within target',
  amber: 'Amber: at risk',
  red: 'Red: over target',
};

/** A completed segment is green within its target and red over it. An open one turns amber at
 * three quarters of its target and red once past it. */
export function ragFor(days: number, targetDays: number, complete: boolean): Rag {
  if (days > targetDays) return 'red';
  if (!complete && days > targetDays * 0.75) return 'amber';
  return 'green';
}
