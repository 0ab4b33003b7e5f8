import { changeWriter } from '@intensify/messaging';
import { CLOCK } from './clock';
import { SCHEMA } from './config';

/** Every tasking change, by a person or a deadline: its schema, the taskings topic, the clock. */
export const taskingWriter = changeWriter({
  schema: SCHEMA,
  topic: (t) => t.taskings,
  clock: CLOCK,
});
