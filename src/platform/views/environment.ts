import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { paths } from '../paths.js';
import { renderMarkdown } from './markdown.js';
import { footerNavigation, navigationFor } from './navigation.js';

const require = createRequire(import.meta.url);
const sourceRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Folder of nhsuk-frontend's built files (templates, CSS, JS, images). */
export const nhsukDistFolder = path.join(
  path.dirname(require.resolve('nhsuk-frontend/package.json')),
  'dist',
);
export const nhsukFrontendVersion = (
  JSON.parse(readFileSync(path.join(nhsukDistFolder, '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
export const appStaticFolder = path.join(sourceRoot, 'views', 'static');

function fingerprint(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);
}

export interface AssetUrls {
  nhsukCss: string;
  nhsukJs: string;
  appCss: string;
}

export function assetUrls(): AssetUrls {
  const versioned = `nhsuk-frontend-${nhsukFrontendVersion}.min`;
  return {
    // nhsuk-frontend names its files after its version, so the URL changes whenever they do.
    nhsukCss: `${paths.frontendAssets}${versioned}.css`,
    nhsukJs: `${paths.frontendAssets}${versioned}.js`,
    appCss: `${paths.appAssets}app.css?v=${fingerprint(path.join(appStaticFolder, 'app.css'))}`,
  };
}

/** The one Nunjucks environment: our layouts, each feature's views, and NHS.UK components. */
export function createViewEnvironment(): nunjucks.Environment {
  const environment = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(
      [path.join(sourceRoot, 'views'), path.join(sourceRoot, 'features'), nhsukDistFolder],
      {
        noCache: false,
      },
    ),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  environment.addFilter(
    'markdown',
    (source: unknown) =>
      new nunjucks.runtime.SafeString(renderMarkdown(typeof source === 'string' ? source : '')),
  );
  environment.addFilter('formatNumber', (value: unknown) =>
    typeof value === 'number'
      ? value.toLocaleString('en-GB')
      : typeof value === 'string'
        ? value
        : '',
  );
  environment.addFilter('formatDate', (value: unknown) =>
    value instanceof Date
      ? value.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
      : '',
  );
  environment.addGlobal('paths', paths);
  return environment;
}

/** What the base layout needs on every page: assets, menus and the response's CSP nonce. */
export function layoutContext(assets: AssetUrls, currentPath: string, cspNonce: string) {
  return {
    cspNonce,
    assets,
    currentPath,
    navigation: navigationFor(currentPath),
    footerNavigation,
  };
}
