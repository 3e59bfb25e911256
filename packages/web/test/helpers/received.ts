import type { Viewer } from './browser-harness';

// Realtime messages are not response bodies Playwright can read: the page records them itself.
// Runs in the page (addInitScript), so it may use nothing from this module.
const RECORD_SSE = () => {
  const Original = window.EventSource;
  const messages: string[] = [];
  (window as unknown as { __sse: string[] }).__sse = messages;
  window.EventSource = class extends Original {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      const recorded = new Set<string>();
      const add = EventTarget.prototype.addEventListener.bind(this);
      const record = (type: string) => {
        if (recorded.has(type)) return;
        recorded.add(type);
        add(type, (event) => messages.push(`${type}:${String((event as MessageEvent).data)}`));
      };
      record('message');
      // Every event type the app listens to is recorded as well, whatever its name.
      Object.defineProperty(this, 'addEventListener', {
        value: (type: string, listener: EventListener, options?: boolean | AddEventListenerOptions) => {
          record(type);
          add(type, listener, options);
        },
      });
    }
  } as typeof EventSource;
};

/** From the next page load on, the viewer's page records every realtime message it receives. */
export async function recordRealtime(viewer: Viewer): Promise<void> {
  await viewer.context.addInitScript(RECORD_SSE);
  await viewer.page.reload();
}

/** Every API response body and realtime message that reached the viewer's browser. */
export async function everythingReceived(viewer: Viewer): Promise<string[]> {
  const sse = await viewer.page.evaluate(() => (window as unknown as { __sse?: string[] }).__sse ?? []);
  return [...viewer.bodies, ...sse];
}
