// Small element builders the pages share.

/** An element with properties, attributes (`attrs`) and children; null, undefined and false are skipped. */
export const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
};

/** The page's element with this id. */
export const byId = (id) => document.getElementById(id);

/** A table cell holding `text` (empty for null or undefined). */
export const cell = (text) => el('td', { textContent: text ?? '' });

const SVG = 'http://www.w3.org/2000/svg';

export const svg = (tag, attrs = {}, text) => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
};
