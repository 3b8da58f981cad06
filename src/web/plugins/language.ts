import parser from 'accept-language-parser';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../app/context.ts';
import { chooseLanguage, LANGUAGES, LANGUAGE_NAMES, type Language } from '../../domain/language.ts';
import type { Phrase } from '../../domain/words.ts';
import { translateMessage, translatePhrase, translator, type Translate } from '../../i18n/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language this answer is written in. */
    language: Language;
    /** The messages in that language. */
    t: Translate;
  }
}

export const LANGUAGE_COOKIE = 's2s-lang';
const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The same address with `lang` set, for a link that switches language and stays on the page. */
function inLanguage(request: FastifyRequest, language: Language): string {
  const url = new URL(request.url, 'http://s2s.invalid');
  url.searchParams.set('lang', language);
  return `${url.pathname}${url.search}`;
}

/**
 * Chooses each answer's language (`?lang=`, then this browser's choice, then the signed-in
 * person's, then Accept-Language) and remembers a choice made with `?lang=` in a cookie; signing
 * in keeps the browser's choice in the person's account (a GET changes no record). Pages get
 * `t`, `htmlLang` and the language switch.
 */
export default fp(
  async (app, ctx: AppContext) => {
    app.decorateRequest('language', 'en');
    app.decorateRequest('t', null as unknown as Translate);

    app.addHook('onRequest', (request, reply, done) => {
      const asked = (request.query as Record<string, unknown> | undefined)?.lang;
      const header = request.headers['accept-language'];
      request.language = chooseLanguage({
        asked,
        remembered: request.cookies[LANGUAGE_COOKIE],
        saved: request.user?.language,
        preferred: header ? parser.pick([...LANGUAGES], header, { loose: true }) : null,
      });
      request.t = translator(request.language);
      if (asked !== request.language) return done();
      reply.setCookie(LANGUAGE_COOKIE, request.language, {
        path: '/',
        maxAge: YEAR_SECONDS,
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.env === 'production',
      });
      done();
    });

    app.pageContext((request) => ({
      // A page rendered for an error before this plugin's hook ran (the database gone) is in English.
      t: request.t ?? translator(request.language),
      // A label or message the domain or a use case wrote in English ("Primary", "Good"), in the reader's language.
      tm: (message: string, values?: Record<string, string | number>) =>
        translateMessage(request.language, { message, values }),
      // A phrase the domain wrote (a classification's reason), in the reader's language.
      tp: (phrase: Phrase) => translatePhrase(request.language, phrase),
      htmlLang: request.language,
      languages: LANGUAGES.map((language) => ({
        language,
        name: LANGUAGE_NAMES[language],
        href: inLanguage(request, language),
        current: language === request.language,
      })),
    }));
  },
  { name: 's2s-language', dependencies: ['s2s-session', 's2s-views'] },
);
