// The week in context, on the board: weeks compared and the gaming check, each in a panel of
// its own, re-read when the board changes. A panel whose read fails keeps what it showed.
import { api } from '/common/assets/api.js';
import { el } from '/common/assets/dom.js';
import { renderComparison } from './comparison.js';
import { renderGamingCheck } from './gaming-check.js';

export function createWeekContext({ container, operationId, forceNames }) {
  const comparisonPanel = el('section', {
    className: 'panel',
    id: 'comparison-panel',
    attrs: { 'aria-labelledby': 'comparison-heading' },
  });
  const gamingPanel = el('section', {
    className: 'panel',
    id: 'gaming-panel',
    attrs: { 'aria-labelledby': 'gaming-heading' },
  });
  container.replaceChildren(gamingPanel, comparisonPanel);
  const chosen = { measure: 'arrests' };
  // Board changes come often; a panel is drawn again only when its figures changed.
  const shown = { comparison: '', check: '' };
  const changed = (part, value) => {
    const json = JSON.stringify(value);
    if (json === shown[part]) return false;
    shown[part] = json;
    return true;
  };
  return {
    async refresh() {
      const [comparison, check] = await Promise.allSettled([
        api.get(`/api/v1/operations/${operationId}/comparison`),
        api.get(`/api/v1/operations/${operationId}/gaming-check`),
      ]);
      if (comparison.status === 'fulfilled' && changed('comparison', comparison.value))
        renderComparison(comparisonPanel, comparison.value, chosen);
      if (check.status === 'fulfilled' && changed('check', check.value))
        renderGamingCheck(gamingPanel, check.value, forceNames);
    },
  };
}
