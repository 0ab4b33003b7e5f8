import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const FILE = join(__dirname, '..', '..', 'BENCHMARKS.md');

export function machine(): string {
  const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Prints the measurements as JSON and appends one dated row to BENCHMARKS.md. */
export function record(
  name: string,
  figures: Record<string, number | string>,
  target: string,
  met: boolean | null,
): void {
  const entry = {
    benchmark: name,
    date: new Date().toISOString(),
    machine: machine(),
    ...figures,
    target,
    met,
  };
  process.stdout.write(`${JSON.stringify(entry)}\n`);
  if (!existsSync(FILE)) {
    writeFileSync(
      FILE,
      '# Benchmarks\n\nRows are appended by `npm run bench`; see README for what each measures.\n\n| date | benchmark | machine | figures | target | met |\n| --- | --- | --- | --- | --- | --- |\n',
    );
  }
  const shown = Object.entries(figures)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  appendFileSync(
    FILE,
    `| ${entry.date.slice(0, 10)} | ${name} | ${entry.machine} | ${shown} | ${target} | ${met === null ? 'n/a' : met ? 'yes' : 'no'} |\n`,
  );
}
