import formbody from '@fastify/formbody';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import mailAdminRoutes from '../../../src/features/mail-admin/index.js';
import { PublicSite } from '../../../src/features/public-site/service.js';
import { AuditTrail } from '../../../src/platform/audit/audit-trail.js';
import { ApiTokenStore } from '../../../src/platform/auth/api-tokens.js';
import { SessionStore } from '../../../src/platform/auth/sessions.js';
import type { DatabaseEngine } from '../../../src/platform/db/database.js';
import authentication from '../../../src/platform/http/authentication.js';
import errorPages, { malformedRequestResponder } from '../../../src/platform/http/errors.js';
import { RenderedPageCache } from '../../../src/platform/http/page-cache.js';
import rendering from '../../../src/platform/http/rendering.js';
import requestLog, { requestIdFor } from '../../../src/platform/http/request-log.js';
import securityHeaders from '../../../src/platform/http/security-headers.js';
import staticAssets from '../../../src/platform/http/static-assets.js';
import { createMailServices, type MailServices } from '../../../src/platform/mail/index.js';
import { createViewEnvironment } from '../../../src/platform/views/environment.js';
import { createMailTestDatabase, temporaryFolder, type MailTestDatabase } from './support.js';

export interface MailTestApp {
  app: FastifyInstance;
  mail: MailServices;
  testDatabase: MailTestDatabase;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The platform as `buildApp` (src/app.ts) assembles it, with the same Fastify options and the
 * same platform plugins in the same order, plus the mail services and /admin/mail. `buildApp`
 * calls `ready()`, so nothing can be added to its app afterwards; once the mail services are
 * wired into it, tests can use `buildTestApp` from tests/support/app.ts instead.
 */
export async function buildMailTestApp(engine: DatabaseEngine): Promise<MailTestApp> {
  const testDatabase = await createMailTestDatabase(engine);
  const { database } = testDatabase;
  // As buildApp does: the partner organisations that site-office and industry users belong to.
  await new PublicSite(database).seedReferenceContent();
  const dataDir = temporaryFolder('mha-mail-app-');
  const views = createViewEnvironment();
  const app = Fastify({
    logger: false,
    genReqId: requestIdFor,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
    bodyLimit: 1_048_576,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: malformedRequestResponder(views),
  });
  const mail = createMailServices({
    database,
    dataDir,
    smtpUrl: undefined,
    mailFrom: 'Midlands Health Alliance <no-reply@mha.local>',
    // Fastify's own logger (silent here), as the composition root passes it.
    logger: app.log,
    jobSchema: testDatabase.jobSchema,
    pollIntervalMs: 100,
  });
  await mail.start();
  app.addHook('onClose', async () => {
    await mail.stop();
  });

  await app.register(requestLog);
  await app.register(securityHeaders, { https: false });
  await app.register(formbody);
  await app.register(rendering, { views, publicPageCache: new RenderedPageCache(60_000) });
  await app.register(errorPages);
  await app.register(authentication, {
    sessions: new SessionStore(database),
    apiTokens: new ApiTokenStore(database),
    audit: new AuditTrail(database),
    secureCookies: false,
  });
  await app.register(staticAssets);
  await app.register(mailAdminRoutes, { outbox: mail.outbox });
  await app.ready();

  return {
    app,
    mail,
    testDatabase,
    dataDir,
    async close() {
      await app.close();
      await testDatabase.dispose();
    },
  };
}
