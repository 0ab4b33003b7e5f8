import { personalDataError, personalDataFound, referenceReadsAsPerson } from './personal-data';

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

describe('pseudonymous references that read as a person', () => {
  it.each([
    ['SG-03-04-2011', 'a date'],
    ['LEI-2011-4-3', 'a date'],
    ['LH-20110403', 'a date'],
    ['KAYDEN-01', 'a name'],
    ['JACK-SMITH-7', 'a name'],
    ['SG-AMY-LEI-2', 'a name'],
  ])('%s reads as %s', (ref, what) => {
    expect(referenceReadsAsPerson(ref)).toBe(what);
  });

  it.each(['LH-0042', 'LEI-SG-00123', 'MET-PC-4411', 'LEO-12', 'LEI-SG-2024-001'])(
    '%s reads as a reference',
    (ref) => {
      expect(referenceReadsAsPerson(ref)).toBeNull();
    },
  );
});
