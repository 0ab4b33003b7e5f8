import { FieldError, Validated, checkSchema } from '../../validation';
import { Outcome } from './outcome';
import { OUTCOME_BODY_SCHEMAS, OUTCOME_TYPE_SCHEMA, OutcomeType } from './outcome.schema';

type Raw = Record<string, any>;

/**
 * Validates a submitted outcome body against its type's schema and the rules JSON Schema
 * cannot say, and returns it with every default filled in, so equal meanings hash equally.
 */
export function validateOutcomeBody(body: unknown): Validated<Outcome> {
  const typeErrors = checkSchema(OUTCOME_TYPE_SCHEMA, body);
  if (typeErrors.length) return { ok: false, errors: typeErrors };
  const raw = body as Raw;
  const type = raw.type as OutcomeType;
  // Rules across fields are judged once each field is well-formed on its own.
  const schemaErrors = checkSchema(OUTCOME_BODY_SCHEMAS[type], raw);
  const errors = schemaErrors.length ? schemaErrors : crossFieldErrors(raw);
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: normalize(raw) };
}

function crossFieldErrors(raw: Raw): FieldError[] {
  const errors: FieldError[] = [];
  const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  switch (raw.type) {
    case 'arrest':
      for (const f of ['under18', 'charged']) {
        if (isNum(raw[f]) && isNum(raw.count) && raw[f] > raw.count) {
          errors.push({ field: f, message: 'must not exceed count' });
        }
      }
      break;
    case 'seizure': {
      const drugs: Raw[] = Array.isArray(raw.drugs) ? raw.drugs : [];
      drugs.forEach((d, i) => {
        if (isNum(d?.grams) && !hasAtMostThreeDecimals(d.grams)) {
          errors.push({ field: `drugs.${i}.grams`, message: 'must have at most 3 decimal places' });
        }
      });
      const weapons: Raw = raw.weapons ?? {};
      const anything =
        positive(raw.cashPence) ||
        positive(raw.phones) ||
        drugs.some((d) => positive(d?.grams) || positive(d?.plants) || positive(d?.valuePence)) ||
        positive(weapons.firearm) ||
        positive(weapons.bladed) ||
        positive(weapons.other);
      if (!anything) {
        errors.push({
          field: 'body',
          message:
            'a seizure needs at least one non-zero figure: cashPence, drugs, weapons or phones',
        });
      }
      break;
    }
    case 'safeguarding':
      if (
        !['children', 'adults', 'nrmReferrals', 'cuckooedAddressesVisited'].some((f) =>
          positive(raw[f]),
        )
      ) {
        errors.push({
          field: 'body',
          message:
            'a safeguarding outcome needs at least one non-zero figure: children, adults, nrmReferrals or cuckooedAddressesVisited',
        });
      }
      break;
  }
  return errors;
}

function positive(v: unknown): boolean {
  return typeof v === 'number' && v > 0;
}

export function hasAtMostThreeDecimals(n: number): boolean {
  const scaled = n * 1000;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled));
}

const asCount = (v: unknown): number => (typeof v === 'boolean' ? Number(v) : ((v as number) ?? 0));

function normalize(raw: Raw): Outcome {
  const common = {
    force: raw.force as string,
    occurredAt: new Date(raw.occurredAt).toISOString(),
    ...(raw.lineId !== undefined && { lineId: raw.lineId as string }),
    ...(raw.taskingId !== undefined && { taskingId: raw.taskingId as string }),
    ...(raw.note !== undefined && { note: raw.note as string }),
  };
  switch (raw.type as OutcomeType) {
    case 'arrest':
      return {
        type: 'arrest',
        ...common,
        count: raw.count,
        under18: asCount(raw.under18),
        charged: asCount(raw.charged),
      };
    case 'seizure':
      return {
        type: 'seizure',
        ...common,
        cashPence: asCount(raw.cashPence),
        phones: asCount(raw.phones),
        drugs: ((raw.drugs ?? []) as Raw[]).map((d) => ({
          drug: d.drug,
          grams: Math.round(asCount(d.grams) * 1000) / 1000,
          plants: asCount(d.plants),
          valuePence: asCount(d.valuePence),
        })),
        weapons: {
          firearm: asCount(raw.weapons?.firearm),
          bladed: asCount(raw.weapons?.bladed),
          other: asCount(raw.weapons?.other),
        },
      };
    case 'safeguarding':
      return {
        type: 'safeguarding',
        ...common,
        children: asCount(raw.children),
        adults: asCount(raw.adults),
        nrmReferrals: asCount(raw.nrmReferrals),
        cuckooedAddressesVisited: asCount(raw.cuckooedAddressesVisited),
      };
    case 'line':
      return {
        type: 'line',
        ...common,
        action: raw.action,
        ddtroApplied: asCount(raw.ddtroApplied),
        ddtroGranted: asCount(raw.ddtroGranted),
      };
  }
}
