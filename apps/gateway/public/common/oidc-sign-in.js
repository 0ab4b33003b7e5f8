// The sign-in offered when the gateway trusts the organisation's OpenID provider: one button
// that goes to the provider and comes back to this page signed in.
import { el as h } from './dom.js';
import { beginSignIn, oidcReady } from './oidc.js';

const here = () => `${location.pathname}${location.search}${location.hash}`;

/** Fills `section` with the button; answers `focus()` for the shell. */
export function setupOidcSignIn(section, { auth }) {
  const button = h(
    'button',
    { type: 'button', id: 'sign-in-start', className: 'button' },
    'Sign in',
  );
  const problem = h('p', {
    id: 'sign-in-problem',
    className: 'field-error',
    attrs: { 'aria-live': 'assertive' },
  });
  section.append(
    h('p', {}, "Sign in with your organisation's account. You come back to this page afterwards."),
    button,
    problem,
  );
  button.addEventListener('click', async () => {
    problem.textContent = '';
    if (!oidcReady(auth)) {
      problem.textContent =
        'The sign-in service cannot be reached or is not set up on this server. Try again later.';
      return;
    }
    await beginSignIn(auth, here());
  });
  return { focus: () => button.focus(), start: () => beginSignIn(auth, here()) };
}
