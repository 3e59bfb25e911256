import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PASSWORD } from '../../src/demo';

/** The real `parley` bin (the compiled CLI), as a user runs it. */
export const PARLEY_BIN = join(import.meta.dirname, '..', '..', 'bin', 'parley.js');

export type ServeProcess = { child: ChildProcess; url: string; exited: Promise<number | null> };

/** Starts `parley serve --port 0 --data DIR` and resolves once it says where it serves. */
export async function startServeProcess(dataDir: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, [PARLEY_BIN, 'serve', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Parley is serving (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return { child, url, exited };
}

/** Signs a demo account in over HTTP: its session cookie, and the CSRF token its writes send. */
export async function demoSession(
  url: string,
  account: keyof typeof DEMO_ACCOUNTS,
): Promise<{ cookie: string; csrfToken: string }> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_ACCOUNTS[account].email, password: DEMO_PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken };
}

/** Signs a demo account in over HTTP and returns its session cookie. */
export async function demoCookie(url: string, account: keyof typeof DEMO_ACCOUNTS): Promise<string> {
  return (await demoSession(url, account)).cookie;
}

/**
 * Opens the demo negotiation's event stream as `cookie`, sends SIGTERM to `child` once the stream
 * is ready, and resolves when the stream has ended (done, or cut), with the ms since the signal.
 * Events already on their way (the signed checkpoint that follows `ready`, a keep-alive) may come
 * before the end; a stream that never ends leaves the caller's test to time out.
 */
export async function streamEndAfterSigterm(input: {
  url: string;
  cookie: string;
  child: ChildProcess;
}): Promise<{ firstEvent: string; msAfterSignal: number }> {
  const stream = await fetch(`${input.url}/api/negotiations/${DEMO_NEGOTIATION.id}/events`, {
    headers: { cookie: input.cookie, accept: 'text/event-stream' },
  });
  const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
  const firstEvent = new TextDecoder().decode((await reader.read()).value);
  const signalled = performance.now();
  input.child.kill('SIGTERM');
  for (;;) {
    const ended = await reader.read().then(
      (result) => result.done,
      () => true,
    );
    if (ended) return { firstEvent, msAfterSignal: performance.now() - signalled };
  }
}
