import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config.js';

const shutdownGraceMs = 10_000;

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const app = await buildApp(config);
  let closing = false;
  const shutDown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    // If something hangs, leave anyway rather than ignore the orchestrator.
    setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, shutdownGraceMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutDown);
  process.on('SIGINT', shutDown);

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Midlands Health Alliance platform at ${config.publicUrl}`);
}

main().catch((error: unknown) => {
  console.error('The platform could not start:', error);
  process.exit(1);
});
