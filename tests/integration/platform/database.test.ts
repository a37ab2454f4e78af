import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PublicSite } from '../../../src/features/public-site/service.js';
import { migrate, readMigrations } from '../../../src/platform/db/migrate.js';
import { openServerDatabase } from '../../../src/platform/db/postgres.js';
import {
  createServerSchema,
  createTestDatabase,
  serverUrl,
  testEngines,
  type TestDatabase,
} from '../../support/databases.js';

for (const engine of testEngines()) {
  describe(`database layer on ${engine}`, () => {
    let testDatabase: TestDatabase;
    before(async () => {
      testDatabase = await createTestDatabase(engine);
      await migrate(testDatabase.database);
    });
    after(async () => {
      await testDatabase.dispose();
    });

    test('every migration is recorded once and running them again applies nothing', async () => {
      const { database } = testDatabase;
      const versions = await database.query<{ version: string }>(
        'select version from schema_migration order by version',
      );
      assert.deepEqual(
        versions.map((row) => row.version),
        (await readMigrations()).map((migration) => migration.version),
      );
      assert.deepEqual(await migrate(database), []);
    });

    test('a transaction commits when its work succeeds and rolls back when it throws', async () => {
      const { database } = testDatabase;
      await database.query('create table tx_probe (value text)');
      await database.transaction(async (tx) => {
        await tx.query("insert into tx_probe values ('kept')");
      });
      await assert.rejects(
        database.transaction(async (tx) => {
          await tx.query("insert into tx_probe values ('discarded')");
          throw new Error('stop');
        }),
        /stop/,
      );
      const rows = await database.query<{ value: string }>('select value from tx_probe');
      assert.deepEqual(rows, [{ value: 'kept' }]);
    });

    test('reference content is seeded once and never overwrites what staff changed', async () => {
      const site = new PublicSite(testDatabase.database);
      const first = await site.seedReferenceContent();
      assert.ok(
        first.pages >= 8 && first.facts === 7 && first.organisations >= 12,
        JSON.stringify(first),
      );
      await testDatabase.database.query(
        "update site_page set title = 'Edited' where slug = 'about'",
      );
      assert.deepEqual(await site.seedReferenceContent(), { pages: 0, facts: 0, organisations: 0 });
      assert.equal((await site.page('about')).title, 'Edited');
    });

    test('constraints refuse malformed content', async () => {
      const { database } = testDatabase;
      await assert.rejects(
        database.query(
          "insert into site_page (slug, title, summary, body_markdown) values ('Bad Slug', 't', 's', '')",
        ),
      );
      await assert.rejects(
        database.query(
          "insert into organisation (slug, name, short_name, type, city, summary) values ('x', 'X', 'X', 'pharmacy', 'Derby', 's')",
        ),
      );
    });
  });
}

describe(
  'migrations on the PostgreSQL server',
  {
    skip: !process.env.TEST_DATABASE_URL && 'TEST_DATABASE_URL is not set',
  },
  () => {
    test('four instances starting together on an empty database apply each migration once', async () => {
      const { schema, drop } = await createServerSchema();
      const instances = [1, 2, 3, 4].map(() => openServerDatabase({ url: serverUrl(), schema }));
      try {
        const appliedByEach = await Promise.all(instances.map((database) => migrate(database)));
        const all = (await readMigrations()).map((migration) => migration.name);
        assert.deepEqual(appliedByEach.flat().sort(), all.sort());
        const [first] = instances;
        assert.ok(first);
        const rows = await first.query<{ count: number }>(
          'select count(*)::int as count from schema_migration',
        );
        assert.deepEqual(rows, [{ count: all.length }]);
      } finally {
        await Promise.all(instances.map((database) => database.close()));
        await drop();
      }
    });
  },
);
