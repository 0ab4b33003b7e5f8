/**
 * Free text must not carry what identifies a person (DPA 2018 Part 3: people appear only as
 * pseudonymous references). This finds what recognisably is one: an e-mail address, a phone
 * number, a date (of birth), a postcode or street address, or a name (a title or a common
 * first name followed by a capitalised word, or "name is …"). It names what it found so the
 * user knows what to take out; it never echoes the text itself.
 */
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
/** UK numbers: 07…, 01…/02…/03…, +44 / 0044, spaces or dashes between groups. */
const PHONE = /(?:\+44\s?|0044\s?|\b0)(?:\d[\s-]?){9,10}\b/;
const DATE =
  /\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4})\b/i;
const BORN = /\b(?:dob|d\.o\.b\.?|date of birth|born (?:on|in)?)\b/i;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i;
const STREET =
  /\b\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}(?:street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|court|ct|crescent|way|place|terrace|grove|gardens|hill|square|walk|row|mews)\b/i;
const TITLE_NAME = /\b(?:[Mm]rs?|[Mm]s|[Mm]iss|[Mm]x|[Dd]r|[Mm]aster)\.?\s+[A-Z][a-z'-]+/;
const NAME_IS = /\b(?:name(?:d| is|:)|called|known as)\s+[A-Z][a-z'-]+/i;

/** Common UK first names (ONS birth registrations, several decades); lower case. */
const FIRST_NAMES = new Set(
  (
    'aaliyah aaron abdul abigail adam adrian ahmed aidan aisha alan albert alex alexander ' +
    'alfie alice alicia alisha amber amelia amy andrew angela ann anna anne anthony archie ' +
    'arthur ashley austin ava barbara barry bella ben benjamin beth bethany bradley brandon ' +
    'brian callum cameron carl caroline carol catherine charlie charles charlotte chloe chris ' +
    'christopher claire colin connor courtney craig daisy dale daniel danielle darren david ' +
    'dean deborah declan denise dennis derek dominic donna dylan edward eleanor elijah elizabeth ' +
    'ella ellie emily emma eric ethan eva evie faith finley florence frances francesca frank ' +
    'freddie freya gary gemma george georgia grace graham harley harriet harrison harry harvey ' +
    'hayden hayley heather helen henry holly hollie ibrahim imogen isaac isabel isabella ' +
    'isabelle isla ivy jack jacob jade jake james jamie jasmine jason jay jayden jennifer jessica ' +
    'joan joanne joe joel john jonathan jordan joseph joshua julie justin karen kate katherine ' +
    'katie kayden keith kelly kenneth kerry kevin kieran kyle laura lauren layla leah lee leo ' +
    'leon lewis liam lily linda lisa logan louie louis louise lucas lucy luke lydia maisie ' +
    'margaret maria mark martin mary mason matilda matthew maya megan melissa mia michael ' +
    'michelle millie mohammed mohammad muhammad molly nancy natalie nathan neil nicholas nicola ' +
    'noah oliver olivia oscar owen paige patricia paul peter phoebe poppy rachel rebecca reece ' +
    'rhys richard riley robert robyn rosie ruby ryan sam samantha samuel sara sarah scarlett ' +
    'scott sean shannon sharon sienna simon sofia sophia sophie stacey stephen steven stuart ' +
    'summer susan taylor teddy theo thomas toby tom tommy tyler victoria william willow zachary ' +
    'zara zoe'
  ).split(' '),
);

export function isCommonFirstName(word: string): boolean {
  return FIRST_NAMES.has(word.toLowerCase());
}

/**
 * A pseudonymous reference (`LEI-SG-00123`) that still reads as a person: a date in any common
 * layout (`SG-03-04-2011`, `2011-4-3`, `03042011`), or a common first name written out
 * (`KAYDEN-01`, `JACK-SMITH-7`). Short first names (`LEO`, `AMY`) count only beside another
 * word, so that force and team abbreviations stay usable.
 */
export function referenceReadsAsPerson(ref: string): 'a date' | 'a name' | null {
  if (/(^|\D)(\d{1,2}-\d{1,2}-(\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})(\D|$)|\d{8}/.test(ref))
    return 'a date';
  const words = ref.split('-');
  const isWord = (w: string | undefined) => !!w && /^[A-Z]{3,}$/.test(w);
  for (let i = 0; i < words.length; i++) {
    if (!isWord(words[i]) || !isCommonFirstName(words[i])) continue;
    if (words[i].length >= 4 || isWord(words[i - 1]) || isWord(words[i + 1])) return 'a name';
  }
  return null;
}

function firstNameFollowedBySurname(text: string): boolean {
  const words = text.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [first, next] = [words[i], words[i + 1]];
    if (/^[A-Z]/.test(first) && FIRST_NAMES.has(first.toLowerCase()) && /^[A-Z][a-z]/.test(next))
      return true;
  }
  return false;
}

const CHECKS: [string, (text: string) => boolean][] = [
  ['an e-mail address', (t) => EMAIL.test(t)],
  ['a phone number', (t) => PHONE.test(t)],
  ['a date of birth', (t) => DATE.test(t) || BORN.test(t)],
  ['an address', (t) => POSTCODE.test(t) || STREET.test(t)],
  ['a name', (t) => TITLE_NAME.test(t) || NAME_IS.test(t) || firstNameFollowedBySurname(t)],
];

/** What personal data the text recognisably holds, or null when it holds none. */
export function personalDataFound(text: string): string | null {
  for (const [what, found] of CHECKS) if (found(text)) return what;
  return null;
}

/** The message for a field that holds personal data; null when the text is clean. */
export function personalDataError(text: string): string | null {
  const what = personalDataFound(text);
  return what ? `must not hold ${what}: people appear only as pseudonymous references` : null;
}
