import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageDocument } from './page-document';
import { findPublicFolder } from './public-files';

describe('page document', () => {
  it('puts the common head and the page its own head lines before its body', () => {
    const doc = pageDocument(
      '<title>Board – Intensify</title>\n<body>\n  <main></main>\n</body>\n',
    );
    expect(doc.split('\n')).toEqual([
      '<!doctype html>',
      '<html lang="en-GB">',
      '  <head>',
      '    <meta charset="utf-8" />',
      '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
      '    <link rel="stylesheet" href="/common/assets/base.css" />',
      '    <link rel="modulepreload" href="/common/assets/page-shell.js" />',
      '    <title>Board – Intensify</title>',
      '  </head>',
      '  <body>',
      '    <main></main>',
      '  </body>',
      '</html>',
      '',
    ]);
  });

  it('serves a file that is already a whole document as it is', () => {
    const whole = '<!doctype html>\n<html lang="en-GB">\n  <body></body>\n</html>\n';
    expect(pageDocument(whole)).toBe(whole);
  });

  it('refuses a page file without a body', () => {
    expect(() => pageDocument('<title>x</title>\n<main></main>\n')).toThrow(/<body>/);
  });

  it('serves every page of the public folder as a whole document with one title', () => {
    const root = findPublicFolder(__dirname);
    const pages = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.html'),
    );
    expect(pages.length).toBeGreaterThanOrEqual(6);
    for (const page of pages) {
      const doc = pageDocument(readFileSync(join(root, page), 'utf8'));
      expect(doc.match(/<title>[^<]+ – Intensify<\/title>/g)).toHaveLength(1);
      expect(doc.match(/<meta charset="utf-8" \/>/g)).toHaveLength(1);
      expect(doc).toMatch(/<\/head>\n {2}<body[^>]*>\n[\s\S]*\n {2}<\/body>\n<\/html>\n$/);
    }
  });
});
