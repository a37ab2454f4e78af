import {
  firstResponseWorkingDays,
  defaultSiteResponseWorkingDays,
  typesWithPhase,
  type ClosureOutcome,
  type EnquiryStage,
  type EnquiryType,
  type TrialPhase,
} from '../model.js';
import { londonDayWithWeekday } from '../dates.js';
import { endOfLondonDay, londonDate, WorkingDayCalendar } from '../working-days.js';
import type { EnquiryInput } from '../schema.js';
import { sampleDescriptionPrefix, sampleEmailDomain, sampleOrganisationSuffix } from './marking.js';
import {
  categoryTopics,
  categoryWeights,
  closureReasons,
  descriptionTemplates,
  interestedNotes,
  notInterestedNotes,
  sampleCompanies,
  sampleFirstNames,
  sampleLastNames,
  sampleTimelines,
  type SampleCompany,
} from './vocabulary.js';

/**
 * A deterministic sample of past industry enquiries, for a first start: about 60 enquiries from
 * invented companies over the 12 months before an anchor day, across the enquiry types, health
 * categories and stages, with a timeline of events, site requests and answers, and contract
 * details where an enquiry reached costing.
 *
 * The anchor is a London calendar day (the day of the first start). Every moment generated lies
 * on a working day before it, so nothing is in the future when it is stored; deadlines (first
 * response, site answers) may fall after it. The same anchor, partners and seed always give
 * the same enquiries: randomness comes only from a seeded PRNG, never from Math.random or the
 * clock.
 */

export interface SamplePartner {
  slug: string;
  name: string;
}

export interface SampleEvent {
  occurredAt: Date;
  kind: 'submitted' | 'stage-changed' | 'site-responded';
  fromStage: EnquiryStage | null;
  toStage: EnquiryStage | null;
  note: string | null;
}

export interface SampleSiteRequest {
  organisationSlug: string;
  requestedAt: Date;
  dueAt: Date;
  message: string;
  respondedAt: Date | null;
  interested: boolean | null;
  principalInvestigator: string | null;
  estimatedRecruitment: number | null;
  responseNote: string | null;
}

export interface SampleEnquiry extends Omit<EnquiryInput, 'capabilityId'> {
  channel: 'form' | 'api';
  stage: EnquiryStage;
  receivedAt: Date;
  firstResponseDueAt: Date;
  firstRespondedAt: Date | null;
  stageEnteredAt: Date;
  /** The latest moment anything happened to it. */
  updatedAt: Date;
  closedOutcome: ClosureOutcome | null;
  closedReason: string | null;
  contractValueReview: 'not-started' | 'in-progress' | 'agreed' | null;
  modelAgreement: 'mcta' | 'cro-mcta' | 'mcia' | 'cro-mcia' | 'micra' | 'other' | null;
  confidentialityAgreement: 'not-needed' | 'requested' | 'signed' | null;
  /** Oldest first. */
  events: SampleEvent[];
  siteRequests: SampleSiteRequest[];
}

export interface SampleEnquiryOptions {
  /** Any moment of the anchor day; only its London calendar day is used. */
  anchor: Date;
  /** The partner organisations sites are asked from (any order; they are sorted by slug). */
  partners: readonly SamplePartner[];
  seed?: number;
  calendar?: WorkingDayCalendar;
}

export const defaultSampleEnquirySeed = 20_260_008;

// ----- Randomness -----

type Rng = () => number;

/** mulberry32: a small 32-bit PRNG giving floats in [0, 1). */
function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from `min` to `max`, both included. */
const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

function pick<T>(rng: Rng, list: readonly T[]): T {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pickWeighted<T>(rng: Rng, list: readonly { value: T; weight: number }[]): T {
  let roll = rng() * list.reduce((total, item) => total + item.weight, 0);
  for (const item of list) {
    roll -= item.weight;
    if (roll < 0) return item.value;
  }
  const last = list[list.length - 1];
  if (!last) throw new Error('pick from an empty list');
  return last.value;
}

function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

// ----- Plans: where each enquiry has got to -----

const path: readonly EnquiryStage[] = [
  'received',
  'triaged',
  'sites-consulted',
  'sites-responded',
  'feasibility',
  'costing-contracting',
  'set-up',
  'open',
];

interface Plan {
  /** The furthest stage reached before closing (or the current stage). */
  reach: EnquiryStage;
  outcome: ClosureOutcome | null;
  /** Open plans: working days from entering the current stage to the anchor's eve. */
  gap?: number;
}

function plans(): Plan[] {
  const list: Plan[] = [];
  const add = (count: number, plan: Plan) => {
    for (let i = 0; i < count; i++) list.push({ ...plan });
  };
  // Still waiting for a first response: two fresh, one due soon, one overdue.
  list.push({ reach: 'received', outcome: null, gap: 0 });
  list.push({ reach: 'received', outcome: null, gap: 1 });
  list.push({ reach: 'received', outcome: null, gap: 2 });
  list.push({ reach: 'received', outcome: null, gap: firstResponseWorkingDays + 2 });
  // In progress.
  add(2, { reach: 'triaged', outcome: null });
  add(3, { reach: 'sites-consulted', outcome: null });
  add(2, { reach: 'sites-responded', outcome: null });
  add(2, { reach: 'feasibility', outcome: null });
  add(3, { reach: 'costing-contracting', outcome: null });
  add(2, { reach: 'set-up', outcome: null });
  add(4, { reach: 'open', outcome: null });
  // Closed: won, lost and withdrawn, at the stages where that happens.
  add(10, { reach: 'open', outcome: 'won' });
  add(4, { reach: 'set-up', outcome: 'won' });
  add(5, { reach: 'sites-responded', outcome: 'lost' });
  add(5, { reach: 'feasibility', outcome: 'lost' });
  add(4, { reach: 'costing-contracting', outcome: 'lost' });
  add(2, { reach: 'received', outcome: 'withdrawn' });
  add(3, { reach: 'triaged', outcome: 'withdrawn' });
  add(3, { reach: 'sites-consulted', outcome: 'withdrawn' });
  add(2, { reach: 'feasibility', outcome: 'withdrawn' });
  return list;
}

/** Working days spent in a stage before moving on along the path. */
function daysIn(rng: Rng, stage: EnquiryStage): number {
  switch (stage) {
    case 'received':
      // The first response: mostly within 1–4 working days, now and then late.
      return pickWeighted(rng, [
        { value: 1, weight: 30 },
        { value: 2, weight: 30 },
        { value: 3, weight: 18 },
        { value: 4, weight: 12 },
        { value: 5, weight: 6 },
        { value: 6, weight: 4 },
      ]);
    case 'triaged':
      return between(rng, 1, 3);
    case 'sites-responded':
      return between(rng, 2, 6);
    case 'feasibility':
      return between(rng, 4, 15);
    case 'costing-contracting':
      return between(rng, 8, 30);
    case 'set-up':
      return between(rng, 10, 35);
    case 'open':
      return between(rng, 5, 25);
    default:
      return between(rng, 1, 5);
  }
}

/** Kinds of enquiry that can end in a study opening to recruitment. */
const studyTypes: readonly EnquiryType[] = [
  'commercial-trial',
  'device-evaluation',
  'observational',
];
const stageIndex = (stage: EnquiryStage) => path.indexOf(stage);

// ----- Calendar -----

const DAY_MS = 86_400_000;

function addCalendarDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant of a London wall-clock time (office hours) on a London calendar day. */
function londonMoment(iso: string, minuteOfDay: number): Date {
  // Clocks change in the small hours, so the evening's offset holds all working day.
  return new Date(endOfLondonDay(iso).getTime() + 1 - (24 * 60 - minuteOfDay) * 60_000);
}

/** A point on the sample's own timeline: a working-day index and a minute of that day. */
interface Moment {
  day: number;
  minute: number;
}

// ----- The generator -----

export function generateSampleEnquiries(options: SampleEnquiryOptions): SampleEnquiry[] {
  const calendar = options.calendar ?? new WorkingDayCalendar();
  const rng = mulberry32(options.seed ?? defaultSampleEnquirySeed);
  const partners = [...options.partners].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  const anchorDay = londonDate(options.anchor);

  // The working days of the 12 months before the anchor day, oldest first.
  const days: string[] = [];
  for (let offset = 365; offset >= 1; offset--) {
    const iso = addCalendarDays(anchorDay, -offset);
    if (calendar.isWorkingDay(iso)) days.push(iso);
  }
  const last = days.length - 1;

  const enquiries: SampleEnquiry[] = [];
  for (const plan of shuffled(rng, plans())) {
    const company = pick(rng, sampleCompanies);
    enquiries.push(makeEnquiry(rng, plan, company, partners, days, last, calendar));
  }
  return enquiries.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

function makeEnquiry(
  rng: Rng,
  plan: Plan,
  company: SampleCompany,
  partners: readonly SamplePartner[],
  days: readonly string[],
  last: number,
  calendar: WorkingDayCalendar,
): SampleEnquiry {
  // What it is about.
  const opensStudy = stageIndex(plan.reach) >= stageIndex('set-up');
  const allowed = opensStudy ? studyTypes : undefined;
  const preferred = company.types.filter((type) => !allowed || allowed.includes(type));
  const enquiryType = preferred.length ? pick(rng, preferred) : pick(rng, studyTypes);
  const healthCategory = pickWeighted(
    rng,
    categoryWeights.map((item) => ({ value: item.slug, weight: item.weight })),
  );
  const topic = pick(rng, categoryTopics[healthCategory]);
  const phase = typesWithPhase.includes(enquiryType)
    ? enquiryType === 'commercial-trial'
      ? pickWeighted<TrialPhase>(rng, [
          { value: 'phase-1', weight: 1 },
          { value: 'phase-2', weight: 4 },
          { value: 'phase-3', weight: 4 },
          { value: 'phase-4', weight: 1 },
        ])
      : 'not-applicable'
    : null;
  const participants =
    enquiryType === 'commercial-trial'
      ? between(rng, 4, 60) * 10
      : enquiryType === 'device-evaluation'
        ? between(rng, 3, 30) * 10
        : enquiryType === 'observational'
          ? between(rng, 10, 200) * 10
          : null;
  const sites =
    participants === null
      ? enquiryType === 'data-feasibility'
        ? between(rng, 2, 6)
        : null
      : between(rng, 2, 8);
  const timeline = enquiryType === 'funding' ? null : pick(rng, sampleTimelines);
  const description = `${sampleDescriptionPrefix} ${pick(rng, descriptionTemplates[enquiryType]).replace('{topic}', topic)}`;
  const first = pick(rng, sampleFirstNames);
  const surname = pick(rng, sampleLastNames);
  const contactPhone =
    rng() < 0.6
      ? `${pick(rng, ['0121 496', '0115 496', '0116 496'])} 0${String(between(rng, 0, 999)).padStart(3, '0')}`
      : null;

  // Its timeline, in working days from the day it arrived (day 0).
  const receivedMinute = between(rng, 8 * 60, 19 * 60 + 30);
  let clock: Moment = { day: 0, minute: receivedMinute };
  const later = (days: number): Moment => {
    const minute = between(rng, 9 * 60, 17 * 60 + 30);
    const next = { day: clock.day + days, minute };
    if (days === 0 && minute <= clock.minute) next.minute = clock.minute + between(rng, 5, 45);
    return next;
  };

  interface PendingEvent {
    at: Moment;
    event: Omit<SampleEvent, 'occurredAt'>;
  }
  interface PendingRequest {
    organisation: SamplePartner;
    requestedAt: Moment;
    answeredAt: Moment | null;
    interested: boolean;
  }
  const events: PendingEvent[] = [
    { at: clock, event: { kind: 'submitted', fromStage: null, toStage: 'received', note: null } },
  ];
  const requests: PendingRequest[] = [];
  let firstResponded: Moment | null = null;
  let consultedAt: Moment | null = null;
  let stage = 'received' as EnquiryStage;

  const move = (to: EnquiryStage, at: Moment, note: string | null) => {
    events.push({ at, event: { kind: 'stage-changed', fromStage: stage, toStage: to, note } });
    firstResponded ??= at;
    stage = to;
    clock = at;
  };

  for (const next of path.slice(1, stageIndex(plan.reach) + 1)) {
    if (stage === 'sites-consulted' && consultedAt) {
      // Sites answer within the deadline, late, or not at all; the enquiry moves on when all
      // have answered (at the last answer), or soon after the deadline.
      const answered = requests.filter((request) => request.answeredAt);
      const lastAnswer = answered.reduce<Moment | null>(
        (latest, request) =>
          request.answeredAt && (!latest || compare(request.answeredAt, latest) > 0)
            ? request.answeredAt
            : latest,
        null,
      );
      const at =
        answered.length === requests.length && lastAnswer
          ? { day: lastAnswer.day, minute: lastAnswer.minute + 1 }
          : {
              day: consultedAt.day + defaultSiteResponseWorkingDays + between(rng, 1, 3),
              minute: between(rng, 9 * 60, 17 * 60 + 30),
            };
      move(next, at, null);
      continue;
    }
    const at = later(daysIn(rng, stage));
    if (next === 'sites-consulted') {
      consultedAt = at;
      const asked = shuffled(rng, partners).slice(0, between(rng, 2, 4));
      const mustInterest = stageIndex(plan.reach) >= stageIndex('feasibility');
      const mustLeaveOneOpen = plan.reach === 'sites-consulted';
      asked.forEach((organisation, index) => {
        const roll = rng();
        const offset =
          roll < 0.65
            ? between(rng, 1, defaultSiteResponseWorkingDays)
            : roll < 0.82
              ? between(rng, defaultSiteResponseWorkingDays + 1, defaultSiteResponseWorkingDays + 4)
              : null;
        const never = mustLeaveOneOpen && index === asked.length - 1;
        const forced = mustInterest && index === 0;
        const answerDays = never ? null : forced ? between(rng, 1, 8) : offset;
        requests.push({
          organisation,
          requestedAt: at,
          answeredAt:
            answerDays === null
              ? null
              : { day: at.day + answerDays, minute: between(rng, 9 * 60, 17 * 60 + 30) },
          interested: forced || rng() < 0.6,
        });
      });
      move(next, at, `Asked ${asked.map((partner) => partner.name).join(', ')}.`);
      continue;
    }
    move(next, at, next === 'triaged' ? 'Triaged by the alliance office (sample data).' : null);
  }

  // Closing, or staying open up to the anchor.
  let closedAt: Moment | null = null;
  if (plan.outcome) {
    const at = later(
      plan.outcome === 'withdrawn' && stage === 'received'
        ? between(rng, 1, 3)
        : daysIn(rng, stage),
    );
    closedAt = at;
  }
  const gap = plan.gap ?? (stage === 'sites-consulted' ? between(rng, 2, 9) : between(rng, 0, 8));
  const end: Moment = closedAt ?? { day: clock.day + gap, minute: 24 * 60 };
  const endDay = end.day;
  // Place day 0: an open enquiry's end is the anchor's eve; a closed one ends any time before.
  const start = plan.outcome ? between(rng, 0, Math.max(0, last - endDay - 1)) : last - endDay;
  if (start < 0 || start + endDay > last) {
    throw new Error('a sample enquiry does not fit in the year before the anchor');
  }

  const instant = (at: Moment) => {
    const iso = days[start + at.day];
    if (iso === undefined) throw new Error('a sample moment fell outside the year');
    return londonMoment(iso, at.minute);
  };

  const closedOutcome = plan.outcome;
  const closedReason = closedOutcome ? pick(rng, closureReasons[closedOutcome]) : null;
  if (closedAt && closedOutcome) {
    events.push({
      at: closedAt,
      event: { kind: 'stage-changed', fromStage: stage, toStage: 'closed', note: closedReason },
    });
    firstResponded ??= closedAt;
  }

  // Site requests and their answers, as far as the enquiry's life (and the anchor) allow.
  const siteRequests: SampleSiteRequest[] = requests.map((request) => {
    const requestedAt = instant(request.requestedAt);
    const answered =
      request.answeredAt && compare(request.answeredAt, end) < 0 ? request.answeredAt : null;
    const interested = answered ? request.interested : null;
    if (answered) {
      events.push({
        at: answered,
        event: {
          kind: 'site-responded',
          fromStage: null,
          toStage: null,
          note: `${request.organisation.name}: ${interested ? 'interested' : 'not interested'}`,
        },
      });
    }
    return {
      organisationSlug: request.organisation.slug,
      requestedAt,
      dueAt: calendar.addWorkingDays(requestedAt, defaultSiteResponseWorkingDays),
      message: `${sampleDescriptionPrefix} Can your organisation take part? Please say whether you are interested and name a principal investigator.`,
      respondedAt: answered ? instant(answered) : null,
      interested,
      principalInvestigator: interested
        ? `${pick(rng, ['Dr', 'Professor', 'Dr', 'Ms', 'Mr'])} ${pick(rng, sampleFirstNames)} ${pick(rng, sampleLastNames)}`
        : null,
      estimatedRecruitment: interested ? between(rng, 1, 16) * 5 : null,
      responseNote: answered
        ? `${sampleDescriptionPrefix} ${pick(rng, interested ? interestedNotes : notInterestedNotes)}`
        : null,
    };
  });

  // The consultation note names the deadline, now that the days are placed.
  const consultation = events.find((item) => item.event.toStage === 'sites-consulted');
  const firstRequest = siteRequests[0];
  if (consultation && firstRequest) {
    consultation.event.note =
      `${consultation.event.note ?? ''} Answer by ${londonDayWithWeekday(firstRequest.dueAt)}.`.trim();
  }

  events.sort((a, b) => compare(a.at, b.at));
  const receivedAt = instant({ day: 0, minute: receivedMinute });
  const stageEvents = events.filter((item) => item.event.toStage !== null);
  const lastStageEvent = stageEvents[stageEvents.length - 1];
  const lastEvent = events[events.length - 1];
  const finalStage: EnquiryStage = closedOutcome ? 'closed' : stage;

  // Costing and contracting, once reached.
  const reachedCosting = stageIndex(plan.reach) >= stageIndex('costing-contracting');
  const modelAgreement = reachedCosting
    ? enquiryType === 'commercial-trial' || enquiryType === 'observational'
      ? company.viaCro
        ? 'cro-mcta'
        : 'mcta'
      : enquiryType === 'device-evaluation'
        ? company.viaCro
          ? 'cro-mcia'
          : 'mcia'
        : enquiryType === 'data-feasibility'
          ? 'other'
          : 'micra'
    : null;
  const stillCosting = plan.reach === 'costing-contracting';

  return {
    organisationName: `${company.name}${sampleOrganisationSuffix}`,
    contactName: `${first} ${surname}`,
    contactEmail: `sample.${first}.${surname}@${sampleEmailDomain}`.toLowerCase(),
    contactPhone,
    enquiryType,
    healthCategory,
    phase,
    participants,
    sites,
    timeline,
    description,
    channel: rng() < 0.75 ? 'form' : 'api',
    stage: finalStage,
    receivedAt,
    firstResponseDueAt: calendar.addWorkingDays(receivedAt, firstResponseWorkingDays),
    firstRespondedAt: firstResponded ? instant(firstResponded) : null,
    stageEnteredAt: lastStageEvent ? instant(lastStageEvent.at) : receivedAt,
    updatedAt: lastEvent ? instant(lastEvent.at) : receivedAt,
    closedOutcome,
    closedReason,
    contractValueReview: reachedCosting
      ? stillCosting
        ? pick(rng, ['not-started', 'in-progress'] as const)
        : closedOutcome === 'lost'
          ? 'in-progress'
          : 'agreed'
      : null,
    modelAgreement,
    confidentialityAgreement: reachedCosting
      ? pick(rng, ['signed', 'signed', 'not-needed', 'requested'] as const)
      : null,
    events: events.map((item) => ({ ...item.event, occurredAt: instant(item.at) })),
    siteRequests,
  };
}

function compare(a: Moment, b: Moment): number {
  return a.day - b.day || a.minute - b.minute;
}
