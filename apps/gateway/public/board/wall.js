// The wall layout, for a screen read from across a room: large type, strongest contrast, and
// the controls a viewer at a desk uses (menus, downloads, filters) out of the way. On by the
// toggle or by `?layout=wall`, which the toggle keeps in the address so a wall screen can be
// bookmarked. Nothing on the board moves or rotates by itself.

const LAYOUT = 'layout';

export function setupWallLayout(button) {
  function set(on) {
    document.body.classList.toggle('wall', on);
    button.setAttribute('aria-pressed', String(on));
    const url = new URL(location.href);
    if (on) url.searchParams.set(LAYOUT, 'wall');
    else url.searchParams.delete(LAYOUT);
    history.replaceState(history.state, '', url);
  }
  set(new URLSearchParams(location.search).get(LAYOUT) === 'wall');
  button.onclick = () => set(!document.body.classList.contains('wall'));
}
