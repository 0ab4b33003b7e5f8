import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { PERSON_LEVEL, PersonLevelRoute } from '../access-log/person-level.decorator';

export interface ServedRoute {
  method: string;
  /** Nest's path: `:param` placeholders. */
  path: string;
  /** The status Nest answers unless the handler sets one. */
  status: number;
  controller: string;
  file: string;
  /**
   * Marked `@PersonLevel` (needs a purpose, logged): `stream` for an event stream, `write` for
   * a write whose answer names the person (logged, purpose optional).
   */
  personLevel?: 'read' | 'stream' | 'write';
}

/**
 * The gateway sets no global prefix (`startService` in libs/runtime calls no
 * `setGlobalPrefix`): each controller names `api/v1` in its own path. Kept here so a prefix
 * added later is one change.
 */
export const GLOBAL_PREFIX = '';

function controllerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? controllerFiles(join(dir, e.name))
      : e.name.endsWith('.controller.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

const join2 = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/** Every route of every controller class under `root`, read from Nest's route metadata. */
export function servedRoutes(root: string): ServedRoute[] {
  const routes: ServedRoute[] = [];
  for (const file of controllerFiles(root)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(file) as Record<string, unknown>;
    for (const value of Object.values(exported)) {
      if (typeof value !== 'function') continue;
      const base = Reflect.getMetadata(PATH_METADATA, value) as string | undefined;
      if (base === undefined) continue;
      const proto = value.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        // One handler may serve several paths (`@Post(['a', 'b'])`): each is a route of its own.
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (paths === undefined || method === undefined) continue;
        const verb = RequestMethod[method];
        const personLevel = Reflect.getMetadata(PERSON_LEVEL, handler) as
          PersonLevelRoute | undefined;
        for (const path of [paths].flat())
          routes.push({
            ...(personLevel && {
              personLevel: personLevel.stream ? 'stream' : personLevel.write ? 'write' : 'read',
            }),
            method: verb,
            path: join2(GLOBAL_PREFIX, base, path),
            status:
              (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
              (verb === 'POST' ? 201 : 200),
            controller: value.name,
            file,
          });
      }
    }
  }
  return routes;
}
