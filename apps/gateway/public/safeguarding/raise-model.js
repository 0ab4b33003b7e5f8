// The raise form without the DOM: what a link from the reporting page pre-fills, the body the
// form's values make and the errors to show beside each field before the server checks them
// again. Field names are the API's, so a 400's errors land in the same places. The lists and
// limits are the contract's, which the gateway serves as `handoff-lists.js`; `toIso` turns the
// form's local time into ISO 8601.
import { AGE_GROUPS, CONCERNS, NOTE_MAX } from './handoff-lists.js';
import { UUID } from '/common/assets/ids.js';

export { AGE_GROUPS, CONCERNS, NOTE_MAX };

/** The API's pattern for pseudonymous references: upper case, digits, hyphens, with a digit. */
const REFERENCE = /^(?=[A-Z0-9-]*[0-9])[A-Z0-9][A-Z0-9-]{3,31}$/;

/** The query parameters a link may pre-fill, e.g. from the reporting page. */
const PREFILL = ['operationId', 'foundForce', 'foundAt', 'ageGroup', 'safeguardingOutcomeId'];

/**
 * The raise form's pre-filled values from a page address's query (`?raise=1&foundForce=…`), each
 * kept only when it could be valid; `open` says the form was asked for. Nothing about the
 * person travels in a link: the subject reference is always typed.
 */
export function prefillFromQuery(search, forceCodes) {
  const q = new URLSearchParams(search);
  const values = {};
  for (const name of PREFILL) {
    const v = q.get(name);
    if (v) values[name] = v;
  }
  if (values.operationId && !UUID.test(values.operationId)) delete values.operationId;
  if (values.safeguardingOutcomeId && !UUID.test(values.safeguardingOutcomeId))
    delete values.safeguardingOutcomeId;
  if (values.foundForce && !forceCodes.includes(values.foundForce)) delete values.foundForce;
  if (values.ageGroup && !AGE_GROUPS.includes(values.ageGroup)) delete values.ageGroup;
  if (values.foundAt && Number.isNaN(Date.parse(values.foundAt))) delete values.foundAt;
  return { open: q.get('raise') === '1' || Object.keys(values).length > 0, values };
}

/** A reference's problem in words, or null: the server says the same with its own words. */
export function referenceError(text, what) {
  if (!text) return `Enter the ${what}`;
  if (!REFERENCE.test(text))
    return `Enter a pseudonymous ${what}: capital letters, digits and hyphens, 4 to 32 characters, with a digit (like LEI-SG-00123). Never a name.`;
  return null;
}

/**
 * The raise body from the form's values (`raw`: strings, `concerns` an array) and the errors
 * seen before sending. `toIso` turns a `datetime-local` value into ISO 8601 with offset.
 */
export function readRaise(raw, now, toIso) {
  const errors = [];
  const fail = (field, message) => errors.push({ field, message });
  const body = {};
  if (raw.operationId) body.operationId = raw.operationId;
  if (!raw.foundForce) fail('foundForce', 'Choose the force that found the person');
  else body.foundForce = raw.foundForce;
  if (!raw.homeForce) fail('homeForce', 'Choose the force area the person lives in');
  else if (raw.homeForce === raw.foundForce)
    fail('homeForce', 'The home force must differ from the force that found the person');
  else body.homeForce = raw.homeForce;
  const subjectRef = (raw.subjectRef ?? '').trim().toUpperCase();
  const refProblem = referenceError(subjectRef, 'subject reference');
  if (refProblem) fail('subjectRef', refProblem);
  body.subjectRef = subjectRef;
  if (!AGE_GROUPS.includes(raw.ageGroup)) fail('ageGroup', 'Choose child or adult');
  else body.ageGroup = raw.ageGroup;
  const concerns = CONCERNS.filter((c) => (raw.concerns ?? []).includes(c));
  if (!concerns.length) fail('concerns', 'Choose at least one concern');
  body.concerns = concerns;
  const foundAt = raw.foundAt ? toIso(raw.foundAt) : null;
  if (!foundAt) fail('foundAt', 'Enter when the person was found');
  else if (Date.parse(foundAt) > now) fail('foundAt', 'Enter a time that is not in the future');
  else body.foundAt = foundAt;
  if (raw.safeguardingOutcomeId) {
    if (!UUID.test(raw.safeguardingOutcomeId))
      fail('safeguardingOutcomeId', 'Enter the reference the reporting page gave, or leave it');
    else body.safeguardingOutcomeId = raw.safeguardingOutcomeId;
  }
  const note = (raw.note ?? '').trim();
  if (note.length > NOTE_MAX) fail('note', `Use ${NOTE_MAX} characters or fewer`);
  if (note) body.note = note;
  return { body, errors };
}

/**
 * Where a server error goes on the page: `concerns.2` is about the concerns box as a whole; a
 * field the form does not show (or `body`) goes to the summary only.
 */
export function onFormFields(errors) {
  return errors.map((e) => {
    const m = /^(concerns)\.\d+$/.exec(e.field);
    return m ? { ...e, field: m[1] } : e;
  });
}

/**
 * One Idempotency-Key per body: sending the same unchanged body again (after no answer) reuses
 * the key so it cannot be raised twice; any other body gets a fresh key. `newKey` makes one.
 */
export function keyFor(previous, body, newKey) {
  const json = JSON.stringify(body);
  if (previous && previous.json === json) return previous;
  return { key: newKey(), json };
}
