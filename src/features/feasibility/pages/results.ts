// What the pages show of the population and of a count: text for every number, made only from
// disclosure-controlled counts (a ProtectedCount), never from anything raw.
import { populationSummary } from '../api-handlers.js';
import { largestSuppressedCount, roundingBase, type ProtectedCount } from '../disclosure.js';
import type { PopulationStatus } from '../engine/population-engine.js';
import type { FeasibilityCounts } from '../service.js';
import { barChart } from './chart.js';

/** How a suppressed count reads on the page: the rule, never the number. */
export const suppressedText = `fewer than ${largestSuppressedCount + 1}`;

export function countText(count: ProtectedCount): string {
  return count.suppressed ? suppressedText : count.value.toLocaleString('en-GB');
}

/** The disclosure rule in plain words, saying how a suppressed count is written where it is read. */
export const disclosureRuleAs = (suppressedAs: string) =>
  `Counts from 1 to ${largestSuppressedCount} are suppressed: they are shown as “${suppressedAs}”, never as a number. Every other count is rounded to the nearest ${roundingBase}, and 0 is shown as 0. So the parts of a breakdown may not add up to its total.`;

export const disclosureNote = disclosureRuleAs(suppressedText);

export const sexLabels = { female: 'Female', male: 'Male', other: 'Other or not recorded' };
export const noHomeTrust = 'No home trust recorded';

export interface PopulationView {
  state: PopulationStatus['state'];
  /** Whether counts can run: a population has been indexed. */
  available: boolean;
  description: string;
  sizeText: string | null;
  referenceDate: string | null;
  synthetic: boolean;
  /** Why counts cannot run yet, when they cannot. */
  unavailableMessage: string | null;
}

const unavailableMessages: Record<PopulationStatus['state'], string> = {
  none: 'No population has been loaded yet, so patients cannot be counted. Try again later, or ask the platform’s administrator to load one.',
  generating:
    'A synthetic population is being generated. This takes a few minutes on a first start. Reload this page in a minute or two.',
  indexing:
    'The population is being indexed so that it can be counted. This usually takes less than a minute. Reload this page shortly.',
  failed:
    'The population could not be loaded, so patients cannot be counted. Try again later; if this goes on, tell the platform’s administrator.',
  ready: '',
};

/** The population, as the page's banner shows it: its size is disclosure-controlled too. */
export function populationView(status: PopulationStatus, indexed: boolean): PopulationView {
  const summary = populationSummary(status);
  const available = status.state === 'ready' || (status.state === 'indexing' && indexed);
  return {
    state: status.state,
    available,
    description: summary.description,
    sizeText: 'size' in summary && summary.size ? countText(summary.size) : null,
    referenceDate: 'referenceDate' in summary ? (summary.referenceDate ?? null) : null,
    synthetic: 'synthetic' in summary ? summary.synthetic === true : false,
    unavailableMessage: available ? null : unavailableMessages[status.state],
  };
}

/** How long the engine took, in words. */
export function durationText(ms: number): string {
  if (ms < 1) return 'under a millisecond';
  if (ms < 1000)
    return `${Math.round(ms)} ${Math.round(ms) === 1 ? 'millisecond' : 'milliseconds'}`;
  return `${(ms / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} seconds`;
}

/** Sorts largest first; suppressed counts (1 to 7) come after 10 and before 0. */
const rank = (count: ProtectedCount) =>
  count.suppressed ? largestSuppressedCount / 2 : count.value;

/** Everything the results section shows, as text, with the chart of the count per trust. */
export function resultsView(counts: FeasibilityCounts) {
  const trusts = counts.byCareSite
    .map((row) => ({
      name: row.careSite?.name ?? noHomeTrust,
      known: row.careSite !== null,
      count: row.count,
      countText: countText(row.count),
      byAgeBand: row.byAgeBand.map(countText),
    }))
    .sort(
      (a, b) =>
        Number(b.known) - Number(a.known) ||
        rank(b.count) - rank(a.count) ||
        a.name.localeCompare(b.name),
    );
  const trustChart = barChart({
    id: 'chart-trusts',
    title: 'People who meet the criteria, by home trust',
    description: `Bar chart of the number of people who meet the criteria at each home trust, largest first: ${trusts
      .map((trust) => `${trust.name} ${trust.countText}`)
      .join('; ')}. The table “By home trust” gives the same numbers.`,
    bars: trusts.map((trust) => ({
      label: trust.name,
      value: trust.count.suppressed ? null : trust.count.value,
      valueText: trust.countText,
    })),
  });
  return {
    population: {
      description: counts.population.description,
      sizeText: countText(counts.population.size),
      referenceDate: counts.population.referenceDate,
      synthetic: counts.population.synthetic,
    },
    total: { text: countText(counts.total), suppressed: counts.total.suppressed },
    trusts,
    trustRows: trusts.map((trust) => ({ label: trust.name, countText: trust.countText })),
    trustChart,
    sexes: counts.bySex.map((row) => ({
      label: sexLabels[row.sex],
      countText: countText(row.count),
    })),
    ageBands: counts.byAgeBand.map((row) => ({ label: row.band, countText: countText(row.count) })),
    attrition: counts.attrition.map((row) => ({
      step: row.step,
      description: row.description,
      countText: countText(row.count),
    })),
    disclosureNote,
    duration: durationText(counts.durationMs),
  };
}

export type ResultsView = ReturnType<typeof resultsView>;
