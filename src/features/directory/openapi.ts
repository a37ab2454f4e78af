import { capabilityTypes, healthCategories, midlandsPlaces, organisationTypes } from './model.js';
import { defaultPageSize, maxPage, maxPageSize, maxQueryLength } from './schema.js';

const slugs = (list: readonly { slug: string }[]) => list.map((item) => item.slug);

const repeatable = (name: string, description: string, values?: string[]) => ({
  name,
  in: 'query',
  required: false,
  description: `${description} Repeat the parameter to choose several values (any of them matches).`,
  style: 'form',
  explode: true,
  schema: { type: 'array', items: values ? { type: 'string', enum: values } : { type: 'string' } },
});

const paging = [
  {
    name: 'page',
    in: 'query',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: maxPage, default: 1 },
  },
  {
    name: 'pageSize',
    in: 'query',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: maxPageSize, default: defaultPageSize },
  },
];

const q = {
  name: 'q',
  in: 'query',
  required: false,
  description:
    'Search words. English stemming, so plurals match; a word found nowhere in the directory is replaced by the most similar word that is (see correctedQuery). "Quoted words" match as a phrase, -word excludes.',
  schema: { type: 'string', maxLength: maxQueryLength },
};

const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
};

const problem = {
  description: 'Invalid parameters; `errors` names each one.',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};
const notFound = {
  description: 'No published record has that id.',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const pageOf = (item: string, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  required: ['items', 'total', 'page', 'pageSize'],
  properties: {
    items: { type: 'array', items: ref(item) },
    total: { type: 'integer' },
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    ...extra,
  },
});

const facetValues = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      value: { type: 'string' },
      label: { type: 'string' },
      count: {
        type: 'integer',
        description:
          'Matching records with this value, counting every other chosen filter but not this facet’s own.',
      },
      selected: { type: 'boolean' },
    },
  },
};

const capabilityFilters = [
  q,
  repeatable('type', 'Capability type.', slugs(capabilityTypes)),
  repeatable('category', 'HRCS health category.', slugs(healthCategories)),
  repeatable('organisation', 'Organisation slug.'),
  repeatable('location', 'Town or city.', slugs(midlandsPlaces)),
  {
    name: 'sort',
    in: 'query',
    required: false,
    description: 'Default: relevance when q is given, otherwise title.',
    schema: { type: 'string', enum: ['relevance', 'title', 'updated'] },
  },
  ...paging,
];

const reference = {
  type: 'object',
  properties: { slug: { type: 'string' }, name: { type: 'string' } },
};

/** The directory's part of the OpenAPI document. */
export const directoryOpenApi = {
  tags: [
    { name: 'Capability directory', description: 'Published records only; no sign-in needed.' },
  ],
  paths: {
    '/api/v1/capabilities': {
      get: {
        tags: ['Capability directory'],
        summary: 'Search capabilities',
        description:
          'Ranked full-text search with facets. Send `Accept: text/csv` (or use /api/v1/capabilities.csv) for the same page of results as CSV.',
        parameters: capabilityFilters,
        responses: {
          200: {
            description: 'One page of results with facet counts.',
            content: {
              'application/json': {
                schema: pageOf('CapabilitySummary', {
                  correctedQuery: { type: ['string', 'null'] },
                  facets: {
                    type: 'object',
                    properties: {
                      type: facetValues,
                      category: facetValues,
                      organisation: facetValues,
                      location: facetValues,
                    },
                  },
                }),
              },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          400: problem,
        },
      },
    },
    '/api/v1/capabilities.csv': {
      get: {
        tags: ['Capability directory'],
        summary: 'Search capabilities, as CSV',
        parameters: capabilityFilters,
        responses: {
          200: {
            description: 'CSV with a header row.',
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
          400: problem,
        },
      },
    },
    '/api/v1/capabilities/{id}': {
      get: {
        tags: ['Capability directory'],
        summary: 'One capability',
        parameters: [idParameter],
        responses: {
          200: {
            description: 'The capability.',
            content: { 'application/json': { schema: ref('Capability') } },
          },
          400: problem,
          404: notFound,
        },
      },
    },
    '/api/v1/people': {
      get: {
        tags: ['Capability directory'],
        summary: 'Search people',
        parameters: [
          q,
          repeatable('organisation', 'Organisation slug (the first is used).'),
          ...paging,
        ],
        responses: {
          200: {
            description: 'One page of people.',
            content: { 'application/json': { schema: pageOf('Person') } },
          },
          400: problem,
        },
      },
    },
    '/api/v1/people/{id}': {
      get: {
        tags: ['Capability directory'],
        summary: 'One person',
        parameters: [idParameter],
        responses: {
          200: {
            description: 'The person and their capabilities.',
            content: { 'application/json': { schema: ref('Person') } },
          },
          400: problem,
          404: notFound,
        },
      },
    },
    '/api/v1/organisations': {
      get: {
        tags: ['Capability directory'],
        summary: 'List organisations',
        parameters: [
          { ...q, description: 'Words in the name or summary.' },
          repeatable('type', 'Organisation type.', slugs(organisationTypes)),
          ...paging,
        ],
        responses: {
          200: {
            description: 'One page of organisations.',
            content: { 'application/json': { schema: pageOf('Organisation') } },
          },
          400: problem,
        },
      },
    },
    '/api/v1/organisations/{id}': {
      get: {
        tags: ['Capability directory'],
        summary: 'One organisation, by id or slug',
        parameters: [{ ...idParameter, schema: { type: 'string' } }],
        responses: {
          200: {
            description: 'The organisation.',
            content: { 'application/json': { schema: ref('Organisation') } },
          },
          404: notFound,
        },
      },
    },
  },
  schemas: {
    CapabilitySummary: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        title: { type: 'string' },
        summary: { type: 'string' },
        type: { type: 'string', enum: slugs(capabilityTypes) },
        typeLabel: { type: 'string' },
        organisation: reference,
        location: reference,
        categories: { type: 'array', items: reference },
        keywords: { type: 'array', items: { type: 'string' } },
        sampleData: { type: 'boolean', description: 'True for made-up example records.' },
        updatedAt: { type: 'string', format: 'date-time' },
        url: { type: 'string' },
      },
    },
    Capability: {
      allOf: [
        ref('CapabilitySummary'),
        {
          type: 'object',
          properties: {
            description: { type: 'string' },
            people: { type: 'array', items: { type: 'object' } },
            enquiryUrl: { type: 'string' },
          },
        },
      ],
    },
    Person: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        fullName: { type: 'string' },
        jobTitle: { type: 'string' },
        organisation: reference,
        expertise: { type: 'string' },
        orcid: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]$' },
        keywords: { type: 'array', items: { type: 'string' } },
        sampleData: { type: 'boolean' },
        url: { type: 'string' },
      },
    },
    Organisation: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        slug: { type: 'string' },
        name: { type: 'string' },
        shortName: { type: 'string' },
        type: { type: 'string', enum: slugs(organisationTypes) },
        city: { type: 'string' },
        websiteUrl: { type: ['string', 'null'] },
        summary: { type: 'string' },
        partner: { type: 'boolean' },
        sampleData: { type: 'boolean' },
        url: { type: 'string' },
      },
    },
  },
};
