import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Request } from 'express';
import { PersonLevelInterceptor } from './person-level.interceptor';

/** What a read gave out, taken from its answer: ids of what was read and the people it named. */
export interface Disclosed {
  resourceIds?: string[];
  subjectRefs?: string[];
}

export interface PersonLevelOptions {
  /**
   * Picks the ids and person references out of the route's answer (a JSON read or write), or
   * out of each frame of a stream.
   */
  disclosed?: (body: any, req: Request) => Disclosed;
  /** A download: logged before the first byte, its row count added when written. */
  export?: string;
  /** An event stream: browsers' EventSource sends no headers, so `?purpose=` instead. */
  stream?: boolean;
  /**
   * A write whose answer names the person (a raised hand-off): logged like a read, with the
   * `X-Purpose` when one is sent, but none is required: the contract asks a purpose of reads.
   */
  write?: boolean;
}

export interface PersonLevelRoute extends PersonLevelOptions {
  data: string;
}

export const PERSON_LEVEL = 'intensify:person-level';

/**
 * Marks a route as giving out person-level data: it needs a purpose (writes: see `write`),
 * answers `no-store`, and each read is written to the access log before the data is sent.
 * Decorating the route is all a new person-level read needs. The interceptor is bound here,
 * route by route, not globally: every other request (the outcomes' hot path among them) skips
 * Nest's interceptor pipeline altogether.
 */
export const PersonLevel = (data: string, options: PersonLevelOptions = {}) =>
  applyDecorators(
    SetMetadata(PERSON_LEVEL, { data, ...options } satisfies PersonLevelRoute),
    UseInterceptors(PersonLevelInterceptor),
  );
