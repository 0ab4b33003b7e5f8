import { may, mayAttempt, readableForces, readScope, withinScope } from './scope.policy';

const MERSEYSIDE = 'E23000004';
const MET = 'E23000001';

describe('scope policy', () => {
  it('lets the NCLCC write for any force, BTP included', () => {
    const p = { sub: 'n', role: 'nclcc' as const };
    expect([MET, MERSEYSIDE, 'BTP'].every((force) => may(p, 'outcome.write', { force }))).toBe(
      true,
    );
  });

  it('keeps regional coordinators to the forces of their region', () => {
    const p = { sub: 'r', role: 'regional' as const, region: 'north-west' };
    expect(may(p, 'outcome.write', { force: MERSEYSIDE })).toBe(true);
    expect(may(p, 'outcome.write', { force: 'W15000001' })).toBe(true);
    expect(may(p, 'outcome.write', { force: MET })).toBe(false);
    expect(may(p, 'outcome.write', { force: 'BTP' })).toBe(false);
  });

  it('keeps force users to their own force', () => {
    const p = { sub: 'f', role: 'force' as const, force: MET };
    expect(may(p, 'outcome.write', { force: MET })).toBe(true);
    expect(may(p, 'outcome.write', { force: 'E23000034' })).toBe(false);
  });

  it('never lets commanders write, but lets everyone read boards', () => {
    const c = { sub: 'c', role: 'commander' as const };
    expect(mayAttempt(c, 'outcome.write')).toBe(false);
    expect(may(c, 'outcome.write', { force: MET })).toBe(false);
    expect(may(c, 'operation.create')).toBe(false);
    expect(may(c, 'board.read')).toBe(true);
  });

  it('gives only the NCLCC operation planning', () => {
    expect(may({ sub: 'n', role: 'nclcc' }, 'operation.create')).toBe(true);
    expect(may({ sub: 'r', role: 'regional', region: 'london' }, 'operation.create')).toBe(false);
  });
});

describe('read scope', () => {
  const NORTH_WEST = ['E23000002', 'E23000003', 'E23000004', 'E23000005', 'E23000006', 'W15000001'];
  const nclcc = { sub: 'n', role: 'nclcc' as const };
  const commander = { sub: 'c', role: 'commander' as const };
  const commanderNorthWest = { sub: 'c', role: 'commander' as const, region: 'north-west' };
  const northWest = { sub: 'r', role: 'regional' as const, region: 'north-west' };
  const merseyside = { sub: 'f', role: 'force' as const, force: MERSEYSIDE };
  const btp = { sub: 'b', role: 'force' as const, force: 'BTP' };

  it('gives national roles every region and force', () => {
    for (const p of [nclcc, commander])
      expect(readScope(p)).toEqual({ forces: null, regions: null });
  });

  it('gives a region, or a commander limited to one, that region and its forces', () => {
    for (const p of [northWest, commanderNorthWest]) {
      expect(readScope(p).regions).toEqual(['north-west']);
      expect([...readScope(p).forces!].sort()).toEqual(NORTH_WEST);
    }
  });

  it('gives a force user its own force and no region, a BTP user BTP alone', () => {
    expect(readScope(merseyside)).toEqual({ forces: [MERSEYSIDE], regions: [] });
    expect(readScope(btp)).toEqual({ forces: ['BTP'], regions: [] });
    expect(readableForces(btp)).toEqual(['BTP']);
  });

  it('lets everyone read national figures and detail only within the scope', () => {
    for (const p of [nclcc, commander, northWest, merseyside, btp])
      expect(may(p, 'board.read')).toBe(true);
    expect(may(commander, 'board.read', { force: MET })).toBe(true);
    expect(may(northWest, 'board.read', { force: MERSEYSIDE })).toBe(true);
    expect(may(northWest, 'board.read', { force: MET })).toBe(false);
    expect(may(northWest, 'board.read', { force: 'BTP' })).toBe(false);
    expect(may(northWest, 'board.read', { region: 'north-west' })).toBe(true);
    expect(may(commanderNorthWest, 'board.read', { region: 'london' })).toBe(false);
    expect(may(merseyside, 'board.read', { force: MERSEYSIDE })).toBe(true);
    expect(may(merseyside, 'board.read', { force: 'E23000005' })).toBe(false);
    expect(may(merseyside, 'board.read', { region: 'north-west' })).toBe(false);
    expect(may(btp, 'board.read', { force: 'BTP' })).toBe(true);
    expect(may(btp, 'board.read', { force: MET })).toBe(false);
    expect(may(btp, 'outcome.read', { force: MET })).toBe(false);
    for (const region of ['london', 'north-west'])
      expect(may(btp, 'board.read', { region })).toBe(false);
  });

  it('keeps only the codes a scope lets through', () => {
    const byCode = { [MET]: 1, [MERSEYSIDE]: 2, BTP: 3 };
    expect(withinScope(byCode, null)).toEqual(byCode);
    expect(withinScope(byCode, ['BTP'])).toEqual({ BTP: 3 });
    expect(withinScope(byCode, [])).toEqual({});
  });
});

describe('tasking scope', () => {
  const nclcc = { sub: 'n', role: 'nclcc' as const };
  const northWest = { sub: 'r', role: 'regional' as const, region: 'north-west' };
  const merseyside = { sub: 'f', role: 'force' as const, force: MERSEYSIDE };
  const commander = { sub: 'c', role: 'commander' as const };

  it('lets the NCLCC task any force and a region only its own forces', () => {
    expect(may(nclcc, 'tasking.issue', { force: MET })).toBe(true);
    expect(may(northWest, 'tasking.issue', { force: MERSEYSIDE })).toBe(true);
    expect(may(northWest, 'tasking.issue', { force: MET })).toBe(false);
    expect(mayAttempt(merseyside, 'tasking.issue')).toBe(false);
    expect(mayAttempt(commander, 'tasking.issue')).toBe(false);
  });

  it('lets the tasked force, its region and the NCLCC respond', () => {
    expect(may(merseyside, 'tasking.respond', { force: MERSEYSIDE })).toBe(true);
    expect(may(merseyside, 'tasking.respond', { force: MET })).toBe(false);
    expect(may(northWest, 'tasking.respond', { force: MERSEYSIDE })).toBe(true);
    expect(may(nclcc, 'tasking.respond', { force: MET })).toBe(true);
    expect(mayAttempt(commander, 'tasking.respond')).toBe(false);
  });

  it('leaves cancel and reassign to the issuer and the NCLCC', () => {
    expect(may(nclcc, 'tasking.manage', { force: MERSEYSIDE, issuerSub: 'someone' })).toBe(true);
    expect(may(northWest, 'tasking.manage', { force: MERSEYSIDE, issuerSub: 'r' })).toBe(true);
    expect(may(northWest, 'tasking.manage', { force: MERSEYSIDE, issuerSub: 'n' })).toBe(false);
    expect(may(merseyside, 'tasking.manage', { force: MERSEYSIDE, issuerSub: 'f' })).toBe(false);
  });

  it('shows a force its own taskings and a region its forces', () => {
    expect(may(merseyside, 'tasking.read', { force: MERSEYSIDE })).toBe(true);
    expect(may(merseyside, 'tasking.read', { force: MET })).toBe(false);
    expect(may(northWest, 'tasking.read', { force: MET })).toBe(false);
    expect(may(commander, 'tasking.read', { force: MET })).toBe(true);
  });

  it('shows a line to the regions and forces it touches, and lets commanders read only', () => {
    const line = { forces: [MET, MERSEYSIDE] };
    expect(may(northWest, 'line.read', line)).toBe(true);
    expect(may(merseyside, 'line.read', line)).toBe(true);
    expect(may(merseyside, 'line.read', { forces: [MET] })).toBe(false);
    expect(may(commander, 'line.read', line)).toBe(true);
    expect(may(commander, 'line.write', line)).toBe(false);
    expect(may(merseyside, 'line.write', line)).toBe(true);
    expect(may(northWest, 'line.write', { forces: [MET] })).toBe(false);
    expect(may(nclcc, 'focus.set')).toBe(true);
    expect(may(northWest, 'focus.set')).toBe(false);
    expect(may(merseyside, 'line.return', { force: MET })).toBe(false);
    expect(mayAttempt(commander, 'line.return')).toBe(false);
  });
});

describe('hand-off scope', () => {
  const LEICESTERSHIRE = 'E23000021';
  const handoff = { forces: [LEICESTERSHIRE, MET] };
  const nclcc = { sub: 'n', role: 'nclcc' as const };
  const london = { sub: 'r', role: 'regional' as const, region: 'london' };
  const eastMidlands = { sub: 'r', role: 'regional' as const, region: 'east-midlands' };
  const northWest = { sub: 'r', role: 'regional' as const, region: 'north-west' };
  const met = { sub: 'f', role: 'force' as const, force: MET };
  const leicestershire = { sub: 'f', role: 'force' as const, force: LEICESTERSHIRE };
  const merseyside = { sub: 'f', role: 'force' as const, force: MERSEYSIDE };
  const commander = { sub: 'c', role: 'commander' as const };

  it('lets the found force, its region and the NCLCC raise', () => {
    const found = { force: LEICESTERSHIRE };
    expect([leicestershire, eastMidlands, nclcc].every((p) => may(p, 'handoff.raise', found))).toBe(
      true,
    );
    expect([met, london, commander].some((p) => may(p, 'handoff.raise', found))).toBe(false);
  });

  it('lets the home force, its region and the NCLCC act', () => {
    const home = { force: MET };
    expect([met, london, nclcc].every((p) => may(p, 'handoff.act', home))).toBe(true);
    expect([leicestershire, eastMidlands, commander].some((p) => may(p, 'handoff.act', home))).toBe(
      false,
    );
    expect(mayAttempt(commander, 'handoff.act')).toBe(false);
  });

  it('shows a hand-off to both forces, both regions and the NCLCC, never to commanders', () => {
    for (const p of [met, leicestershire, london, eastMidlands, nclcc])
      expect(may(p, 'handoff.read', handoff)).toBe(true);
    for (const p of [merseyside, northWest, commander])
      expect(may(p, 'handoff.read', handoff)).toBe(false);
    expect(mayAttempt(commander, 'handoff.read')).toBe(false);
    expect(mayAttempt(met, 'handoff.read')).toBe(true);
  });
});

describe('hand-off scope for BTP and the safeguarding audit', () => {
  const btp = { sub: 'b', role: 'force' as const, force: 'BTP' };
  const london = { sub: 'r', role: 'regional' as const, region: 'london' };
  const nclcc = { sub: 'n', role: 'nclcc' as const };

  it('lets BTP raise and read its own hand-offs, and no region act for BTP', () => {
    expect(may(btp, 'handoff.raise', { force: 'BTP' })).toBe(true);
    expect(may(btp, 'handoff.raise', { force: MET })).toBe(false);
    expect(may(btp, 'handoff.read', { forces: ['BTP', MET] })).toBe(true);
    expect(may(btp, 'handoff.read', { forces: [MERSEYSIDE, MET] })).toBe(false);
    expect(may(london, 'handoff.act', { force: 'BTP' })).toBe(false);
  });

  it('keeps the safeguarding audit trail to the NCLCC', () => {
    expect(may(nclcc, 'safeguarding.audit')).toBe(true);
    expect(may(london, 'safeguarding.audit')).toBe(false);
    expect(may(btp, 'safeguarding.audit')).toBe(false);
  });
});

describe('baseline scope', () => {
  const nclcc = { sub: 'n', role: 'nclcc' as const };
  const northWest = { sub: 'r', role: 'regional' as const, region: 'north-west' };
  const met = { sub: 'f', role: 'force' as const, force: MET };
  const londonCommander = { sub: 'c', role: 'commander' as const, region: 'london' };

  it('lets baselines be reported for the forces one may report outcomes for, never by commanders', () => {
    expect(may(nclcc, 'baseline.write', { force: 'BTP' })).toBe(true);
    expect(may(northWest, 'baseline.write', { force: MERSEYSIDE })).toBe(true);
    expect(may(northWest, 'baseline.write', { force: MET })).toBe(false);
    expect(may(met, 'baseline.write', { force: MET })).toBe(true);
    expect(may(met, 'baseline.write', { force: MERSEYSIDE })).toBe(false);
    expect(mayAttempt(londonCommander, 'baseline.write')).toBe(false);
  });

  it('lets everyone read baselines within the read scope, commanders included', () => {
    expect(may(londonCommander, 'baseline.read', { force: MET })).toBe(true);
    expect(may(londonCommander, 'baseline.read', { force: MERSEYSIDE })).toBe(false);
    expect(may(met, 'baseline.read', { force: MERSEYSIDE })).toBe(false);
    expect(may(nclcc, 'baseline.read', { force: MERSEYSIDE })).toBe(true);
  });
});

describe('deconfliction alerts', () => {
  const nclcc = { sub: 'n', role: 'nclcc' as const };
  const london = { sub: 'r', role: 'regional' as const, region: 'london' };
  const met = { sub: 'f', role: 'force' as const, force: MET };

  it('lets the NCLCC act on and hand any alert, a region only those handed to it', () => {
    expect(may(nclcc, 'deconfliction.act', {})).toBe(true);
    expect(may(nclcc, 'deconfliction.hand')).toBe(true);
    expect(mayAttempt(london, 'deconfliction.act')).toBe(true);
    expect(may(london, 'deconfliction.act', { region: 'london' })).toBe(true);
    expect(may(london, 'deconfliction.act', { region: 'north-west' })).toBe(false);
    expect(may(london, 'deconfliction.act', {})).toBe(false);
    expect(may(london, 'deconfliction.hand')).toBe(false);
    expect(mayAttempt(met, 'deconfliction.act')).toBe(false);
  });

  it('keeps batch applications for replacement numbers to the NCLCC', () => {
    expect(may(nclcc, 'ddtro.apply-replacements')).toBe(true);
    expect(may(london, 'ddtro.apply-replacements')).toBe(false);
  });
});
