// @ts-expect-error -- a browser ES module shared by the pages, without type declarations
import { linkedId } from '../../public/common/deep-link.js';

const ID = '5E6F7A8B-9C0D-4E1F-8A2B-3C4D5E6F7A8B';

describe('deep links', () => {
  it('reads the id a link names, in lower case', () => {
    expect(linkedId(`?operation=x&tasking=${ID}`, 'tasking')).toBe(ID.toLowerCase());
    expect(linkedId(`?handoff=${ID.toLowerCase()}`, 'handoff')).toBe(ID.toLowerCase());
  });

  it('names nothing when the parameter is absent, empty or not an id', () => {
    expect(linkedId(`?line=${ID}`, 'alert')).toBeNull();
    expect(linkedId('', 'line')).toBeNull();
    expect(linkedId('?alert=', 'alert')).toBeNull();
    expect(linkedId('?alert=1%27%3E%3Cscript%3E', 'alert')).toBeNull();
    expect(linkedId(`?line=${ID}x`, 'line')).toBeNull();
  });
});
