import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_MATCHING_SETTINGS, type MatchingSettings } from './domain/matching/settings.ts';
import { DEFAULT_PEER_REVIEW_SETTINGS, type PeerReviewSettings } from './domain/peer-review/settings.ts';
import { MAX_RADIUS_KM } from './domain/radius.ts';
import { PHASES, type Phase } from './domain/school.ts';
import { UPDATE_SOURCES, type UpdateSource } from './domain/update-sources.ts';

/** The variable that sets where `s2s update` fetches a source: `S2S_UPDATE_GIAS_URL`. */
export const updateVariable = (source: UpdateSource) => `S2S_UPDATE_${source.toUpperCase()}_URL`;

/**
 * All configuration comes from the environment and is checked here, once, at start, so a bad
 * value stops the service with a message naming the variable rather than failing later.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  S2S_DATA_DIR: z.string().min(1).default('.s2s'),
  S2S_BOUNDARIES_DIR: z.string().min(1).optional(),
  S2S_BASEMAP_URL: z.string().url('must be a URL to a MapLibre style').optional(),
  S2S_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  S2S_PUBLIC_URL: z.string().url('must be the service URL, e.g. https://s2s.example.org').optional(),
  S2S_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  S2S_MAIL_FROM: z.string().min(3).default('S2S <no-reply@s2s.local>'),
  S2S_LOAD_DEMO: z.enum(['true', 'false']).default('true'),
  S2S_ORGANISATION_NAME: z.string().trim().min(1).max(100).default('S2S'),
  S2S_ORGANISATION_LOGO: z
    .string()
    .regex(/\.(png|svg|jpe?g|gif|webp)$/i, 'must be a .png, .svg, .jpg, .gif or .webp file')
    .optional(),
  ...Object.fromEntries(
    UPDATE_SOURCES.map((source) => [
      updateVariable(source),
      z
        .string()
        .regex(
          /^https?:\/\//,
          'must be an http:// or https:// address, e.g. https://example.org/edubasealldata{date}.csv',
        )
        .optional(),
    ]),
  ),
  S2S_REFRESH_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds, e.g. 5' })
    .min(0.1, 'must be at least 0.1 seconds')
    .max(3600, 'must be at most 3600 seconds')
    .default(5),
  S2S_PEER_REVIEW_COMPETING_KM: z.coerce
    .number({ error: 'must be a distance in kilometres, e.g. 3' })
    .min(0, 'must be 0 km or more')
    .max(MAX_RADIUS_KM, `must be ${MAX_RADIUS_KM} km or less`)
    .default(DEFAULT_PEER_REVIEW_SETTINGS.conflicts.competingWithinKm),
  S2S_PEER_REVIEW_REVIEWS_BEFORE_LEADING: z.coerce
    .number({ error: 'must be a whole number of reviews, e.g. 2' })
    .int('must be a whole number of reviews, e.g. 2')
    .min(0, 'must be 0 or more')
    .max(50, 'must be 50 or fewer')
    .default(DEFAULT_PEER_REVIEW_SETTINGS.reviewers.reviewsBeforeLeading),
  S2S_PEER_REVIEW_SUPPRESS_BELOW: z.coerce
    .number({ error: 'must be a whole number of schools, e.g. 5' })
    .int('must be a whole number of schools, e.g. 5')
    .min(2, 'must be at least 2, or one school could be picked out')
    .max(1000, 'must be 1000 or fewer')
    .default(DEFAULT_PEER_REVIEW_SETTINGS.suppressBelow),
  S2S_METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  S2S_TRUST_PROXY: z
    .string()
    .trim()
    .default('')
    .refine((value) => trustedProxies(value) !== undefined, {
      message:
        'must be a number of proxy hops (e.g. 1) or a comma-separated list of proxy addresses or networks (e.g. 10.0.0.1, 192.168.0.0/16)',
    }),
  S2S_WORKERS: z.coerce
    .number({ error: 'must be a whole number of worker threads, e.g. 2' })
    .int('must be a whole number of worker threads, e.g. 2')
    .min(1, 'must be at least 1')
    .max(64, 'must be 64 or fewer')
    .default(Math.max(1, os.availableParallelism() - 1)),
  S2S_WORKER_IDLE_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds, e.g. 300' })
    .int('must be a whole number of seconds, e.g. 300')
    .min(0, 'must be 0 or more')
    .max(86_400, 'must be 86400 or fewer')
    .default(300),
  S2S_COMPUTE_QUEUE: z.coerce
    .number({ error: 'must be a whole number of computations, e.g. 64' })
    .int('must be a whole number of computations, e.g. 64')
    .min(0, 'must be 0 or more')
    .max(100_000, 'must be 100000 or fewer')
    .default(64),
  S2S_HEAVY_REQUESTS_PER_MINUTE: z.coerce
    .number({ error: 'must be a whole number of requests, e.g. 300' })
    .int('must be a whole number of requests, e.g. 300')
    .min(1, 'must be at least 1')
    .max(1_000_000, 'must be 1000000 or fewer')
    .default(300),
  S2S_DEV: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The variable that sets a phase's partner-search radius: `S2S_RADIUS_KM_ALL_THROUGH` for all-through. */
export const radiusVariable = (phase: Phase) => `S2S_RADIUS_KM_${phase.toUpperCase().replace(/-/g, '_')}`;

const radii = z.object(
  Object.fromEntries(
    PHASES.map((phase) => [
      radiusVariable(phase),
      z.coerce
        .number({ error: 'must be a distance in kilometres, e.g. 12.5' })
        .positive('must be more than 0 km')
        .max(MAX_RADIUS_KM, `must be ${MAX_RADIUS_KM} km or less`)
        .optional(),
    ]),
  ),
);

export interface Config {
  env: 'development' | 'production' | 'test';
  /** Re-read page templates on every request, so a developer's edits show without a restart (`npm run dev`). */
  reloadTemplates: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  boundariesDir: string | undefined;
  basemapUrl: string | undefined;
  sessionSecret: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  loadDemo: boolean;
  /** Who runs this instance (a local authority, a trust), shown in every page's header. */
  organisation: { name: string; logoFile: string | undefined };
  /** How often the service looks for data changed by another process (an import), in seconds. */
  refreshSeconds: number;
  /** Where `s2s update` fetches each source, when set (`S2S_UPDATE_<SOURCE>_URL`). */
  updateAddresses: Partial<Record<UpdateSource, string>>;
  logLevel: string;
  /**
   * Which proxies in front of S2S to believe about the client's address (X-Forwarded-For):
   * none (false), the nearest `n` hops, or those at these addresses and networks. Believing every
   * client would let anyone choose the address that sign-in limits count against.
   */
  trustProxy: false | number | string[];
  /**
   * The bearer token `/metrics` asks for, when set. Without one, production serves no metrics
   * (they describe the service's load to anyone); elsewhere they are open.
   */
  metricsToken: string | undefined;
  /**
   * Heavy computations (capacity by area for any radius, the national allocation, partner
   * searches wider than the phase's radius) run in `workers` worker threads; at most `queue` wait for one, and more are refused as busy.
   * A worker with nothing to do for `idleSeconds` ends (0: never), giving back its copy of the registry.
   */
  compute: { workers: number; queue: number; idleSeconds: number };
  /** How often one address may ask the routes that compute (capacity, allocation, partners), a minute. */
  heavyRequestsPerMinute: number;
  /** Partner search and allocation settings; each phase's radius from `S2S_RADIUS_KM_<PHASE>`. */
  matching: MatchingSettings;
  /** Peer review: the distance at which schools compete, reviews before leading, suppression. */
  peerReview: PeerReviewSettings;
}

/** proxy-addr's names for reserved ranges, accepted alongside addresses and networks. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const isProxyAddress = (entry: string) => {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = net.isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
};

/** S2S_TRUST_PROXY read: empty is false, a whole number is hops, else a list of addresses; undefined if invalid. */
function trustedProxies(value: string): Config['trustProxy'] | undefined {
  if (value === '') return false;
  if (/^\d+$/.test(value)) return Number(value) === 0 ? false : Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.every(isProxyAddress) ? entries : undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  const radiusKm = radii.safeParse(env);
  if (!parsed.success || !radiusKm.success) {
    const issues = [...(parsed.error?.issues ?? []), ...(radiusKm.error?.issues ?? [])];
    const lines = issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    const missing = (['S2S_SESSION_SECRET', 'S2S_PUBLIC_URL'] as const).filter((name) => !e[name]);
    if (missing.length > 0) {
      throw new ConfigError(
        `Invalid configuration:\n${missing.map((m) => `  ${m}: required in production`).join('\n')}`,
      );
    }
  }
  return {
    env: e.NODE_ENV,
    reloadTemplates: e.S2S_DEV === 'true',
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.S2S_DATA_DIR),
    boundariesDir: e.S2S_BOUNDARIES_DIR ? path.resolve(e.S2S_BOUNDARIES_DIR) : undefined,
    basemapUrl: e.S2S_BASEMAP_URL,
    // Development only: production refuses to start without a secret (checked above).
    sessionSecret: e.S2S_SESSION_SECRET ?? 'development-only-secret-do-not-use-in-production!!',
    publicUrl: e.S2S_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    smtpUrl: e.S2S_SMTP_URL,
    mailFrom: e.S2S_MAIL_FROM,
    loadDemo: e.S2S_LOAD_DEMO === 'true',
    organisation: {
      name: e.S2S_ORGANISATION_NAME,
      logoFile: e.S2S_ORGANISATION_LOGO ? path.resolve(e.S2S_ORGANISATION_LOGO) : undefined,
    },
    refreshSeconds: e.S2S_REFRESH_SECONDS,
    updateAddresses: Object.fromEntries(
      UPDATE_SOURCES.flatMap((source) => {
        const address = (e as Record<string, unknown>)[updateVariable(source)];
        return typeof address === 'string' ? [[source, address]] : [];
      }),
    ),
    logLevel: e.LOG_LEVEL,
    trustProxy: trustedProxies(e.S2S_TRUST_PROXY)!,
    metricsToken: e.S2S_METRICS_TOKEN,
    compute: { workers: e.S2S_WORKERS, queue: e.S2S_COMPUTE_QUEUE, idleSeconds: e.S2S_WORKER_IDLE_SECONDS },
    heavyRequestsPerMinute: e.S2S_HEAVY_REQUESTS_PER_MINUTE,
    matching: {
      ...DEFAULT_MATCHING_SETTINGS,
      radiusKm: Object.fromEntries(
        PHASES.map((phase) => [
          phase,
          radiusKm.data[radiusVariable(phase)] ?? DEFAULT_MATCHING_SETTINGS.radiusKm[phase],
        ]),
      ) as Record<Phase, number>,
    },
    peerReview: {
      ...DEFAULT_PEER_REVIEW_SETTINGS,
      conflicts: {
        ...DEFAULT_PEER_REVIEW_SETTINGS.conflicts,
        competingWithinKm: e.S2S_PEER_REVIEW_COMPETING_KM,
      },
      reviewers: { reviewsBeforeLeading: e.S2S_PEER_REVIEW_REVIEWS_BEFORE_LEADING },
      suppressBelow: e.S2S_PEER_REVIEW_SUPPRESS_BELOW,
    },
  };
}
