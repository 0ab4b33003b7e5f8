// After a safeguarding outcome is accepted, the reporting page offers to hand the person to
// their home force: a link to the safeguarding page's raise form, pre-filled with what the
// report already says. Only references and structured fields travel in the address; the
// subject's reference is typed on the safeguarding page.

/**
 * The raise form's address for an accepted safeguarding outcome (`body` as sent, `id` as the
 * server answered), or null for any other type. Children first: a child's hand-off has the
 * shorter deadline.
 */
export function handoffLink(body, id, operationId) {
  if (body.type !== 'safeguarding' || !(body.children > 0 || body.adults > 0)) return null;
  const query = new URLSearchParams({
    raise: '1',
    operationId,
    foundForce: body.force,
    foundAt: body.occurredAt,
    ageGroup: body.children > 0 ? 'child' : 'adult',
    safeguardingOutcomeId: id,
  });
  return `/safeguarding?${query}`;
}
