import { isDeepStrictEqual } from 'node:util';
import fp from 'fastify-plugin';
import { datasetProvenance } from '../../app/provenance.ts';
import type { Db } from '../../data/db.ts';
import { countSchools } from '../../data/schools.ts';
import { describeProvenance, sayInEnglish, type DatasetProvenance } from '../../domain/provenance.ts';
import { translateMessage, translator, type Translate } from '../../i18n/index.ts';
import type { Language } from '../../domain/language.ts';

/** What every page says about its data: how many schools, from which files, whether made up. */
export interface DatasetInfo {
  schools: number;
  synthetic: boolean;
  provenance: DatasetProvenance;
  /** "School data: GIAS January 2019, Ofsted to March 2020, KS2/KS4 2018/19". */
  line: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** What data is loaded, cached briefly: imports may run from the CLI in another process. */
    datasetInfo(): Promise<DatasetInfo>;
  }
}

const TTL_MS = 10_000;

async function load(db: Db): Promise<DatasetInfo> {
  const [schools, provenance] = await Promise.all([countSchools(db), datasetProvenance({ db })]);
  return { schools, synthetic: provenance.synthetic, provenance, line: describeProvenance(provenance) };
}

/**
 * What the synthetic-data banner says: all of it made up, or (real English data beside the demo's
 * synthetic Welsh schools) which files are, so that neither the real nor the made-up is mislabelled.
 */
function syntheticNotice(provenance: DatasetProvenance, t: Translate, language: Language): string {
  const made = provenance.sources.filter((s) => s.synthetic);
  if (made.length === 0 || made.length === provenance.sources.length) return t('layout.syntheticText');
  const sources = made.map((s) => t(`layout.syntheticSources.${s.kind}`, { defaultValue: s.name }));
  return t('layout.syntheticSomeText', {
    sources: new Intl.ListFormat(language, { type: 'conjunction' }).format(sources),
  });
}

export default fp(
  async (app, { db }: { db: Db }) => {
    let cached: { at: number; snapshot: unknown; info: Promise<DatasetInfo> } | undefined;
    /** The last figures read, served while the database cannot be reached: they describe the snapshot in memory. */
    let lastKnown: DatasetInfo | undefined;
    const read = () =>
      load(db).then(
        // The same figures read again stay the same object: answers kept for a request rest on
        // them by identity (the partner search's answer cache), and would otherwise be thrown
        // away every TTL_MS though nothing changed.
        (loaded) => (lastKnown = lastKnown && isDeepStrictEqual(loaded, lastKnown) ? lastKnown : loaded),
        (error: unknown) => {
          // Tried again after the TTL, so that an outage costs one attempt per TTL, not one per request.
          if (lastKnown) return lastKnown;
          cached = undefined;
          throw error;
        },
      );
    app.decorate('datasetInfo', () => {
      const now = Date.now();
      // A rebuilt snapshot means the data changed: say so as soon as the figures do.
      const snapshot = app.hasDecorator('snapshots') ? app.snapshots.current() : undefined;
      if (!cached || cached.snapshot !== snapshot) {
        cached = { at: now, snapshot, info: read() };
      } else if (now - cached.at > TTL_MS) {
        // Past their time, the figures are still served while newer ones are read: every request
        // waiting on the read held them all up (at 150,000 schools up to a quarter of a second,
        // every 10 s). They come from the same snapshot, so only an import from another process,
        // which the snapshot's own check then finds, can have changed them.
        const stale = cached;
        stale.at = now;
        const info = read();
        info.then(
          () => {
            if (cached === stale) stale.info = info;
          },
          () => undefined,
        );
      }
      return cached.info;
    });
    // A page (an error page above all) still renders when the figures cannot be read; the banner says so.
    app.pageContext(async (request) => {
      const dataset = await app.datasetInfo().catch(() => undefined);
      const language = request.language ?? 'en';
      const t = request.t ?? translator(language);
      return {
        dataset,
        // The banner's data line in the reader's language (the cached `line` is English, for the CLI's kind of use).
        datasetLine:
          dataset &&
          describeProvenance(dataset.provenance, ', ', (template, values) =>
            translateMessage(language, { message: sayInEnglish(template, values), template, values }),
          ),
        syntheticNotice: dataset?.synthetic ? syntheticNotice(dataset.provenance, t, language) : undefined,
      };
    });
  },
  { name: 's2s-dataset', dependencies: ['s2s-views'] },
);
