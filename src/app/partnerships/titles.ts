import { titleWordsOf } from '../../data/partnerships.ts';
import type { Language } from '../../domain/language.ts';
import { translateMessage } from '../../i18n/index.ts';
import type { AppContext } from '../context.ts';

/**
 * Partnerships with their titles in the reader's language: one the service wrote ("Deployment of
 * … to …") from its words, one someone wrote as they wrote it.
 */
export async function withTitlesIn<T extends { id: number; title: string }>(
  ctx: Pick<AppContext, 'db'>,
  language: Language,
  list: T[],
): Promise<T[]> {
  if (language === 'en') return list;
  const words = await titleWordsOf(
    ctx.db,
    list.map((p) => p.id),
  );
  return list.map((p) => {
    const written = words.get(p.id);
    return written ? { ...p, title: translateMessage(language, { message: p.title, ...written }) } : p;
  });
}

/** One partnership with its title in the reader's language, as its own pages show it. */
export async function withTitleIn<T extends { id: number; title: string }>(
  ctx: Pick<AppContext, 'db'>,
  language: Language,
  partnership: T,
): Promise<T> {
  const [shown] = await withTitlesIn(ctx, language, [partnership]);
  return shown!;
}
