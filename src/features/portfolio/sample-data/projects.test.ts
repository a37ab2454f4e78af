import assert from 'node:assert/strict';
import { test } from 'node:test';
import { healthCategories } from '../../directory/model.js';
import { seedOrganisations } from '../../public-site/content/seed-content.js';
import { SimilarityIndex } from '../similarity.js';
import {
  forSimilarity,
  grandChallengeTitles,
  partnerOrganisations,
  plantedNearDuplicates,
  researchActivityGroups,
  sampleProjects,
  translationalStages,
} from './projects.js';

const projects = sampleProjects();

test('the same seed gives the same portfolio, and another seed a different one', () => {
  assert.deepEqual(sampleProjects(), projects);
  assert.notDeepEqual(sampleProjects(7), projects);
});

test('there are at least 150 projects, with distinct ids and titles', () => {
  assert.ok(projects.length >= 150, String(projects.length));
  assert.equal(new Set(projects.map((project) => project.id)).size, projects.length);
  assert.equal(new Set(projects.map((project) => project.title)).size, projects.length);
});

test('every project is clearly labelled as a sample', () => {
  for (const project of projects) {
    assert.equal(project.isSample, true);
    assert.ok(project.title.startsWith('SAMPLE: '), project.title);
    assert.match(project.id, /^sample-project-\d{3}$/);
  }
});

test('every field holds a valid value', () => {
  const organisationSlugs = new Set(seedOrganisations.map((organisation) => organisation.slug));
  const categories = new Set<string>(healthCategories.map((category) => category.slug));
  const groups = new Set<string>(researchActivityGroups.map((group) => group.code));
  const stages = new Set<string>(translationalStages);
  const challenges = new Set(Object.keys(grandChallengeTitles));
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

  for (const project of projects) {
    const where = project.id;
    assert.ok(organisationSlugs.has(project.leadOrganisation), where);
    assert.ok(project.partnerOrganisations.length >= 1, where);
    for (const partner of project.partnerOrganisations) {
      assert.ok(organisationSlugs.has(partner), where);
      assert.notEqual(partner, project.leadOrganisation, where);
    }
    assert.ok(categories.has(project.healthCategory), where);
    assert.match(project.researchActivity, /^[1-8](\.\d)?$/, where);
    assert.ok(groups.has(project.researchActivity.split('.')[0] ?? ''), where);
    assert.ok(project.funder.length > 0, where);
    assert.ok(Number.isInteger(project.amountGbp) && project.amountGbp >= 100_000, where);
    assert.match(project.startDate, /^\d{4}-\d{2}-\d{2}$/, where);
    assert.match(project.endDate, /^\d{4}-\d{2}-\d{2}$/, where);
    assert.ok(!Number.isNaN(Date.parse(project.startDate)), where);
    assert.ok(project.startDate < project.endDate, where);
    for (const challenge of project.grandChallenges) assert.ok(challenges.has(challenge), where);
    assert.ok(stages.has(project.translationalStage), where);
    assert.ok(project.investigators.length >= 1, where);
    for (const person of project.investigators) {
      assert.match(person.id, /^sample-investigator-/, where);
      assert.match(person.name, /^(Dr|Prof) [A-Z]\. [A-Z][a-z]+$/, where);
    }
    assert.ok(words(project.abstract) >= 80 && words(project.abstract) <= 200, where);
    assert.ok(words(project.laySummary) >= 20, where);
  }
});

test('the portfolio spans every partner organisation and many health categories', () => {
  const leads = new Set(projects.map((project) => project.leadOrganisation));
  for (const organisation of partnerOrganisations) assert.ok(leads.has(organisation.slug));
  assert.ok(new Set(projects.map((project) => project.healthCategory)).size >= 10);
  assert.ok(projects.some((project) => project.grandChallenges.includes('sarcopenia')));
  assert.ok(projects.some((project) => project.grandChallenges.includes('multimorbidity')));
  assert.ok(projects.some((project) => project.grandChallenges.length === 0));
});

test('planted near duplicates are led from different cities by different teams', () => {
  const byId = new Map(projects.map((project) => [project.id, project]));
  const city = (slug: string) => partnerOrganisations.find((org) => org.slug === slug)?.city;
  const pairs: number = plantedNearDuplicates.length;
  assert.ok(pairs >= 6 && pairs <= 10);
  for (const { ids } of plantedNearDuplicates) {
    const [first, second] = ids.map((id) => byId.get(id));
    assert.ok(first && second, ids.join(' '));
    assert.notEqual(city(first.leadOrganisation), city(second.leadOrganisation), ids.join(' '));
    assert.notEqual(first.title, second.title);
  }
});

test('the duplicate detector finds each planted pair in each other’s top 3', () => {
  const index = new SimilarityIndex(projects.map(forSimilarity));
  const byId = new Map(projects.map((project) => [project.id, project]));
  for (const { ids } of plantedNearDuplicates) {
    for (const [from, to] of [ids, [ids[1], ids[0]]] as const) {
      const candidate = byId.get(from);
      assert.ok(candidate, from);
      const top = index
        .similarTo(forSimilarity(candidate), { limit: 3 })
        .map((result) => result.id);
      assert.ok(top.includes(to), `${from} -> ${to}: top 3 was ${top.join(', ')}`);
    }
  }
});
