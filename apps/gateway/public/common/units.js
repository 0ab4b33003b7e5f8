// Money is entered in pounds but travels as integer pence; times are entered in the browser's
// local time but travel as ISO 8601 with that offset, so the server sees what the user meant.

const POUNDS = /^(\d+)(?:\.(\d{1,2}))?$/;

/** "1,250.50" or "£1250.5" → 125050; null when the text is not an amount of pounds. */
export function poundsToPence(text) {
  const m = text.trim().replace(/^£/, '').replace(/,/g, '').match(POUNDS);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function penceToPounds(pence) {
  return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
}

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
export const formatPence = (pence) => money.format(pence / 100);

const pad = (n) => String(n).padStart(2, '0');

/** A `datetime-local` value → ISO 8601 with the browser's offset at that moment; null if empty. */
export function localInputToIso(value) {
  if (!value) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** An instant → the `datetime-local` value (to the minute) showing it in local time. */
export function isoToLocalInput(iso) {
  const d = new Date(iso);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}`
  );
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
export const formatDateTime = (iso) => dateTime.format(new Date(iso));
export const formatDate = (iso) => dateOnly.format(new Date(iso));
/** An optional instant, or a dash where there is none (tables' empty cells). */
export const formatWhen = (iso) => (iso ? formatDateTime(iso) : '—');
