// Turns what the user typed into an outcome body and the errors to show beside each field.
// Field names are the API's dotted paths, so server errors land in the same places.
import {
  formatDateTime,
  isoToLocalInput,
  localInputToIso,
  poundsToPence,
} from '/common/assets/units.js';

const MAX_COUNT = 1_000_000;
const MAX_PENCE = 10_000_000_000_000;
const MAX_GRAMS = 1_000_000_000;
export const NOTE_MAX = 2000;

export const DRUGS = ['crack', 'heroin', 'cocaine', 'cannabis', 'other'];
export const WEAPONS = ['firearm', 'bladed', 'other'];
export const SAFEGUARDING = ['children', 'adults', 'nrmReferrals', 'cuckooedAddressesVisited'];

/**
 * @param raw the form's text values (see outcome-form.js `readForm`)
 * @param week the operation, for its startsAt/endsAt
 * @param now the browser's current time (ms)
 * @returns {{ body: object, errors: {field: string, message: string}[] }}
 */
export function readOutcome(raw, week, now) {
  const errors = [];
  const fail = (field, message) => errors.push({ field, message });
  const count = (field, text, { min = 0 } = {}) => {
    const t = (text ?? '').trim();
    if (t === '') {
      if (min > 0) fail(field, `Enter a whole number, ${min} or more`);
      return 0;
    }
    if (!/^\d+$/.test(t)) return (fail(field, 'Enter a whole number, like 3'), 0);
    const n = Number(t);
    if (n < min) return (fail(field, `Enter ${min} or more`), 0);
    if (n > MAX_COUNT)
      return (fail(field, `Enter ${MAX_COUNT.toLocaleString('en-GB')} or fewer`), 0);
    return n;
  };
  const pence = (field, text) => {
    const t = (text ?? '').trim();
    if (t === '') return 0;
    const p = poundsToPence(t);
    if (p === null) return (fail(field, 'Enter an amount in pounds, like 1250.50'), 0);
    if (p > MAX_PENCE) return (fail(field, 'Enter a smaller amount'), 0);
    return p;
  };

  const body = { type: raw.type, force: raw.force };
  body.occurredAt = occurredAt(raw, week, now, fail);
  // The line picker offers register lines only; the server checks the id and its scope.
  if (raw.lineId) body.lineId = raw.lineId;
  if (raw.taskingId) body.taskingId = raw.taskingId;
  if (raw.note?.trim()) {
    body.note = raw.note;
    if (raw.note.length > NOTE_MAX) fail('note', `Use ${NOTE_MAX} characters or fewer`);
  }

  switch (raw.type) {
    case 'arrest': {
      body.count = count('count', raw.count, { min: 1 });
      body.under18 = count('under18', raw.under18);
      body.charged = count('charged', raw.charged);
      if (body.under18 > body.count) fail('under18', 'Cannot be more than the number arrested');
      if (body.charged > body.count) fail('charged', 'Cannot be more than the number arrested');
      break;
    }
    case 'seizure': {
      body.cashPence = pence('cashPence', raw.cashPounds);
      body.phones = count('phones', raw.phones);
      body.drugs = raw.drugs.map((d, i) => drugRow(d, i, fail, count, pence));
      body.weapons = Object.fromEntries(
        WEAPONS.map((w) => [w, count(`weapons.${w}`, raw.weapons[w])]),
      );
      const anything =
        body.cashPence > 0 ||
        body.phones > 0 ||
        body.drugs.some((d) => d.grams > 0 || d.plants > 0 || d.valuePence > 0) ||
        WEAPONS.some((w) => body.weapons[w] > 0);
      if (!anything)
        fail('body', 'Enter at least one figure above 0: cash, drugs, weapons or phones');
      break;
    }
    case 'safeguarding': {
      for (const f of SAFEGUARDING) body[f] = count(f, raw[f]);
      if (!SAFEGUARDING.some((f) => body[f] > 0))
        fail(
          'body',
          'Enter at least one figure above 0: children, adults, NRM referrals or cuckooed addresses',
        );
      break;
    }
    case 'line': {
      if (!raw.action) fail('action', 'Choose what happened to the line');
      else body.action = raw.action;
      body.ddtroApplied = count('ddtroApplied', raw.ddtroApplied);
      body.ddtroGranted = count('ddtroGranted', raw.ddtroGranted);
      break;
    }
    default:
      fail('type', 'Choose the type of result');
  }
  return { body, errors };
}

function occurredAt(raw, week, now, fail) {
  // A correction keeps the reported instant to the second unless the user changed it.
  const iso =
    raw.originalOccurredAt && raw.occurredAt === isoToLocalInput(raw.originalOccurredAt)
      ? raw.originalOccurredAt
      : localInputToIso(raw.occurredAt);
  if (!iso) return (fail('occurredAt', 'Enter the date and time it happened'), undefined);
  const at = Date.parse(iso);
  if (week && (at < Date.parse(week.startsAt) || at > Date.parse(week.endsAt)))
    fail(
      'occurredAt',
      `Must be within the week: ${formatDateTime(week.startsAt)} to ${formatDateTime(week.endsAt)}`,
    );
  else if (at > now) fail('occurredAt', 'Cannot be in the future');
  return iso;
}

function drugRow(d, i, fail, count, pence) {
  const row = { drug: d.drug };
  if (!DRUGS.includes(d.drug)) fail(`drugs.${i}.drug`, 'Choose a drug');
  const grams = (d.grams ?? '').trim();
  row.grams = 0;
  if (grams !== '') {
    if (!/^\d+(\.\d+)?$/.test(grams))
      fail(`drugs.${i}.grams`, 'Enter grams as a number, like 12.345');
    else if (!/^\d+(\.\d{1,3})?$/.test(grams))
      fail(`drugs.${i}.grams`, 'Use at most 3 decimal places');
    else if (Number(grams) > MAX_GRAMS) fail(`drugs.${i}.grams`, 'Enter a smaller weight');
    else row.grams = Number(grams);
  }
  row.plants = count(`drugs.${i}.plants`, d.plants);
  row.valuePence = pence(`drugs.${i}.valuePence`, d.valuePounds);
  if (grams === '' && !(d.plants ?? '').trim() && !(d.valuePounds ?? '').trim())
    fail(`drugs.${i}.grams`, 'Enter grams, plants or a value, or remove this drug');
  return row;
}
