import {
  problemResponse as problem,
  schemaRef as ref,
  slugsOf as slugs,
} from '../../platform/http/openapi-parts.js';
import { healthCategories } from '../directory/model.js';
import { idempotencyKeyMaxLength } from './api-handlers.js';
import { enquiryStages, enquiryTypes, firstResponseWorkingDays, trialPhases } from './model.js';
import { limits } from './schema.js';

/** The front door's part of the OpenAPI document. */
export const enquiriesOpenApi = {
  tags: [
    {
      name: 'Industry enquiries',
      description: `Send an enquiry to the alliance's single front door; no sign-in needed. We reply within ${firstResponseWorkingDays} working days.`,
    },
  ],
  paths: {
    '/api/v1/enquiries': {
      post: {
        tags: ['Industry enquiries'],
        summary: 'Send an enquiry',
        description: `Stores the enquiry, emails an acknowledgement with a private status link to the contact, and answers with its reference. Send JSON only. To retry safely after a timeout, send an Idempotency-Key header: the same key with the same body gives the same answer without a second enquiry; the same key with a different body is refused with 422.`,
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description:
              'Any value unique to this enquiry, such as a UUID: printable ASCII characters. Repeat it, with the same body, to retry.',
            schema: { type: 'string', minLength: 1, maxLength: idempotencyKeyMaxLength },
          },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('NewEnquiry') } },
        },
        responses: {
          201: {
            description:
              'Stored (or, for a repeated Idempotency-Key and body, stored before: the header Idempotent-Replayed is then true).',
            headers: {
              Location: {
                description: 'The enquirer’s private status page (the same as statusUrl).',
                schema: { type: 'string', format: 'uri' },
              },
              'Idempotent-Replayed': {
                description: 'Present, with the value true, when this is the answer to a repeat.',
                schema: { type: 'string', enum: ['true'] },
              },
            },
            content: { 'application/json': { schema: ref('EnquiryReceipt') } },
          },
          400: problem('The body is not JSON at all.'),
          413: problem('The body is larger than 64 KiB.'),
          415: problem('The body is not sent as application/json.'),
          422: problem(
            'A field is missing or wrong (`errors` names each one), or the Idempotency-Key was already used for a different request.',
          ),
        },
      },
    },
  },
  schemas: {
    NewEnquiry: {
      type: 'object',
      additionalProperties: false,
      required: [
        'organisationName',
        'contactName',
        'contactEmail',
        'enquiryType',
        'healthCategory',
        'description',
        'consentToContact',
      ],
      properties: {
        organisationName: { type: 'string', minLength: 1, maxLength: limits.name },
        contactName: { type: 'string', minLength: 1, maxLength: limits.name },
        contactEmail: { type: 'string', format: 'email', maxLength: limits.email },
        contactPhone: { type: ['string', 'null'], maxLength: limits.phone },
        enquiryType: { type: 'string', enum: slugs(enquiryTypes) },
        healthCategory: {
          type: 'string',
          description:
            'An HRCS health category, by its exact name (e.g. "Musculoskeletal") or its slug (e.g. "musculoskeletal").',
          enum: [...healthCategories.map((category) => category.name), ...slugs(healthCategories)],
        },
        phase: {
          type: ['string', 'null'],
          enum: [...slugs(trialPhases), null],
          description:
            'For commercial-trial and device-evaluation enquiries only; ignored for the others.',
        },
        participants: {
          type: ['integer', 'null'],
          minimum: 1,
          maximum: limits.participants,
        },
        sites: { type: ['integer', 'null'], minimum: 1, maximum: limits.sites },
        timeline: {
          type: ['string', 'null'],
          maxLength: limits.timeline,
          description: 'When you want to start, in your words.',
        },
        description: {
          type: 'string',
          minLength: limits.descriptionMin,
          maxLength: limits.descriptionMax,
          description:
            'What the study is and what you need. Do not include confidential information: we can sign a confidentiality agreement first.',
        },
        consentToContact: {
          type: 'boolean',
          const: true,
          description: 'Must be true: the alliance may contact the enquirer about the enquiry.',
        },
        capabilityId: {
          type: ['string', 'null'],
          format: 'uuid',
          description: 'A published capability from the directory the enquiry is about.',
        },
      },
    },
    EnquiryReceipt: {
      type: 'object',
      required: ['reference', 'stage', 'receivedAt', 'statusUrl'],
      properties: {
        reference: {
          type: 'string',
          pattern: '^MHA-[0-9]{4}-[0-9]{5,}$',
          example: 'MHA-2026-00042',
        },
        stage: { type: 'string', enum: slugs(enquiryStages) },
        stageLabel: { type: 'string' },
        nextStep: { type: 'string' },
        receivedAt: { type: 'string', format: 'date-time' },
        firstResponseDueAt: { type: ['string', 'null'], format: 'date-time' },
        statusUrl: {
          type: 'string',
          format: 'uri',
          description:
            'The enquirer’s private status page, also emailed to them. Anyone with it can see the enquiry’s progress: keep it private.',
        },
      },
    },
  },
};
