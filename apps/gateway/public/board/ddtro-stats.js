// The register's DDTRO figures (all orders on lines in the viewer's scope, not this week's
// alone), for viewers the policy lets read them; for others the panel stays hidden.
import { ApiError, api } from '/common/assets/api.js';
import { el } from '/common/assets/dom.js';
import { formatCount } from './format.js';

const $ = (id) => document.getElementById(id);
const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

const COUNTS = [
  ['applied', 'Applied for, awaiting the court'],
  ['granted', 'Granted, awaiting the provider'],
  ['actioned', 'Actioned by the provider'],
  ['refused', 'Refused'],
  ['providerOverdue', 'Provider deadline missed'],
];

function render(stats) {
  const list = $('ddtro-stats');
  list.replaceChildren();
  for (const [key, label] of COUNTS) {
    const value = el('dd', { textContent: formatCount(stats[key]) });
    value.dataset.ddtro = key;
    value.dataset.value = String(stats[key]);
    list.append(el('dt', { textContent: label }), value);
  }
  const median = stats.medianFirstSeenToGrantedHours;
  const value = el('dd', {
    textContent:
      median === null
        ? 'no order granted yet'
        : `${decimal.format(median)} h (of ${formatCount(stats.grantedSample)} granted)`,
  });
  value.dataset.ddtro = 'medianFirstSeenToGrantedHours';
  list.append(el('dt', { textContent: 'Median from number first seen to order granted' }), value);
  $('ddtro-panel').hidden = false;
}

/** Reads and shows the figures; a viewer the policy refuses sees no panel. */
export async function refreshDdtroStats() {
  try {
    render(await api.get('/api/v1/ddtros/stats'));
  } catch (e) {
    if (!(e instanceof ApiError) || e.retryable) throw e;
    $('ddtro-panel').hidden = true;
  }
}
