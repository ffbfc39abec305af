import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../../electron/core/schema';
import { LibraryStore } from '../../../electron/core/store/store';
import { detachSync, setUpSync } from '../../../electron/core/sync/attach';
import type { SyncSession } from '../../../electron/core/sync/session';
import { run, tempDir } from '../helpers';

/** The real engine, Debian's syncthing: two instances on 127.0.0.1 replicate one folder between two libraries. */
const SYNCTHING = spawnSync('syncthing', ['--version']).error === undefined;
const FOLDER = 'paperqueue';

type Instance = {
  home: string;
  dir: string;
  gui: number;
  listen: number;
  key: string;
  id: string;
  process: ChildProcess;
};
const started: Instance[] = [];

afterAll(async () => {
  await Promise.all(
    started.map(
      (instance) =>
        new Promise<void>((resolve) => {
          if (instance.process.exitCode !== null) return resolve();
          instance.process.once('exit', () => resolve());
          instance.process.kill('SIGTERM');
        }),
    ),
  );
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A Syncthing home whose every way off this machine is shut before it first starts: no global or local
 * discovery, relays, NAT traversal, usage or crash reports, upgrades; listening on loopback only (TCP, so
 * no QUIC and no STUN either).
 */
async function startInstance(): Promise<Instance> {
  const [home, dir] = await Promise.all([tempDir(), tempDir()]);
  const [gui, listen] = [await freePort(), await freePort()];
  const env = { ...process.env, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1', STNORESTART: '1' };
  const generated = spawnSync(
    'syncthing',
    ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'],
    {
      env,
      encoding: 'utf8',
    },
  );
  const id = /Device ID: ([A-Z0-9-]+)/.exec(`${generated.stdout}${generated.stderr}`)?.[1];
  if (!id) throw new Error(`syncthing generate gave no device id: ${generated.stderr}`);
  const file = join(home, 'config.xml');
  const xml = (await readFile(file, 'utf8'))
    .replace(/<listenAddress>[^<]*<\/listenAddress>/, `<listenAddress>tcp://127.0.0.1:${listen}</listenAddress>`)
    .replace(
      /<(globalAnnounceEnabled|localAnnounceEnabled|relaysEnabled|natEnabled|crashReportingEnabled|startBrowser|announceLANAddresses)>true</g,
      '<$1>false<',
    )
    .replace(/<urAccepted>[^<]*</, '<urAccepted>-1<')
    .replace(/<autoUpgradeIntervalH>[^<]*</, '<autoUpgradeIntervalH>0<');
  await writeFile(file, xml);
  const key = `paperqueue-test-${Math.random().toString(36).slice(2)}`;
  const child = spawn(
    'syncthing',
    [
      'serve',
      `--home=${home}`,
      `--gui-address=127.0.0.1:${gui}`,
      `--gui-apikey=${key}`,
      '--no-browser',
      '--no-restart',
      '--no-upgrade',
    ],
    { env, stdio: 'ignore' },
  );
  const instance = { home, dir, gui, listen, key, id, process: child };
  started.push(instance);
  await until(
    async () => (await api(instance, 'GET', '/rest/system/ping').catch(() => undefined)) !== undefined,
    'the API answers',
  );
  return instance;
}

async function api(instance: Instance, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${instance.gui}${path}`, {
    method,
    headers: { 'X-API-Key': instance.key, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Pair two instances and share one folder, through the REST API. */
async function pair(a: Instance, b: Instance): Promise<void> {
  for (const [self, other] of [
    [a, b],
    [b, a],
  ] as const) {
    await api(self, 'POST', '/rest/config/devices', {
      deviceID: other.id,
      name: other === a ? 'a' : 'b',
      addresses: [`tcp://127.0.0.1:${other.listen}`],
    });
    await api(self, 'POST', '/rest/config/folders', {
      id: FOLDER,
      label: 'Paperqueue',
      path: self.dir,
      type: 'sendreceive',
      devices: [{ deviceID: a.id }, { deviceID: b.id }],
      rescanIntervalS: 1,
      fsWatcherEnabled: true,
      fsWatcherDelayS: 1,
    });
  }
  await until(async () => {
    const connections = (await api(a, 'GET', '/rest/system/connections')) as {
      connections: Record<string, { connected: boolean }>;
    };
    return connections.connections[b.id]?.connected === true;
  }, 'the two instances connect');
}

const pause = (instance: Instance, paused: boolean) =>
  api(instance, 'PATCH', `/rest/config/folders/${FOLDER}`, { paused });

async function until(check: () => Promise<boolean>, what: string, ms = 45_000): Promise<void> {
  const giveUpAt = Date.now() + ms;
  while (Date.now() < giveUpAt) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Gave up waiting until ${what}${await syncthingErrors()}`);
}

/**
 * What the running instances report as wrong, for a wait that gave up: a folder Syncthing stopped (a disk less
 * than 1 % free stops every folder) says so, rather than the wait alone.
 */
async function syncthingErrors(): Promise<string> {
  const reports = await Promise.all(
    started.map(async (instance) => {
      const get = (path: string) => api(instance, 'GET', path).catch(() => undefined);
      const system = (await get('/rest/system/error')) as { errors: { message: string }[] | null } | undefined;
      const folder = (await get(`/rest/db/status?folder=${FOLDER}`)) as { error?: string } | undefined;
      const files = (await get(`/rest/folder/errors?folder=${FOLDER}`)) as
        { errors: { path: string; error: string }[] | null } | undefined;
      return [
        ...(system?.errors ?? []).map(({ message }) => message),
        folder?.error ?? '',
        ...(files?.errors ?? []).slice(0, 2).map(({ path, error }) => `${path}: ${error.trim()}`),
      ].filter((message) => message && !/privileged/.test(message));
    }),
  );
  const messages = [...new Set(reports.flat())];
  return messages.length ? `; Syncthing says: ${messages.join(' | ')}` : '';
}

/** A library as plain data in id order (key order aside, as a merge compares papers). */
const papers = (store: LibraryStore): Paper[] =>
  JSON.parse(JSON.stringify([...store.all()].sort((x, y) => (x.id < y.id ? -1 : 1)))) as Paper[];

describe.skipIf(!SYNCTHING)('sync through two real Syncthing instances (skipped: syncthing is not installed)', () => {
  it('libraries edited on both sides while the folder is paused converge with every edit kept', async () => {
    const [a, b] = await Promise.all([startInstance(), startInstance()]);
    await pair(a, b);
    const [laptop, desk] = await Promise.all([LibraryStore.open(await tempDir()), LibraryStore.open(await tempDir())]);
    const { id } = await run(laptop, 'papers.add', { title: 'One Paper, Two Machines' });
    await run(laptop, 'notes.save', { id, note: 'alpha\nbeta\ngamma' });
    const sessions: SyncSession[] = [await setUpSync(laptop, a.dir, 'Laptop'), await setUpSync(desk, b.dir, 'Desk')];
    await until(async () => {
      await sessions[1]!.syncNow().catch(() => undefined);
      return desk.get(id)?.note === 'alpha\nbeta\ngamma';
    }, 'the desk has the laptop’s paper');

    await Promise.all([pause(a, true), pause(b, true)]);
    await run(laptop, 'notes.save', { id, note: 'alpha from the laptop\nbeta\ngamma' });
    await run(laptop, 'papers.setStatus', { ids: [id], status: 'read' });
    const onlyLaptop = await run(laptop, 'papers.add', { title: 'Added on the Laptop' });
    await run(desk, 'notes.save', { id, note: 'alpha from the desk\nbeta\ngamma' });
    await run(desk, 'tags.set', { ids: [id], tags: ['syncthing'], mode: 'add' });
    await run(desk, 'annotations.add', { paperId: id, target: 'title', start: 0, end: 3, comment: 'desk' });
    const onlyDesk = await run(desk, 'papers.add', { title: 'Added on the Desk' });
    await Promise.all(sessions.map((session) => session.syncNow()));
    expect(desk.get(onlyLaptop.id)).toBeUndefined();

    await Promise.all([pause(a, false), pause(b, false)]);
    await until(async () => {
      await Promise.all(sessions.map((session) => session.syncNow().catch(() => undefined)));
      return laptop.size === 3 && desk.size === 3 && isDeepStrictEqual(papers(laptop), papers(desk));
    }, 'both libraries are the same');

    expect(papers(laptop)).toEqual(papers(desk));
    const merged = laptop.get(id)!;
    expect(merged.status).toBe('read');
    expect(merged.tags).toEqual(['syncthing']);
    expect(merged.annotations.map((x) => x.comment)).toEqual(['desk']);
    expect(merged.note).toContain('alpha from the laptop');
    expect(merged.note).toContain('alpha from the desk');
    expect(merged.note).toMatch(/^<<<<<<< [^\n]*\n[^]*=======\n[^]*>>>>>>> [^\n]*\nbeta\ngamma$/);
    expect(desk.get(onlyLaptop.id)?.title).toBe('Added on the Laptop');
    expect(laptop.get(onlyDesk.id)?.title).toBe('Added on the Desk');
    for (const store of [laptop, desk]) {
      await detachSync(store);
      await store.flush();
    }
  }, 120_000);
});
