import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import view from '@fastify/view';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import nunjucks from 'nunjucks';
import type { Config } from '../../config.ts';
import { formatMedian, formatNumber, longDate, MONTHS, signedNumber } from '../../domain/format.ts';
import type { Language } from '../../domain/language.ts';
import type { Area } from '../../domain/school.ts';
import { schoolIdIn, translateMessage } from '../../i18n/index.ts';
import { publishedIn, type PublishedField } from '../../i18n/published.ts';
import { placeNameIn } from '../../i18n/places.ts';
import { errorsInLanguage } from '../http/forms.ts';

// yyyy-mm-dd of a moment, as the day it was in Britain.
const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

const require = createRequire(import.meta.url);
const viewsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const govukFrontendDir = path.join(
  path.dirname(require.resolve('govuk-frontend/package.json')),
  'dist',
);

type ContextHook = (
  request: FastifyRequest,
  reply: FastifyReply,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page as HTML with the context every page needs (nonce, path, and what plugins add). */
    page(template: string, context?: Record<string, unknown>): Promise<string>;
  }
  interface FastifyInstance {
    /** Adds to the context of every page (the signed-in user, the CSRF token, banners). */
    pageContext(hook: ContextHook): void;
  }
}

export default fp(
  async (app, { config }: { config: Config }) => {
    await app.register(view, {
      engine: { nunjucks },
      templates: [viewsDir, govukFrontendDir],
      options: {
        autoescape: true,
        // Compiled once and kept: re-reading costs a page many times its rendering (npm run dev turns it on).
        noCache: config.reloadTemplates,
        onConfigure: (env: nunjucks.Environment) => configureEnvironment(env, config),
      },
    });

    const hooks: ContextHook[] = [];
    app.decorate('pageContext', (hook: ContextHook) => {
      hooks.push(hook);
    });

    app.decorateReply('page', async function (this: FastifyReply, template: string, context = {}) {
      const shared: Record<string, unknown> = {
        cspNonce: this.cspNonce?.script,
        currentPath: this.request.url.split('?')[0],
      };
      for (const hook of hooks) Object.assign(shared, await hook(this.request, this));
      const own = errorsInLanguage(this.request.language ?? 'en', context);
      const html = await this.viewAsync(template, { ...shared, ...own });
      this.type('text/html; charset=utf-8');
      return html;
    });
  },
  { name: 's2s-views', dependencies: ['s2s-security'] },
);

/** A text for a page, escaped, in a `lang="en"` span when it is English on a page in another language. */
function markedEnglish(text: string, isEnglish: boolean) {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return new nunjucks.runtime.SafeString(isEnglish && text ? `<span lang="en">${escaped}</span>` : escaped);
}

function configureEnvironment(env: nunjucks.Environment, config: Config): void {
  env.addGlobal('serviceName', 'S2S');
  env.addGlobal('organisation', {
    name: config.organisation.name,
    logo: config.organisation.logoFile !== undefined,
  });
  env.addFilter('number', (value: unknown, digits?: number) =>
    typeof value === 'number' && Number.isFinite(value) ? formatNumber(value, digits ?? 0) : '–',
  );
  env.addFilter('median', (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) ? formatMedian(value) : '–',
  );
  env.addFilter('signed', (value: unknown, digits?: number) =>
    typeof value === 'number' && Number.isFinite(value) ? signedNumber(value, digits ?? 1) : '–',
  );
  // In the page's language: "14 March 2027", "14 Mawrth 2027" (the month from the catalogue).
  env.addFilter('date', function (this: { ctx?: { htmlLang?: Language } }, value: unknown) {
    const language = this.ctx?.htmlLang ?? 'en';
    const written = (iso: string) => {
      const english = longDate(iso);
      if (language === 'en') return english;
      const month = MONTHS.find((m) => english.includes(` ${m} `));
      return month ? english.replace(month, translateMessage(language, { message: month })) : english;
    };
    if (value instanceof Date) return written(londonDay.format(value));
    return typeof value === 'string' && value ? written(value) : '–';
  });
  // A text shown in English on a page in another language (a framework's words without a
  // translation, a practice record written in English only) is marked lang="en" for screen readers.
  // `english` is the list of such texts (a shown framework's `inEnglish`) or a yes/no.
  env.addFilter('markEnglish', (value: unknown, english: unknown) => {
    const text = typeof value === 'string' ? value : '';
    return markedEnglish(text, Array.isArray(english) ? english.includes(text) : english === true);
  });
  // A value as a register publishes it ("Community school"), in the page's language where the
  // catalogue knows it, else as published and marked lang="en".
  env.addFilter(
    'published',
    function (this: { ctx?: { htmlLang?: Language } }, value: unknown, field: PublishedField) {
      if (typeof value !== 'string' || !value) return '';
      const { text, inEnglish } = publishedIn(this.ctx?.htmlLang ?? 'en', field, value);
      return markedEnglish(text, inEnglish);
    },
  );
  // A school's number with what it is called: "URN 100001", "School number 6814002" (see schoolIdIn).
  env.addFilter('schoolId', function (this: { ctx?: { htmlLang?: Language } }, value: unknown) {
    return typeof value === 'number' || typeof value === 'string'
      ? schoolIdIn(this.ctx?.htmlLang ?? 'en', value)
      : '';
  });
  // An area's name in the page's language: "Caerdydd" on a Welsh page, "Kent" on every page.
  env.addFilter('place', function (this: { ctx?: { htmlLang?: Language } }, value: unknown) {
    const place = value as Area | null | undefined;
    return place ? placeNameIn(this.ctx?.htmlLang ?? 'en', place) : '';
  });
  // Builds a query string from the current filters with some keys replaced, for pagination and sorting links.
  env.addFilter('withQuery', (params: Record<string, unknown>, changes: Record<string, unknown>) => {
    const merged = { ...params, ...changes };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(merged)) {
      // A filter chosen many times (focus=a&focus=b) stays many.
      for (const one of Array.isArray(value) ? (value as unknown[]) : [value]) {
        if ((typeof one === 'string' && one !== '') || typeof one === 'number' || typeof one === 'boolean')
          search.append(key, String(one));
      }
    }
    const text = search.toString();
    return text ? `?${text}` : '?';
  });
}
