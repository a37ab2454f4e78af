import type { FastifyInstance } from 'fastify';
import type { EnquiryFeatureServices } from '../services.js';

/** /office/performance: how quickly the front door answers (being written). */
export default async function enquiryPerformanceRoutes(
  _app: FastifyInstance,
  _options: { services: EnquiryFeatureServices; publicUrl: string },
) {}
