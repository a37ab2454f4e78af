import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { freePort } from '../../support/net.js';

const serverEntry = path.resolve('src/server.ts');

function startServer(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe('the server process', () => {
  test('refuses to start on bad configuration and names every bad value', async () => {
    const server = startServer({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    const code = await server.exited;
    assert.equal(code, 1);
    assert.match(server.output(), /PORT must be a whole number/);
    assert.match(server.output(), /LOG_LEVEL must be one of/);
    assert.match(server.output(), /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
  });

  test('starts on an empty data folder with the embedded database and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'mha-server-')), 'nested', 'data');
    const server = startServer({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    try {
      let status = 0;
      for (let attempt = 0; attempt < 600 && status !== 200; attempt += 1) {
        status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (response) => response.status,
          () => 0,
        );
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(status, 200, server.output());
      const home = await fetch(`http://127.0.0.1:${port}/`);
      assert.equal(home.status, 200);
      assert.match(await home.text(), /Midlands Health Alliance/);

      server.child.kill('SIGTERM');
      assert.equal(await server.exited, 0);
      assert.match(server.output(), /shutting down/);
      assert.match(server.output(), /"reqId"/, 'logs are structured JSON with a request id');
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});
