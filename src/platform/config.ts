import path from 'node:path';
import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
  .optional();

const environmentSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(3000),
  HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: postgresUrl,
  LOG_LEVEL: z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }).default('info'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .optional(),
  ADMIN_EMAIL: z
    .email({ error: 'must be an email address' })
    .transform((email) => email.toLowerCase())
    .optional(),
  ADMIN_PASSWORD: z.string().optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: "must be the identity provider's https:// issuer URL" })
    .optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1, 'must not be empty').optional(),
  OIDC_CLIENT_SECRET: z.string().min(1, 'must not be empty').optional(),
  SUBMISSION_LIMIT: z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(1_000_000, { error: 'must be at most 1000000' })
    .default(30),
  SAMPLE_DATA: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  POPULATION_SIZE: z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be 0 or more' })
    .max(20_000_000, { error: 'must be at most 20000000' })
    .default(1_000_000),
  POPULATION_SEED: z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be 0 or more' })
    .max(2_147_483_647, { error: 'must be at most 2147483647' })
    .default(42),
  FEASIBILITY_QUERIES_PER_MINUTE: z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(100_000, { error: 'must be at most 100000' })
    .default(30),
  MAIL_FROM: z
    .string()
    .trim()
    .min(3, 'must be an address such as "Name <name@example.org>"')
    .optional(),
});

export type LogLevel = (typeof logLevels)[number];

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the folder that holds the embedded database and other local files. */
  dataDir: string;
  /** A PostgreSQL server; when absent the embedded database under `dataDir` is used. */
  databaseUrl: string | undefined;
  logLevel: LogLevel;
  /** The address people use to reach the site, without a trailing slash. */
  publicUrl: string;
  /** True when the site is served over https, so cookies must be marked Secure. */
  secureCookies: boolean;
  /** The first administrator, created on first start when no administrator exists. */
  firstAdministrator: { email: string | undefined; password: string | undefined };
  /** Where mail goes: an SMTP server, or (when absent) .eml files in DATA_DIR/mail. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Public submissions (enquiries) one client address may make per hour, per instance. */
  submissionLimit: number;
  /** Whether a first start fills the empty capability directory with generated sample records. */
  sampleData: boolean;
  /** Persons in the synthetic population generated on first start when none exists (0: none). */
  populationSize: number;
  populationSeed: number;
  /** Feasibility counts one user may run a minute. */
  feasibilityQueriesPerMinute: number;
  /** Single sign-on through an OpenID Connect provider, when all three settings are given. */
  oidc: { issuer: string; clientId: string; clientSecret: string } | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks configuration from environment variables; throws ConfigError naming every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (FOO= in a shell) means "not set", so the default applies.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`),
    );
  }
  const values = parsed.data;
  if (values.ADMIN_PASSWORD !== undefined && values.ADMIN_EMAIL === undefined) {
    throw new ConfigError(['ADMIN_PASSWORD is set but ADMIN_EMAIL is not: set both or neither']);
  }
  const oidcSettings = [values.OIDC_ISSUER, values.OIDC_CLIENT_ID, values.OIDC_CLIENT_SECRET];
  if (
    oidcSettings.some((value) => value !== undefined) &&
    oidcSettings.some((value) => value === undefined)
  ) {
    throw new ConfigError([
      'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together for single sign-on',
    ]);
  }
  const publicUrl = (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, '');
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: path.resolve(values.DATA_DIR),
    databaseUrl: values.DATABASE_URL,
    logLevel: values.LOG_LEVEL,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    firstAdministrator: { email: values.ADMIN_EMAIL, password: values.ADMIN_PASSWORD },
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM ?? 'Midlands Health Alliance <no-reply@mha.local>',
    sampleData: values.SAMPLE_DATA,
    submissionLimit: values.SUBMISSION_LIMIT,
    populationSize: values.POPULATION_SIZE,
    populationSeed: values.POPULATION_SEED,
    feasibilityQueriesPerMinute: values.FEASIBILITY_QUERIES_PER_MINUTE,
    oidc:
      values.OIDC_ISSUER && values.OIDC_CLIENT_ID && values.OIDC_CLIENT_SECRET
        ? {
            issuer: values.OIDC_ISSUER,
            clientId: values.OIDC_CLIENT_ID,
            clientSecret: values.OIDC_CLIENT_SECRET,
          }
        : undefined,
  };
}
