import { setUserLanguage } from '../../data/users.ts';
import type { SessionUser } from '../../domain/access.ts';
import type { Language } from '../../domain/language.ts';
import type { AppContext } from '../context.ts';

/** Keeps a signed-in person's choice of language, so every device they sign in on follows it. */
export async function rememberLanguage(
  ctx: Pick<AppContext, 'db'>,
  user: SessionUser,
  language: Language,
): Promise<void> {
  if (user.language === language) return;
  await setUserLanguage(ctx.db, user.id, language);
  user.language = language;
}
