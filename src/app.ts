import formbody from '@fastify/formbody';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import accountRoutes from './features/accounts/index.js';
import { AccountLinks } from './features/accounts/links.js';
import apiTokenRoutes from './features/api-tokens/index.js';
import { PersonalApiTokens } from './features/api-tokens/service.js';
import { AccountService } from './features/accounts/service.js';
import auditAdminRoutes from './features/audit-admin/index.js';
import mailAdminRoutes from './features/mail-admin/index.js';
import publicSiteRoutes from './features/public-site/index.js';
import singleSignOnRoutes from './features/single-sign-on/index.js';
import userAdminRoutes from './features/user-admin/index.js';
import directoryRoutes from './features/directory/index.js';
import { enquiriesForStudies } from './features/enquiries/for-studies.js';
import portfolioRoutes from './features/portfolio/index.js';
import { portfolioOpenApi } from './features/portfolio/openapi.js';
import { seedPortfolioReference, seedSamplePortfolio } from './features/portfolio/seed.js';
import { PortfolioService } from './features/portfolio/service.js';
import studyRoutes from './features/studies/index.js';
import { StudyForecasts } from './features/studies/forecasting.js';
import { studiesOpenApi } from './features/studies/openapi.js';
import { seedSampleStudies } from './features/studies/sample-data.js';
import { StudyService } from './features/studies/service.js';
import feasibilityRoutes from './features/feasibility/index.js';
import { feasibilityOpenApi } from './features/feasibility/openapi.js';
import { PopulationEngine } from './features/feasibility/engine/population-engine.js';
import { FeasibilityService } from './features/feasibility/service.js';
import enquiryRoutes from './features/enquiries/index.js';
import { enquiriesOpenApi } from './features/enquiries/openapi.js';
import {
  defineEnquiryReminders,
  scheduleEnquiryReminders,
} from './features/enquiries/reminders/index.js';
import { seedSampleEnquiries } from './features/enquiries/sample-data/index.js';
import { EnquiryMatcher } from './features/directory/matching.js';
import { directoryOpenApi } from './features/directory/openapi.js';
import { DirectoryRecords } from './features/directory/records.js';
import { seedSampleDirectory } from './features/directory/seed.js';
import { DirectorySearch } from './features/directory/service.js';
import siteContentRoutes from './features/site-content/index.js';
import { ContentEditor } from './features/site-content/service.js';
import { PublicSite } from './features/public-site/service.js';
import { AuditTrail, systemActor } from './platform/audit/audit-trail.js';
import { ApiTokenStore } from './platform/auth/api-tokens.js';
import { SessionStore } from './platform/auth/sessions.js';
import type { Config } from './platform/config.js';
import { migrate, openDatabase, type Database } from './platform/db/index.js';
import { apiDocsRoutes, openApiDocument } from './platform/http/api-docs.js';
import authentication from './platform/http/authentication.js';
import errorPages, { malformedRequestResponder } from './platform/http/errors.js';
import healthChecks from './platform/http/health.js';
import { RenderedPageCache } from './platform/http/page-cache.js';
import { createMailServices, type MailServices } from './platform/mail/index.js';
import rendering from './platform/http/rendering.js';
import requestLog, { requestIdFor } from './platform/http/request-log.js';
import securityHeaders from './platform/http/security-headers.js';
import submissionLimit from './platform/http/submission-limit.js';
import staticAssets from './platform/http/static-assets.js';
import { createViewEnvironment } from './platform/views/environment.js';

export interface AppOverrides {
  /** A database already opened (and kept open) by the caller, e.g. a test's clone. */
  database?: Database;
  /** Pino options or false; defaults to structured JSON at the configured level. */
  logger?: boolean | { level: string };
  /** The rendered-page cache, for tests that need to see or clear it. */
  publicPageCache?: RenderedPageCache;
  /** pg-boss's schema; test apps sharing one PostgreSQL server each need their own. */
  jobSchema?: string;
  /** Told the first administrator's one-time password; by default it is printed to the console. */
  announceFirstAdministrator?: (administrator: { email: string; oneTimePassword: string }) => void;
}

function printFirstAdministrator(
  config: Config,
  { email, oneTimePassword }: { email: string; oneTimePassword: string },
) {
  // Printed once, to the console only: it is never stored or logged anywhere else.
  process.stdout.write(
    [
      '',
      '  No administrator existed, so one has been created for this first start.',
      `  Sign in at ${config.publicUrl}/sign-in`,
      `    email:              ${email}`,
      `    one-time password:  ${oneTimePassword}`,
      '  You will be asked to choose your own password. This is not shown again.',
      '',
      '',
    ].join('\n'),
  );
}

/** Every service the features use, built in one place. */
export interface Services {
  database: Database;
  audit: AuditTrail;
  sessions: SessionStore;
  apiTokens: ApiTokenStore;
  personalApiTokens: PersonalApiTokens;
  accounts: AccountService;
  /** Password resets, invitations and deactivation: everything done through emailed links. */
  accountLinks: AccountLinks;
  /** The mail outbox, its delivery jobs and the background job runner. */
  mail: MailServices;
  publicSite: PublicSite;
  contentEditor: ContentEditor;
  /** Cleared by anything that changes public content, so the change shows at once. */
  publicPageCache: RenderedPageCache;
  /** The capability directory as the public searches it. */
  directorySearch: DirectorySearch;
  /** The capability directory as its owners maintain it. */
  directoryRecords: DirectoryRecords;
  /** Suggests directory records that fit an industry enquiry. */
  enquiryMatcher: EnquiryMatcher;
  studies: StudyService;
  /** Grand challenges, research projects, pipelines and duplication alerts. */
  portfolio: PortfolioService;
  studyForecasts: StudyForecasts;
  /** The population feasibility counts run on, and its index. */
  population: PopulationEngine;
  feasibility: FeasibilityService;
}

const defaultPublicPageCacheTtlMs = 5_000;

function buildServices(
  config: Config,
  database: Database,
  overrides: AppOverrides,
  logger: FastifyBaseLogger,
): Services {
  const audit = new AuditTrail(database);
  const sessions = new SessionStore(database);
  const apiTokens = new ApiTokenStore(database);
  const mail = createMailServices({
    database,
    dataDir: config.dataDir,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    logger,
    ...(overrides.jobSchema ? { jobSchema: overrides.jobSchema } : {}),
  });
  const publicSite = new PublicSite(database);
  const publicPageCache =
    overrides.publicPageCache ?? new RenderedPageCache(defaultPublicPageCacheTtlMs);
  const studies = new StudyService(database, audit, enquiriesForStudies(database));
  const population = new PopulationEngine({
    dataDir: config.dataDir,
    generateSize: config.populationSize,
    seed: config.populationSeed,
    log: logger,
  });
  return {
    database,
    audit,
    sessions,
    apiTokens,
    personalApiTokens: new PersonalApiTokens(database, apiTokens, audit),
    accounts: new AccountService(database, sessions, audit),
    accountLinks: new AccountLinks(database, sessions, audit, mail.outbox, config.publicUrl),
    mail,
    publicSite,
    contentEditor: new ContentEditor(database, publicSite, audit, () => publicPageCache.clear()),
    publicPageCache,
    directorySearch: new DirectorySearch(database),
    directoryRecords: new DirectoryRecords(database, audit),
    enquiryMatcher: new EnquiryMatcher(database),
    studies,
    portfolio: new PortfolioService(database, audit),
    studyForecasts: new StudyForecasts(() => studies.today()),
    population,
    feasibility: new FeasibilityService(
      database,
      audit,
      population,
      config.feasibilityQueriesPerMinute,
    ),
  };
}

/**
 * The one composition root: opens and migrates the database, seeds reference content, builds the
 * services and registers the platform and every feature. Tests call it with their own database.
 */
export async function buildApp(
  config: Config,
  overrides: AppOverrides = {},
): Promise<FastifyInstance> {
  const views = createViewEnvironment();
  views.addGlobal('singleSignOnAvailable', config.oidc !== undefined);
  const app = Fastify({
    logger: overrides.logger ?? { level: config.logLevel },
    genReqId: requestIdFor,
    // One structured line per request comes from platform/http/request-log.ts instead.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
    bodyLimit: 1_048_576,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: malformedRequestResponder(views),
  });

  const ownsDatabase = overrides.database === undefined;
  const database =
    overrides.database ??
    (await openDatabase(config, (error) =>
      app.log.warn({ err: error }, 'database connection lost'),
    ));
  if (ownsDatabase) {
    app.addHook('onClose', async () => {
      await database.close();
    });
  }

  try {
    const applied = await migrate(database);
    if (applied.length > 0) app.log.info({ migrations: applied }, 'database migrated');
    const services = buildServices(config, database, overrides, app.log);
    // Added after the database's onClose hook, so it runs first (Fastify runs them last-first).
    app.addHook('onClose', async () => {
      await services.mail.stop();
    });
    // Jobs are declared before the runner starts and scheduled once it has.
    defineEnquiryReminders(services, config.publicUrl);
    await services.mail.start();
    scheduleEnquiryReminders(services);
    const seeded = await services.publicSite.seedReferenceContent();
    if (seeded.pages + seeded.facts + seeded.organisations > 0) {
      await services.audit.record(database, systemActor, {
        action: 'create',
        entityType: 'reference-data',
        after: seeded,
      });
    }
    const sampleDirectory = config.sampleData
      ? await seedSampleDirectory(database, services.audit)
      : null;
    const sampleEnquiries = config.sampleData ? await seedSampleEnquiries(services) : null;
    const portfolioReference = await seedPortfolioReference(database, services.audit);
    const samplePortfolio = config.sampleData
      ? await seedSamplePortfolio(database, services.audit, services.studies.today())
      : null;
    const sampleStudies = config.sampleData
      ? await seedSampleStudies(database, services.audit, services.studies.today())
      : null;
    app.log.info(
      {
        engine: database.engine,
        seeded,
        sampleDirectory,
        sampleEnquiries,
        sampleStudies,
        portfolioReference,
        samplePortfolio,
      },
      'database ready',
    );
    const administrator = await services.accounts.ensureFirstAdministrator(
      config.firstAdministrator,
    );
    if (administrator) {
      app.log.warn({ email: administrator.email }, 'first administrator created');
      if (administrator.oneTimePassword) {
        const announce =
          overrides.announceFirstAdministrator ??
          ((created) => printFirstAdministrator(config, created));
        announce({ email: administrator.email, oneTimePassword: administrator.oneTimePassword });
      }
    }

    await app.register(requestLog);
    await app.register(securityHeaders, { https: config.secureCookies });
    await app.register(formbody);
    await app.register(rendering, {
      views,
      publicPageCache: services.publicPageCache,
    });
    await app.register(errorPages);
    await app.register(authentication, {
      sessions: services.sessions,
      apiTokens: services.apiTokens,
      audit: services.audit,
      secureCookies: config.secureCookies,
    });
    // After the page and session hooks, so a refusal is shown as a proper page.
    await app.register(submissionLimit, { max: config.submissionLimit, windowSeconds: 3_600 });
    await app.register(staticAssets);
    await app.register(healthChecks, { database });
    await app.register(publicSiteRoutes, { publicSite: services.publicSite });
    await app.register(accountRoutes, {
      accounts: services.accounts,
      links: services.accountLinks,
    });
    if (config.oidc) {
      await app.register(singleSignOnRoutes, {
        oidc: config.oidc,
        publicUrl: config.publicUrl,
        accounts: services.accounts,
        audit: services.audit,
        database: services.database,
        secureCookies: config.secureCookies,
        allowInsecureIssuer: config.oidc.issuer.startsWith('http://'),
      });
    }
    await app.register(userAdminRoutes, {
      links: services.accountLinks,
      publicSite: services.publicSite,
    });
    await app.register(mailAdminRoutes, { outbox: services.mail.outbox });
    await app.register(apiTokenRoutes, { tokens: services.personalApiTokens });
    await app.register(auditAdminRoutes, { audit: services.audit });
    await app.register(siteContentRoutes, { editor: services.contentEditor });
    await app.register(directoryRoutes, {
      search: services.directorySearch,
      records: services.directoryRecords,
      database: services.database,
      audit: services.audit,
      publicUrl: config.publicUrl,
    });
    await app.register(enquiryRoutes, { services, publicUrl: config.publicUrl });
    await app.register(feasibilityRoutes, { service: services.feasibility });
    await app.register(portfolioRoutes, { service: services.portfolio });
    await app.register(studyRoutes, {
      service: services.studies,
      forecasts: services.studyForecasts,
    });
    await app.register(apiDocsRoutes, {
      document: openApiDocument(config.publicUrl, [
        directoryOpenApi,
        enquiriesOpenApi,
        feasibilityOpenApi,
        studiesOpenApi,
        portfolioOpenApi,
      ]),
    });
    app.addHook('onClose', async () => {
      services.population.close();
      await services.population.settled();
    });
    await app.ready();
    // In the background: a first start may generate a population, and the site is up meanwhile.
    services.population.start();
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}
