import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo';

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

/** Signs a demo account in over HTTP and returns its session cookie. */
export async function demoCookie(url: string, account: keyof typeof DEMO_ACCOUNTS): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_ACCOUNTS[account].email, password: DEMO_PASSWORD }),
  });
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
