export { pgBossDatabaseFor } from './database-adapter.js';
export {
  JobRunner,
  type JobContext,
  type JobHandler,
  type JobLogger,
  type JobRunnerOptions,
  type PendingJob,
  type QueuePolicy,
  type SendOptions,
} from './job-runner.js';
