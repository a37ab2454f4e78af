// A site's set-up measured against the 150-day target: days in each segment, red/amber/green,
// and the milestone holding it up. Pure: dates in, measures out.
import { type Rag, type SegmentSlug, ragFor, segments, totalTargetDays } from './model.js';

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface SegmentMeasure {
  slug: SegmentSlug;
  label: string;
  targetDays: number;
  /** Null when the segment has not started. */
  days: number | null;
  complete: boolean;
  rag: Rag | null;
}

export interface SiteMeasures {
  segments: SegmentMeasure[];
  total: { days: number | null; complete: boolean; rag: Rag | null; targetDays: number };
  /** The worst colour of any started segment and of the total. */
  rag: Rag | null;
  /** The next milestone the site is waiting for, or null once the first participant is in. */
  holdingUp: string | null;
}

export interface MilestoneDates {
  /** Study-level dates, by milestone slug. */
  study: ReadonlyMap<string, string>;
  /** This site's dates, by milestone slug. */
  site: ReadonlyMap<string, string>;
  mhraApprovalNeeded: boolean;
}

/** The steps before a site can open, in the order the alliance expects them. */
const toOpen = [
  'site-selected',
  'cda-signed',
  'costing-agreed',
  'model-agreement-executed',
  'capacity-capability-confirmed',
  'site-initiation-visit',
  'site-open',
];

const worst = (colours: (Rag | null)[]): Rag | null => {
  if (colours.includes('red')) return 'red';
  if (colours.includes('amber')) return 'amber';
  return colours.includes('green') ? 'green' : null;
};

/** Approval is HRA and REC approval, and MHRA approval too where the study needs it. */
function approvalDate({ study, mhraApprovalNeeded }: MilestoneDates): string | undefined {
  const hra = study.get('hra-rec-approval');
  if (!mhraApprovalNeeded) return hra;
  const mhra = study.get('mhra-approval');
  if (!hra || !mhra) return undefined;
  return hra > mhra ? hra : mhra;
}

function holdingUp(dates: MilestoneDates): string | null {
  if (dates.site.has('first-participant')) return null;
  if (dates.site.has('site-open')) return 'first-participant';
  const studyNeeds = ['application-submitted', 'hra-rec-approval'];
  if (dates.mhraApprovalNeeded) studyNeeds.push('mhra-approval');
  const missingStudy = studyNeeds.find((slug) => !dates.study.has(slug));
  if (missingStudy) return missingStudy;
  return toOpen.find((slug) => !dates.site.has(slug)) ?? null;
}

export function measureSite(dates: MilestoneDates, today: string): SiteMeasures {
  const application = dates.study.get('application-submitted');
  const approval = approvalDate(dates);
  const open = dates.site.get('site-open');
  const first = dates.site.get('first-participant');
  const bounds: [string | undefined, string | undefined][] = [
    [application, approval],
    [approval, open],
    [open, first],
  ];
  const measured = segments.map((segment, i): SegmentMeasure => {
    const [start, end] = bounds[i] as [string | undefined, string | undefined];
    if (!start) return { ...segment, days: null, complete: false, rag: null };
    const days = daysBetween(start, end ?? today);
    const complete = end !== undefined;
    return { ...segment, days, complete, rag: ragFor(days, segment.targetDays, complete) };
  });
  const totalDays = application ? daysBetween(application, first ?? today) : null;
  const total = {
    days: totalDays,
    complete: first !== undefined,
    targetDays: totalTargetDays,
    rag: totalDays === null ? null : ragFor(totalDays, totalTargetDays, first !== undefined),
  };
  return {
    segments: measured,
    total,
    rag: worst([...measured.map((s) => s.rag), total.rag]),
    holdingUp: holdingUp(dates),
  };
}
