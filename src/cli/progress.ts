import cliProgress from 'cli-progress';

/**
 * A progress bar on stderr for work measured in bytes, shown only to a person at a terminal so
 * that piped or --json output stays clean.
 */
export function byteProgress(label: string): {
  update: (done: number, total: number) => void;
  stop: () => void;
} {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {doneMb}/{totalMb} MB`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const mb = (n: number) => (n / 1_048_576).toFixed(1);
  return {
    update(done, total) {
      if (!started) bar.start(total, 0, { doneMb: mb(0), totalMb: mb(total) });
      started = true;
      bar.update(done, { doneMb: mb(done), totalMb: mb(total) });
    },
    stop: () => started && bar.stop(),
  };
}

/** The same for work counted in items (schools generated). */
export function countProgress(
  label: string,
  total: number,
): { update: (done: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
