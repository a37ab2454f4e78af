import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SignedInUser } from '../../../platform/auth/roles.js';
import type { ImportKind } from './columns.js';
import { readCsv, type ImportProblem } from './csv.js';
import {
  checkHeader,
  normaliseOrcid,
  referencesOf,
  validateRecords,
  type DirectoryFacts,
  type ValidRecords,
} from './validate.js';

const uhb = {
  id: '11111111-1111-4111-8111-111111111111',
  slug: 'uhb',
  status: 'published' as const,
};
const nuh = {
  id: '22222222-2222-4222-8222-222222222222',
  slug: 'nuh',
  status: 'published' as const,
};
const old = {
  id: '33333333-3333-4333-8333-333333333333',
  slug: 'old',
  status: 'archived' as const,
};

const user = (role: SignedInUser['role'], organisationId: string | null = null): SignedInUser => ({
  id: 'u',
  email: 'u@example.org',
  displayName: 'U',
  role,
  organisationId,
  mustChangePassword: false,
});
const office = user('alliance-office');
const uhbOffice = user('site-office', uhb.id);

const ownDraft = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  organisationId: uhb.id,
  status: 'draft' as const,
};
const otherDraft = {
  id: 'aaaaaaaa-0000-4000-8000-000000000002',
  organisationId: nuh.id,
  status: 'draft' as const,
};
const archived = {
  id: 'aaaaaaaa-0000-4000-8000-000000000004',
  organisationId: uhb.id,
  status: 'archived' as const,
};
const otherPublished = {
  id: 'aaaaaaaa-0000-4000-8000-000000000003',
  organisationId: nuh.id,
  status: 'published' as const,
};

function facts(overrides: Partial<DirectoryFacts> = {}): DirectoryFacts {
  return {
    organisationsBySlug: new Map(
      [uhb, nuh, old].map((organisation) => [organisation.slug, organisation]),
    ),
    importerOrganisationSlug: 'uhb',
    peopleByOrcid: new Map([['0000-0002-1825-0097', otherPublished]]),
    peopleById: new Map(
      [ownDraft, otherDraft, otherPublished, archived].map((person) => [person.id, person]),
    ),
    capabilityTitles: new Set([`${uhb.id} existing capability`]),
    ...overrides,
  };
}

function check(
  kind: ImportKind,
  csv: string,
  who: SignedInUser = office,
  known: DirectoryFacts = facts(),
): { records: ValidRecords; problems: ImportProblem[] } {
  const read = readCsv(Buffer.from(csv));
  assert.ok('table' in read, JSON.stringify(read));
  const header = checkHeader(kind, read.table.header);
  assert.equal(header.fatal, false, JSON.stringify(header.problems));
  const result = validateRecords(kind, read.table, header, who, known);
  return { records: result.records, problems: [...header.problems, ...result.problems] };
}

const where = (problems: ImportProblem[]) => problems.map((p) => `${p.row} ${p.column ?? '-'}`);

const capabilityHeader =
  'organisation,title,summary,description,type,location,health_categories,keywords,people';

describe('the header row', () => {
  test('missing, repeated and unknown columns are named; optional columns may be left out', () => {
    const result = checkHeader('people', [
      'organisation',
      'full_name',
      'Job Title',
      'orcid',
      'orcid',
      'x',
    ]);
    assert.equal(result.fatal, true);
    assert.deepEqual(
      result.problems.map((p) => `${p.column}: ${p.message}`),
      [
        'Job Title: "Job Title" is not a column name: write it exactly as job_title',
        'orcid: The column orcid appears more than once',
        'x: "x" is not a column of people files',
        'job_title: The column job_title is missing',
        'expertise: The column expertise is missing',
      ],
    );
    assert.equal(
      result.problems[2]?.hint,
      'The columns are: organisation, full_name, job_title, expertise, orcid, keywords',
    );
    const minimal = checkHeader('people', ['expertise', 'job_title', 'full_name', 'organisation']);
    assert.deepEqual(minimal.problems, []);
    assert.equal(minimal.columns.get('organisation'), 3);
  });

  test('a file of another kind, and semicolon-separated files, are recognised', () => {
    const people = checkHeader('capabilities', [
      'organisation',
      'full_name',
      'job_title',
      'expertise',
    ]);
    assert.match(people.problems[0]?.message ?? '', /looks like a file of people/);
    const semicolons = checkHeader('people', ['organisation;full_name;job_title']);
    assert.equal(semicolons.fatal, true);
    assert.match(semicolons.problems[0]?.message ?? '', /semicolons/);
  });

  test('empty columns after the last are ignored unless they hold a value', () => {
    const { problems } = check(
      'people',
      'organisation,full_name,job_title,expertise,,\nuhb,A,B,C,,\nuhb,D,E,F,,oops\n',
    );
    assert.deepEqual(where(problems), ['3 column 6']);
  });
});

describe('capability rows', () => {
  test('a good row becomes a capability input, with names accepted for vocabularies', () => {
    const { records, problems } = check(
      'capabilities',
      `${capabilityHeader}\nUHB,  Cardiac   MRI ,Summary,"Line one\r\nLine two",Imaging,Stoke-on-Trent,"Cancer and neoplasms; stroke;cancer",MRI; mri ; imaging,https://orcid.org/0000-0002-1825-0097; ${otherPublished.id.toUpperCase()}\n`,
    );
    assert.deepEqual(problems, []);
    assert.equal(records.kind, 'capabilities');
    const [item] = records.items;
    assert.deepEqual(item, {
      row: 2,
      organisationSlug: 'uhb',
      input: {
        organisationId: uhb.id,
        title: 'Cardiac MRI',
        summary: 'Summary',
        description: 'Line one\nLine two',
        type: 'imaging',
        place: 'stoke-on-trent',
        categories: ['cancer', 'stroke'],
        keywords: ['MRI', 'imaging'],
        personIds: [otherPublished.id],
      },
    });
  });

  test('every problem is collected, ordered by row then column', () => {
    const long = 'x'.repeat(201);
    const { problems } = check(
      'capabilities',
      [
        capabilityHeader,
        `old,${long},S,D,imaging,birmingham,blood,,`,
        `uhb,Existing  Capability,S,D,bogus,nowhere,,,`,
        `uhb,T,"S\u0000",D,imaging,birmingham,blood;cancer;eye;ear;skin;stroke,${Array.from({ length: 21 }, (_, i) => `k${i}`).join(';')},${archived.id}`,
        `uhb,U,S,D,imaging,birmingham,blood,${'k'.repeat(101)},${ownDraft.id};0000-0002-1694-233X;nobody`,
      ].join('\n'),
    );
    assert.deepEqual(
      problems.map((p) => `${p.row} ${p.column}: ${p.message}`),
      [
        '2 organisation: The organisation old is archived: restore it before adding records to it',
        '2 title: The title must be 200 characters or fewer (it has 201)',
        '3 title: uhb already has a capability called "Existing Capability" in the directory',
        '3 type: "bogus" is not a capability type',
        '3 location: "nowhere" is not a Midlands place in the directory',
        '3 health_categories: Enter at least one health category',
        '4 summary: The summary contains a control character (such as a null byte): remove it',
        '4 health_categories: Choose at most 5 health categories (there are 6)',
        '4 keywords: Give at most 20 keywords (there are 21)',
        `4 people: There is no person with the id ${archived.id} in the directory`,
        '5 keywords: Each keyword must be 100 characters or fewer: "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk..." is longer',
        '5 people: There is no person with the ORCID iD 0000-0002-1694-233X in the directory',
        '5 people: "nobody" is not an ORCID iD or a directory person id (like 0000-0002-1825-0097)',
      ],
    );
    assert.equal(
      problems.find((p) => p.column === 'type')?.hint,
      'Use one of: clinical-expertise, clinical-research-facility, imaging, laboratory-biobank, cohort-dataset, trial-delivery, technology-platform, training',
    );
    assert.match(
      problems.find((p) => p.column === 'location')?.hint ?? '',
      /^Use one of: birmingham, coventry/,
    );
  });

  test('a site office may only use its own organisation, and link its own drafts', () => {
    const { problems } = check(
      'capabilities',
      `${capabilityHeader}\nuhb,A,S,D,imaging,birmingham,blood,,${ownDraft.id};${otherPublished.id};${otherDraft.id}\nnuh,B,S,D,imaging,nottingham,blood,,\n`,
      uhbOffice,
    );
    assert.deepEqual(
      problems.map((p) => `${p.row} ${p.column}: ${p.message}`),
      [
        `2 people: There is no person with the id ${otherDraft.id} in the directory`,
        '3 organisation: You can only import records for your own organisation (uhb), not nuh',
      ],
    );
  });
});

describe('people and organisation rows', () => {
  test('ORCID iDs are normalised, checked and unique', () => {
    assert.equal(normaliseOrcid(' https://orcid.org/0000-0002-1694-233x '), '0000-0002-1694-233X');
    const { records, problems } = check(
      'people',
      [
        'organisation,full_name,job_title,expertise,orcid',
        'uhb,A,B,C,orcid.org/0000-0002-1694-233x',
        'uhb,D,E,F,0000-0002-1694-233X',
        'uhb,G,H,I,0000-0002-1825-0097',
        'uhb,J,K,L,1234',
        'uhb,M,N,O,',
      ].join('\n'),
    );
    assert.deepEqual(
      problems.map((p) => `${p.row} ${p.column}: ${p.message}`),
      [
        '3 orcid: The ORCID iD 0000-0002-1694-233X is also on row 2',
        '4 orcid: Someone in the directory already has the ORCID iD 0000-0002-1825-0097',
        '5 orcid: "1234" is not a valid ORCID iD: it looks like 0000-0002-1825-0097, and its last character is a check digit',
      ],
    );
    assert.equal(
      records.kind === 'people' ? records.items[0]?.input.orcid : null,
      '0000-0002-1694-233X',
    );
    assert.equal(records.kind === 'people' ? records.items[4]?.input.orcid : 'x', null);
  });

  test('organisation slugs must be well formed and new; types accept labels', () => {
    const { records, problems } = check(
      'organisations',
      [
        'slug,name,short_name,type,city,website_url,summary',
        'new-one,New,N,NHS trust,Derby,https://example.org/x,S',
        'new-one,Again,A,company,Derby,,S',
        'uhb,UHB,U,nhs-trust,Birmingham,,S',
        'Bad Slug,B,B,charity,Derby,example.org,',
      ].join('\n'),
    );
    assert.deepEqual(where(problems), [
      '3 slug',
      '4 slug',
      '5 slug',
      '5 type',
      '5 website_url',
      '5 summary',
    ]);
    assert.deepEqual(records.kind === 'organisations' ? records.items[0] : null, {
      row: 2,
      slug: 'new-one',
      input: {
        name: 'New',
        shortName: 'N',
        type: 'nhs-trust',
        city: 'Derby',
        websiteUrl: 'https://example.org/x',
        summary: 'S',
        description: '',
      },
    });
  });

  test('only the alliance office and administrators import organisations', () => {
    const read = readCsv(
      Buffer.from('slug,name,short_name,type,city,summary\na,A,A,company,D,S\n'),
    );
    assert.ok('table' in read);
    const header = checkHeader('organisations', read.table.header);
    const { problems } = validateRecords('organisations', read.table, header, uhbOffice, facts());
    assert.deepEqual(
      problems.map((p) => p.message),
      ['Only the alliance office can import organisations'],
    );
  });

  test('references name what the checks must look up', () => {
    const read = readCsv(
      Buffer.from(
        `${capabilityHeader}\nUHB,Title,S,D,imaging,birmingham,blood,,0000-0002-1825-0097;${ownDraft.id};junk\nuh\u0000b,T,S,D,imaging,birmingham,blood,,\n`,
      ),
    );
    assert.ok('table' in read);
    const header = checkHeader('capabilities', read.table.header);
    assert.deepEqual(referencesOf('capabilities', read.table, header.columns), {
      organisationSlugs: ['uhb'],
      orcids: ['0000-0002-1825-0097'],
      personIds: [ownDraft.id],
    });
  });
});
