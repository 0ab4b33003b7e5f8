/**
 * What every page's <head> holds, written once: a page's HTML file holds only its own part of
 * the head (its <title>, styles and module) and its <body>; the gateway serves it as a whole
 * document with this head around it.
 */
const COMMON_HEAD = [
  '<meta charset="utf-8" />',
  '<meta name="viewport" content="width=device-width, initial-scale=1" />',
  '<link rel="stylesheet" href="/common/assets/base.css" />',
  '<link rel="modulepreload" href="/common/assets/page-shell.js" />',
];

const indent = (lines: string[], by: string) => lines.map((l) => (l ? by + l : l));

/**
 * The whole document of a page file: its own head lines come before its `<body>`. A file that
 * is already a whole document (`<!doctype html>` first) is served as it is.
 */
export function pageDocument(page: string): string {
  if (/^<!doctype html>/i.test(page)) return page;
  const lines = page.replace(/\n$/, '').split('\n');
  const body = lines.findIndex((l) => l.startsWith('<body'));
  if (body < 0) throw new Error('a page file holds its <body>');
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '  <head>',
    ...indent([...COMMON_HEAD, ...lines.slice(0, body)], '    '),
    '  </head>',
    ...indent(lines.slice(body), '  '),
    '</html>',
    '',
  ].join('\n');
}
