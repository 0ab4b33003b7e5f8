// The development sign-in form, shared by every page: each page holds an empty
// <section id="sign-in" data-heading="…"> and this fills it, so the markup lives in one place.
export const SIGN_IN_FORM = `        <h2 id="sign-in-heading"></h2>
        <p id="sign-in-off" class="notice warning" hidden>
          Development sign-in is off on this server. Use your organisation's sign-in instead.
        </p>
        <form id="sign-in-form" novalidate>
          <fieldset>
            <legend>Your role</legend>
            <div class="choices">
              <label class="choice"
                ><input type="radio" name="role" value="regional" checked /> Regional
                coordinator</label
              >
              <label class="choice"
                ><input type="radio" name="role" value="force" /> Force user</label
              >
              <label class="choice"
                ><input type="radio" name="role" value="nclcc" /> NCLCC (national)</label
              >
            </div>
          </fieldset>
          <div class="field" data-field="region">
            <label for="sign-in-region">Region</label>
            <p class="field-error" id="sign-in-region-error" aria-live="polite"></p>
            <select
              id="sign-in-region"
              name="region"
              aria-describedby="sign-in-region-error"
            ></select>
          </div>
          <div class="field" data-field="force" hidden>
            <label for="sign-in-force">Force</label>
            <p class="field-error" id="sign-in-force-error" aria-live="polite"></p>
            <select id="sign-in-force" name="force" aria-describedby="sign-in-force-error"></select>
          </div>
          <div class="field" data-field="sub">
            <label for="sign-in-sub">User id</label>
            <p class="hint" id="sign-in-sub-hint">A pseudonymous id, not your name.</p>
            <p class="field-error" id="sign-in-sub-error" aria-live="polite"></p>
            <input
              id="sign-in-sub"
              name="sub"
              value="regional-user"
              autocomplete="username"
              aria-describedby="sign-in-sub-hint sign-in-sub-error"
            />
          </div>
          <p id="sign-in-problem" class="field-error" aria-live="assertive"></p>
          <button type="submit" class="button">Sign in</button>
        </form>
      
`;

/** Fills the page's sign-in section with the form (once). */
export function renderSignInForm() {
  const section = document.getElementById('sign-in');
  if (section.querySelector('form')) return;
  section.innerHTML = SIGN_IN_FORM;
  document.getElementById('sign-in-heading').textContent = section.dataset.heading ?? 'Sign in';
}
