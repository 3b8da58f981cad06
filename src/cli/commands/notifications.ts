import type { Command } from 'commander';
import { sendDailyDigests, sendReminders } from '../../app/notifications/notifications.ts';
import { output, withApp } from '../context.ts';
import { UsageError } from '../errors.ts';

export default function register(program: Command): void {
  const notifications = program.command('notifications').description('email what happened to partnerships');
  notifications
    .command('send-digests')
    .description(
      'remind people of milestones due or overdue and reviews due, then email each person who chose a daily digest what is new since their last one (run it once a day)',
    )
    .option('--on <date>', 'the day the reminders are worked out for (YYYY-MM-DD; today by default)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean; on?: string }) => {
      if (options.on !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.on))
        throw new UsageError('--on: give a date as YYYY-MM-DD, like 2026-12-02');
      const result = await withApp(async (ctx) => {
        const reminders = await sendReminders(ctx, options.on ?? ctx.now().toISOString().slice(0, 10));
        return { reminders, ...(await sendDailyDigests(ctx)) };
      });
      output(options.json, result, () =>
        [
          result.reminders === 0
            ? 'No reminder due.'
            : `${result.reminders} reminders of milestones and reviews.`,
          result.people === 0
            ? 'No digest to send.'
            : `Sent ${result.notifications} notifications in digests to ${result.people} people.`,
        ].join('\n'),
      );
    });
}
