// Keeps the index of the current population: builds it at start, generates a synthetic population
// first when there is none (in the background, so the website is up meanwhile), and notices when
// a new population has been installed (by population:import or population:generate), building
// its index while the old one goes on answering.
import type { FastifyBaseLogger } from 'fastify';
import { generateIntoDataDir } from '../population/generate.js';
import { type PopulationManifest, populationDirectory, readManifest } from '../population/store.js';
import { type PersonIndex, buildPersonIndex } from './person-index.js';

export type PopulationStatus =
  | { state: 'none' }
  | { state: 'generating'; persons: number }
  | { state: 'indexing'; manifest: PopulationManifest }
  | { state: 'ready'; manifest: PopulationManifest }
  | { state: 'failed'; message: string };

export interface PopulationEngineOptions {
  dataDir: string;
  /** Persons to generate when no population exists; 0 generates none. */
  generateSize: number;
  seed: number;
  log: FastifyBaseLogger;
  /** How often a request may check whether a new population has been installed. */
  checkEveryMs?: number;
}

export class PopulationEngine {
  private index: PersonIndex | undefined;
  private status: PopulationStatus = { state: 'none' };
  private work: Promise<void> = Promise.resolve();
  private lastCheck = 0;
  private closed = false;
  private readonly directory: string;

  constructor(private readonly options: PopulationEngineOptions) {
    this.directory = populationDirectory(options.dataDir);
  }

  /** Starts loading (or generating) in the background; `settled()` waits for it. */
  start(): void {
    this.lastCheck = Date.now();
    this.work = this.load(true);
  }

  /** Resolves when the work in hand (generation, indexing) has finished, well or not. */
  settled(): Promise<void> {
    return this.work;
  }

  /** The index to count with (the previous one while a new one is built), and the state. */
  current(): { index: PersonIndex | undefined; status: PopulationStatus } {
    this.checkForNewPopulation();
    return { index: this.index, status: this.status };
  }

  close(): void {
    this.closed = true;
  }

  private checkForNewPopulation(): void {
    const now = Date.now();
    if (now - this.lastCheck < (this.options.checkEveryMs ?? 5_000)) return;
    if (this.status.state === 'generating' || this.status.state === 'indexing') return;
    this.lastCheck = now;
    this.work = this.work.then(() => this.load(false));
  }

  private async load(firstStart: boolean): Promise<void> {
    const { log } = this.options;
    try {
      let manifest = await readManifest(this.directory);
      if (!manifest) {
        if (!firstStart || this.options.generateSize < 1) return;
        const persons = this.options.generateSize;
        this.status = { state: 'generating', persons };
        log.info({ persons }, 'no population yet: generating a synthetic one in the background');
        const generated = await generateIntoDataDir({
          dataDir: this.options.dataDir,
          persons,
          seed: this.options.seed,
        });
        log.info({ persons, seconds: generated.seconds }, 'synthetic population generated');
        manifest = generated.manifest;
      }
      if (manifest.id === this.index?.manifest.id || this.closed) return;
      const previous = this.status;
      this.status = { state: 'indexing', manifest };
      try {
        const index = await buildPersonIndex(this.directory);
        this.index = index;
        this.status = { state: 'ready', manifest: index.manifest };
        log.info(
          { persons: index.size, seconds: index.buildSeconds, population: manifest.description },
          'feasibility index built',
        );
      } catch (error) {
        this.status = this.index ? previous : { state: 'failed', message: String(error) };
        throw error;
      }
    } catch (error) {
      log.error({ err: error }, 'could not load the feasibility population');
      if (!this.index) {
        this.status = {
          state: 'failed',
          message: 'The population could not be loaded; the server log says why.',
        };
      }
    }
  }
}
