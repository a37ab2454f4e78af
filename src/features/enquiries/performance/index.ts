import type { FastifyInstance } from 'fastify';
import { paths } from '../../../platform/paths.js';
import type { EnquiryFeatureServices } from '../services.js';
import { performanceHandlers } from './handlers.js';
import { PerformanceService } from './service.js';

/**
 * /office/performance: how quickly the front door answers, for the alliance office and
 * administrators. Read-only: figures for a period, drawn as charts with their tables, and the
 * same figures as CSV.
 */
export default async function enquiryPerformanceRoutes(
  app: FastifyInstance,
  { services }: { services: EnquiryFeatureServices; publicUrl: string },
) {
  const handlers = performanceHandlers(new PerformanceService(services.database));
  const office = { access: ['admin', 'alliance-office'] } as const;
  app.get(paths.officePerformance, { config: office }, handlers.show);
  app.get(paths.officePerformanceCsv, { config: office }, handlers.exportCsv);
}
