// One line of key figures per outcome, for the submissions table and its version history.
import { formatPence } from '/common/assets/units.js';

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const ACTIONS = {
  identified: 'Identified',
  disrupted: 'Disrupted',
  'closed-type1': 'Closed (type 1)',
  'closed-type2': 'Closed (type 2)',
};

export const TYPE_LABELS = {
  arrest: 'Arrest',
  seizure: 'Seizure',
  safeguarding: 'Safeguarding',
  line: 'Deal line',
};

export function figuresOf(body) {
  switch (body.type) {
    case 'arrest':
      return `${body.count} arrested, ${body.under18} under 18, ${body.charged} charged`;
    case 'seizure': {
      const drugs = body.drugs.map((d) =>
        [
          d.drug,
          d.grams && `${d.grams} g`,
          d.plants && plural(d.plants, 'plant'),
          d.valuePence && `worth ${formatPence(d.valuePence)}`,
        ]
          .filter(Boolean)
          .join(' '),
      );
      const w = body.weapons;
      return [
        body.cashPence && `${formatPence(body.cashPence)} cash`,
        ...drugs,
        w.firearm && plural(w.firearm, 'firearm'),
        w.bladed && `${w.bladed} bladed`,
        w.other && `${w.other} other ${w.other === 1 ? 'weapon' : 'weapons'}`,
        body.phones && plural(body.phones, 'phone'),
      ]
        .filter(Boolean)
        .join('; ');
    }
    case 'safeguarding':
      return [
        body.children && plural(body.children, 'child', 'children'),
        body.adults && plural(body.adults, 'adult'),
        body.nrmReferrals && plural(body.nrmReferrals, 'NRM referral'),
        body.cuckooedAddressesVisited &&
          plural(body.cuckooedAddressesVisited, 'cuckooed address', 'cuckooed addresses'),
      ]
        .filter(Boolean)
        .join(', ');
    case 'line':
      return `${ACTIONS[body.action] ?? body.action}; DDTROs: ${Number(body.ddtroApplied)} applied, ${Number(body.ddtroGranted)} granted`;
    default:
      return '';
  }
}
