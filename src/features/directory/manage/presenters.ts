import { paths, pathTo } from '../../../platform/paths.js';
import type { SignedInUser } from '../../../platform/auth/roles.js';
import {
  capabilityTypeLabel,
  healthCategoryName,
  organisationTypeLabel,
  placeName,
  statusLabel,
  type RecordKind,
  type RecordStatus,
} from '../model.js';
import { maintainsOrganisation } from '../records.js';
import type { CapabilityRecord, OrganisationRecord, PersonRecord } from '../records-repository.js';

/** How each kind of record is named and where its pages are. */
export const kindInfo = {
  capability: {
    noun: 'capability',
    plural: 'capabilities',
    title: 'Capabilities',
    listPath: paths.manageCapabilities,
    newPath: paths.manageNewCapability,
    addText: 'Add a capability',
  },
  person: {
    noun: 'person',
    plural: 'people',
    title: 'People',
    listPath: paths.managePeople,
    newPath: paths.manageNewPerson,
    addText: 'Add a person',
  },
  organisation: {
    noun: 'organisation',
    plural: 'organisations',
    title: 'Organisations',
    listPath: paths.manageOrganisations,
    newPath: paths.manageNewOrganisation,
    addText: 'Add an organisation',
  },
} as const satisfies Record<
  RecordKind,
  {
    noun: string;
    plural: string;
    title: string;
    listPath: string;
    newPath: string;
    addText: string;
  }
>;

export const recordPath = (kind: RecordKind, id: string) => pathTo.manageRecord(kind, id);
export const editPath = (kind: RecordKind, id: string) => `${pathTo.manageRecord(kind, id)}/edit`;
export const statusPath = (kind: RecordKind, id: string) =>
  `${pathTo.manageRecord(kind, id)}/status`;

const tagColours: Record<RecordStatus, string> = {
  draft: 'grey',
  'in-review': 'yellow',
  published: 'green',
  archived: 'white',
};

/** The parameters of the NHS.UK tag that shows a record's status. */
export function statusTag(status: RecordStatus) {
  return { text: statusLabel(status), colour: tagColours[status] };
}

export function formatDate(value: Date): string {
  return value.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** One row of a record's summary list: plain text, paragraphs, or a list of (maybe linked) names. */
export interface SummaryRow {
  key: string;
  text?: string;
  paragraphs?: string[];
  links?: { text: string; href: string | null }[];
}

const paragraphsOf = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');

const orNone = (values: readonly string[], none: string) =>
  values.length ? values.join(', ') : none;

export type AnyRecord = CapabilityRecord | PersonRecord | OrganisationRecord;

/** What the record page shows of a record, whatever its kind. */
export interface RecordView {
  kind: RecordKind;
  id: string;
  title: string;
  caption: string;
  organisationId: string;
  status: RecordStatus;
  isSample: boolean;
  rows: SummaryRow[];
  publicHref: string | null;
}

export function capabilityView(user: SignedInUser, record: CapabilityRecord): RecordView {
  const description = paragraphsOf(record.description);
  return {
    kind: 'capability',
    id: record.id,
    title: record.title,
    caption: `Capability: ${capabilityTypeLabel(record.type)}`,
    organisationId: record.organisation.id,
    status: record.status,
    isSample: record.isSample,
    rows: [
      { key: 'Summary', text: record.summary },
      description.length
        ? { key: 'Description', paragraphs: description }
        : { key: 'Description', text: 'None given' },
      { key: 'Type', text: capabilityTypeLabel(record.type) },
      {
        key: 'Organisation',
        links: [
          {
            text: record.organisation.name,
            href: maintainsOrganisation(user, record.organisation.id)
              ? recordPath('organisation', record.organisation.id)
              : null,
          },
        ],
      },
      { key: 'Location', text: placeName(record.place) },
      {
        key: 'Health categories',
        text: orNone(record.categories.map(healthCategoryName), 'None chosen'),
      },
      { key: 'Keywords', text: orNone(record.keywords, 'None given') },
      record.people.length
        ? {
            key: 'People',
            links: record.people.map((person) => ({
              text: `${person.fullName}, ${person.organisation.shortName}`,
              href: maintainsOrganisation(user, person.organisation.id)
                ? recordPath('person', person.id)
                : null,
            })),
          }
        : { key: 'People', text: 'None linked' },
      { key: 'Last updated', text: formatDate(record.updatedAt) },
    ],
    publicHref:
      record.status === 'published' && record.organisation.status === 'published'
        ? pathTo.capability(record.id)
        : null,
  };
}

export function personView(user: SignedInUser, record: PersonRecord): RecordView {
  const expertise = paragraphsOf(record.expertise);
  return {
    kind: 'person',
    id: record.id,
    title: record.fullName,
    caption: 'Person',
    organisationId: record.organisation.id,
    status: record.status,
    isSample: record.isSample,
    rows: [
      { key: 'Job title', text: record.jobTitle },
      {
        key: 'Organisation',
        links: [
          {
            text: record.organisation.name,
            href: maintainsOrganisation(user, record.organisation.id)
              ? recordPath('organisation', record.organisation.id)
              : null,
          },
        ],
      },
      expertise.length
        ? { key: 'Expertise', paragraphs: expertise }
        : { key: 'Expertise', text: 'None given' },
      { key: 'ORCID iD', text: record.orcid ?? 'None given' },
      { key: 'Keywords', text: orNone(record.keywords, 'None given') },
      { key: 'Last updated', text: formatDate(record.updatedAt) },
    ],
    publicHref:
      record.status === 'published' && record.organisation.status === 'published'
        ? pathTo.person(record.id)
        : null,
  };
}

export function organisationView(record: OrganisationRecord): RecordView {
  const description = paragraphsOf(record.description);
  return {
    kind: 'organisation',
    id: record.id,
    title: record.name,
    caption: `Organisation: ${organisationTypeLabel(record.type)}`,
    organisationId: record.id,
    status: record.status,
    isSample: record.isSample,
    rows: [
      { key: 'Short name', text: record.shortName },
      { key: 'Web address name', text: record.slug },
      { key: 'Type', text: organisationTypeLabel(record.type) },
      { key: 'Town or city', text: record.city },
      { key: 'Website', text: record.websiteUrl ?? 'None given' },
      { key: 'Summary', text: record.summary },
      description.length
        ? { key: 'Description', paragraphs: description }
        : { key: 'Description', text: 'None given' },
      { key: 'Alliance partner', text: record.isPartner ? 'Yes' : 'No' },
      { key: 'Last updated', text: formatDate(record.updatedAt) },
    ],
    publicHref: record.status === 'published' ? pathTo.organisation(record.slug) : null,
  };
}
