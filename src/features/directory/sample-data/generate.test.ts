import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedOrganisations } from '../../public-site/content/seed-content.js';
import {
  capabilityTypes,
  healthCategories,
  midlandsPlaces,
  organisationTypes,
  type HealthCategory,
} from '../model.js';
import { generateSampleDirectory, partnerOrganisationSlugs } from './generate.js';

const directory = generateSampleDirectory();
const { organisations, people, capabilities } = directory;
const partnerSlugs = seedOrganisations.filter((o) => o.isPartner).map((o) => o.slug);

const mentions = (word: string) =>
  capabilities.filter(
    (c) => c.title.toLowerCase().includes(word) || c.keywords.some((k) => k.includes(word)),
  ).length;

function assertUnique(values: readonly string[], what: string) {
  const seen = new Set<string>();
  for (const value of values) {
    assert.ok(!seen.has(value), `duplicate ${what}: ${value}`);
    seen.add(value);
  }
}

test('the same options give the same directory; another seed gives a different one', () => {
  assert.deepEqual(generateSampleDirectory(), directory);
  assert.deepEqual(
    generateSampleDirectory({ seed: 7, capabilities: 50, people: 20 }),
    generateSampleDirectory({ seed: 7, capabilities: 50, people: 20 }),
  );
  assert.notDeepEqual(generateSampleDirectory({ seed: 2 }).capabilities, capabilities);
});

test('the default size has at least 300 capabilities and 150 people', () => {
  assert.ok(capabilities.length >= 300, `${capabilities.length} capabilities`);
  assert.ok(people.length >= 150, `${people.length} people`);
  assert.equal(generateSampleDirectory({ capabilities: 12, people: 5 }).capabilities.length, 12);
  assert.equal(generateSampleDirectory({ capabilities: 12, people: 5 }).people.length, 5);
});

test('every capability type and every health category is used; each category at least 3 times', () => {
  const types = new Set(capabilities.map((c) => c.type));
  assert.deepEqual([...types].sort(), capabilityTypes.map((t) => t.slug).sort());
  const perCategory = new Map<HealthCategory, number>();
  for (const capability of capabilities) {
    for (const category of capability.categories) {
      perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
    }
  }
  for (const { slug } of healthCategories) {
    assert.ok((perCategory.get(slug) ?? 0) >= 3, `${slug}: ${perCategory.get(slug) ?? 0}`);
  }
});

test('the flagship programmes are well covered and classified as agreed', () => {
  assert.ok(mentions('sarcopenia') >= 30, `sarcopenia: ${mentions('sarcopenia')}`);
  assert.ok(mentions('multimorbidity') >= 30, `multimorbidity: ${mentions('multimorbidity')}`);
  for (const word of ['frailty', 'grip strength', 'falls', 'polypharmacy', 'dementia', 'copd']) {
    assert.ok(mentions(word) > 0, `nothing mentions ${word}`);
  }
  for (const capability of capabilities) {
    if (capability.keywords.includes('sarcopenia')) {
      assert.ok(capability.categories.includes('musculoskeletal'), capability.title);
    }
    if (capability.keywords.includes('multimorbidity')) {
      assert.ok(capability.categories.includes('generic-health-relevance'), capability.title);
    }
  }
});

test('the extra organisations are invented, say so and do not clash with the partners', () => {
  assert.deepEqual([...partnerOrganisationSlugs].sort(), [...partnerSlugs].sort());
  assert.equal(partnerSlugs.length, 12);
  assert.ok(organisations.length >= 4 && organisations.length <= 8);
  const typeSlugs: readonly string[] = organisationTypes.map((t) => t.slug);
  const placeNames: readonly string[] = midlandsPlaces.map((p) => p.name);
  for (const organisation of organisations) {
    assert.match(organisation.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!partnerSlugs.includes(organisation.slug), organisation.slug);
    assert.ok(organisation.summary.startsWith('Sample record.'), organisation.slug);
    assert.ok(typeSlugs.includes(organisation.type), organisation.type);
    assert.ok(placeNames.includes(organisation.city), organisation.city);
    assert.equal(organisation.websiteUrl, null);
  }
  assertUnique(
    organisations.map((o) => o.slug),
    'organisation slug',
  );
});

test('every reference points at something that exists', () => {
  const organisationSlugs = new Set([...partnerSlugs, ...organisations.map((o) => o.slug)]);
  const personKeys = new Set(people.map((p) => p.key));
  const placeSlugs: readonly string[] = midlandsPlaces.map((p) => p.slug);
  for (const person of people) {
    assert.ok(organisationSlugs.has(person.organisationSlug), person.organisationSlug);
    assert.equal(person.orcid, null);
  }
  for (const capability of capabilities) {
    assert.ok(organisationSlugs.has(capability.organisationSlug), capability.organisationSlug);
    assert.ok(placeSlugs.includes(capability.place), capability.place);
    assert.ok(capability.personKeys.length <= 4);
    assertUnique(capability.personKeys, `person of ${capability.key}`);
    for (const key of capability.personKeys) assert.ok(personKeys.has(key), key);
  }
  const none = generateSampleDirectory({ capabilities: 10, people: 0 });
  assert.ok(none.capabilities.every((c) => c.personKeys.length === 0));
});

test('text, categories and keywords stay within their limits', () => {
  for (const c of capabilities) {
    assert.ok(c.title.length > 0 && c.title.length <= 200, c.title);
    assert.ok(c.summary.length > 0 && c.summary.length <= 400, c.summary);
    assert.ok(c.description.length > 0 && c.description.length <= 4000, c.key);
    assert.ok(c.categories.length >= 1 && c.categories.length <= 3, c.key);
    assertUnique(c.categories, `category of ${c.key}`);
    assert.ok(c.keywords.length >= 3 && c.keywords.length <= 8, `${c.key}: ${c.keywords.length}`);
    assertUnique(c.keywords, `keyword of ${c.key}`);
    for (const keyword of c.keywords) assert.equal(keyword, keyword.toLowerCase());
    assert.doesNotMatch(`${c.title} ${c.summary} ${c.description}`, /\{|\}|undefined/);
  }
  for (const p of people) {
    assert.ok(p.fullName.length > 0 && p.jobTitle.length > 0 && p.expertise.length > 0, p.key);
    assert.ok(p.keywords.length >= 2 && p.keywords.length <= 6, `${p.key}: ${p.keywords.length}`);
    assertUnique(p.keywords, `keyword of ${p.key}`);
    for (const keyword of p.keywords) assert.equal(keyword, keyword.toLowerCase());
    assert.doesNotMatch(`${p.jobTitle} ${p.expertise}`, /\{|\}|undefined/);
  }
});

test('keys are unique, and titles are unique at the default size', () => {
  assertUnique(
    capabilities.map((c) => c.key),
    'capability key',
  );
  assertUnique(
    people.map((p) => p.key),
    'person key',
  );
  assertUnique(
    capabilities.map((c) => c.title),
    'title',
  );
});

test('scales to 100,000 capabilities and 20,000 people with unique keys', () => {
  const big = generateSampleDirectory({ capabilities: 100_000, people: 20_000 });
  assert.equal(big.capabilities.length, 100_000);
  assert.equal(big.people.length, 20_000);
  assertUnique(
    big.capabilities.map((c) => c.key),
    'capability key',
  );
  assertUnique(
    big.people.map((p) => p.key),
    'person key',
  );
  assertUnique(
    big.capabilities.map((c) => c.title),
    'title',
  );
});

test('rejects counts that are not whole numbers of zero or more', () => {
  assert.throws(() => generateSampleDirectory({ capabilities: -1 }), RangeError);
  assert.throws(() => generateSampleDirectory({ people: 1.5 }), RangeError);
  assert.throws(() => generateSampleDirectory({ seed: Number.NaN }), RangeError);
});
