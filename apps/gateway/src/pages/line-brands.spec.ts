const request = jest.fn();
jest.mock('../../public/common/api.js', () => ({ request }), { virtual: true });
// @ts-expect-error -- a browser ES module shared by the pages, without type declarations
import { lineLabel } from '../../public/common/line-picker.js';

const LINE = '0b6f4f7a-2d9e-4b8e-8f51-6c1d2e3f4a5b';
const HIDDEN = '1b6f4f7a-2d9e-4b8e-8f51-6c1d2e3f4a5b';

describe('a line shown by brand, never by id', () => {
  beforeAll(() => {
    request.mockImplementation(async (_method: string, path: string) => {
      if (path === '/api/v1/forces') return { body: [{ code: 'E23000004', name: 'Merseyside' }] };
      if (path === `/api/v1/lines/${LINE}`)
        return { body: { brand: 'Scouse Dave', exportingForce: 'E23000004', status: 'active' } };
      throw new Error('403');
    });
  });

  it('names the line by brand and exporting force, looked up once per page', async () => {
    expect(await lineLabel(LINE)).toBe('Scouse Dave, exporting from Merseyside');
    expect(await lineLabel(LINE)).toBe('Scouse Dave, exporting from Merseyside');
    const lineReads = request.mock.calls.filter(([, path]) => path === `/api/v1/lines/${LINE}`);
    expect(lineReads).toHaveLength(1);
    // The register's line list is person-level: the read says why.
    expect(lineReads[0][2].headers['x-purpose']).toBeTruthy();
  });

  it('never shows an id: old references and lines out of scope are named in words', async () => {
    expect(await lineLabel('LINE-42')).toBe('an old line reference');
    expect(await lineLabel(HIDDEN)).toBe('a line outside your scope');
  });
});
