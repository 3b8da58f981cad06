import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../src/data/db.ts';
import type { RouteSummary } from '../../src/web/app.ts';

/**
 * What the security tests need to try every route: the forms a visitor can reach by following
 * links (read from the HTML the way a browser would submit them), the routes those forms post
 * to, and a fingerprint of the database to show that a refused request changed nothing.
 */

export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface FormField {
  name: string;
  value: string;
  /** Typed by the user (text, email, password, number, search, textarea), so free to attack. */
  typed: boolean;
}

export interface FoundForm {
  /** The page it was on. */
  page: string;
  method: 'GET' | 'POST';
  action: string;
  /** As a browser would send it untouched: typed values, checked boxes, selected options, the first of each radio group. */
  fields: FormField[];
}

const TYPED_INPUTS = new Set(['text', 'email', 'password', 'number', 'search', 'tel', 'url', '']);

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
    found[m[1]!.toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return found;
}

/** The forms on a page, with what submitting each unchanged would send. */
export function formsOn(page: string, html: string): FoundForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map(([, tag, body]) => {
    const form = attributes(tag!);
    const fields: FormField[] = [];
    const radioGroups = new Map<string, { value: string; checked: boolean }[]>();
    for (const [, inputTag] of body!.matchAll(/<input\b([^>]*)>/gi)) {
      const input = attributes(inputTag!);
      const type = (input.type ?? '').toLowerCase();
      if (!input.name || type === 'submit' || type === 'button') continue;
      if (type === 'radio') {
        const group = radioGroups.get(input.name) ?? [];
        group.push({ value: input.value ?? 'on', checked: 'checked' in input });
        radioGroups.set(input.name, group);
      } else if (type === 'checkbox') {
        if ('checked' in input) fields.push({ name: input.name, value: input.value ?? 'on', typed: false });
      } else {
        fields.push({ name: input.name, value: input.value ?? '', typed: TYPED_INPUTS.has(type) });
      }
    }
    for (const [name, options] of radioGroups) {
      fields.push({ name, value: (options.find((o) => o.checked) ?? options[0]!).value, typed: false });
    }
    for (const [, textareaTag, text] of body!.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      const { name } = attributes(textareaTag!);
      if (name) fields.push({ name, value: decode(text!.replace(/^\n/, '')), typed: true });
    }
    for (const [, selectTag, options] of body!.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const { name } = attributes(selectTag!);
      const all = [...options!.matchAll(/<option\b([^>]*)>/gi)].map(([, o]) => attributes(o!));
      const chosen = all.find((o) => 'selected' in o) ?? all[0];
      if (name && chosen) fields.push({ name, value: chosen.value ?? '', typed: false });
    }
    // A named submit button sends its value too (the first, as pressing Enter would).
    const button = [...body!.matchAll(/<button\b([^>]*)>/gi)]
      .map(([, b]) => attributes(b!))
      .find((b) => b.name);
    if (button) fields.push({ name: button.name!, value: button.value ?? '', typed: false });
    return {
      page,
      method: (form.method ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET',
      action: form.action || page,
      fields,
    };
  });
}

/** Links to other pages of the service (not files, not the API documentation). */
function linksOn(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#]*)"/g)]
    .map(([, href]) => decode(href!))
    .filter(
      (href) => !/^\/(assets|public|api\/docs)\b|\.(csv|json)(\?|$)/.test(href) && !href.startsWith('//'),
    );
}

export interface CrawledPage {
  url: string;
  status: number;
  html: string;
}

/**
 * Follows links and redirects from the start pages as the visitor with these headers, reading every HTML page
 * once (ignoring the query string beyond the first few of each path, so a search does not
 * run away), up to `limit` pages.
 */
export async function crawl(
  app: FastifyInstance,
  start: string[],
  headers: Record<string, string> = {},
  limit = 300,
): Promise<CrawledPage[]> {
  const seen = new Set<string>();
  const perPath = new Map<string, number>();
  const queue = [...start];
  const pages: CrawledPage[] = [];
  while (queue.length > 0 && pages.length < limit) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const path = url.split('?')[0]!;
    const visits = (perPath.get(path) ?? 0) + 1;
    perPath.set(path, visits);
    if (visits > 3) continue;
    const response = await app.inject({ url, headers });
    const location = response.headers.location;
    if (typeof location === 'string' && location.startsWith('/') && !seen.has(location)) queue.push(location);
    if (!String(response.headers['content-type']).startsWith('text/html')) continue;
    pages.push({ url, status: response.statusCode, html: response.body });
    for (const link of linksOn(response.body)) if (!seen.has(link)) queue.push(link);
  }
  return pages;
}

/** A regular expression matching the concrete paths of a route such as `/schools/:urn/settings`. */
export function routePattern(route: string): RegExp {
  const source = route
    .split(/(:\w+|\*)/)
    .map((part) =>
      part === '*' ? '.*' : part.startsWith(':') ? '[^/?]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}(\\?.*)?$`);
}

/** The route (method and pattern) a concrete request goes to, if any. */
export function routeOf(
  routes: readonly RouteSummary[],
  method: string,
  url: string,
): RouteSummary | undefined {
  // Fastify prefers static segments; the longest pattern without parameters first is close enough.
  const candidates = routes.filter((r) => r.method === method && routePattern(r.url).test(url));
  return candidates.sort((a, b) => paramCount(a.url) - paramCount(b.url))[0];
}
const paramCount = (route: string) => (route.match(/:\w+|\*/g) ?? []).length;

/** The route with each parameter filled in: by `values[name]` where given, else `fallback`. */
export function fillRoute(route: string, values: Record<string, string>, fallback = '1'): string {
  return route.replace(/:(\w+)|\*/g, (_, name: string | undefined) =>
    encodeURIComponent((name && values[name]) ?? fallback),
  );
}

/** Urlencoded as a browser sends a form. */
export function encodeForm(fields: readonly { name: string; value: string }[]): string {
  const body = new URLSearchParams();
  for (const f of fields) body.append(f.name, f.value);
  return body.toString();
}

/**
 * Every table's row count and a hash of its rows, to compare before and after. Sessions are left
 * out: reading a page may note when the session was last used.
 */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'sessions'
    order by table_name`.execute(db);
  const result: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ n: number; hash: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash
      from ${sql.table(name)} t`.execute(db);
    result[name] = `${rows[0]!.n} ${rows[0]!.hash}`;
  }
  return result;
}

/** A table's rows as text, to check that rows present before are still there, unchanged. */
export async function tableRows(db: Db, table: string): Promise<string[]> {
  const { rows } = await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t`.execute(db);
  return rows.map((r) => r.row);
}
