import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { paths } from '../paths.js';
import { appStaticFolder, nhsukDistFolder } from '../views/environment.js';

const oneYearInSeconds = 31_536_000;
const oneWeekInMilliseconds = 7 * 24 * 60 * 60 * 1000;
const versionedFrontendFile = /^\/?nhsuk-frontend-\d+\.\d+\.\d+\.min\.(css|js)(\.map)?$/;

async function staticAssets(app: FastifyInstance) {
  // nhsuk-frontend's CSS and JS carry the version in their names: cache them for a year.
  await app.register(fastifyStatic, {
    root: path.join(nhsukDistFolder, 'nhsuk'),
    prefix: paths.frontendAssets,
    allowedPath: (pathName) => versionedFrontendFile.test(pathName),
    immutable: true,
    maxAge: oneYearInSeconds * 1000,
    index: false,
  });
  // Images that nhsuk-frontend's CSS asks for at fixed /assets/images/... addresses.
  await app.register(fastifyStatic, {
    root: path.join(nhsukDistFolder, 'nhsuk', 'assets'),
    prefix: paths.nhsukAssets,
    decorateReply: false,
    maxAge: oneWeekInMilliseconds,
    index: false,
  });
  // Our own stylesheet, linked with a content hash in the query string.
  await app.register(fastifyStatic, {
    root: appStaticFolder,
    prefix: paths.appAssets,
    decorateReply: false,
    immutable: true,
    maxAge: oneYearInSeconds * 1000,
    index: false,
  });
}

export default fp(staticAssets, { name: 'static-assets' });
