import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { csvRow } from '../../platform/audit/csv.js';
import { sendProblem } from '../../platform/http/errors.js';
import { pathTo } from '../../platform/paths.js';
import {
  capabilityTypeLabel,
  healthCategoryName,
  organisationTypeLabel,
  placeName,
} from './model.js';
import type { CapabilityRecord, OrganisationRecord, PersonRecord } from './records-repository.js';
import {
  capabilitySearchParameters,
  organisationSearchParameters,
  personSearchParameters,
  recordId,
} from './schema.js';
import type { CapabilityHit } from './search-repository.js';
import type { DirectorySearch } from './service.js';

/** 400 with a problem body naming each bad parameter. */
function badParameters(reply: FastifyReply, error: z.ZodError) {
  const errors = error.issues.map((issue) => ({
    name: String(issue.path[0] ?? 'query'),
    reason: issue.message,
  }));
  return sendProblem(reply, {
    type: 'about:blank',
    title: 'Invalid query parameters',
    status: 400,
    detail: errors.map((entry) => `${entry.name}: ${entry.reason}`).join('; '),
    errors,
  });
}

function notFound(reply: FastifyReply, what: string) {
  return sendProblem(reply, {
    type: 'about:blank',
    title: 'Not found',
    status: 404,
    detail: `No published ${what} has that id`,
  });
}

const organisationRef = (organisation: { id: string; slug: string; name: string }) => ({
  id: organisation.id,
  slug: organisation.slug,
  name: organisation.name,
  url: pathTo.organisation(organisation.slug),
});

export function capabilityHitJson(hit: CapabilityHit) {
  return {
    id: hit.id,
    title: hit.title,
    summary: hit.summary,
    type: hit.type,
    typeLabel: capabilityTypeLabel(hit.type),
    organisation: { slug: hit.organisationSlug, name: hit.organisationName },
    location: { slug: hit.place, name: placeName(hit.place) },
    categories: hit.categories.map((slug) => ({ slug, name: healthCategoryName(slug) })),
    keywords: hit.keywords,
    sampleData: hit.isSample,
    updatedAt: hit.updatedAt.toISOString(),
    url: pathTo.capability(hit.id),
  };
}

function capabilityJson(record: CapabilityRecord) {
  return {
    id: record.id,
    title: record.title,
    summary: record.summary,
    description: record.description,
    type: record.type,
    typeLabel: capabilityTypeLabel(record.type),
    organisation: organisationRef(record.organisation),
    location: { slug: record.place, name: placeName(record.place) },
    categories: record.categories.map((slug) => ({ slug, name: healthCategoryName(slug) })),
    keywords: record.keywords,
    people: record.people.map((person) => ({
      id: person.id,
      fullName: person.fullName,
      jobTitle: person.jobTitle,
      url: pathTo.person(person.id),
    })),
    sampleData: record.isSample,
    updatedAt: record.updatedAt.toISOString(),
    url: pathTo.capability(record.id),
    enquiryUrl: pathTo.enquireAbout(record.id),
  };
}

function personJson(record: PersonRecord) {
  return {
    id: record.id,
    fullName: record.fullName,
    jobTitle: record.jobTitle,
    organisation: organisationRef(record.organisation),
    expertise: record.expertise,
    orcid: record.orcid,
    keywords: record.keywords,
    sampleData: record.isSample,
    updatedAt: record.updatedAt.toISOString(),
    url: pathTo.person(record.id),
  };
}

function organisationJson(record: OrganisationRecord) {
  return {
    id: record.id,
    slug: record.slug,
    name: record.name,
    shortName: record.shortName,
    type: record.type,
    typeLabel: organisationTypeLabel(record.type),
    city: record.city,
    websiteUrl: record.websiteUrl,
    summary: record.summary,
    description: record.description,
    partner: record.isPartner,
    sampleData: record.isSample,
    updatedAt: record.updatedAt.toISOString(),
    url: pathTo.organisation(record.slug),
  };
}

const csvColumns = [
  'id',
  'title',
  'type',
  'organisation',
  'location',
  'health_categories',
  'keywords',
  'summary',
  'sample_data',
  'updated_at',
  'url',
];

/** Whether the client asked for CSV by its Accept header (the .csv address always gives CSV). */
const acceptsCsv = (request: FastifyRequest) =>
  /\btext\/csv\b/.test(request.headers.accept ?? '') &&
  !/application\/json/.test(request.headers.accept ?? '');

/** The directory's JSON API: the same searches as the pages, for other systems. */
export function directoryApiHandlers(search: DirectorySearch, publicUrl: string) {
  const sendCsv = (reply: FastifyReply, hits: CapabilityHit[]) => {
    const lines = [csvRow(csvColumns)];
    for (const hit of hits) {
      lines.push(
        csvRow([
          hit.id,
          hit.title,
          capabilityTypeLabel(hit.type),
          hit.organisationName,
          placeName(hit.place),
          hit.categories.map(healthCategoryName).join('; '),
          hit.keywords.join('; '),
          hit.summary,
          hit.isSample ? 'yes' : 'no',
          hit.updatedAt.toISOString(),
          `${publicUrl}${pathTo.capability(hit.id)}`,
        ]),
      );
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="capabilities.csv"')
      .send(lines.join(''));
  };

  return {
    searchCapabilities: async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed = capabilitySearchParameters.safeParse(request.query);
      if (!parsed.success) return badParameters(reply, parsed.error);
      const result = await search.searchCapabilities(parsed.data);
      if (acceptsCsv(request)) return sendCsv(reply, result.items);
      return reply.send({
        items: result.items.map(capabilityHitJson),
        total: result.total,
        page: result.page,
        pageSize: result.pageSize,
        correctedQuery: result.correctedQuery,
        facets: result.facets,
      });
    },

    searchCapabilitiesCsv: async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed = capabilitySearchParameters.safeParse(request.query);
      if (!parsed.success) return badParameters(reply, parsed.error);
      const result = await search.searchCapabilities(parsed.data);
      return sendCsv(reply, result.items);
    },

    capability: async (request: FastifyRequest, reply: FastifyReply) => {
      const id = recordId.safeParse(request.params);
      if (!id.success) return badParameters(reply, id.error);
      const record = await search.publishedCapability(id.data.id);
      return record ? reply.send(capabilityJson(record)) : notFound(reply, 'capability');
    },

    searchPeople: async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed = personSearchParameters.safeParse(request.query);
      if (!parsed.success) return badParameters(reply, parsed.error);
      const result = await search.searchPeople(parsed.data);
      return reply.send({ ...result, items: result.items.map(personJson) });
    },

    person: async (request: FastifyRequest, reply: FastifyReply) => {
      const id = recordId.safeParse(request.params);
      if (!id.success) return badParameters(reply, id.error);
      const found = await search.publishedPerson(id.data.id);
      if (!found) return notFound(reply, 'person');
      return reply.send({
        ...personJson(found.person),
        capabilities: found.capabilities.map((capability) => ({
          id: capability.id,
          title: capability.title,
          url: pathTo.capability(capability.id),
        })),
      });
    },

    searchOrganisations: async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed = organisationSearchParameters.safeParse(request.query);
      if (!parsed.success) return badParameters(reply, parsed.error);
      const result = await search.searchOrganisations(parsed.data);
      return reply.send({ ...result, items: result.items.map(organisationJson) });
    },

    organisation: async (request: FastifyRequest, reply: FastifyReply) => {
      const { id } = request.params as { id: string };
      const found = await search.publishedOrganisationByIdOrSlug(id);
      if (!found) return notFound(reply, 'organisation');
      return reply.send({
        ...organisationJson(found.organisation),
        capabilityCount: found.capabilities.total,
        peopleCount: found.people.total,
      });
    },
  };
}
