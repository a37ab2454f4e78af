import {
  jsonResponse as json,
  problemResponse as problem,
  schemaRef as ref,
} from '../../platform/http/openapi-parts.js';
import { maxChildren, maxConceptsPerLeaf, maxDepth, maxNodes, maxWithinDays } from './criteria.js';
import { disclosureRule } from './service.js';

const tag = 'Patient feasibility';

const withinDays = {
  type: 'integer',
  minimum: 1,
  maximum: maxWithinDays,
  description:
    'Only events dated from this many days before the reference date up to the reference date. Absent: any time up to the reference date.',
};
const concept = {
  type: 'string',
  pattern: '^(SNOMED|LOINC|DMD|RXNORM|OMOP):[0-9A-Za-z-]+$',
  description:
    'VOCABULARY:code: SNOMED CT, LOINC, dm+d or RxNorm codes, or an OMOP concept id (OMOP:201826). Find them with /api/v1/feasibility/concepts.',
  examples: ['SNOMED:44054006', 'LOINC:4548-4', 'RXNORM:6809', 'OMOP:2000001001'],
};
const concepts = {
  type: 'array',
  items: concept,
  minItems: 1,
  maxItems: maxConceptsPerLeaf,
  description: 'Matches these exact concepts, unless descendants is true.',
};
const descendants = {
  type: 'boolean',
  description:
    'Also match concepts below the listed ones in the hierarchy (concept_ancestor), where the population has it.',
};
const leaf = (
  type: string,
  description: string,
  properties: Record<string, unknown>,
  required: string[] = [],
) => ({
  type: 'object',
  description,
  additionalProperties: false,
  required: ['type', ...required],
  properties: { type: { const: type }, ...properties },
});
const count = {
  type: 'object',
  description: disclosureRule,
  required: ['value', 'suppressed'],
  properties: {
    value: { type: ['integer', 'null'], description: 'null when suppressed' },
    suppressed: { type: 'boolean' },
  },
};

/** The feasibility part of the OpenAPI document, with the criteria language in full. */
export const feasibilityOpenApi = {
  tags: [
    {
      name: tag,
      description: `How many patients meet a set of criteria, in total and by home trust, sex and age band, counted on the reference date of the alliance's population (synthetic unless stated). Signed-in users only (session or personal API token). ${disclosureRule} Every query is logged with its user, and each user may run a limited number a minute.`,
    },
  ],
  paths: {
    '/api/v1/feasibility/counts': {
      post: {
        tags: [tag],
        summary: 'Count the patients who meet criteria',
        description:
          'The attrition table has one step for each criterion of a top-level "all" (the count after applying it and all before it), or one step for any other criteria.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['criteria'],
                additionalProperties: false,
                properties: { criteria: ref('FeasibilityCriteria') },
              },
              example: {
                criteria: {
                  all: [
                    { type: 'age', min: 65 },
                    { type: 'sex', value: 'female' },
                    { type: 'condition', concepts: ['SNOMED:396275006'], withinDays: 3650 },
                  ],
                },
              },
            },
          },
        },
        responses: {
          200: json(ref('FeasibilityCounts'), 'The counts, every one disclosure-controlled.'),
          401: problem('Not signed in.'),
          413: problem('The body is larger than 256 KiB.'),
          415: problem('The body is not sent as application/json.'),
          422: problem(
            'The criteria are not valid: an unknown type, concept or care site, a wrong type of value, nesting or size past a limit. `errors` names each problem by its place, like criteria.all[1].concepts[0].',
          ),
          429: problem('Too many counts in the last minute; Retry-After says when to try again.'),
          503: problem(
            'The population is still being generated or indexed; Retry-After says when to try again.',
          ),
        },
      },
    },
    '/api/v1/feasibility/concepts': {
      get: {
        tags: [tag],
        summary: 'Find concepts by name or code',
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: true,
            description:
              'Part of a concept name (grip, diabetes) or a code (44054006, SNOMED:44054006).',
            schema: { type: 'string', minLength: 1, maxLength: 100 },
          },
        ],
        responses: {
          200: json(
            {
              type: 'object',
              properties: {
                query: { type: 'string' },
                items: {
                  type: 'array',
                  maxItems: 20,
                  items: {
                    type: 'object',
                    properties: {
                      concept: concept,
                      name: { type: 'string' },
                      domain: { type: 'string' },
                      vocabulary: { type: 'string' },
                      code: { type: 'string' },
                    },
                  },
                },
              },
            },
            'Up to 20 concepts of the current population, best matches first.',
          ),
          400: problem('q is missing, empty or longer than 100 characters.'),
          401: problem('Not signed in.'),
        },
      },
    },
    '/api/v1/feasibility/templates': {
      get: {
        tags: [tag],
        summary: 'Built-in definitions',
        description:
          'EWGSOP2 probable, confirmed and severe sarcopenia for people aged 65 and over, and multimorbidity, each with its criteria and the publication it follows.',
        responses: {
          200: json(
            {
              type: 'object',
              properties: {
                items: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'string' },
                      name: { type: 'string' },
                      summary: { type: 'string' },
                      source: { type: 'string' },
                      criteria: ref('FeasibilityCriteria'),
                    },
                  },
                },
              },
            },
            'The templates.',
          ),
          401: problem('Not signed in.'),
        },
      },
    },
    '/api/v1/feasibility/population': {
      get: {
        tags: [tag],
        summary: 'The population counts are run on',
        responses: {
          200: json(
            {
              type: 'object',
              properties: {
                state: { enum: ['none', 'generating', 'indexing', 'ready', 'failed'] },
                description: { type: 'string' },
                size: count,
                referenceDate: { type: 'string', format: 'date' },
                synthetic: { type: 'boolean' },
                careSites: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { id: { type: 'string' }, name: { type: 'string' } },
                  },
                },
              },
            },
            'Its state, description, size (disclosure-controlled), reference date and trusts.',
          ),
          401: problem('Not signed in.'),
        },
      },
    },
  },
  schemas: {
    FeasibilityCriteria: {
      description: `A tree of groups over tests, evaluated on the population's reference date. At most ${maxDepth} levels deep, ${maxNodes} nodes in all and ${maxChildren} children in a group. The population is every person; events after the reference date are ignored.`,
      oneOf: [
        {
          type: 'object',
          title: 'all',
          description: 'Everyone who meets every criterion.',
          additionalProperties: false,
          required: ['all'],
          properties: {
            all: {
              type: 'array',
              minItems: 1,
              maxItems: maxChildren,
              items: ref('FeasibilityCriteria'),
            },
          },
        },
        {
          type: 'object',
          title: 'any',
          description: 'Everyone who meets at least one criterion.',
          additionalProperties: false,
          required: ['any'],
          properties: {
            any: {
              type: 'array',
              minItems: 1,
              maxItems: maxChildren,
              items: ref('FeasibilityCriteria'),
            },
          },
        },
        {
          type: 'object',
          title: 'not',
          description: 'Everyone who does not meet the criterion.',
          additionalProperties: false,
          required: ['not'],
          properties: { not: ref('FeasibilityCriteria') },
        },
        leaf('age', 'Age in whole years on the reference date, between min and max inclusive.', {
          min: { type: 'integer', minimum: 0, maximum: 130 },
          max: { type: 'integer', minimum: 0, maximum: 130 },
        }),
        leaf(
          'sex',
          'Recorded sex: gender concept 8532 (female) or 8507 (male).',
          { value: { enum: ['female', 'male'] } },
          ['value'],
        ),
        leaf(
          'condition',
          'A recorded condition (condition_start_date) of any of the concepts.',
          { concepts, withinDays, descendants },
          ['concepts'],
        ),
        leaf(
          'conditionCount',
          'At least atLeast different listed concepts recorded (a concept with descendants counts once however many of them are recorded).',
          { concepts, atLeast: { type: 'integer', minimum: 1 }, withinDays, descendants },
          ['concepts', 'atLeast'],
        ),
        leaf(
          'measurement',
          'A measurement value compared with value. latest: the measurement with the greatest date in the window (ties: the greatest measurement_id) must compare true; any: any measurement in the window. A measurement without a value never matches.',
          {
            concept,
            op: { enum: ['<', '<=', '=', '>=', '>'] },
            value: { type: 'number' },
            which: { enum: ['latest', 'any'] },
            withinDays,
          },
          ['concept', 'op', 'value', 'which'],
        ),
        leaf(
          'drug',
          'A drug exposure (drug_exposure_start_date) of any of the concepts.',
          { concepts, withinDays, descendants },
          ['concepts'],
        ),
        leaf(
          'visit',
          'A visit (visit_start_date) of OMOP standard visit concept 9201 (inpatient), 9202 (outpatient) or 9203 (emergency), at the care site when given.',
          {
            visitType: { enum: ['inpatient', 'outpatient', 'emergency'] },
            careSite: {
              type: 'string',
              description: 'A care_site_id, as listed by /api/v1/feasibility/population.',
            },
            withinDays,
          },
          ['visitType'],
        ),
      ],
    },
    FeasibilityCounts: {
      type: 'object',
      properties: {
        population: {
          type: 'object',
          properties: {
            description: { type: 'string' },
            size: count,
            referenceDate: { type: 'string', format: 'date' },
            synthetic: { type: 'boolean' },
          },
        },
        total: count,
        byCareSite: {
          type: 'array',
          description: 'Every trust, then (careSite null) persons with no home trust.',
          items: {
            type: 'object',
            properties: {
              careSite: {
                type: ['object', 'null'],
                properties: { id: { type: 'string' }, name: { type: 'string' } },
              },
              count,
              byAgeBand: { type: 'array', items: count, description: 'In the order of byAgeBand.' },
            },
          },
        },
        bySex: {
          type: 'array',
          items: {
            type: 'object',
            properties: { sex: { enum: ['female', 'male', 'other'] }, count },
          },
        },
        byAgeBand: {
          type: 'array',
          items: {
            type: 'object',
            properties: { band: { type: 'string', examples: ['60-69', '90 and over'] }, count },
          },
        },
        attrition: {
          type: 'array',
          items: {
            type: 'object',
            properties: { step: { type: 'integer' }, description: { type: 'string' }, count },
          },
        },
        disclosureControl: { type: 'string' },
        durationMs: { type: 'number', description: 'Time the engine took to count.' },
      },
    },
  },
};
