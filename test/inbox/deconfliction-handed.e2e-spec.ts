import { actOnAlert, raiseNumberAlert } from '../support/intelligence';
import { awaitNotification, freshUser, InboxItem, inboxOf } from '../support/inbox';

/** The alert matches lines of Cumbria and Lancashire (North West) and is handed to Southern Wales. */
const CUMBRIA = 'E23000002';
const LANCASHIRE = 'E23000003';

describe('inbox: a deconfliction alert handed to a region', () => {
  const southernWales = freshUser({ role: 'regional', region: 'southern-wales' });
  const eastern = freshUser({ role: 'regional', region: 'eastern' });
  const northWest = freshUser({ role: 'regional', region: 'north-west' });

  it("tells the handed region's coordinator, links to the desk, and tells no other region", async () => {
    const alert = await raiseNumberAlert([CUMBRIA, LANCASHIRE]);
    const handed = await actOnAlert(alert.id, 'hand-to-region', { region: 'southern-wales' });
    expect(handed.status).toBe(200);

    const isHanded = (n: InboxItem) => n.kind === 'deconfliction.handed' && n.alertId === alert.id;
    const note = await awaitNotification(southernWales, isHanded, 'the handed alert in Wales');
    expect(note).toMatchObject({
      href: `/deconfliction?alert=${alert.id}`,
      region: 'southern-wales',
      read: false,
      title: 'Deconfliction alert handed to Southern Wales to act on',
    });

    // The region the alert names heard of it being raised, not of the hand; others of neither.
    const raisedNote = await awaitNotification(
      northWest,
      (n) => n.kind === 'deconfliction.raised' && n.alertId === alert.id,
      'the raised alert in the North West',
    );
    expect(raisedNote.href).toBe(`/deconfliction?alert=${alert.id}`);
    expect((await inboxOf(northWest)).items.some(isHanded)).toBe(false);
    expect((await inboxOf(eastern)).items.some((n) => n.alertId === alert.id)).toBe(false);
  });
});
