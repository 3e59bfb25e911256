/**
 * Where long-lived server tasks wait; a test passes timers it runs by hand, against its own clock.
 * `after` returns the cancellation.
 */
export type Timers = { readonly after: (ms: number, run: () => void) => () => void };

export const SYSTEM_TIMERS: Timers = {
  after: (ms, run) => {
    const timer = setTimeout(run, ms);
    // A wait for something days ahead must not keep a stopped server (or a test run) alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
