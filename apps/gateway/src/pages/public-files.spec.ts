import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPublicFolder, readPublicFile } from './public-files';

describe('public files', () => {
  const root = mkdtempSync(join(tmpdir(), 'public-files-'));
  const folder = join(root, 'apps', 'gateway', 'public', 'report');
  mkdirSync(join(folder, 'nested'), { recursive: true });
  writeFileSync(join(folder, 'app.js'), 'export {};');
  writeFileSync(join(folder, 'notes.txt'), 'private');
  writeFileSync(join(root, 'apps', 'gateway', 'public', 'secret.js'), 'secret');

  it('finds the folder from compiled and source locations alike', () => {
    const expected = join(root, 'apps', 'gateway', 'public');
    mkdirSync(join(root, 'dist', 'apps', 'gateway', 'src', 'pages'), { recursive: true });
    expect(findPublicFolder(join(root, 'dist', 'apps', 'gateway', 'src', 'pages'))).toBe(expected);
    expect(findPublicFolder(join(root, 'apps', 'gateway', 'src', 'pages'))).toBe(expected);
  });

  it('serves known file types with their content type', () => {
    expect(readPublicFile(folder, 'app.js')).toEqual({
      body: Buffer.from('export {};'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('serves nothing outside the folder, unknown types, folders or missing files', () => {
    for (const name of ['../secret.js', '..%2Fsecret.js', '/etc/passwd', '.hidden.js', 'nested'])
      expect(readPublicFile(folder, name)).toBeNull();
    expect(readPublicFile(folder, 'notes.txt')).toBeNull();
    expect(readPublicFile(folder, 'missing.js')).toBeNull();
  });
});
