// What the portfolio starts with: the alliance's first two grand challenges (its flagship
// programmes) and a translational pipeline for each Biomedical Research Centre, using the standard
// stages. Reference data, added once; the alliance office edits the challenges afterwards.
import { type AuditTrail, systemActor } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { standardStages } from './model.js';
import { PortfolioRepository } from './repository.js';
import { sampleProjects } from './sample-data/projects.js';

const partners = [
  'university-of-birmingham',
  'university-of-nottingham',
  'university-of-leicester',
  'university-of-warwick',
  'loughborough-university',
  'uhb',
  'nuh',
  'uhl',
  'uhcw',
  'nihr-birmingham-brc',
  'nihr-nottingham-brc',
  'nihr-leicester-brc',
];

const challenges = [
  {
    slug: 'sarcopenia',
    programmeSlug: 'programmes/sarcopenia',
    title: 'Sarcopenia',
    summary:
      'Find, prevent and treat the loss of muscle strength and mass that comes with age, so that older people in the Midlands keep their independence.',
    description: `Sarcopenia is common, often missed and has few tested treatments. Working together, the partners will build shared cohorts, agree the same outcome measures (grip strength, gait speed, muscle mass, as EWGSOP2 defines them) and run trials of treatments, devices and exercise programmes across several sites.`,
    leads: 'The alliance’s sarcopenia programme leads',
  },
  {
    slug: 'multimorbidity',
    programmeSlug: 'programmes/multimorbidity',
    title: 'Multimorbidity',
    summary:
      'Make research and care work for people living with two or more long-term conditions, who are most often left out of trials.',
    description: `About 23% of people live with two or more long-term conditions, and most people over 65 do (Barnett et al., Lancet 2012). The partners will design studies that include people with several conditions, record conditions and outcomes the same way and reach every community in the region.`,
    leads: 'The alliance’s multimorbidity programme leads',
  },
];

const pipelines = [
  {
    slug: 'birmingham-brc-translational',
    name: 'Birmingham BRC translational pipeline',
    owner: 'nihr-birmingham-brc',
  },
  {
    slug: 'nottingham-brc-translational',
    name: 'Nottingham BRC translational pipeline',
    owner: 'nihr-nottingham-brc',
  },
  {
    slug: 'leicester-brc-translational',
    name: 'Leicester BRC translational pipeline',
    owner: 'nihr-leicester-brc',
  },
];

/** Adds the first grand challenges and pipelines when there are none; returns what it added. */
export async function seedPortfolioReference(database: Database, audit: AuditTrail) {
  const repository = new PortfolioRepository(database);
  const added = { challenges: 0, pipelines: 0 };
  const organisations = await repository.organisations(partners);
  const idOf = (slug: string) => organisations.find((o) => o.slug === slug)?.id;
  await database.transaction(async (tx) => {
    if ((await repository.challenges(tx)).length === 0) {
      for (const challenge of challenges) {
        const id = await repository.insertChallenge(
          tx,
          challenge.slug,
          { ...challenge, status: 'active', organisations: [] },
          challenge.programmeSlug,
        );
        await repository.setChallengeOrganisations(
          tx,
          id,
          organisations.map((o) => o.id),
        );
        added.challenges += 1;
      }
    }
    if ((await repository.pipelines(tx)).length === 0) {
      for (const pipeline of pipelines) {
        const ownerId = idOf(pipeline.owner);
        if (!ownerId) continue;
        await repository.insertPipeline(
          tx,
          {
            slug: pipeline.slug,
            name: pipeline.name,
            description: `From discovery to adoption, with the gate each stage must pass. Shared with the alliance.`,
            ownerId,
          },
          standardStages,
        );
        added.pipelines += 1;
      }
    }
    if (added.challenges + added.pipelines > 0) {
      await audit.record(tx, systemActor, {
        action: 'create',
        entityType: 'portfolio-reference-data',
        after: added,
      });
    }
  });
  return added;
}

/** Which centre's pipeline a sample project follows, by where its lead organisation is. */
const pipelineByLead: Record<string, string> = {
  'university-of-birmingham': 'birmingham-brc-translational',
  uhb: 'birmingham-brc-translational',
  'nihr-birmingham-brc': 'birmingham-brc-translational',
  'university-of-warwick': 'birmingham-brc-translational',
  uhcw: 'birmingham-brc-translational',
  'university-of-nottingham': 'nottingham-brc-translational',
  nuh: 'nottingham-brc-translational',
  'nihr-nottingham-brc': 'nottingham-brc-translational',
  'loughborough-university': 'nottingham-brc-translational',
  'university-of-leicester': 'leicester-brc-translational',
  uhl: 'leicester-brc-translational',
  'nihr-leicester-brc': 'leicester-brc-translational',
};

/**
 * Loads the sample portfolio (every title starts "SAMPLE: ") when there are no projects: each
 * project in its centre's pipeline, moved through the stages up to its own, with dated moves
 * between its start and today, and investigators from the lead organisation's published people
 * in the directory where there are any.
 */
export async function seedSamplePortfolio(database: Database, audit: AuditTrail, today: string) {
  const repository = new PortfolioRepository(database);
  if ((await repository.projects()).length > 0) return 0;
  const projects = sampleProjects();
  const organisations = await repository.organisations([
    ...new Set(projects.flatMap((p) => [p.leadOrganisation, ...p.partnerOrganisations])),
  ]);
  const orgId = (slug: string) => organisations.find((o) => o.slug === slug)?.id;
  const [challengeList, pipelineList, people] = await Promise.all([
    repository.challenges(),
    repository.pipelines(),
    repository.directoryPeople(),
  ]);
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const iso = (n: number) => new Date(Math.round(n) * 86_400_000).toISOString().slice(0, 10);
  let added = 0;
  await database.transaction(async (tx) => {
    for (const [index, sample] of projects.entries()) {
      const lead = orgId(sample.leadOrganisation);
      if (!lead) continue;
      const pipeline = pipelineList.find((p) => p.slug === pipelineByLead[sample.leadOrganisation]);
      const leadName = organisations.find((o) => o.id === lead)?.name;
      const localPeople = people.filter((p) => p.organisation === leadName);
      const investigatorIds = localPeople.length
        ? [localPeople[index % localPeople.length]?.id ?? ''].filter(Boolean)
        : [];
      const reference = await repository.nextReference(tx, Number(today.slice(0, 4)));
      const id = await repository.insertProject(tx, {
        reference,
        isSample: true,
        createdBy: null,
        title: sample.title,
        laySummary: sample.laySummary,
        abstract: sample.abstract,
        healthCategory: sample.healthCategory,
        leadOrganisationId: lead,
        researchActivityCode: sample.researchActivity,
        funder: sample.funder,
        amountPounds: sample.amountGbp,
        startDate: sample.startDate,
        endDate: sample.endDate,
        pipelineId: pipeline?.id ?? null,
        partnerIds: sample.partnerOrganisations.flatMap((slug) => {
          const partner = orgId(slug);
          return partner && partner !== lead ? [partner] : [];
        }),
        investigatorIds,
        challengeIds: challengeList
          .filter((c) => (sample.grandChallenges as string[]).includes(c.slug))
          .map((c) => c.id),
      });
      if (pipeline) {
        const reached = pipeline.stages.findIndex((s) => s.slug === sample.translationalStage);
        const from = Math.min(day(sample.startDate), day(today));
        const to = Math.min(day(sample.endDate), day(today));
        for (let stage = 0; stage <= reached; stage += 1) {
          const when = from + ((to - from) * stage) / Math.max(1, reached + 1);
          await repository.insertStageMove(tx, {
            projectId: id,
            pipelineId: pipeline.id,
            stage: pipeline.stages[stage]?.slug ?? '',
            enteredOn: iso(when),
            evidence: 'Sample data.',
            recordedBy: 'Sample data',
            userId: null,
          });
        }
      }
      added += 1;
    }
    await audit.record(tx, systemActor, {
      action: 'create',
      entityType: 'research-project',
      after: { sampleProjects: added },
    });
  });
  return added;
}
