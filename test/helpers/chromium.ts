/**
 * Headless Chromium for browser tests: Debian's `chromium`, driven over the DevTools protocol with
 * `ws`. `CHROMIUM` is undefined where none is installed (the tests skip then).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** Chromium with a DevTools WebSocket; `evaluate` runs an expression in a page at `url` and awaits its value. */
export async function launch(): Promise<{ evaluate(url: string, expression: string): Promise<unknown>; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'stratus-chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM!,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.once('exit', () => reject(new Error(`chromium exited: ${err}`)));
  });
  const ws = new WebSocket(wsUrl);
  child.once('exit', () => {
    for (const p of pending.values()) p.reject(new Error('chromium exited'));
    pending.clear();
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let id = 0;
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  const events: { method: string; params: any; sessionId?: string }[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(JSON.stringify(msg.error)));
      else p?.resolve(msg.result);
    } else {
      events.push(msg);
      for (const w of waiters.splice(0)) w();
    }
  });
  const call = (method: string, params: object = {}, sessionId?: string): Promise<any> =>
    new Promise((resolve, reject) => {
      const n = ++id;
      pending.set(n, { resolve, reject });
      ws.send(JSON.stringify({ id: n, method, params, sessionId }));
    });
  const until = async (pred: (e: (typeof events)[number]) => boolean): Promise<void> => {
    while (!events.some(pred)) await new Promise<void>((r) => waiters.push(r));
  };
  return {
    async evaluate(url, expression) {
      const { targetId } = await call('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await call('Target.attachToTarget', { targetId, flatten: true });
      await call('Page.enable', {}, sessionId);
      const { frameId } = await call('Page.navigate', { url }, sessionId);
      // The about:blank page may fire its own load event: wait for the navigated document's.
      await until((e) => e.method === 'Page.frameNavigated' && e.sessionId === sessionId && e.params.frame.id === frameId && e.params.frame.url.startsWith(url));
      const loaded = events.length;
      for (;;) {
        const ready = await call('Runtime.evaluate', { expression: 'document.readyState', returnByValue: true }, sessionId);
        if (ready.result.value === 'complete') break;
        await until((e) => events.indexOf(e) >= loaded && e.method === 'Page.loadEventFired' && e.sessionId === sessionId);
      }
      const r = await call('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
      if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
      return r.result.value;
    },
    async close() {
      ws.close();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
