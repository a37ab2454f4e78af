import {
  jsonResponse as json,
  problemResponse as problem,
  schemaRef as ref,
} from '../../platform/http/openapi-parts.js';
import { healthCategories } from '../directory/model.js';
import { pairDecisions } from './model.js';

const tag = 'Research portfolio';
const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The project id or its reference (MHA-P-2026-0001).',
  schema: { type: 'string' },
};
const staff = problem('Not signed in, or not alliance or partner staff.');
const similarList = json(
  {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            project: { type: 'object' },
            score: { type: 'number', minimum: 0, maximum: 1 },
            reasons: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
  },
  'The most similar existing projects, best first, each with a score and the reasons; pairs the alliance office has decided are left out.',
);

/** The portfolio part of the OpenAPI document. */
export const portfolioOpenApi = {
  tags: [
    {
      name: tag,
      description:
        'Research projects across the partners, the grand challenges they serve, their place in a translational pipeline and duplication alerts. Staff only, except the list of grand challenges.',
    },
  ],
  paths: {
    '/api/v1/projects': {
      get: {
        tags: [tag],
        summary: 'Search projects',
        parameters: ['q', 'challenge', 'centre', 'category'].map((name) => ({
          name,
          in: 'query',
          required: false,
          schema: { type: 'string', maxLength: 200 },
          description: {
            q: 'Words in the title, lay summary or abstract (full-text, with "phrases" and -exclusions).',
            challenge: 'A grand challenge slug, such as sarcopenia.',
            centre: 'An organisation slug: lead or partner.',
            category: 'An HRCS health category slug.',
          }[name],
        })),
        responses: {
          200: json(
            {
              type: 'object',
              properties: {
                total: { type: 'integer' },
                items: { type: 'array', items: ref('Project') },
              },
            },
            'Matching projects.',
          ),
          400: problem('A parameter is not valid.'),
          401: staff,
          403: staff,
        },
      },
      post: {
        tags: [tag],
        summary: 'Add a project',
        description:
          'The answer lists the existing projects most similar to the new one (a duplication alert).',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('NewProject') } },
        },
        responses: {
          201: json(
            {
              type: 'object',
              properties: {
                id: { type: 'string' },
                reference: { type: 'string' },
                similar: { type: 'array' },
              },
            },
            'Added.',
          ),
          401: staff,
          403: staff,
          422: problem(
            'A field is missing or not valid, or names an unknown organisation, person or challenge.',
          ),
        },
      },
    },
    '/api/v1/projects/similar': {
      post: {
        tags: [tag],
        summary: 'Check a draft for similar projects before saving it',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('NewProject') } },
        },
        responses: {
          200: similarList,
          401: staff,
          403: staff,
          422: problem('The draft is not valid.'),
        },
      },
    },
    '/api/v1/projects/{id}': {
      get: {
        tags: [tag],
        summary: 'A project',
        parameters: [idParameter],
        responses: {
          200: json(ref('Project'), 'The project.'),
          401: staff,
          403: staff,
          404: problem('No such project.'),
        },
      },
      put: {
        tags: [tag],
        summary: 'Change a project',
        parameters: [idParameter],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('NewProject') } },
        },
        responses: {
          200: json({ type: 'object' }, 'Changed, with similar projects.'),
          401: staff,
          403: staff,
          404: problem('No such project.'),
          422: problem('Not valid.'),
        },
      },
    },
    '/api/v1/projects/{id}/similar': {
      get: {
        tags: [tag],
        summary: 'The projects most similar to this one',
        parameters: [idParameter],
        responses: { 200: similarList, 401: staff, 403: staff, 404: problem('No such project.') },
      },
    },
    '/api/v1/projects/{id}/similar/decisions': {
      post: {
        tags: [tag],
        summary: 'Mark a pair as distinct or as teams that should collaborate (alliance office)',
        description: 'A decided pair is not raised again.',
        parameters: [idParameter],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['otherProjectId', 'decision'],
                additionalProperties: false,
                properties: {
                  otherProjectId: { type: 'string', format: 'uuid' },
                  decision: { enum: pairDecisions.map((d) => d.slug) },
                  note: { type: 'string', maxLength: 2000 },
                },
              },
            },
          },
        },
        responses: {
          200: json({ type: 'object' }, 'Recorded.'),
          401: staff,
          403: staff,
          404: problem('No such project.'),
          422: problem('Not valid.'),
        },
      },
    },
    '/api/v1/projects/{id}/stage': {
      post: {
        tags: [tag],
        summary: 'Move a project to a stage of its pipeline',
        description:
          'Forward one gate at a time, or back to any earlier stage; dated (not in the future, not before the last move) with the evidence for the gate.',
        parameters: [idParameter],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['stage', 'enteredOn', 'evidence'],
                additionalProperties: false,
                properties: {
                  stage: { type: 'string' },
                  enteredOn: { type: 'string', format: 'date' },
                  evidence: { type: 'string', maxLength: 4000 },
                },
              },
            },
          },
        },
        responses: {
          200: json({ type: 'object' }, 'Moved.'),
          401: staff,
          403: staff,
          404: problem('No such project.'),
          422: problem('Not a stage of the pipeline, a skipped gate, or a bad date.'),
        },
      },
    },
    '/api/v1/grand-challenges': {
      get: {
        tags: [tag],
        summary: 'The grand challenges (public)',
        responses: {
          200: json(
            { type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } },
            'Every grand challenge.',
          ),
        },
      },
    },
  },
  schemas: {
    NewProject: {
      type: 'object',
      additionalProperties: false,
      required: ['title', 'abstract', 'healthCategory', 'leadOrganisationId'],
      properties: {
        title: { type: 'string', maxLength: 400 },
        laySummary: { type: 'string', maxLength: 3000 },
        abstract: { type: 'string', minLength: 50, maxLength: 10000 },
        healthCategory: { enum: healthCategories.map((c) => c.slug) },
        leadOrganisationId: { type: 'string', description: 'An organisation id or slug (uhb).' },
        partnerOrganisationIds: { type: 'array', items: { type: 'string' } },
        investigatorIds: {
          type: 'array',
          items: { type: 'string', format: 'uuid' },
          description: 'People in the directory.',
        },
        grandChallenges: { type: 'array', items: { type: 'string' }, description: 'Ids or slugs.' },
        researchActivityCode: { type: ['string', 'null'], pattern: '^[1-8](\\.[0-9]{1,2})?$' },
        funder: { type: ['string', 'null'] },
        amountPounds: { type: ['integer', 'null'], minimum: 0 },
        startDate: { type: ['string', 'null'], format: 'date' },
        endDate: { type: ['string', 'null'], format: 'date' },
        pipeline: { type: ['string', 'null'], description: 'A pipeline id or slug.' },
      },
    },
    Project: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        reference: { type: 'string' },
        title: { type: 'string' },
        abstract: { type: 'string' },
        healthCategory: { type: 'string' },
        sampleData: { type: 'boolean' },
        pipeline: { type: ['object', 'null'] },
      },
    },
  },
};
