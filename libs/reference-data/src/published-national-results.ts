/**
 * National results the NCLCC published for past intensification weeks (NCA/NPCC releases, as
 * collected in ../shared/domain/README.md, "Published national results"). National figures
 * only; `null` where a release gave no figure (n/a) or gave it in a form not comparable with
 * ours (safeguarding "engaged" or "referred" rather than children and adults).
 */
export interface PublishedWeekResult {
  /** Label as published. */
  week: string;
  /** First and last day of the week (UTC dates). */
  startsOn: string;
  endsOn: string;
  arrests: number;
  /** People safeguarded as one figure: children + adults where split, else the release's total. */
  safeguarded: number | null;
  /** What the safeguarding figure counts, as the release put it. */
  safeguardedAs: 'children and adults' | 'engaged' | 'referred' | 'approximate' | null;
  cashPence: number | null;
  weapons: number;
  linesClosed: number | null;
}

export const PUBLISHED_NATIONAL_RESULTS: readonly PublishedWeekResult[] = [
  {
    week: '13–20 May 2019',
    startsOn: '2019-05-13',
    endsOn: '2019-05-20',
    arrests: 586,
    safeguarded: 364 + 519,
    safeguardedAs: 'children and adults',
    cashPence: 31_264_900,
    weapons: 46,
    linesClosed: null,
  },
  {
    week: '7–13 Oct 2019',
    startsOn: '2019-10-07',
    endsOn: '2019-10-13',
    arrests: 743,
    safeguarded: 292 + 389,
    safeguardedAs: 'children and adults',
    cashPence: null,
    weapons: 169,
    linesClosed: null,
  },
  {
    week: '14–20 Sep 2020',
    startsOn: '2020-09-14',
    endsOn: '2020-09-20',
    arrests: 1041,
    safeguarded: 1551,
    safeguardedAs: 'engaged',
    // Published rounded: "£526k".
    cashPence: 52_600_000,
    weapons: 196,
    linesClosed: null,
  },
  {
    week: '11–17 Oct 2021',
    startsOn: '2021-10-11',
    endsOn: '2021-10-17',
    arrests: 1468,
    safeguarded: 2664,
    safeguardedAs: 'engaged',
    cashPence: 125_438_400,
    weapons: 289,
    linesClosed: null,
  },
  {
    week: '3–9 Oct 2022',
    startsOn: '2022-10-03',
    endsOn: '2022-10-09',
    arrests: 1360,
    safeguarded: null,
    safeguardedAs: null,
    cashPence: 98_756_200,
    weapons: 321,
    linesClosed: 172,
  },
  {
    week: '9–15 Oct 2023',
    startsOn: '2023-10-09',
    endsOn: '2023-10-15',
    arrests: 1613,
    safeguarded: 710,
    safeguardedAs: 'referred',
    cashPence: 128_472_988,
    weapons: 458,
    linesClosed: 250,
  },
  {
    week: '4–10 Mar 2024',
    startsOn: '2024-03-04',
    endsOn: '2024-03-10',
    arrests: 1874,
    safeguarded: 1600,
    safeguardedAs: 'approximate',
    // Published rounded: "£1.8m".
    cashPence: 180_000_000,
    weapons: 660,
    linesClosed: 245,
  },
  {
    week: '25 Nov–1 Dec 2024',
    startsOn: '2024-11-25',
    endsOn: '2024-12-01',
    arrests: 1660,
    safeguarded: 1434,
    safeguardedAs: 'children and adults',
    cashPence: null,
    weapons: 557,
    linesClosed: 261,
  },
];
