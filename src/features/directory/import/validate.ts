import type { SignedInUser } from '../../../platform/auth/roles.js';
import {
  capabilityTypes,
  healthCategories,
  isValidOrcid,
  midlandsPlaces,
  organisationTypes,
  type CapabilityInput,
  type CapabilityType,
  type HealthCategory,
  type MidlandsPlace,
  type OrganisationInput,
  type OrganisationType,
  type PersonInput,
  type RecordStatus,
} from '../model.js';
import { actsForEveryOrganisation, maintainsOrganisation } from '../records.js';
import {
  importColumns,
  importKindNames,
  importKinds,
  maxHealthCategories,
  maxKeywordLength,
  maxKeywords,
  maxLinkedPeople,
  type ColumnSpec,
  type ImportKind,
} from './columns.js';
import type { CsvRecord, CsvTable, ImportProblem } from './csv.js';

export interface OrganisationFact {
  id: string;
  slug: string;
  status: RecordStatus;
}

export interface PersonFact {
  id: string;
  organisationId: string;
  status: RecordStatus;
}

/** What the checks need to know about the directory as it is, looked up for one file. */
export interface DirectoryFacts {
  /** Organisations by slug: those the file names, and the importer's own. */
  organisationsBySlug: Map<string, OrganisationFact>;
  /** The slug of the importer's own organisation, for messages. */
  importerOrganisationSlug: string | null;
  peopleByOrcid: Map<string, PersonFact>;
  peopleById: Map<string, PersonFact>;
  /** `organisation id` + space + lower-cased title, of capabilities that are not archived. */
  capabilityTitles: Set<string>;
}

/** The values a file refers to, so the facts can be looked up in a few queries. */
export interface References {
  organisationSlugs: string[];
  orcids: string[];
  personIds: string[];
}

export type ValidRecords =
  | {
      kind: 'organisations';
      items: { row: number; slug: string; input: OrganisationInput }[];
    }
  | {
      kind: 'people';
      items: { row: number; organisationSlug: string; input: PersonInput }[];
    }
  | {
      kind: 'capabilities';
      items: { row: number; organisationSlug: string; input: CapabilityInput }[];
    };

export interface HeaderCheck {
  /** Column name to its position in each record. */
  columns: Map<string, number>;
  /** Positions of header cells left empty: any value under one is a problem. */
  unnamed: number[];
  problems: ImportProblem[];
  /** True when the rows cannot be read (a required column is missing or repeated). */
  fatal: boolean;
}

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Any control character but tab, line feed and carriage return; PostgreSQL refuses NUL outright.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Lower-case, single-spaced: how values are compared for duplicates and vocabulary. */
const folded = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();

/** An ORCID iD as written (with or without its https://orcid.org/ address), in canonical form. */
export function normaliseOrcid(value: string): string {
  return value
    .trim()
    .replace(/^(https?:\/\/)?(www\.)?orcid\.org\//i, '')
    .toUpperCase();
}

const looksLikeOrcid = (value: string) => /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(value);

function vocabulary<T extends string>(entries: readonly { slug: T; names: readonly string[] }[]) {
  const map = new Map<string, T>();
  for (const entry of entries) {
    map.set(entry.slug, entry.slug);
    for (const name of entry.names) map.set(folded(name), entry.slug);
  }
  return (value: string): T | undefined => map.get(folded(value));
}

const organisationTypeOf = vocabulary<OrganisationType>(
  organisationTypes.map((item) => ({ slug: item.slug, names: [item.label] })),
);
const capabilityTypeOf = vocabulary<CapabilityType>(
  capabilityTypes.map((item) => ({ slug: item.slug, names: [item.label] })),
);
const placeOf = vocabulary<MidlandsPlace>(
  midlandsPlaces.map((item) => ({ slug: item.slug, names: [item.name] })),
);
const healthCategoryOf = vocabulary<HealthCategory>(
  healthCategories.map((item) => ({ slug: item.slug, names: [item.name] })),
);

/** Length in characters (code points), as PostgreSQL's length() counts them. */
const characters = (value: string) =>
  value.length - (value.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);

const quoted = (value: string) => `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
const listOf = (items: readonly { slug: string }[]) => items.map((item) => item.slug).join(', ');

/** Checks the header row against the columns of `kind`. */
export function checkHeader(kind: ImportKind, header: readonly string[]): HeaderCheck {
  const specs = importColumns[kind];
  const known = new Set(specs.map((spec) => spec.name));
  const problems: ImportProblem[] = [];
  const columns = new Map<string, number>();
  const unnamed: number[] = [];
  let fatal = false;
  const names = `The columns are: ${specs.map((spec) => spec.name).join(', ')}`;

  if (header.length === 1 && (header[0] ?? '').includes(';')) {
    return {
      columns,
      unnamed,
      fatal: true,
      problems: [
        {
          row: 1,
          column: null,
          message:
            'The columns are separated by semicolons. Save the file as "CSV UTF-8 (comma delimited)", with commas between columns',
        },
      ],
    };
  }

  header.forEach((name, index) => {
    if (name === '') {
      // Spreadsheets often save empty columns after the last one; only their values matter.
      unnamed.push(index);
    } else if (!known.has(name)) {
      const similar = specs.find((spec) => folded(spec.name) === folded(name.replace(/ /g, '_')));
      problems.push({
        row: 1,
        column: name,
        message: similar
          ? `${quoted(name)} is not a column name: write it exactly as ${similar.name}`
          : `${quoted(name)} is not a column of ${importKindNames[kind].plural} files`,
        ...(similar ? {} : { hint: names }),
      });
    } else if (columns.has(name)) {
      fatal = true;
      problems.push({ row: 1, column: name, message: `The column ${name} appears more than once` });
    } else {
      columns.set(name, index);
    }
  });
  for (const spec of specs) {
    if (spec.required && !columns.has(spec.name) && !problems.some((p) => p.column === spec.name)) {
      fatal = true;
      problems.push({ row: 1, column: spec.name, message: `The column ${spec.name} is missing` });
    }
  }
  if (fatal) {
    const other = importKinds.find(
      (candidate) =>
        candidate !== kind &&
        importColumns[candidate].every((spec) => !spec.required || header.includes(spec.name)),
    );
    if (other) {
      problems.unshift({
        row: 1,
        column: null,
        message: `This looks like a file of ${importKindNames[other].plural}: choose ${importKindNames[other].plural} as the kind of record`,
      });
    }
  }
  return { columns, unnamed, problems, fatal };
}

function rawValue(record: CsvRecord, columns: Map<string, number>, name: string): string {
  const index = columns.get(name);
  return index === undefined ? '' : (record.values[index] ?? '').trim();
}

const splitList = (value: string) =>
  value
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** The organisations, ORCID iDs and people a file refers to, in shapes safe to look up. */
export function referencesOf(
  kind: ImportKind,
  table: CsvTable,
  columns: Map<string, number>,
): References {
  const organisationSlugs = new Set<string>();
  const orcids = new Set<string>();
  const personIds = new Set<string>();
  for (const record of table.records) {
    const value = (name: string) => rawValue(record, columns, name);
    organisationSlugs.add(value(kind === 'organisations' ? 'slug' : 'organisation').toLowerCase());
    if (kind === 'people') orcids.add(normaliseOrcid(value('orcid')));
    if (kind === 'capabilities') {
      for (const item of splitList(value('people'))) {
        orcids.add(normaliseOrcid(item));
        personIds.add(item.toLowerCase());
      }
    }
  }
  return {
    organisationSlugs: [...organisationSlugs].filter((slug) => slugPattern.test(slug)),
    orcids: [...orcids].filter(looksLikeOrcid),
    personIds: [...personIds].filter((id) => uuidPattern.test(id)),
  };
}

/** Reads one record's cells, adding a problem for each that is wrong. */
class RowReader {
  constructor(
    private readonly record: CsvRecord,
    private readonly columns: Map<string, number>,
    private readonly specs: readonly ColumnSpec[],
    private readonly problems: ImportProblem[],
  ) {}

  get row() {
    return this.record.row;
  }

  problem(column: string | null, message: string, hint?: string) {
    this.problems.push({ row: this.record.row, column, message, ...(hint ? { hint } : {}) });
  }

  private spec(name: string): ColumnSpec {
    const spec = this.specs.find((candidate) => candidate.name === name);
    if (!spec) throw new Error(`no column ${name}`);
    return spec;
  }

  /** The cell's text: trimmed, single-spaced unless the column allows several lines. */
  text(name: string): string {
    const spec = this.spec(name);
    const raw = rawValue(this.record, this.columns, name);
    if (raw === '') {
      if (spec.required) this.problem(name, `Enter ${spec.noun}`);
      return '';
    }
    if (controlCharacter.test(raw)) {
      this.problem(
        name,
        `The ${name} contains a control character (such as a null byte): remove it`,
      );
      return '';
    }
    const value = spec.multiline ? raw.replace(/\r\n?/g, '\n') : raw.replace(/\s+/g, ' ');
    const length = characters(value);
    if (spec.maxLength !== undefined && length > spec.maxLength) {
      this.problem(
        name,
        `The ${name} must be ${spec.maxLength.toLocaleString('en-GB')} characters or fewer (it has ${length.toLocaleString('en-GB')})`,
      );
    }
    return value;
  }

  /** A semicolon-separated list, each item single-spaced, without repeats. */
  list(name: string): string[] {
    const value = this.text(name);
    const seen = new Set<string>();
    const items: string[] = [];
    for (const item of splitList(value)) {
      const single = item.replace(/\s+/g, ' ');
      if (seen.has(folded(single))) continue;
      seen.add(folded(single));
      items.push(single);
    }
    return items;
  }

  keywords(): string[] {
    const keywords = this.list('keywords');
    if (keywords.length > maxKeywords) {
      this.problem(
        'keywords',
        `Give at most ${maxKeywords} keywords (there are ${keywords.length})`,
      );
    }
    const long = keywords.find((keyword) => characters(keyword) > maxKeywordLength);
    if (long) {
      this.problem(
        'keywords',
        `Each keyword must be ${maxKeywordLength} characters or fewer: ${quoted(long)} is longer`,
      );
    }
    return keywords;
  }

  choice<T extends string>(
    name: string,
    lookup: (value: string) => T | undefined,
    what: string,
    allowed: string,
  ): T | undefined {
    const value = this.text(name);
    if (value === '') return undefined;
    const found = lookup(value);
    if (!found) this.problem(name, `${quoted(value)} is not ${what}`, `Use one of: ${allowed}`);
    return found;
  }
}

interface Context {
  user: SignedInUser;
  facts: DirectoryFacts;
}

/** The organisation a person or capability row is filed under, if the importer may use it. */
function organisationOf(reader: RowReader, value: string, { user, facts }: Context) {
  if (value === '') return undefined;
  const organisation = facts.organisationsBySlug.get(value.toLowerCase());
  if (!organisation) {
    reader.problem('organisation', `There is no organisation ${quoted(value)} in the directory`);
    return undefined;
  }
  if (!maintainsOrganisation(user, organisation.id)) {
    reader.problem(
      'organisation',
      `You can only import records for your own organisation${facts.importerOrganisationSlug ? ` (${facts.importerOrganisationSlug})` : ''}, not ${organisation.slug}`,
    );
    return undefined;
  }
  if (organisation.status === 'archived') {
    reader.problem(
      'organisation',
      `The organisation ${organisation.slug} is archived: restore it before adding records to it`,
    );
    return undefined;
  }
  return organisation;
}

function validateOrganisations(
  records: readonly CsvRecord[],
  read: (record: CsvRecord) => RowReader,
  { facts }: Context,
): ValidRecords {
  const slugRows = new Map<string, number>();
  const items = records.map((record) => {
    const reader = read(record);
    const slug = reader.text('slug');
    if (slug !== '') {
      if (!slugPattern.test(slug)) {
        reader.problem(
          'slug',
          `${quoted(slug)} is not a valid slug: use lower-case letters, digits and single hyphens, like university-of-derby`,
        );
      } else if (slugRows.has(slug)) {
        reader.problem('slug', `The slug ${slug} is also on row ${slugRows.get(slug)}`);
      } else if (facts.organisationsBySlug.has(slug)) {
        reader.problem('slug', `An organisation with the slug ${slug} is already in the directory`);
      }
      if (!slugRows.has(slug)) slugRows.set(slug, reader.row);
    }
    const websiteUrl = reader.text('website_url');
    if (websiteUrl !== '' && !isWebAddress(websiteUrl)) {
      reader.problem(
        'website_url',
        `${quoted(websiteUrl)} is not a website address: it must start with https:// or http://`,
      );
    }
    return {
      row: reader.row,
      slug,
      input: {
        name: reader.text('name'),
        shortName: reader.text('short_name'),
        type: reader.choice(
          'type',
          organisationTypeOf,
          'an organisation type',
          listOf(organisationTypes),
        ) as OrganisationType,
        city: reader.text('city'),
        websiteUrl: websiteUrl === '' ? null : websiteUrl,
        summary: reader.text('summary'),
        description: reader.text('description'),
      },
    };
  });
  return { kind: 'organisations', items };
}

function isWebAddress(value: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

function validatePeople(
  records: readonly CsvRecord[],
  read: (record: CsvRecord) => RowReader,
  context: Context,
): ValidRecords {
  const orcidRows = new Map<string, number>();
  const items = records.map((record) => {
    const reader = read(record);
    const organisation = organisationOf(reader, reader.text('organisation'), context);
    const written = reader.text('orcid');
    let orcid: string | null = null;
    if (written !== '') {
      orcid = normaliseOrcid(written);
      if (!isValidOrcid(orcid)) {
        reader.problem(
          'orcid',
          `${quoted(written)} is not a valid ORCID iD: it looks like 0000-0002-1825-0097, and its last character is a check digit`,
        );
      } else if (orcidRows.has(orcid)) {
        reader.problem('orcid', `The ORCID iD ${orcid} is also on row ${orcidRows.get(orcid)}`);
      } else if (context.facts.peopleByOrcid.has(orcid)) {
        reader.problem('orcid', `Someone in the directory already has the ORCID iD ${orcid}`);
      }
      if (!orcidRows.has(orcid)) orcidRows.set(orcid, reader.row);
    }
    return {
      row: reader.row,
      organisationSlug: organisation?.slug ?? '',
      input: {
        organisationId: organisation?.id ?? '',
        fullName: reader.text('full_name'),
        jobTitle: reader.text('job_title'),
        expertise: reader.text('expertise'),
        orcid,
        keywords: reader.keywords(),
      },
    };
  });
  return { kind: 'people', items };
}

/** Whether `user` may link `person` to a capability: published people, or their own. */
function mayLink(user: SignedInUser, person: PersonFact): boolean {
  if (person.status === 'archived') return false;
  return person.status === 'published' || maintainsOrganisation(user, person.organisationId);
}

function validateCapabilities(
  records: readonly CsvRecord[],
  read: (record: CsvRecord) => RowReader,
  context: Context,
): ValidRecords {
  const { facts, user } = context;
  const titleRows = new Map<string, number>();
  const items = records.map((record) => {
    const reader = read(record);
    const organisation = organisationOf(reader, reader.text('organisation'), context);
    const title = reader.text('title');
    if (organisation && title !== '') {
      const key = `${organisation.id} ${folded(title)}`;
      if (titleRows.has(key)) {
        reader.problem(
          'title',
          `Row ${titleRows.get(key)} has a capability of ${organisation.slug} with the same title`,
        );
      } else if (facts.capabilityTitles.has(key)) {
        reader.problem(
          'title',
          `${organisation.slug} already has a capability called ${quoted(title)} in the directory`,
        );
      }
      if (!titleRows.has(key)) titleRows.set(key, reader.row);
    }

    const categories: HealthCategory[] = [];
    const writtenCategories = reader.list('health_categories');
    for (const written of writtenCategories) {
      const category = healthCategoryOf(written);
      if (!category) {
        reader.problem(
          'health_categories',
          `${quoted(written)} is not an HRCS health category`,
          `Use one of: ${listOf(healthCategories)}`,
        );
      } else if (!categories.includes(category)) {
        categories.push(category);
      }
    }
    if (categories.length > maxHealthCategories) {
      reader.problem(
        'health_categories',
        `Choose at most ${maxHealthCategories} health categories (there are ${categories.length})`,
      );
    }

    const personIds: string[] = [];
    const writtenPeople = reader.list('people');
    if (writtenPeople.length > maxLinkedPeople) {
      reader.problem(
        'people',
        `Link at most ${maxLinkedPeople} people (there are ${writtenPeople.length})`,
      );
    }
    for (const written of writtenPeople.slice(0, maxLinkedPeople)) {
      const orcid = normaliseOrcid(written);
      const id = written.toLowerCase();
      const byOrcid = looksLikeOrcid(orcid);
      if (!byOrcid && !uuidPattern.test(id)) {
        reader.problem(
          'people',
          `${quoted(written)} is not an ORCID iD or a directory person id (like 0000-0002-1825-0097)`,
        );
        continue;
      }
      const person = byOrcid ? facts.peopleByOrcid.get(orcid) : facts.peopleById.get(id);
      if (!person || !mayLink(user, person)) {
        reader.problem(
          'people',
          byOrcid
            ? `There is no person with the ORCID iD ${orcid} in the directory`
            : `There is no person with the id ${id} in the directory`,
        );
      } else if (!personIds.includes(person.id)) {
        personIds.push(person.id);
      }
    }

    return {
      row: reader.row,
      organisationSlug: organisation?.slug ?? '',
      input: {
        organisationId: organisation?.id ?? '',
        title,
        summary: reader.text('summary'),
        description: reader.text('description'),
        type: reader.choice(
          'type',
          capabilityTypeOf,
          'a capability type',
          listOf(capabilityTypes),
        ) as CapabilityType,
        place: reader.choice(
          'location',
          placeOf,
          'a Midlands place in the directory',
          listOf(midlandsPlaces),
        ) as MidlandsPlace,
        categories,
        keywords: reader.keywords(),
        personIds,
      },
    };
  });
  return { kind: 'capabilities', items };
}

/**
 * Checks every record of a file whose header passed, collecting every problem (not only the
 * first). The records are only usable when no problem is returned.
 */
export function validateRecords(
  kind: ImportKind,
  table: CsvTable,
  { columns, unnamed }: Pick<HeaderCheck, 'columns' | 'unnamed'>,
  user: SignedInUser,
  facts: DirectoryFacts,
): { records: ValidRecords; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  if (kind === 'organisations' && !actsForEveryOrganisation(user)) {
    problems.push({
      row: null,
      column: null,
      message: 'Only the alliance office can import organisations',
    });
    return { records: { kind, items: [] }, problems };
  }
  const specs = importColumns[kind];
  const width = table.header.length;
  const readable: CsvRecord[] = [];
  for (const record of table.records) {
    const extra = record.values.slice(width);
    if (record.values.length < width || extra.some((value) => value.trim() !== '')) {
      problems.push({
        row: record.row,
        column: null,
        message: `This row has ${record.values.length} values but the header row has ${width} columns. Check for a missing comma, or a comma in a value without quote marks around it`,
      });
    } else {
      readable.push(record);
    }
    for (const index of unnamed) {
      if ((record.values[index] ?? '').trim() !== '') {
        problems.push({
          row: record.row,
          column: `column ${index + 1}`,
          message: `There is a value in column ${index + 1}, which has no name in the header row. Name the column or remove the value`,
        });
      }
    }
  }
  const read = (record: CsvRecord) => new RowReader(record, columns, specs, problems);
  const context = { user, facts };
  const records =
    kind === 'organisations'
      ? validateOrganisations(readable, read, context)
      : kind === 'people'
        ? validatePeople(readable, read, context)
        : validateCapabilities(readable, read, context);
  const position = (problem: ImportProblem) =>
    problem.column === null ? -1 : (columns.get(problem.column) ?? width);
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || position(a) - position(b));
  return { records, problems };
}
