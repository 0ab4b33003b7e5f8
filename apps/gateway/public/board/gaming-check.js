// The gaming check beside the week's results: forces whose activity in the four weeks before
// the week fell well below their own baseline, in the words of `GET /gaming-check`'s findings.
import { el } from '/common/assets/dom.js';

export function renderGamingCheck(container, check, forceNames) {
  const flagged = check.forces.filter((f) => f.status === 'flagged');
  const unknown = check.forces.filter((f) => f.status === 'insufficient-history').length;
  const judged = check.forces.length - unknown;
  container.replaceChildren(
    el('h2', { id: 'gaming-heading', textContent: 'Activity before the week' }),
    el('p', {
      className: 'hint',
      textContent: `Weeks ${check.recentWeeks.from} to ${check.recentWeeks.to} against each force's own baseline of ${check.baselineWeeks.from} to ${check.baselineWeeks.to}; a fall of ${check.rule.dropAtLeastPercent}% or more is flagged. A flag asks a question: it cannot tell activity held back from a real fall.`,
    }),
    flagged.length
      ? el(
          'ul',
          { id: 'gaming-flags', className: 'gaming-flags' },
          ...flagged.flatMap((f) =>
            f.findings.map((text) =>
              el(
                'li',
                { attrs: { 'data-force': f.force } },
                el('strong', { textContent: forceNames.get(f.force) ?? f.force }),
                ` ${text}.`,
              ),
            ),
          ),
        )
      : el('p', {
          id: 'gaming-flags',
          textContent: judged
            ? `No force in view is flagged (${judged} with enough baselines to judge).`
            : 'No force in view has reported enough baseline weeks to judge.',
        }),
    unknown && judged
      ? el('p', {
          className: 'hint',
          textContent: `${unknown} forces have too few baseline weeks to judge.`,
        })
      : null,
  );
}
