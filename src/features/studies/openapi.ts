import {
  jsonResponse as json,
  problemResponse as problem,
  schemaRef as ref,
  slugsOf as slugs,
} from '../../platform/http/openapi-parts.js';
import { healthCategories } from '../directory/model.js';
import { trialPhases } from '../enquiries/model.js';
import { milestones, studyTypes } from './model.js';

const date = { type: 'string', format: 'date', examples: ['2026-03-02'] };
const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The study id, or its reference (MHA-S-2026-0001).',
  schema: { type: 'string' },
};
const tag = 'Study set-up and recruitment';
const staffOnly = problem('Not signed in, or not a role that may do this (see the README).');

/** The studies part of the OpenAPI document. */
export const studiesOpenApi = {
  tags: [
    {
      name: tag,
      description:
        'Studies at the partner trusts with the standard set-up milestones, measures against the 150-day target (60 days to approval, 60 to site open, 30 to first participant), recruitment and a Poisson-Gamma forecast. Staff only; a site research office may change only its own organisation’s sites.',
    },
  ],
  paths: {
    '/api/v1/studies': {
      get: {
        tags: [tag],
        summary: 'List the studies',
        responses: {
          200: json(
            { type: 'object', properties: { items: { type: 'array', items: ref('Study') } } },
            'Every study, newest planned start first.',
          ),
          401: staffOnly,
          403: staffOnly,
        },
      },
      post: {
        tags: [tag],
        summary: 'Add a study (alliance office)',
        description:
          'Give enquiryReference to create the study from an enquiry closed as won in the front door.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('NewStudy') } },
        },
        responses: {
          201: json(
            {
              type: 'object',
              properties: { id: { type: 'string' }, reference: { type: 'string' } },
            },
            'Added.',
          ),
          401: staffOnly,
          403: staffOnly,
          409: problem('The IRAS ID or the enquiry already belongs to a study.'),
          422: problem('A field is missing or not valid; errors names each.'),
        },
      },
    },
    '/api/v1/studies/{id}': {
      get: {
        tags: [tag],
        summary: 'A study with its sites, milestones, measures and recruitment totals',
        parameters: [idParameter],
        responses: {
          200: json(ref('Study'), 'The study.'),
          401: staffOnly,
          403: staffOnly,
          404: problem('No such study.'),
        },
      },
    },
    '/api/v1/studies/{id}/sites': {
      post: {
        tags: [tag],
        summary: 'Add a participating site (alliance office)',
        parameters: [idParameter],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('NewStudySite') } },
        },
        responses: {
          201: json({ type: 'object', properties: { id: { type: 'string' } } }, 'Added.'),
          401: staffOnly,
          403: staffOnly,
          404: problem('No such study.'),
          409: problem('The trust is already a site of the study.'),
          422: problem('A field is missing or not valid.'),
        },
      },
    },
    '/api/v1/studies/{id}/milestones/{milestone}': {
      put: {
        tags: [tag],
        summary: 'Record a study-level milestone (alliance office)',
        parameters: [
          idParameter,
          {
            name: 'milestone',
            in: 'path',
            required: true,
            schema: { enum: slugs(milestones.filter((m) => m.level === 'study')) },
          },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('MilestoneDate') } },
        },
        responses: {
          200: json(ref('MilestoneDate'), 'Recorded (or replaced).'),
          401: staffOnly,
          403: staffOnly,
          404: problem('No such study.'),
          422: problem(
            'The date is in the future, out of order with another milestone, or the milestone is unknown.',
          ),
        },
      },
    },
    '/api/v1/studies/{id}/sites/{siteId}/milestones/{milestone}': {
      put: {
        tags: [tag],
        summary: 'Record a site milestone (alliance office, or the site’s own research office)',
        parameters: [
          idParameter,
          { name: 'siteId', in: 'path', required: true, schema: { type: 'string' } },
          {
            name: 'milestone',
            in: 'path',
            required: true,
            schema: { enum: slugs(milestones.filter((m) => m.level === 'site')) },
          },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('MilestoneDate') } },
        },
        responses: {
          200: json(ref('MilestoneDate'), 'Recorded (or replaced).'),
          401: staffOnly,
          403: problem('Not the site’s own research office.'),
          404: problem('No such study or site.'),
          422: problem('The date is in the future or out of order with another milestone.'),
        },
      },
    },
    '/api/v1/studies/{id}/recruitment': {
      post: {
        tags: [tag],
        summary: 'Record participants recruited per site per day',
        description:
          'All or nothing: every row is checked and any problem refuses the whole batch. A day already recorded for a site is replaced. Rows must be on or after the site opened and not in the future. The first day with participants records the first-participant milestone when it is missing or later.',
        parameters: [idParameter],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['rows'],
                properties: {
                  rows: { type: 'array', maxItems: 10000, items: ref('RecruitmentRow') },
                },
              },
            },
            'text/csv': {
              schema: {
                type: 'string',
                description:
                  'A header row naming site, date and participants, then one row per site per day.',
              },
              example: 'site,date,participants\nuhb,2026-03-02,3\nnuh,2026-03-02,1\n',
            },
          },
        },
        responses: {
          200: json(
            {
              type: 'object',
              properties: { rows: { type: 'integer' }, participants: { type: 'integer' } },
            },
            'Saved.',
          ),
          401: staffOnly,
          403: problem('A row names a site of another organisation.'),
          404: problem('No such study.'),
          415: problem('Neither JSON nor CSV.'),
          422: problem('Row-level problems: errors names each row.'),
        },
      },
    },
    '/api/v1/studies/{id}/forecast': {
      get: {
        tags: [tag],
        summary: 'When the study will reach its target (Poisson-Gamma model)',
        description: 'See docs/forecasting.md for the model.',
        parameters: [idParameter],
        responses: {
          200: json({ type: 'object' }, 'The forecast.'),
          401: staffOnly,
          403: staffOnly,
          404: problem('No such study.'),
        },
      },
    },
  },
  schemas: {
    NewStudy: {
      type: 'object',
      additionalProperties: false,
      required: [
        'title',
        'shortTitle',
        'sponsor',
        'isCommercial',
        'studyType',
        'phase',
        'healthCategory',
        'mhraApprovalNeeded',
        'recruitmentTarget',
        'plannedStart',
        'plannedEnd',
      ],
      properties: {
        title: { type: 'string', maxLength: 300 },
        shortTitle: { type: 'string', maxLength: 80 },
        sponsor: { type: 'string', maxLength: 200 },
        isCommercial: { type: 'boolean' },
        studyType: { enum: slugs(studyTypes) },
        phase: { enum: slugs(trialPhases) },
        irasId: { type: ['string', 'null'], pattern: '^[0-9]{4,7}$' },
        isrctn: { type: ['string', 'null'], pattern: '^ISRCTN[0-9]{8}$' },
        nctId: { type: ['string', 'null'], pattern: '^NCT[0-9]{8}$' },
        euCtNumber: {
          type: ['string', 'null'],
          pattern: '^[0-9]{4}-[0-9]{6}-[0-9]{2}(-[0-9]{2})?$',
        },
        healthCategory: { enum: slugs(healthCategories) },
        mhraApprovalNeeded: { type: 'boolean' },
        recruitmentTarget: { type: 'integer', minimum: 1, maximum: 1000000 },
        plannedStart: date,
        plannedEnd: date,
        enquiryReference: { type: ['string', 'null'], pattern: '^MHA-[0-9]{4}-[0-9]{5,}$' },
      },
    },
    NewStudySite: {
      type: 'object',
      additionalProperties: false,
      required: [
        'organisation',
        'principalInvestigator',
        'recruitmentTarget',
        'plannedOpen',
        'plannedClose',
      ],
      properties: {
        organisation: { type: 'string', description: 'The partner trust’s slug, such as uhb.' },
        principalInvestigator: { type: 'string', maxLength: 200 },
        recruitmentTarget: { type: 'integer', minimum: 1 },
        plannedOpen: date,
        plannedClose: date,
      },
    },
    MilestoneDate: {
      type: 'object',
      additionalProperties: false,
      required: ['achievedOn'],
      properties: { achievedOn: date, evidence: { type: 'string', maxLength: 2000 } },
    },
    RecruitmentRow: {
      type: 'object',
      additionalProperties: false,
      required: ['site', 'date', 'participants'],
      properties: {
        site: { type: 'string', description: 'The trust’s slug (uhb) or the site id.' },
        date,
        participants: { type: 'integer', minimum: 0, maximum: 10000 },
      },
    },
    Study: {
      type: 'object',
      description:
        'A study with sites; each site has its milestones, measures (segments, total, rag, holdingUp) and recruited total.',
      properties: {
        id: { type: 'string' },
        reference: { type: 'string' },
        title: { type: 'string' },
        status: { enum: ['set-up', 'recruiting', 'closed'] },
        recruitmentTarget: { type: 'integer' },
        recruited: { type: 'integer' },
        sampleData: { type: 'boolean' },
        sites: { type: 'array', items: { type: 'object' } },
      },
    },
  },
};
