import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';
import { buildTestApp, type TestApp } from '../../support/app.js';

/** Debian's Chromium, started the way this machine needs (no downloads, no background traffic). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone-width window with JavaScript off: every page must still work in it. */
export const narrowNoScript: BrowserContextOptions = {
  javaScriptEnabled: false,
  viewport: { width: 320, height: 640 },
};

/** The real app on the embedded database, listening on a free loopback port. */
export async function startSite(
  options: Parameters<typeof buildTestApp>[1] = {},
): Promise<{ baseUrl: string; testApp: TestApp }> {
  const testApp = await buildTestApp('pglite', options);
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, testApp };
}
