import { changeWriter } from '@intensify/messaging';
import { CLOCK } from './clock';
import { SCHEMA } from './config';

/** Every intelligence change: its schema, the intelligence topic, the service's clock. */
export const intelligenceWriter = changeWriter({
  schema: SCHEMA,
  topic: (t) => t.intelligence,
  clock: CLOCK,
});
