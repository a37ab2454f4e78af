import type { FastifyInstance } from 'fastify';
import type { DirectoryRecords } from '../records.js';

export interface DirectoryManageRoutesOptions {
  records: DirectoryRecords;
}

/** Staff maintenance of directory records (being written). */
export default async function directoryManageRoutes(
  _app: FastifyInstance,
  _options: DirectoryManageRoutesOptions,
) {}
