import { FORCE_CODES, REGION_CODES } from '@intensify/reference-data';
import { DRUGS, WEAPONS } from '../outcome.schema';
import { ERROR_CODES } from '../problem';
import { array, int, object, str } from './schema-builders';

const fieldError = object({ field: str, message: str });

/** Components every area uses: problems, codes, the Tally, the tasking and hand-off counts. */
export const SHARED_SCHEMAS: Record<string, object> = {
  Problem: object(
    {
      type: str,
      title: str,
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: str,
      code: { type: 'string', enum: [...new Set([...ERROR_CODES, 'rate_limited'])] },
      errors: array(fieldError),
    },
    { description: 'Every 4xx/5xx answer; `errors` names every bad field.' },
  ),
  FieldError: fieldError,
  ForceCode: { type: 'string', enum: FORCE_CODES },
  RegionCode: { type: 'string', enum: REGION_CODES },
  Tally: object(
    {
      arrests: int,
      arrestsUnder18: int,
      charged: int,
      safeguardedChildren: int,
      safeguardedAdults: int,
      nrmReferrals: int,
      cuckooedAddressesVisited: int,
      cashPence: int,
      phones: int,
      drugs: object(
        Object.fromEntries(
          DRUGS.map((d) => [
            d,
            object(
              { grams: { type: 'number', minimum: 0 }, plants: int, valuePence: int },
              { closed: true },
            ),
          ]),
        ),
        { closed: true },
      ),
      weapons: object(Object.fromEntries(WEAPONS.map((w) => [w, int])), { closed: true }),
      lines: object(
        {
          identified: int,
          disrupted: int,
          closedType1: int,
          closedType2: int,
          ddtroApplied: int,
          ddtroGranted: int,
        },
        { closed: true },
      ),
    },
    {
      closed: true,
      description:
        'Every key is present; zero when nothing was reported. Money in pence, drugs in grams.',
    },
  ),
  TaskingCounts: object(
    {
      issued: int,
      acknowledged: int,
      inProgress: int,
      completed: int,
      declined: int,
      overdue: int,
    },
    {
      closed: true,
      description:
        'Each tasking counts in one status bucket (cancelled ones in none); `overdue` counts open taskings past their due time, so an in-progress tasking may also be overdue.',
    },
  ),
  HandoffCounts: object(
    { raised: int, acknowledged: int, closed: int, overdue: int },
    {
      closed: true,
      description:
        'Hand-offs of the week counted at their (current) home force, each in the bucket of its status; `overdue` counts those still raised past `acknowledgeBy`. Every key is present; zero when none.',
    },
  ),
};
