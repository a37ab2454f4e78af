import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupOrganisationsByType } from './service.js';
import type { Organisation } from './types.js';

function organisation(slug: string, type: Organisation['type']): Organisation {
  return {
    slug,
    name: slug,
    shortName: slug,
    type,
    city: 'Derby',
    websiteUrl: null,
    summary: '',
    latitude: 52.9,
    longitude: -1.5,
    isPartner: true,
  };
}

test('partners are grouped universities first, then trusts, then BRCs, then any others', () => {
  const groups = groupOrganisationsByType([
    organisation('brc', 'nihr-brc'),
    organisation('company', 'company'),
    organisation('trust', 'nhs-trust'),
    organisation('uni', 'university'),
  ]);
  assert.deepEqual(
    groups.map((group) => [group.heading, group.organisations.map((o) => o.slug)]),
    [
      ['Universities', ['uni']],
      ['NHS trusts', ['trust']],
      ['NIHR Biomedical Research Centres', ['brc']],
      ['Other partners', ['company']],
    ],
  );
});

test('types with no partners are left out', () => {
  assert.deepEqual(
    groupOrganisationsByType([organisation('uni', 'university')]).map((g) => g.type),
    ['university'],
  );
});
