import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

test('with no environment the platform runs on port 3000 with the embedded database in ./data', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.dataDir, path.resolve('data'));
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.logLevel, 'info');
  assert.equal(config.publicUrl, 'http://localhost:3000');
  assert.equal(config.secureCookies, false);
});

test('an empty variable counts as not set', () => {
  assert.equal(loadConfig({ PORT: '', DATABASE_URL: '' }).port, 3000);
  assert.equal(loadConfig({ DATABASE_URL: '' }).databaseUrl, undefined);
});

test('a PostgreSQL URL and an https public address are accepted', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
    PUBLIC_URL: 'https://research.example.org/',
    PORT: '8080',
  });
  assert.equal(config.databaseUrl, 'postgres://postgres@127.0.0.1:5432/test');
  assert.equal(config.publicUrl, 'https://research.example.org');
  assert.equal(config.secureCookies, true);
  assert.equal(config.port, 8080);
});

test('every bad value is reported at once, by name', () => {
  assert.throws(
    () =>
      loadConfig({
        PORT: '70000',
        DATABASE_URL: 'mysql://localhost/db',
        LOG_LEVEL: 'verbose',
        PUBLIC_URL: 'not a url',
      }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(
        error.problems.map((problem) => problem.split(' ')[0]),
        ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'PUBLIC_URL'],
      );
      assert.match(error.message, /PORT must be between 1 and 65535/);
      return true;
    },
  );
  assert.throws(() => loadConfig({ PORT: '3.5' }), /PORT must be a whole number/);
  assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT must be a whole number/);
});

test('single sign-on needs all three OIDC settings or none', () => {
  assert.equal(loadConfig({}).oidc, undefined);
  assert.deepEqual(
    loadConfig({
      OIDC_ISSUER: 'https://login.example.nhs.uk',
      OIDC_CLIENT_ID: 'mha',
      OIDC_CLIENT_SECRET: 's3cret',
    }).oidc,
    { issuer: 'https://login.example.nhs.uk', clientId: 'mha', clientSecret: 's3cret' },
  );
  assert.throws(
    () => loadConfig({ OIDC_ISSUER: 'https://login.example.nhs.uk' }),
    /must be set together/,
  );
});
