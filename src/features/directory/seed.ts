import { systemActor, type AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { loadDirectory } from './bulk-load.js';
import { generateSampleDirectory } from './sample-data/generate.js';

/**
 * On a first start (a directory with no capabilities and no people at all), fills the directory
 * with the generated sample records, published and marked as sample data, so a new user sees a
 * working search. Never touches a directory that has anything in it.
 */
export async function seedSampleDirectory(
  database: Database,
  audit: AuditTrail,
): Promise<{ organisations: number; people: number; capabilities: number } | null> {
  return database.transaction(async (tx) => {
    // Two instances starting together must not both seed.
    await tx.query('select pg_advisory_xact_lock($1)', [727_002]);
    const [existing] = await tx.query<{ any: boolean }>(
      'select exists (select 1 from capability) or exists (select 1 from directory_person) as any',
    );
    if (existing?.any) return null;
    const sample = generateSampleDirectory();
    const loaded = await loadDirectory(tx, sample, { status: 'published', isSample: true });
    const counts = {
      organisations: sample.organisations.length,
      people: loaded.people.size,
      capabilities: loaded.capabilities.size,
    };
    await audit.record(tx, systemActor, {
      action: 'create',
      entityType: 'sample-directory',
      after: { ...counts, note: 'Generated sample data, marked is_sample' },
    });
    return counts;
  });
}
