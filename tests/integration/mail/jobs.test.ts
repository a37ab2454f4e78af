import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { JobRunner, type JobContext, type QueuePolicy } from '../../../src/platform/jobs/index.js';
import { testEngines } from '../../support/databases.js';
import {
  createMailTestDatabase,
  recordingLogger,
  silentLogger,
  waitFor,
  type MailTestDatabase,
} from './support.js';

const policy: QueuePolicy = {
  retryLimit: 2,
  retryDelaySeconds: 0,
  retryBackoff: false,
  expireInSeconds: 30,
};

for (const engine of testEngines()) {
  describe(`background jobs on ${engine}`, () => {
    let testDatabase: MailTestDatabase;

    before(async () => {
      testDatabase = await createMailTestDatabase(engine);
    });
    after(async () => {
      await testDatabase.dispose();
    });

    const newRunner = () =>
      new JobRunner({
        database: testDatabase.database,
        logger: silentLogger,
        schema: testDatabase.jobSchema,
        pollIntervalMs: 100,
      });

    const stateOf = async (jobId: string) => {
      const [row] = await testDatabase.database.query<{ state: string }>(
        `select state::text as state from ${testDatabase.jobSchema}.job where id = $1`,
        [jobId],
      );
      return row?.state;
    };

    test('a job sent is handed to its worker with its data, then recorded as completed', async () => {
      const runner = newRunner();
      const received: unknown[] = [];
      runner.defineQueue('greeting', policy);
      runner.work('greeting', async (data) => {
        received.push(data);
      });
      await runner.start();
      try {
        const jobId = await runner.send('greeting', { name: 'Ada' });
        assert.ok(jobId);
        await waitFor('the job to complete', async () => (await stateOf(jobId)) === 'completed');
        assert.deepEqual(received, [{ name: 'Ada' }]);
      } finally {
        await runner.stop();
      }
    });

    test('a failing job is tried again, as its queue policy allows, until it succeeds', async () => {
      const runner = newRunner();
      const attempts: JobContext[] = [];
      runner.defineQueue('flaky', policy);
      runner.work('flaky', async (_data, job) => {
        attempts.push(job);
        if (attempts.length < 3) throw new Error(`failure ${attempts.length}`);
      });
      await runner.start();
      try {
        const jobId = await runner.send('flaky', {});
        assert.ok(jobId);
        await waitFor('the job to complete', async () => (await stateOf(jobId)) === 'completed');
        assert.deepEqual(
          attempts.map((job) => [job.id, job.retryCount, job.retryLimit]),
          [
            [jobId, 0, 2],
            [jobId, 1, 2],
            [jobId, 2, 2],
          ],
        );
      } finally {
        await runner.stop();
      }
    });

    test('a job sent inside a transaction exists only if the transaction commits', async () => {
      const runner = newRunner();
      runner.defineQueue('transactional', policy);
      await runner.start();
      try {
        await assert.rejects(
          testDatabase.database.transaction(async (tx) => {
            await runner.sendWithin(tx, 'transactional', { outcome: 'rolled back' });
            throw new Error('the change failed');
          }),
          /the change failed/,
        );
        await testDatabase.database.transaction((tx) =>
          runner.sendWithin(tx, 'transactional', { outcome: 'committed' }),
        );
        const pending = await runner.pendingJobs('transactional');
        assert.deepEqual(
          pending.map((job) => job.data),
          [{ outcome: 'committed' }],
        );
      } finally {
        await runner.stop();
      }
    });

    test('a job survives a restart: sent while no worker runs, the next runner does it', async () => {
      const first = newRunner();
      first.defineQueue('survivor', policy);
      await first.start();
      const jobId = await first.send('survivor', { note: 'sent before the restart' });
      assert.ok(jobId);
      await first.stop();

      const second = newRunner();
      const received: unknown[] = [];
      second.defineQueue('survivor', policy);
      second.work('survivor', async (data) => {
        received.push(data);
      });
      await second.start();
      try {
        await waitFor('the job to complete', async () => (await stateOf(jobId)) === 'completed');
        assert.deepEqual(received, [{ note: 'sent before the restart' }]);
      } finally {
        await second.stop();
      }
    });

    test('a job whose worker died while running it expires and is run again', async () => {
      const hanging = { ...policy, expireInSeconds: 1 };
      // A worker that never finishes: as good as a process killed in the middle of a job.
      const dead = new JobRunner({
        database: testDatabase.database,
        logger: silentLogger,
        schema: testDatabase.jobSchema,
        pollIntervalMs: 100,
        stopTimeoutMs: 100,
      });
      let deadStarted = false;
      dead.defineQueue('interrupted', hanging);
      dead.work('interrupted', () => {
        deadStarted = true;
        return new Promise<void>(() => undefined);
      });
      await dead.start();
      const jobId = await dead.send('interrupted', { note: 'interrupted' });
      assert.ok(jobId);
      await waitFor('the first attempt to start', () => deadStarted);
      await dead.stop();
      assert.equal(await stateOf(jobId), 'active');

      const logger = recordingLogger();
      const survivor = new JobRunner({
        database: testDatabase.database,
        logger,
        schema: testDatabase.jobSchema,
        pollIntervalMs: 100,
        maintenanceIntervalSeconds: 1,
      });
      const retried: JobContext[] = [];
      survivor.defineQueue('interrupted', hanging);
      survivor.work('interrupted', async (_data, job) => {
        retried.push(job);
      });
      await survivor.start();
      try {
        await waitFor('the job to complete', async () => (await stateOf(jobId)) === 'completed');
        assert.deepEqual(
          retried.map((job) => [job.id, job.retryCount]),
          [[jobId, 1]],
        );
        assert.deepEqual(
          logger.entries.filter((entry) => entry.level === 'error'),
          [],
          'maintenance ran without errors',
        );
      } finally {
        await survivor.stop();
      }
    });

    test('stop() lets the job in progress finish and records it as completed', async () => {
      const runner = newRunner();
      let started = false;
      let finished = false;
      runner.defineQueue('slow', policy);
      runner.work('slow', async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 400));
        finished = true;
      });
      await runner.start();
      const jobId = await runner.send('slow', {});
      assert.ok(jobId);
      await waitFor('the job to start', () => started);
      await runner.stop();
      assert.equal(finished, true);
      assert.equal(await stateOf(jobId), 'completed');
    });
  });
}
