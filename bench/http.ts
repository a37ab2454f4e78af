/**
 * npm run bench:http — requests per second and latency of public pages on the embedded database,
 * next to a bare Fastify route, each server in its own process and autocannon in this one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../tests/support/net.js';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const durationSeconds = Number(process.env.BENCH_DURATION ?? 10);
const logLevel = process.env.BENCH_LOG_LEVEL ?? 'info';

async function startProcess(
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const ok = await fetch(`${url}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${script} did not start`);
}

interface Measured {
  target: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function measure(target: string, url: string): Promise<Measured> {
  // A short warm-up so the first compilation and caches are not counted.
  await autocannon({ url, connections, duration: 2 });
  const result = await autocannon({ url, connections, duration: durationSeconds });
  return {
    target,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mha-bench-'));
const platform = await startProcess('src/server.ts', {
  DATA_DIR: dataDir,
  LOG_LEVEL: logLevel,
  DATABASE_URL: '',
});
const bare = await startProcess('bench/bare-server.ts', {});
try {
  console.log(
    `bench:http — ${connections} connections, ${durationSeconds} s per target, embedded database, LOG_LEVEL=${logLevel}, ${os.cpus().length} cores`,
  );
  const results = [
    await measure('bare Fastify route', `${bare.url}/`),
    await measure('GET / (home)', `${platform.url}/`),
    await measure('GET /partners', `${platform.url}/partners`),
  ];
  const bareRate = results[0]?.requestsPerSecond ?? 1;
  console.table(
    results.map((r) => ({
      target: r.target,
      'requests/s': Math.round(r.requestsPerSecond),
      'p50 ms': r.p50Ms,
      'p99 ms': r.p99Ms,
      'ratio to bare': (r.requestsPerSecond / bareRate).toFixed(2),
      'errors+timeouts': r.errors,
      'non-2xx': r.non2xx,
    })),
  );
} finally {
  platform.child.kill('SIGTERM');
  bare.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  rmSync(dataDir, { recursive: true, force: true });
}
