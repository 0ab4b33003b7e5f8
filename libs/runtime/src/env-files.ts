import { readFileSync } from 'node:fs';

type Problem = (message: string) => void;

/** The text of the file a variable names: a certificate, a key, a secret mounted as a file. */
export function readEnvFile(name: string, file: string | undefined, problem: Problem) {
  if (file === undefined) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    problem(`${name} names a file that cannot be read: ${file} (${reason})`);
    return undefined;
  }
}

/** A secret given as `NAME`, or as `NAME_FILE` where the platform mounts secrets as files. */
export function readSecret(
  name: string,
  value: string | undefined,
  file: string | undefined,
  problem: Problem,
): string | undefined {
  if (value !== undefined && file !== undefined) {
    problem(`set ${name} or ${name}_FILE, not both`);
    return undefined;
  }
  // Files written with `echo` or an editor end in a newline that is not part of the secret.
  return value ?? readEnvFile(`${name}_FILE`, file, problem)?.replace(/\r?\n$/, '');
}
