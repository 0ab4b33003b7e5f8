import { changeWriter } from '@intensify/messaging';
import { CLOCK } from './clock';
import { SCHEMA } from './config';

/** Every hand-off change, by a person, a deadline or retention: its schema, topic and clock. */
export const safeguardingWriter = changeWriter({
  schema: SCHEMA,
  topic: (t) => t.safeguarding,
  clock: CLOCK,
});
