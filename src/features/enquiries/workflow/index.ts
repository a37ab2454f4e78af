import type { FastifyInstance } from 'fastify';
import type { EnquiryFeatureServices } from '../services.js';

/** The alliance office's queue and enquiry pages, and each site office's inbox (being written). */
export default async function enquiryWorkflowRoutes(
  _app: FastifyInstance,
  _options: { services: EnquiryFeatureServices; publicUrl: string },
) {}
