/**
 * Duplicate detection for the research portfolio: given the existing projects and a candidate (a new
 * project being written, or an existing one), find the existing projects most like it, each with a
 * score in [0, 1] and reasons a person can check.
 *
 * Pure and in memory: no database, no network, no model files. How the score is made, the weights,
 * the threshold and how they were measured are in docs/duplicates.md.
 *
 * The score is a weighted sum of six signals, each in [0, 1]:
 *   - wording: TF-IDF cosine over stemmed words and adjacent word pairs (bigrams);
 *   - meaning: TF-IDF cosine over thesaurus concepts, so that a paraphrase ("people over 65" for
 *     "older adults", "lifting weights" for "resistance training") still meets its original;
 *   - spelling: TF-IDF cosine over character 4-grams of the words, which catches word forms the
 *     stemmer and thesaurus miss ("sarcopenic" and "sarcopenia", "multimorbid" and "multimorbidity");
 *   - the same HRCS health category; shared investigators; shared grand challenges.
 * The text signals carry most of the weight: the structured ones alone cannot raise an alert.
 */
import { healthCategoryName } from '../directory/model.js';
import { thesaurus, type ThesaurusConcept } from './thesaurus.js';

// ---------------------------------------------------------------------------------------------
// Public types and settings

export interface ProjectForSimilarity {
  id: string;
  title: string;
  laySummary: string;
  abstract: string;
  /** An HRCS health category slug (`healthCategories` in features/directory/model.ts). */
  healthCategory: string;
  investigators: { id: string; name: string }[];
  grandChallenges: { id: string; title: string }[];
}

/** A project being written has no id yet; an existing one keeps its own (and is never its own match). */
export type SimilarityCandidate = Omit<ProjectForSimilarity, 'id'> & { id?: string };

export interface SimilarityQueryOptions {
  /** The most results to return (default 5). */
  limit?: number;
  /** Projects never to return, e.g. ones already marked "not a duplicate". */
  excludeIds?: ReadonlySet<string>;
  /** Leave out results scoring below this (default: anything above 0 is returned). */
  minimumScore?: number;
}

/** Each signal in [0, 1], before weighting, so a caller can show or audit how a score was made. */
export interface SimilaritySignals {
  wording: number;
  meaning: number;
  spelling: number;
  healthCategory: number;
  investigators: number;
  grandChallenges: number;
}

export interface SimilarProject {
  id: string;
  score: number;
  reasons: string[];
  signals: SimilaritySignals;
}

/**
 * The weight of each signal in the score; they sum to 1, so the score is in [0, 1]. Meaning is
 * weighted most because near duplicates are usually written in other words, and it separated them
 * from related projects best on the development groups of the evaluation set. Health category,
 * investigators and grand challenges are shared by many projects that are related but not
 * duplicates, so they only tip a borderline case: together they add at most 0.15.
 */
export const signalWeights: Readonly<SimilaritySignals> = {
  wording: 0.2,
  meaning: 0.55,
  spelling: 0.1,
  healthCategory: 0.06,
  investigators: 0.05,
  grandChallenges: 0.04,
};

/**
 * Inside the vectors, how much each kind of feature counts (multiplying its TF-IDF weight): a word
 * pair against a single word, and a research-method concept ("a randomised trial") against a topic.
 */
export const featureKindWeights = {
  word: 1,
  wordPair: 1,
  topicConcept: 1,
  methodConcept: 0.5,
} as const;

/** A `broader` concept is counted as this share of a mention ("grip strength" is half "strength"). */
const broaderConceptShare = 0.5;

/** Text is weighted by where it appears: the title says most about what a project is. */
const sectionWeights = { title: 2, laySummary: 1, abstract: 1 } as const;

/**
 * The score at or above which the portfolio raises a possible-duplicate alert, chosen on the
 * development groups of the evaluation set. On the held-out groups it gives recall 0.94 but
 * precision only 0.53: see docs/duplicates.md.
 */
export const alertThreshold = 0.48;

// ---------------------------------------------------------------------------------------------
// Normalising words

/** Common English words and research boilerplate that say nothing about what a project studies. */
const stopWords = new Set(
  (
    'a about above after again against all almost also although am among an and any are around as ' +
    'at be because been before being below between both but by can could did do does doing done ' +
    'down during each either else etc ever every few for from further had has have having he her ' +
    'here hers herself him himself his how however i if in into is it its itself just least less ' +
    'like made make makes many may me might more most much must my myself no nor not now of off ' +
    'often on once one only or other others our ours ourselves out over own per rather same several ' +
    'she should since so some such than that the their theirs them themselves then there these ' +
    'they this those though through thus to too two under until up upon us use used uses using very ' +
    'via was we well were what when where whether which while who whom whose why will with within ' +
    'without would yet you your yours three four five six first second third new whilst ' +
    // Research boilerplate: present in almost every abstract, so worth nothing and noisy in bigrams.
    'aim aims aimed objective objectives background methods method results conclusion conclusions ' +
    'study studies research project programme program propose proposed investigate investigating ' +
    'determine assess assessing evaluate evaluating explore exploring examine examining understand ' +
    'understanding test tested testing find finding findings work including include includes ' +
    'involve involving based provide provides important evidence potential key data year years ' +
    'month months week weeks day days outcome outcomes primary secondary measure measures measured ' +
    'will participants people patients person adults individuals recruit recruited recruiting'
  ).split(' '),
);

const spellingOverrides = new Map([
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['ageing', 'aging'],
  ['centre', 'center'],
  ['centres', 'centers'],
  ['fibre', 'fiber'],
  ['fibres', 'fibers'],
  ['litre', 'liter'],
  ['litres', 'liters'],
  ['metre', 'meter'],
  ['metres', 'meters'],
  ['theatre', 'theater'],
  ['theatres', 'theaters'],
]);

/** Folds British and American spellings to one form, so "anaemia" and "anemia" are one word. */
function foldSpelling(word: string): string {
  const override = spellingOverrides.get(word);
  if (override) return override;
  let folded = word;
  if (folded.length > 4) folded = folded.replace(/ae/g, 'e');
  folded = folded
    .replace(/^oe/, 'e')
    .replace(/rrhoea/, 'rrhea')
    .replace(/^coel/, 'cel')
    .replace(/foet/, 'fet');
  folded = folded.replace(/^([a-z]{2,})is(e|es|ed|ing|er|ers|ation|ations)$/, '$1iz$2');
  folded = folded.replace(/^([a-z]{2,})ys(e|es|ed|ing)$/, '$1yz$2');
  if (folded.length >= 6) folded = folded.replace(/our(s|al|ally|ed|ing|able)?$/, 'or$1');
  return folded;
}

// The Porter (1980) stemmer, as published by Martin Porter.
const consonant = '[^aeiou]';
const vowel = '[aeiouy]';
const consonants = `${consonant}[^aeiouy]*`;
const vowels = `${vowel}[aeiou]*`;
const measureAtLeast1 = new RegExp(`^(${consonants})?${vowels}${consonants}`);
const measureIs1 = new RegExp(`^(${consonants})?${vowels}${consonants}(${vowels})?$`);
const measureAtLeast2 = new RegExp(`^(${consonants})?${vowels}${consonants}${vowels}${consonants}`);
const hasVowel = new RegExp(`^(${consonants})?${vowel}`);
const endsCvc = new RegExp(`^${consonants}${vowel}[^aeiouwxy]$`);
const step2Suffixes: Record<string, string> = {
  ational: 'ate',
  tional: 'tion',
  enci: 'ence',
  anci: 'ance',
  izer: 'ize',
  bli: 'ble',
  alli: 'al',
  entli: 'ent',
  eli: 'e',
  ousli: 'ous',
  ization: 'ize',
  ation: 'ate',
  ator: 'ate',
  alism: 'al',
  iveness: 'ive',
  fulness: 'ful',
  ousness: 'ous',
  aliti: 'al',
  iviti: 'ive',
  biliti: 'ble',
  logi: 'log',
};
const step3Suffixes: Record<string, string> = {
  icate: 'ic',
  ative: '',
  alize: 'al',
  iciti: 'ic',
  ical: 'ic',
  ful: '',
  ness: '',
};

function porterStem(input: string): string {
  if (input.length < 3) return input;
  let word = input;
  const startsWithY = word.startsWith('y');
  if (startsWithY) word = `Y${word.slice(1)}`;

  // Step 1a: plurals.
  if (/^(.+?)(ss|i)es$/.test(word)) word = word.replace(/^(.+?)(ss|i)es$/, '$1$2');
  else if (/^(.+?)([^s])s$/.test(word)) word = word.replace(/^(.+?)([^s])s$/, '$1$2');

  // Step 1b: -eed, -ed, -ing.
  let match = /^(.+?)eed$/.exec(word);
  if (match) {
    if (measureAtLeast1.test(match[1] ?? '')) word = word.slice(0, -1);
  } else {
    match = /^(.+?)(ed|ing)$/.exec(word);
    const stem = match?.[1];
    if (stem !== undefined && hasVowel.test(stem)) {
      word = stem;
      if (/(at|bl|iz)$/.test(word)) word += 'e';
      else if (/([^aeiouylsz])\1$/.test(word)) word = word.slice(0, -1);
      else if (endsCvc.test(word)) word += 'e';
    }
  }

  // Step 1c: y to i.
  match = /^(.+?)y$/.exec(word);
  if (match && hasVowel.test(match[1] ?? '')) word = `${match[1] ?? ''}i`;

  // Step 2: double suffixes.
  match =
    /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/.exec(
      word,
    );
  if (match && measureAtLeast1.test(match[1] ?? '')) {
    word = (match[1] ?? '') + (step2Suffixes[match[2] ?? ''] ?? '');
  }

  // Step 3: -ic-, -full, -ness etc.
  match = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/.exec(word);
  if (match && measureAtLeast1.test(match[1] ?? '')) {
    word = (match[1] ?? '') + (step3Suffixes[match[2] ?? ''] ?? '');
  }

  // Step 4: -ant, -ence etc.
  match =
    /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/.exec(
      word,
    );
  if (match) {
    if (measureAtLeast2.test(match[1] ?? '')) word = match[1] ?? word;
  } else {
    match = /^(.+?)(s|t)(ion)$/.exec(word);
    if (match) {
      const stem = (match[1] ?? '') + (match[2] ?? '');
      if (measureAtLeast2.test(stem)) word = stem;
    }
  }

  // Step 5: final -e and -ll.
  match = /^(.+?)e$/.exec(word);
  if (match) {
    const stem = match[1] ?? '';
    if (measureAtLeast2.test(stem) || (measureIs1.test(stem) && !endsCvc.test(stem))) word = stem;
  }
  if (/ll$/.test(word) && measureAtLeast2.test(word)) word = word.slice(0, -1);

  if (startsWithY) word = `y${word.slice(1)}`;
  return word;
}

const stemCache = new Map<string, string>();

/** A word's comparable form: spelling folded, then stemmed. Numbers are kept as they are. */
function stemOf(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = /^\d/.test(word) ? word : porterStem(foldSpelling(word));
    if (stemCache.size < 200_000) stemCache.set(word, stem);
  }
  return stem;
}

/** One sentence-like stretch of text, as surface words and their stems. */
interface Clause {
  words: string[];
  stems: string[];
}

/** Splits text into clauses (at sentence punctuation and brackets) of lower-case words. */
function clausesOf(text: string): Clause[] {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/['\u2019]/g, '')
    .replace(/&/g, ' and ');
  const clauses: Clause[] = [];
  for (const part of plain.split(/[.;:!?()[\]\n]+(?!\d)/)) {
    const words = part.match(/[a-z0-9]+/g);
    if (!words) continue;
    clauses.push({ words, stems: words.map(stemOf) });
  }
  return clauses;
}

function isContentWord(word: string, stem: string): boolean {
  return word.length >= 2 && !/^\d+s?$/.test(word) && !stopWords.has(word) && !stopWords.has(stem);
}

// ---------------------------------------------------------------------------------------------
// The thesaurus, compiled to stem sequences

interface CompiledPhrase {
  tokens: string[];
  concept: ThesaurusConcept;
}

const numberWords = new Set(['two', 'three', 'four', 'five', 'six', 'several', 'multiple']);

/** The keys a text token can start a phrase with: itself, and any slot it fills. */
function phraseKeys(token: string): string[] {
  const keys = [token];
  const plural = /^(\d+)s$/.exec(token);
  if (plural) {
    const value = Number(plural[1]);
    if (value >= 60 && value <= 110) keys.push('{ages}');
  } else if (/^\d+$/.test(token)) {
    const value = Number(token);
    if (value >= 60 && value <= 110) keys.push('{age}');
    keys.push('{n}');
  } else if (numberWords.has(token)) {
    keys.push('{n}');
  }
  return keys;
}

function tokenMatches(phraseToken: string, token: string): boolean {
  return (
    phraseToken === token ||
    (phraseToken.startsWith('{') && phraseKeys(token).includes(phraseToken))
  );
}

function compileThesaurus(concepts: readonly ThesaurusConcept[]) {
  const byFirstToken = new Map<string, CompiledPhrase[]>();
  const conceptById = new Map(concepts.map((concept) => [concept.id, concept]));
  for (const concept of concepts) {
    for (const broader of concept.broader ?? []) {
      if (!conceptById.has(broader)) {
        throw new Error(
          `Thesaurus concept ${concept.id} names an unknown broader concept ${broader}`,
        );
      }
    }
    for (const phrase of concept.phrases) {
      const tokens = clausesOf(phrase.replace(/\{(age|ages|n)\}/g, ' slot$1slot '))
        .flatMap((clause) => clause.words)
        .map((word) => {
          const slot = /^slot(age|ages|n)slot$/.exec(word);
          return slot ? `{${slot[1] ?? ''}}` : stemOf(word);
        });
      const first = tokens[0];
      if (first === undefined) continue;
      const list = byFirstToken.get(first) ?? [];
      list.push({ tokens, concept });
      byFirstToken.set(first, list);
    }
  }
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { byFirstToken, conceptById };
}

const compiledThesaurus = compileThesaurus(thesaurus);

/** The longest thesaurus phrase starting at `start` in the clause, if any. */
function phraseAt(stems: readonly string[], start: number): CompiledPhrase | undefined {
  const first = stems[start];
  if (first === undefined) return undefined;
  let best: CompiledPhrase | undefined;
  for (const key of phraseKeys(first)) {
    for (const phrase of compiledThesaurus.byFirstToken.get(key) ?? []) {
      if (best && best.tokens.length >= phrase.tokens.length) break;
      if (start + phrase.tokens.length > stems.length) continue;
      let matches = true;
      for (let offset = 1; offset < phrase.tokens.length && matches; offset += 1) {
        matches = tokenMatches(phrase.tokens[offset] ?? '', stems[start + offset] ?? '');
      }
      if (matches) {
        best = phrase;
        break;
      }
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Analysing a project's text into weighted features

type FeatureCounts = Map<string, number>;

/** What the index keeps of a project's text: term and character-gram counts, and how each was written. */
interface AnalysedText {
  terms: FeatureCounts;
  concepts: FeatureCounts;
  grams: FeatureCounts;
  /** For each term feature, the words the project used for it (up to three forms). */
  surfaces: Map<string, string[]>;
}

function addCount(counts: FeatureCounts, feature: string, amount: number): void {
  counts.set(feature, (counts.get(feature) ?? 0) + amount);
}

function addSurface(surfaces: Map<string, string[]>, feature: string, surface: string): void {
  const list = surfaces.get(feature);
  if (!list) surfaces.set(feature, [surface]);
  else if (list.length < 3 && !list.includes(surface)) list.push(surface);
}

function analyseText(sections: readonly { text: string; weight: number }[]): AnalysedText {
  const analysed: AnalysedText = {
    terms: new Map(),
    concepts: new Map(),
    grams: new Map(),
    surfaces: new Map(),
  };
  for (const { text, weight } of sections) {
    for (const { words, stems } of clausesOf(text)) {
      // Thesaurus concepts, over every word (phrases like "aged 65 and over" need the small ones).
      for (let index = 0; index < stems.length;) {
        const phrase = phraseAt(stems, index);
        if (!phrase) {
          index += 1;
          continue;
        }
        const surface = words.slice(index, index + phrase.tokens.length).join(' ');
        const feature = `c:${phrase.concept.id}`;
        addCount(analysed.concepts, feature, weight);
        addSurface(analysed.surfaces, feature, surface);
        for (const broader of phrase.concept.broader ?? []) {
          addCount(analysed.concepts, `c:${broader}`, weight * broaderConceptShare);
          addSurface(analysed.surfaces, `c:${broader}`, surface);
        }
        index += phrase.tokens.length;
      }
      // Words and adjacent word pairs, leaving out stop words.
      let previous: { index: number; stem: string } | undefined;
      for (let index = 0; index < words.length; index += 1) {
        const word = words[index] ?? '';
        const stem = stems[index] ?? '';
        if (!isContentWord(word, stem)) continue;
        addCount(analysed.terms, `w:${stem}`, weight);
        addSurface(analysed.surfaces, `w:${stem}`, word);
        // A word pair may span one small word ("quality of life") but not a number or a longer gap.
        if (previous && index - previous.index <= 2 && !/\d/.test(words[index - 1] ?? '')) {
          const feature = `b:${previous.stem} ${stem}`;
          addCount(analysed.terms, feature, weight);
          // As written, with any small words between: "quality of life", not "quality life".
          addSurface(analysed.surfaces, feature, words.slice(previous.index, index + 1).join(' '));
        }
        previous = { index, stem };
        const padded = ` ${foldSpelling(word)} `;
        for (let start = 0; start + 4 <= padded.length; start += 1) {
          addCount(analysed.grams, padded.slice(start, start + 4), weight);
        }
      }
    }
  }
  return analysed;
}

function analyseProject(project: SimilarityCandidate): AnalysedText {
  return analyseText([
    { text: project.title, weight: sectionWeights.title },
    { text: project.laySummary, weight: sectionWeights.laySummary },
    { text: project.abstract, weight: sectionWeights.abstract },
  ]);
}

// ---------------------------------------------------------------------------------------------
// The index

function wordingFeatureWeight(feature: string): number {
  return feature.startsWith('b:') ? featureKindWeights.wordPair : featureKindWeights.word;
}

const methodConcepts = new Set(
  thesaurus.filter((concept) => concept.kind === 'method').map((concept) => `c:${concept.id}`),
);

function meaningFeatureWeight(feature: string): number {
  return methodConcepts.has(feature)
    ? featureKindWeights.methodConcept
    : featureKindWeights.topicConcept;
}

/** A people-matching key: the id, and the name without titles, so "Dr A. Sample" meets "A Sample". */
function investigatorKeys(investigators: readonly { id: string; name: string }[]) {
  return investigators.map((person) => ({
    id: person.id,
    name: person.name,
    normalisedName: person.name
      .toLowerCase()
      .replace(/\b(dr|prof|professor|mr|mrs|ms|miss|sir|dame)\b\.?/g, '')
      .replace(/[^a-z]+/g, ' ')
      .trim(),
  }));
}

interface IndexedProject {
  project: ProjectForSimilarity;
  text: AnalysedText;
  people: ReturnType<typeof investigatorKeys>;
}

/** One TF-IDF vector space (wording or spelling), with an inverted index for fast cosine. */
class VectorSpace {
  private readonly documentFrequency = new Map<string, number>();
  private readonly postings = new Map<string, { documents: number[]; weights: number[] }>();
  private norms: Float64Array = new Float64Array(0);
  private documentCount = 0;

  constructor(
    documents: readonly FeatureCounts[],
    private readonly kindWeight: (feature: string) => number = () => 1,
  ) {
    this.documentCount = documents.length;
    for (const counts of documents) {
      for (const feature of counts.keys()) {
        this.documentFrequency.set(feature, (this.documentFrequency.get(feature) ?? 0) + 1);
      }
    }
    this.norms = new Float64Array(documents.length);
    documents.forEach((counts, document) => {
      let squares = 0;
      const weights: [string, number][] = [];
      for (const [feature, count] of counts) {
        const weight = this.weight(feature, count);
        weights.push([feature, weight]);
        squares += weight * weight;
      }
      const norm = Math.sqrt(squares) || 1;
      this.norms[document] = norm;
      for (const [feature, weight] of weights) {
        let list = this.postings.get(feature);
        if (!list) {
          list = { documents: [], weights: [] };
          this.postings.set(feature, list);
        }
        list.documents.push(document);
        list.weights.push(weight / norm);
      }
    });
  }

  /** Smoothed inverse document frequency, as scikit-learn's: rare features count more. */
  idf(feature: string): number {
    const frequency = this.documentFrequency.get(feature) ?? 0;
    return Math.log((this.documentCount + 1) / (frequency + 1)) + 1;
  }

  /** Sublinear term frequency times idf (the tenth mention of a word adds little), times its kind. */
  weight(feature: string, count: number): number {
    return (1 + Math.log(count)) * this.idf(feature) * this.kindWeight(feature);
  }

  /** A query's unit-length weights. */
  queryVector(counts: FeatureCounts): Map<string, number> {
    const vector = new Map<string, number>();
    let squares = 0;
    for (const [feature, count] of counts) {
      const weight = this.weight(feature, count);
      vector.set(feature, weight);
      squares += weight * weight;
    }
    const norm = Math.sqrt(squares) || 1;
    for (const [feature, weight] of vector) vector.set(feature, weight / norm);
    return vector;
  }

  /** Cosine of the query with every document, indexed by document. */
  cosines(query: Map<string, number>): Float64Array {
    const scores = new Float64Array(this.documentCount);
    for (const [feature, queryWeight] of query) {
      const list = this.postings.get(feature);
      if (!list) continue;
      const { documents, weights } = list;
      for (let index = 0; index < documents.length; index += 1) {
        const document = documents[index] ?? 0;
        scores[document] = (scores[document] ?? 0) + queryWeight * (weights[index] ?? 0);
      }
    }
    return scores;
  }

  /** A document's unit-length weight for one feature it has. */
  documentWeight(document: number, feature: string, count: number): number {
    return this.weight(feature, count) / (this.norms[document] ?? 1);
  }
}

/**
 * The projects to compare against, analysed once. Text analysis is cached per project; the TF-IDF
 * weights depend on the whole collection, so `add`, `replace` and `remove` mark them stale and the
 * next query recomputes them from the cached analysis (about 100 ms for 1,000 projects).
 */
export class SimilarityIndex {
  private readonly projects = new Map<string, IndexedProject>();
  private built:
    | { order: IndexedProject[]; wording: VectorSpace; meaning: VectorSpace; spelling: VectorSpace }
    | undefined;

  constructor(projects: readonly ProjectForSimilarity[] = []) {
    for (const project of projects) this.add(project);
  }

  get size(): number {
    return this.projects.size;
  }

  has(id: string): boolean {
    return this.projects.has(id);
  }

  /** Adds a project; a project with the same id is replaced. */
  add(project: ProjectForSimilarity): void {
    this.projects.set(project.id, {
      project,
      text: analyseProject(project),
      people: investigatorKeys(project.investigators),
    });
    this.built = undefined;
  }

  replace(project: ProjectForSimilarity): void {
    this.add(project);
  }

  /** Removes a project; returns whether it was there. */
  remove(id: string): boolean {
    const removed = this.projects.delete(id);
    if (removed) this.built = undefined;
    return removed;
  }

  /** The existing projects most like the candidate, best first, each with a score and reasons. */
  similarTo(
    candidate: SimilarityCandidate,
    options: SimilarityQueryOptions = {},
  ): SimilarProject[] {
    const limit = options.limit ?? 5;
    const minimumScore = options.minimumScore ?? 0;
    if (limit <= 0 || this.projects.size === 0) return [];
    const built = this.build();

    const text = analyseProject(candidate);
    const queries = {
      wording: built.wording.queryVector(text.terms),
      meaning: built.meaning.queryVector(text.concepts),
    };
    const wording = built.wording.cosines(queries.wording);
    const meaning = built.meaning.cosines(queries.meaning);
    const spelling = built.spelling.cosines(built.spelling.queryVector(text.grams));
    const people = investigatorKeys(candidate.investigators);
    const challengeIds = new Set(candidate.grandChallenges.map((challenge) => challenge.id));

    const ranked: { index: number; score: number; signals: SimilaritySignals }[] = [];
    built.order.forEach((entry, index) => {
      const id = entry.project.id;
      if (id === candidate.id || options.excludeIds?.has(id)) return;
      const signals: SimilaritySignals = {
        wording: clamp(wording[index] ?? 0),
        meaning: clamp(meaning[index] ?? 0),
        spelling: clamp(spelling[index] ?? 0),
        healthCategory:
          candidate.healthCategory !== '' &&
          candidate.healthCategory === entry.project.healthCategory
            ? 1
            : 0,
        investigators: 1 - 0.5 ** sharedInvestigators(people, entry.people).length,
        grandChallenges: jaccard(challengeIds, entry.project.grandChallenges),
      };
      const score = clamp(
        signalWeights.wording * signals.wording +
          signalWeights.meaning * signals.meaning +
          signalWeights.spelling * signals.spelling +
          signalWeights.healthCategory * signals.healthCategory +
          signalWeights.investigators * signals.investigators +
          signalWeights.grandChallenges * signals.grandChallenges,
      );
      if (score > 0 && score >= minimumScore) ranked.push({ index, score, signals });
    });
    ranked.sort(
      (a, b) =>
        b.score - a.score ||
        compareIds(built.order[a.index]?.project.id, built.order[b.index]?.project.id),
    );

    return ranked.slice(0, limit).map(({ index, score, signals }) => {
      const entry = built.order[index];
      if (!entry) throw new Error('ranked an unknown project');
      return {
        id: entry.project.id,
        score,
        signals,
        reasons: reasonsFor(candidate, text, queries, people, entry, index, built),
      };
    });
  }

  private build() {
    if (!this.built) {
      const order = [...this.projects.values()];
      this.built = {
        order,
        wording: new VectorSpace(
          order.map((entry) => entry.text.terms),
          wordingFeatureWeight,
        ),
        meaning: new VectorSpace(
          order.map((entry) => entry.text.concepts),
          meaningFeatureWeight,
        ),
        spelling: new VectorSpace(order.map((entry) => entry.text.grams)),
      };
    }
    return this.built;
  }
}

/** Features both texts have, by how much each adds to the cosine, largest first. */
function sharedFeatures(
  query: Map<string, number>,
  counts: FeatureCounts,
  space: VectorSpace,
  index: number,
): { feature: string; contribution: number }[] {
  const shared: { feature: string; contribution: number }[] = [];
  for (const [feature, queryWeight] of query) {
    const count = counts.get(feature);
    if (count === undefined) continue;
    shared.push({
      feature,
      contribution: queryWeight * space.documentWeight(index, feature, count),
    });
  }
  return shared.sort((a, b) => b.contribution - a.contribution || compareIds(a.feature, b.feature));
}

/** Plain-English reasons: shared wording, shared ideas in different words, shared structure. */
function reasonsFor(
  candidate: SimilarityCandidate,
  text: AnalysedText,
  queries: { wording: Map<string, number>; meaning: Map<string, number> },
  people: ReturnType<typeof investigatorKeys>,
  entry: IndexedProject,
  index: number,
  spaces: { wording: VectorSpace; meaning: VectorSpace },
): string[] {
  const reasons: string[] = [];
  const phrases = sharedWording(
    sharedFeatures(queries.wording, entry.text.terms, spaces.wording, index),
    text,
  );
  if (phrases.length > 0) {
    reasons.push(`Similar wording: ${phrases.map((phrase) => `'${phrase}'`).join(', ')}`);
  }
  const paraphrases = sharedIdeas(
    sharedFeatures(queries.meaning, entry.text.concepts, spaces.meaning, index),
    text,
    entry.text,
  );
  if (paraphrases.length > 0) {
    reasons.push(`Same ideas in different words: ${paraphrases.join('; ')}`);
  }
  if (
    candidate.healthCategory !== '' &&
    candidate.healthCategory === entry.project.healthCategory
  ) {
    reasons.push(`Same health category: ${healthCategoryName(candidate.healthCategory)}`);
  }
  const investigators = sharedInvestigators(people, entry.people);
  if (investigators.length > 0) {
    reasons.push(
      `${investigators.length === 1 ? 'Shared investigator' : 'Shared investigators'}: ${listInEnglish(investigators)}`,
    );
  }
  const challengeIds = new Set(candidate.grandChallenges.map((challenge) => challenge.id));
  const challenges = entry.project.grandChallenges
    .filter((challenge) => challengeIds.has(challenge.id))
    .map((challenge) => challenge.title);
  if (challenges.length > 0) {
    reasons.push(
      `Both serve the grand ${challenges.length === 1 ? 'challenge' : 'challenges'} ${listInEnglish(challenges)}`,
    );
  }
  return reasons;
}

/**
 * The words and word pairs that contribute most, as the candidate wrote them: word pairs first
 * (they read better), then single words that no chosen pair already shows.
 */
function sharedWording(
  shared: readonly { feature: string; contribution: number }[],
  text: AnalysedText,
): string[] {
  const meaningful = shared.filter((item) => item.contribution >= 0.004);
  const chosen: { surface: string; contribution: number }[] = [];
  const coveredStems = new Set<string>();
  for (const kind of ['b:', 'w:']) {
    for (const { feature, contribution } of meaningful) {
      if (chosen.length >= 5) break;
      if (!feature.startsWith(kind)) continue;
      const stems = feature.slice(2).split(' ');
      if (stems.some((stem) => coveredStems.has(stem))) continue;
      const surface = text.surfaces.get(feature)?.[0];
      if (!surface) continue;
      for (const stem of stems) coveredStems.add(stem);
      chosen.push({ surface, contribution });
    }
  }
  return chosen.sort((a, b) => b.contribution - a.contribution).map((item) => item.surface);
}

/** Thesaurus concepts both share but wrote differently: the paraphrases that plain overlap misses. */
function sharedIdeas(
  shared: readonly { feature: string; contribution: number }[],
  candidate: AnalysedText,
  existing: AnalysedText,
): string[] {
  const ideas: string[] = [];
  const shownSurfaces = new Set<string>();
  for (const { feature, contribution } of shared) {
    if (ideas.length >= 3 || contribution < 0.004) break;
    if (methodConcepts.has(feature)) continue;
    const ours = candidate.surfaces.get(feature) ?? [];
    const theirs = existing.surfaces.get(feature) ?? [];
    // Only ideas written differently: not the same words, nor one phrase inside the other.
    const overlapping = ours.some((mine) =>
      theirs.some((other) => mine.includes(other) || other.includes(mine)),
    );
    if (overlapping) continue;
    const mine = ours[0];
    const other = theirs[0];
    if (!mine || !other || shownSurfaces.has(mine) || shownSurfaces.has(other)) continue;
    shownSurfaces.add(mine).add(other);
    const label = compiledThesaurus.conceptById.get(feature.slice(2))?.label ?? feature.slice(2);
    ideas.push(`'${mine}' and '${other}' (${label})`);
  }
  return ideas;
}

function sharedInvestigators(
  candidate: ReturnType<typeof investigatorKeys>,
  existing: ReturnType<typeof investigatorKeys>,
): string[] {
  const names: string[] = [];
  for (const person of existing) {
    const same = candidate.some(
      (other) =>
        other.id === person.id ||
        (person.normalisedName !== '' && other.normalisedName === person.normalisedName),
    );
    if (same) names.push(person.name);
  }
  return names;
}

function jaccard(ids: ReadonlySet<string>, others: readonly { id: string }[]): number {
  if (ids.size === 0 || others.length === 0) return 0;
  const otherIds = new Set(others.map((other) => other.id));
  let shared = 0;
  for (const id of otherIds) if (ids.has(id)) shared += 1;
  return shared / (ids.size + otherIds.size - shared);
}

function listInEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function compareIds(a: string | undefined, b: string | undefined): number {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
}

/** Exposed for tests and the evaluation script: how a text is read. */
export const textAnalysis = { stemOf, clausesOf, analyseText };
