import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RenderedPageCache } from './page-cache.js';

function counter() {
  let renders = 0;
  return {
    render: async () => `page ${++renders}`,
    count: () => renders,
  };
}

test('a page is rendered once and served from the cache until it expires', async () => {
  let now = 1_000;
  const cache = new RenderedPageCache(5_000, () => now);
  const page = counter();
  assert.equal(await cache.get('/', page.render), 'page 1');
  now += 4_999;
  assert.equal(await cache.get('/', page.render), 'page 1');
  now += 1;
  assert.equal(await cache.get('/', page.render), 'page 2');
  assert.equal(page.count(), 2);
});

test('clearing the cache makes the next request render afresh', async () => {
  const cache = new RenderedPageCache(60_000);
  const page = counter();
  await cache.get('/about', page.render);
  cache.clear();
  assert.equal(await cache.get('/about', page.render), 'page 2');
});

test('requests that arrive together while a page renders share one rendering', async () => {
  const cache = new RenderedPageCache(60_000);
  const page = counter();
  const results = await Promise.all([1, 2, 3].map(() => cache.get('/', page.render)));
  assert.deepEqual(results, ['page 1', 'page 1', 'page 1']);
  assert.equal(page.count(), 1);
});

test('a failed rendering is not cached', async () => {
  const cache = new RenderedPageCache(60_000);
  await assert.rejects(
    cache.get('/', () => Promise.reject(new Error('database down'))),
    /database down/,
  );
  assert.equal(await cache.get('/', async () => 'recovered'), 'recovered');
});

test('with a lifetime of zero nothing is kept', async () => {
  const cache = new RenderedPageCache(0);
  const page = counter();
  await cache.get('/', page.render);
  await cache.get('/', page.render);
  assert.equal(page.count(), 2);
  assert.equal(cache.size, 0);
});

test('a rendering that started before the cache was cleared is not kept afterwards', async () => {
  const cache = new RenderedPageCache(60_000);
  let finishOldRendering: (html: string) => void = () => undefined;
  const old = cache.get(
    '/',
    () => new Promise<string>((resolve) => (finishOldRendering = resolve)),
  );
  cache.clear();
  finishOldRendering('before the edit');
  assert.equal(await old, 'before the edit');
  assert.equal(await cache.get('/', async () => 'after the edit'), 'after the edit');
});
