/**
 * Reads and checks environment variables once at start-up. A bad value stops the process
 * with a message naming the variable, instead of failing later somewhere less obvious.
 */
export type EnvSpec<T> = { [K in keyof T]: (raw: string | undefined, name: string) => T[K] };

export class EnvError extends Error {}

export function readEnv<T>(spec: EnvSpec<T>, env: NodeJS.ProcessEnv = process.env): T {
  const out = {} as T;
  const problems: string[] = [];
  for (const name of Object.keys(spec) as (keyof T & string)[]) {
    try {
      out[name] = spec[name](env[name] === '' ? undefined : env[name], name);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (problems.length) throw new EnvError(`Invalid environment: ${problems.join('; ')}`);
  return out;
}

export const str =
  (fallback?: string) =>
  (raw: string | undefined, name: string): string => {
    const v = raw ?? fallback;
    if (v === undefined) throw new EnvError(`${name} is required`);
    return v;
  };

export const int =
  (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  (raw: string | undefined, name: string): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new EnvError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    }
    return n;
  };

export const oneOf =
  <V extends string>(values: readonly V[], fallback?: V) =>
  (raw: string | undefined, name: string): V => {
    const v = (raw ?? fallback) as V;
    if (v === undefined) throw new EnvError(`${name} is required`);
    if (!values.includes(v))
      throw new EnvError(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
    return v;
  };

export const bool =
  (fallback: boolean) =>
  (raw: string | undefined, name: string): boolean => {
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw new EnvError(`${name} must be true or false, got "${raw}"`);
  };

/** A variable that may be left unset; when set, `parse` checks it. */
export const maybe =
  <V>(parse: (raw: string | undefined, name: string) => V) =>
  (raw: string | undefined, name: string): V | undefined =>
    raw === undefined ? undefined : parse(raw, name);

/**
 * Checks that span several variables. `problem` collects every fault, so one start-up
 * names them all, like readEnv.
 */
export function checkEnv<T>(check: (problem: (message: string) => void) => T): T {
  const problems: string[] = [];
  const out = check((message) => problems.push(message));
  if (problems.length) throw new EnvError(`Invalid environment: ${problems.join('; ')}`);
  return out;
}

export const url =
  (fallback: string) =>
  (raw: string | undefined, name: string): string => {
    const v = raw ?? fallback;
    try {
      new URL(v);
    } catch {
      throw new EnvError(`${name} must be a URL, got "${v}"`);
    }
    return v;
  };
