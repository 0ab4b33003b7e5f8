/**
 * Headless Chromium's switches wherever we run it (the summary PDF, the browser tests). On a
 * closed network it must not reach out (QUIC, component updates, sync, background fetches),
 * or pages stall waiting for it.
 */
export const HEADLESS_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
