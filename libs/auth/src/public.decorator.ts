import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'intensify:public';

/** Marks a route that needs no bearer token (reference data, health, metrics, docs, dev sign-in). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
