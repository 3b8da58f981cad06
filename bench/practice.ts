/**
 * The good-practice library's search over 50,000 published records (or N): PostgreSQL full text
 * (weighted title, summary and account, GIN index, ranked by match and evidence) against a plain
 * baseline, an ILIKE scan of the same fields, in the same run on the same database. Prints the
 * median and 95th percentile of each and their ratio; asserts nothing about wall-clock time.
 *
 *   node --import tsx bench/practice.ts [--records N]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/practice.ts
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { searchPractice } from '../src/data/practice-search.ts';
import { benchDatabase } from './database.ts';

const at = process.argv.indexOf('--records');
const RECORDS = at > 0 ? Number(process.argv[at + 1]) : 50_000;
const ROUNDS = 15;
const QUERIES = [
  'reading fluency',
  'attendance',
  'maths talk',
  'governors',
  'phonics',
  'transition',
  'feedback',
  'parents',
];

/** What a record is about: one each, in its title and summary (so a query matches about 1 in 40). */
const TOPICS = [
  'reading fluency',
  'phonics',
  'maths talk',
  'attendance',
  'governors',
  'transition',
  'feedback',
  'parents',
  'oracy',
  'vocabulary',
  'retrieval practice',
  'coaching',
  'moderation',
  'homework',
  'tutoring',
  'behaviour',
  'wellbeing',
  'science practicals',
  'early reading',
  'times tables',
  'spelling',
  'handwriting',
  'exclusions',
  'mentoring',
  'curriculum mapping',
  'lesson study',
  'subject leadership',
  'careers',
  'music',
  'physical education',
  'art',
  'history',
  'geography',
  'modern languages',
  'computing',
  'religious education',
  'nurture groups',
  'speech and language',
  'breakfast club',
  'school council',
];
/** Everyday words of an account, drawn at random (seeded) around the topic. */
const WORDS = (
  'pupils teachers lessons morning weekly termly group pairs class staff time cost improved expected ' +
  'standard year planning training leaders meeting support together shared approach each every week ' +
  'started began changed checked records data sessions small whole school families term summer autumn ' +
  'spring children adults worked helped learned agreed review visit observed questions answers'
).split(' ');

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const { db, close } = await benchDatabase('s2s_bench_practice');
try {
  const started = performance.now();
  await sql`select setseed(0.42)`.execute(db);
  await sql`
    insert into practice_records (id, urn, published_version, working_version, working_state)
    select i, 100000 + i % 20000, 1, 1, 'published' from generate_series(1, ${RECORDS}) as g(i)`.execute(db);
  await sql`select setval('practice_records_id_seq', ${RECORDS})`.execute(db);
  // Each text draws its words afresh for each row (the subquery refers to the row's number).
  const text = (count: number) =>
    sql`array_to_string(array(select (${WORDS}::text[])[1 + floor(random() * ${WORDS.length})::int]
      from generate_series(1, ${count}) as w(n) where g.i > 0), ' ')`;
  await sql`
    insert into practice_versions (record_id, version, title, summary, what_we_did, phases, pupil_groups,
      focus_areas, resources, what_changed, how_we_know, links, external_evaluation, language,
      evidence_level, evidence, published_at)
    select i, 1, topic || ' ' || ${text(4)}, ${text(10)} || ' ' || topic || ' ' || ${text(15)}, ${text(150)},
      array['primary'], array['all'],
      array[(array['literacy', 'numeracy', 'leadership', 'send', 'behaviour-and-attendance'])[1 + i % 5]],
      ${text(20)}, ${text(40)}, ${text(30)}, '{}', '',
      case when i % 10 = 0 then 'cy' else 'en' end,
      (array['own-account', 'data-backed', 'comparison-group', 'external'])[1 + i % 4], '{}',
      now() - (i % 1000) * interval '1 day'
    from generate_series(1, ${RECORDS}) as g(i),
      lateral (select (${TOPICS}::text[])[1 + (i * 7919) % ${TOPICS.length}] as topic) as t`.execute(db);
  await sql`analyze practice_records`.execute(db);
  await sql`analyze practice_versions`.execute(db);
  console.log(
    `${RECORDS.toLocaleString('en-GB')} published records written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const ours: number[] = [];
  const baseline: number[] = [];
  let found = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of QUERIES) {
      let start = performance.now();
      const page = await searchPractice(db, { q, limit: 20, offset: 0 });
      ours.push(performance.now() - start);
      if (round === 0) found += page.total;
      const pattern = `%${q}%`;
      start = performance.now();
      await sql`
        select r.id, v.title, v.summary, count(*) over () as total
        from practice_records r
        join practice_versions v on v.record_id = r.id and v.version = r.published_version
        where r.withdrawn_at is null
          and (v.title ilike ${pattern} or v.summary ilike ${pattern} or v.what_we_did ilike ${pattern}
            or v.what_changed ilike ${pattern} or v.how_we_know ilike ${pattern} or v.resources ilike ${pattern})
        order by v.published_at desc, r.id
        limit 20`.execute(db);
      baseline.push(performance.now() - start);
    }
  }
  ours.sort((a, b) => a - b);
  baseline.sort((a, b) => a - b);
  console.log(
    `${QUERIES.length} queries × ${ROUNDS} rounds; ${Math.round(found / QUERIES.length).toLocaleString('en-GB')} matches a query on average`,
  );
  console.log('                           | median ms | p95 ms');
  console.log(
    `S2S full-text search       | ${quantile(ours, 0.5).toFixed(2).padStart(9)} | ${quantile(ours, 0.95).toFixed(2).padStart(6)}`,
  );
  console.log(
    `baseline ILIKE scan        | ${quantile(baseline, 0.5).toFixed(2).padStart(9)} | ${quantile(baseline, 0.95).toFixed(2).padStart(6)}`,
  );
  console.log(
    `ratio (baseline / S2S)     | ${(quantile(baseline, 0.5) / quantile(ours, 0.5)).toFixed(2).padStart(9)} | ${(quantile(baseline, 0.95) / quantile(ours, 0.95)).toFixed(2).padStart(6)}`,
  );
} finally {
  await close();
}
