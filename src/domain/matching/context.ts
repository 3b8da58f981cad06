import { phrase, phraseList, type Phrase } from '../words.ts';
import type { Phase, School } from '../school.ts';

/**
 * Similarity of context the way the DfE's similar-schools comparisons work: each characteristic
 * standardised (z-score) among schools of the same phase, then the distance between two schools
 * taken across the characteristics both publish.
 */
export const CONTEXT_FEATURES = ['size', 'fsm', 'eal', 'sen'] as const;
export type ContextFeature = (typeof CONTEXT_FEATURES)[number];

export interface SchoolContext {
  /** Standardised characteristics in CONTEXT_FEATURES order; NaN where not published. */
  z: Float64Array;
  urban: boolean | null;
}

const FEATURES = CONTEXT_FEATURES.length;

/** Each school's raw characteristics into `into` at `at`, in CONTEXT_FEATURES order. */
function raw(school: School, into: Float64Array, at: number): void {
  // Size on a log scale: 200 against 400 pupils differs as much as 600 against 1,200.
  into[at] = school.pupils !== null && school.pupils > 0 ? Math.log(school.pupils) : Number.NaN;
  into[at + 1] = school.fsmPercent ?? Number.NaN;
  into[at + 2] = school.ealPercent ?? Number.NaN;
  into[at + 3] = school.senPercent ?? Number.NaN;
}

// The urban-rural classification is one of a few words for every school: each read once.
const urbanities = new Map<string, boolean | null>();
const MOST_WORDS_KEPT = 1_000;

function urbanity(school: School): boolean | null {
  const words = school.urbanRural;
  if (!words) return null;
  let urban = urbanities.get(words);
  if (urban === undefined) {
    if (urbanities.size >= MOST_WORDS_KEPT) urbanities.clear();
    urban = /^urban/i.test(words) ? true : /^rural/i.test(words) ? false : null;
    urbanities.set(words, urban);
  }
  return urban;
}

/**
 * Each phase's mean and standard deviation of each characteristic, FEATURES a phase: `raws` holds
 * every school's characteristics, FEATURES a school, and `phases` each school's phase as one of
 * `count` numbers.
 */
function scalesFor(
  raws: Float64Array,
  phases: Uint8Array,
  count: number,
): { mean: Float64Array; sd: Float64Array } {
  const n = new Float64Array(count * FEATURES);
  const sum = new Float64Array(count * FEATURES);
  const sumSq = new Float64Array(count * FEATURES);
  for (let k = 0; k < phases.length; k++) {
    const at = phases[k]! * FEATURES;
    for (let i = 0; i < FEATURES; i++) {
      const v = raws[k * FEATURES + i]!;
      if (Number.isNaN(v)) continue;
      n[at + i]! += 1;
      sum[at + i]! += v;
      sumSq[at + i]! += v * v;
    }
  }
  const mean = new Float64Array(count * FEATURES);
  const sd = new Float64Array(count * FEATURES);
  for (let j = 0; j < mean.length; j++) {
    mean[j] = n[j]! > 0 ? sum[j]! / n[j]! : 0;
    const variance = n[j]! > 1 ? sumSq[j]! / n[j]! - mean[j]! ** 2 : 0;
    // A characteristic that does not vary cannot tell schools apart: unit scale.
    sd[j] = variance > 1e-9 ? Math.sqrt(variance) : 1;
  }
  return { mean, sd };
}

const urbanCode = (urban: boolean | null) => (urban === null ? -1 : urban ? 1 : 0);

/**
 * Every school's standardised context, in the order of `schools`, as columns: `z`, FEATURES a
 * school, and `urban` (1 urban, 0 rural, -1 unknown). contextAt reads one school's.
 */
export function contextOf(schools: readonly School[]): { z: Float64Array; urban: Int8Array } {
  // Each school's record read once, its figures, phase and setting into columns: the scales and
  // its own standardised values are worked out from those, not from records spread over memory.
  const raws = new Float64Array(schools.length * FEATURES);
  const phases = new Uint8Array(schools.length);
  const phaseNumbers = new Map<Phase, number>();
  const urban = new Int8Array(schools.length);
  for (let k = 0; k < schools.length; k++) {
    const school = schools[k]!;
    raw(school, raws, k * FEATURES);
    let phase = phaseNumbers.get(school.phase);
    if (phase === undefined) phaseNumbers.set(school.phase, (phase = phaseNumbers.size));
    phases[k] = phase;
    urban[k] = urbanCode(urbanity(school));
  }
  const { mean, sd } = scalesFor(raws, phases, phaseNumbers.size);
  for (let k = 0; k < schools.length; k++) {
    const at = phases[k]! * FEATURES;
    for (let i = 0; i < FEATURES; i++)
      raws[k * FEATURES + i] = (raws[k * FEATURES + i]! - mean[at + i]!) / sd[at + i]!;
  }
  return { z: raws, urban };
}

/** The context of the school at place `k` of contextOf's columns, its values a view of the column. */
export function contextAt(z: Float64Array, urban: Int8Array, k: number): SchoolContext {
  const code = urban[k]!;
  return {
    z: new Float64Array(z.buffer, z.byteOffset + k * FEATURES * Float64Array.BYTES_PER_ELEMENT, FEATURES),
    urban: code < 0 ? null : code === 1,
  };
}

/**
 * The similarity of two contexts from their standardised values, `a` at `at` in `za` and `b` at
 * `bt` in `zb`, and whether each is urban (1), rural (0) or unknown (-1).
 */
function similarity(za: Float64Array, at: number, ua: number, zb: Float64Array, bt: number, ub: number) {
  let sumSq = 0;
  let n = 0;
  for (let i = 0; i < FEATURES; i++) {
    const d = za[at + i]! - zb[bt + i]!;
    if (Number.isNaN(d)) continue;
    sumSq += d * d;
    n++;
  }
  if (ua >= 0 && ub >= 0) {
    if (ua !== ub) sumSq += 1;
    n++;
  }
  return n === 0 ? null : Math.exp(-sumSq / n / 2);
}

/** 1 for identical contexts, falling towards 0; null when the two share no published characteristic. */
export function contextSimilarity(a: SchoolContext, b: SchoolContext): number | null {
  return similarity(a.z, 0, urbanCode(a.urban), b.z, 0, urbanCode(b.urban));
}

/** contextSimilarity of the schools at places `a` and `b` of contextOf's columns. */
export function contextSimilarityAt(z: Float64Array, urban: Int8Array, a: number, b: number): number | null {
  return similarity(z, a * FEATURES, urban[a]!, z, b * FEATURES, urban[b]!);
}

const FEATURE_WORDS: Record<
  ContextFeature,
  {
    similar: string;
    more: string;
    less: string;
    /** The school's published figure. */
    figure: (s: School) => number | null;
    /** The figure in words, written to so many decimal places. */
    written: (figure: string) => Phrase;
  }
> = {
  size: {
    similar: 'size',
    more: 'larger',
    less: 'smaller',
    figure: (s) => s.pupils,
    written: (pupils) => phrase('{{pupils}} pupils', { pupils }),
  },
  fsm: {
    similar: 'disadvantage',
    more: 'more disadvantaged',
    less: 'less disadvantaged',
    figure: (s) => s.fsmPercent,
    written: (percent) => phrase('{{percent}}% free school meals', { percent }),
  },
  eal: {
    similar: 'share of pupils with English as an additional language',
    more: 'more pupils with English as an additional language',
    less: 'fewer pupils with English as an additional language',
    figure: (s) => s.ealPercent,
    written: (percent) => phrase('{{percent}}% EAL', { percent }),
  },
  sen: {
    similar: 'share of pupils with special educational needs',
    more: 'more pupils with special educational needs',
    less: 'fewer pupils with special educational needs',
    figure: (s) => s.senPercent,
    written: (percent) => phrase('{{percent}}% SEN', { percent }),
  },
};

/**
 * Two schools' figures written to as few decimal places as show them apart (whole numbers unless
 * they round alike): "fewer pupils with SEN" beside "98% SEN, yours 98% SEN" would say nothing
 * the reader could check, where the schools differ by much among the schools of their phase.
 */
function writtenApart(theirs: number, yours: number): [string, string] {
  let digits = 0;
  while (digits < 2 && theirs.toFixed(digits) === yours.toFixed(digits)) digits++;
  return [theirs.toFixed(digits), yours.toFixed(digits)];
}

/** Plain-English notes on how a candidate's context compares with the school's, as phrases. */
export function describeContext(
  school: School,
  a: SchoolContext,
  candidate: School,
  b: SchoolContext,
): Phrase[] {
  const similar: Phrase[] = [];
  const notes: Phrase[] = [];
  CONTEXT_FEATURES.forEach((feature, i) => {
    const d = b.z[i]! - a.z[i]!;
    if (Number.isNaN(d)) return;
    const words = FEATURE_WORDS[feature];
    if (Math.abs(d) <= 0.5) similar.push(phrase(words.similar));
    else if (Math.abs(d) > 1) {
      // A standardised difference is of published figures: neither is missing.
      const [theirs, yours] = writtenApart(words.figure(candidate)!, words.figure(school)!);
      notes.push(
        phrase('{{difference}} ({{theirs}}, yours {{yours}})', {
          difference: phrase(d > 0 ? words.more : words.less),
          theirs: words.written(theirs),
          yours: words.written(yours),
        }),
      );
    }
  });
  let setting: Phrase | undefined;
  if (a.urban !== null && b.urban !== null) {
    if (a.urban === b.urban) setting = phrase(a.urban ? 'also urban' : 'also rural');
    else notes.push(phrase(b.urban ? 'urban, where yours is rural' : 'rural, where yours is urban'));
  }
  const sentences: Phrase[] = [];
  if (similar.length > 0) {
    const features = phraseList(similar, 'and');
    sentences.push(
      setting
        ? phrase('similar {{features}}; {{setting}}', { features, setting })
        : phrase('similar {{features}}', { features }),
    );
  } else if (setting) sentences.push(setting);
  return [...sentences, ...notes];
}
