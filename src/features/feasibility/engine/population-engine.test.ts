import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import pino from 'pino';
import { generateIntoDataDir } from '../population/generate.js';
import { PopulationEngine } from './population-engine.js';

const silent = pino({ level: 'silent' });

test('a first start generates a population in the background, then indexes it', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mha-engine-'));
  try {
    const engine = new PopulationEngine({ dataDir, generateSize: 600, seed: 3, log: silent });
    engine.start();
    assert.equal(engine.current().index, undefined, 'start returns before the work is done');
    while (engine.current().status.state === 'none') await new Promise(setImmediate);
    assert.equal(engine.current().status.state, 'generating');
    await engine.settled();
    const { index, status } = engine.current();
    assert.equal(status.state, 'ready');
    assert.equal(index?.size, 600);
    assert.equal(index.manifest.synthetic, true);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a newly installed population is indexed while the old one goes on answering', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mha-engine-'));
  try {
    await generateIntoDataDir({ dataDir, persons: 400, seed: 1 });
    const engine = new PopulationEngine({
      dataDir,
      generateSize: 0,
      seed: 1,
      log: silent,
      checkEveryMs: 0,
    });
    engine.start();
    await engine.settled();
    assert.equal(engine.current().index?.size, 400);

    await generateIntoDataDir({ dataDir, persons: 900, seed: 2 });
    const meanwhile = engine.current();
    assert.equal(meanwhile.index?.size, 400, 'the old index answers until the new one is built');
    await engine.settled();
    await engine.settled();
    assert.equal(engine.current().index?.size, 900);
    assert.equal(engine.current().status.state, 'ready');
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('without a population and with generation off, the state says there is none', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mha-engine-'));
  try {
    const engine = new PopulationEngine({ dataDir, generateSize: 0, seed: 1, log: silent });
    engine.start();
    await engine.settled();
    assert.deepEqual(engine.current().status, { state: 'none' });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
