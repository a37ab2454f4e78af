// Sample studies for a first start, clearly marked as sample data: invented studies at the four
// partner trusts, at every stage of set-up, with recruitment histories drawn from a seeded
// Poisson-Gamma process. Dates are counted back from the day of loading, so every milestone is in
// the past and the recruiting studies are recruiting up to yesterday; the same day gives the same
// data.
import { type AuditTrail, systemActor } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import type { RecruitmentRecord } from './repository.js';
import { StudyRepository } from './repository.js';
import type { StudyInput } from './schema.js';

/** A small seeded generator (mulberry32): the same seed, the same sequence. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function poisson(next: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let product = next();
  let n = 0;
  while (product > limit) {
    product *= next();
    n += 1;
  }
  return n;
}

const shift = (today: string, days: number) => {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

interface SampleSite {
  trust: 'uhb' | 'nuh' | 'uhl' | 'uhcw';
  investigator: string;
  target: number;
  /** Days after the application each site milestone happened; absent ones have not. */
  milestones: Partial<Record<string, number>>;
  /** Participants a day once open (the site's own rate). */
  rate?: number;
}

interface SampleStudy {
  study: Omit<StudyInput, 'plannedStart' | 'plannedEnd' | 'enquiryReference'>;
  /** Days before today the application for approval went in. */
  appliedDaysAgo: number;
  approvalAfter?: number;
  mhraAfter?: number;
  plannedStartAfter: number;
  plannedDays: number;
  sites: SampleSite[];
}

const opened = (open: number, first?: number) => ({
  'site-selected': 2,
  'cda-signed': 5,
  'costing-agreed': open - 25,
  'model-agreement-executed': open - 15,
  'capacity-capability-confirmed': open - 8,
  'site-initiation-visit': open - 4,
  'site-open': open,
  ...(first === undefined ? {} : { 'first-participant': first }),
});

const base = { isCommercial: true, irasId: null, isrctn: null, nctId: null, euCtNumber: null };

const samples: SampleStudy[] = [
  {
    study: {
      ...base,
      title:
        'SAMPLE: A randomised trial of a myostatin antibody to improve grip strength in older adults with sarcopenia',
      shortTitle: 'SAMPLE Grip-Up',
      sponsor: 'Example Biologics Ltd (sample)',
      studyType: 'interventional',
      phase: 'phase-2',
      healthCategory: 'musculoskeletal',
      mhraApprovalNeeded: true,
      recruitmentTarget: 240,
    },
    appliedDaysAgo: 420,
    approvalAfter: 52,
    mhraAfter: 58,
    plannedStartAfter: 120,
    plannedDays: 420,
    sites: [
      {
        trust: 'uhb',
        investigator: 'Dr A Sample',
        target: 80,
        milestones: opened(110, 125),
        rate: 0.32,
      },
      {
        trust: 'nuh',
        investigator: 'Prof B Sample',
        target: 70,
        milestones: opened(118, 140),
        rate: 0.22,
      },
      {
        trust: 'uhl',
        investigator: 'Dr C Sample',
        target: 50,
        milestones: opened(150, 190),
        rate: 0.12,
      },
      {
        trust: 'uhcw',
        investigator: 'Dr D Sample',
        target: 40,
        milestones: opened(200),
        rate: 0.05,
      },
    ],
  },
  {
    study: {
      ...base,
      isCommercial: false,
      title:
        'SAMPLE: Resistance exercise and protein supplements after hospital discharge in people with multimorbidity',
      shortTitle: 'SAMPLE STRONG-Home',
      sponsor: 'University of Example (sample)',
      studyType: 'interventional',
      phase: 'not-applicable',
      healthCategory: 'generic-health-relevance',
      mhraApprovalNeeded: false,
      recruitmentTarget: 400,
    },
    appliedDaysAgo: 300,
    approvalAfter: 45,
    plannedStartAfter: 100,
    plannedDays: 365,
    sites: [
      {
        trust: 'uhl',
        investigator: 'Dr E Sample',
        target: 150,
        milestones: opened(95, 101),
        rate: 0.75,
      },
      {
        trust: 'uhb',
        investigator: 'Dr F Sample',
        target: 150,
        milestones: opened(104, 112),
        rate: 0.6,
      },
      {
        trust: 'nuh',
        investigator: 'Dr G Sample',
        target: 100,
        milestones: opened(130, 150),
        rate: 0.35,
      },
    ],
  },
  {
    study: {
      ...base,
      title:
        'SAMPLE: An observational cohort of gait speed as an early sign of frailty in chronic kidney disease',
      shortTitle: 'SAMPLE GAIT-CKD',
      sponsor: 'Example Diagnostics plc (sample)',
      studyType: 'observational',
      phase: 'not-applicable',
      healthCategory: 'renal-urogenital',
      mhraApprovalNeeded: false,
      recruitmentTarget: 600,
    },
    appliedDaysAgo: 200,
    approvalAfter: 75,
    plannedStartAfter: 110,
    plannedDays: 300,
    sites: [
      {
        trust: 'nuh',
        investigator: 'Prof H Sample',
        target: 300,
        milestones: opened(140, 160),
        rate: 0.9,
      },
      {
        trust: 'uhcw',
        investigator: 'Dr I Sample',
        target: 300,
        milestones: { 'site-selected': 5, 'cda-signed': 9, 'costing-agreed': 100 },
      },
    ],
  },
  {
    study: {
      ...base,
      title: 'SAMPLE: A wearable device to detect falls at home in people over 75',
      shortTitle: 'SAMPLE FallSense',
      sponsor: 'Example Devices GmbH (sample)',
      studyType: 'device',
      phase: 'not-applicable',
      healthCategory: 'injuries-accidents',
      mhraApprovalNeeded: true,
      recruitmentTarget: 120,
    },
    appliedDaysAgo: 70,
    approvalAfter: 48,
    plannedStartAfter: 120,
    plannedDays: 270,
    sites: [
      {
        trust: 'uhb',
        investigator: 'Dr J Sample',
        target: 60,
        milestones: { 'site-selected': 3, 'cda-signed': 6, 'costing-agreed': 40 },
      },
      {
        trust: 'uhl',
        investigator: 'Dr K Sample',
        target: 60,
        milestones: { 'site-selected': 10 },
      },
    ],
  },
  {
    study: {
      ...base,
      title:
        'SAMPLE: Phase 3 trial of a once-weekly treatment for type 2 diabetes with heart failure',
      shortTitle: 'SAMPLE WEEKLY-HF',
      sponsor: 'Example Pharma UK Ltd (sample)',
      studyType: 'interventional',
      phase: 'phase-3',
      healthCategory: 'metabolic-endocrine',
      mhraApprovalNeeded: true,
      recruitmentTarget: 150,
    },
    appliedDaysAgo: 50,
    plannedStartAfter: 150,
    plannedDays: 365,
    sites: [
      {
        trust: 'uhcw',
        investigator: 'Dr L Sample',
        target: 75,
        milestones: { 'site-selected': 8 },
      },
      { trust: 'nuh', investigator: 'Dr M Sample', target: 75, milestones: {} },
    ],
  },
];

function recruitmentFor(
  siteId: string,
  open: string,
  today: string,
  rate: number,
  first: string | undefined,
  next: () => number,
): RecruitmentRecord[] {
  const rows: RecruitmentRecord[] = [];
  for (let day = open; day < today; day = shift(day, 1)) {
    // Nobody before the recorded first participant; exactly one on that day at least.
    if (first && day < first) continue;
    const n = day === first ? Math.max(1, poisson(next, rate)) : poisson(next, rate);
    rows.push({ siteId, recruitedOn: day, participants: n });
  }
  return rows;
}

/** Loads the sample studies when there are no studies; returns how many it added. */
export async function seedSampleStudies(
  database: Database,
  audit: AuditTrail,
  today: string,
): Promise<number> {
  const repository = new StudyRepository(database);
  if ((await repository.studies()).length > 0) return 0;
  const trusts = new Map((await repository.partnerTrusts()).map((t) => [t.slug, t.id]));
  const next = random(20261128);
  await database.transaction(async (tx) => {
    for (const sample of samples) {
      const applied = shift(today, -sample.appliedDaysAgo);
      const at = (days: number) => shift(applied, days);
      const reference = await repository.nextReference(tx, Number(today.slice(0, 4)));
      const input = {
        ...sample.study,
        plannedStart: at(sample.plannedStartAfter),
        plannedEnd: at(sample.plannedStartAfter + sample.plannedDays),
        enquiryReference: null,
      };
      const studyId = await repository.insertStudy(tx, {
        ...input,
        reference,
        enquiryId: null,
        isSample: true,
      });
      const milestone = (siteId: string | null, slug: string, date: string) =>
        repository.upsertMilestone(tx, {
          studyId,
          siteId,
          milestone: slug,
          achievedOn: date,
          evidence: 'Sample data.',
          userId: null,
          userLabel: 'Sample data',
        });
      await milestone(null, 'application-submitted', applied);
      if (sample.approvalAfter !== undefined) {
        await milestone(null, 'hra-rec-approval', at(sample.approvalAfter));
      }
      if (sample.mhraAfter !== undefined)
        await milestone(null, 'mhra-approval', at(sample.mhraAfter));
      for (const site of sample.sites) {
        const organisationId = trusts.get(site.trust);
        if (!organisationId) continue;
        const siteId = await repository.insertSite(tx, studyId, organisationId, {
          organisation: site.trust,
          principalInvestigator: site.investigator,
          recruitmentTarget: site.target,
          plannedOpen: at(sample.plannedStartAfter),
          plannedClose: at(sample.plannedStartAfter + sample.plannedDays),
        });
        for (const [slug, days] of Object.entries(site.milestones)) {
          if (days !== undefined && at(days) < today) await milestone(siteId, slug, at(days));
        }
        const open = site.milestones['site-open'];
        if (open !== undefined && site.rate !== undefined) {
          const first = site.milestones['first-participant'];
          const rows = recruitmentFor(
            siteId,
            at(open),
            today,
            site.rate,
            first === undefined ? undefined : at(first),
            next,
          );
          await repository.upsertRecruitment(tx, rows, null);
          const firstDay = rows.find((row) => row.participants > 0)?.recruitedOn;
          if (first === undefined && firstDay)
            await milestone(siteId, 'first-participant', firstDay);
        }
      }
      await audit.record(tx, systemActor, {
        action: 'create',
        entityType: 'study',
        entityId: studyId,
        after: { reference, sample: true, ...input },
      });
    }
  });
  return samples.length;
}
