import type { Config } from '../config.ts';
import type { AppContext } from '../app/context.ts';
import type { Mailer } from '../mail/mailer.ts';

/** What the web service is built from. */
export interface AppDeps {
  config: Config;
  db: AppContext['db'];
  /** Where email goes; by default SMTP (S2S_SMTP_URL) or the outbox folder. Tests pass a MemoryMailer. */
  mailer?: Mailer;
}
