// Figures as a commander reads them: whole numbers with separators, money in pounds, weights
// in grams or kilograms, times in the viewer's clock.
import { formatPence } from '/common/assets/units.js';

const whole = new Intl.NumberFormat('en-GB');
const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium' });
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const hour = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export const formatCount = (n) => whole.format(n);
export const formatCash = (pence) => formatPence(pence).replace(/\.00$/, '');
const pounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  maximumFractionDigits: 0,
});
const poundsCompact = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  notation: 'compact',
  maximumSignificantDigits: 3,
});
/** Money short enough for a large figure: whole pounds, millions as "£1.25M". */
export const formatCashShort = (pence) =>
  pence >= 100_000_00 ? poundsCompact.format(pence / 100) : pounds.format(pence / 100);
export const formatWeight = (grams) =>
  grams >= 1000 ? `${decimal.format(grams / 1000)} kg` : `${decimal.format(grams)} g`;
export const formatTime = (iso) => time.format(new Date(iso));
/** Hours and minutes only, for "since 14:05". */
export const formatClock = (iso) => clock.format(new Date(iso));
export const formatDateTime = (iso) => dateTime.format(new Date(iso));
export const formatHour = (iso) => hour.format(new Date(iso));

/** Totals a board's tallies are shown by, shared by the figures, tables and summary. */
export const totals = {
  safeguarded: (t) => t.safeguardedChildren + t.safeguardedAdults,
  weapons: (t) => t.weapons.firearm + t.weapons.bladed + t.weapons.other,
  linesClosed: (t) => t.lines.closedType1 + t.lines.closedType2,
  /** Every tasking still counted (cancelled ones are in no bucket). */
  taskings: (c) => c.issued + c.acknowledged + c.inProgress + c.completed + c.declined,
};

export const DRUG_NAMES = {
  crack: 'Crack cocaine',
  heroin: 'Heroin',
  cocaine: 'Cocaine',
  cannabis: 'Cannabis',
  other: 'Other drugs',
};
