import { personalDataError, personalDataFound } from './personal-data';

describe('personal data in free text', () => {
  it.each([
    ['mother says contact j.bloggs@example.org', 'an e-mail address'],
    ['call 07700 900123 after six', 'a phone number'],
    ['ring +44 7700 900123', 'a phone number'],
    ['born 03/04/2011, found at the station', 'a date of birth'],
    ['DOB given', 'a date of birth'],
    ['date of birth 4 March 2011', 'a date of birth'],
    ['lives at 12 Acacia Avenue', 'an address'],
    ['stays near LE1 6ZG', 'an address'],
    ['Mr Brown collected him', 'a name'],
    ['child named Kayden says he was sent', 'a name'],
    ['Jack Sparrowhawk was with her', 'a name'],
  ])('finds what %s holds', (text, what) => {
    expect(personalDataFound(text)).toBe(what);
    expect(personalDataError(text)).toContain(what);
  });

  it.each([
    'found in a trap house with two phones, taken to the custody suite',
    'Leicestershire MASH informed; home force asked to visit within the day',
    'referred to the local authority; strategy meeting requested',
    'runner for the LEI-2 line, seen on 3 occasions this month',
    'Operation Orochi tasking; MET deal line',
  ])('lets through ordinary operational text: %s', (text) => {
    expect(personalDataFound(text)).toBeNull();
  });
});
