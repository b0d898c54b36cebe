/**
 * Two Syncthing instances that talk only over loopback (issue 20's e2e engine). Each gets its own home
 * (certificate, key, a config written here from scratch), listens on 127.0.0.1 with its own port,
 * knows the other's device id and address statically, and shares one folder with it. Every way
 * Syncthing could reach past 127.0.0.0/8 is off — global and local discovery, relays, NAT traversal
 * (UPnP/NAT-PMP), STUN, usage and crash reporting, upgrade checks — and `assertLoopbackOnly` checks
 * the written config before any instance starts.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const FOLDER_ID = 'lectern';

/** Where `syncthing` is, or null when it is not installed. */
export function syncthingBinary(): string | null {
  for (const p of ['/usr/bin/syncthing', '/usr/local/bin/syncthing']) if (existsSync(p)) return p;
  try {
    return execFileSync('sh', ['-c', 'command -v syncthing'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface PeerConfig {
  name: string;
  deviceId: string;
  listenPort: number;
  guiPort: number;
  apiKey: string;
  folder: string;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The config.xml of `self`, sharing the folder with `other` only. */
export function configXml(self: PeerConfig, other: PeerConfig, version = 36): string {
  const device = (p: PeerConfig) =>
    `    <device id="${p.deviceId}" name="${xmlEscape(p.name)}" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">\n` +
    `        <address>tcp://127.0.0.1:${p.listenPort}</address>\n        <paused>false</paused>\n        <autoAcceptFolders>false</autoAcceptFolders>\n    </device>\n`;
  return `<configuration version="${version}">
    <folder id="${FOLDER_ID}" label="Lectern" path="${xmlEscape(self.folder)}" type="sendreceive" rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="${self.deviceId}" introducedBy=""></device>
        <device id="${other.deviceId}" introducedBy=""></device>
        <minDiskFree unit="%">0</minDiskFree>
        <paused>false</paused>
    </folder>
${device(self)}${device(other)}    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:${self.guiPort}</address>
        <apikey>${self.apiKey}</apikey>
        <theme>default</theme>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:${self.listenPort}</listenAddress>
        <globalAnnounceServer></globalAnnounceServer>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <stunKeepaliveStartS>0</stunKeepaliveStartS>
        <stunKeepaliveMinS>0</stunKeepaliveMinS>
        <stunServer></stunServer>
        <announceLANAddresses>false</announceLANAddresses>
        <startBrowser>false</startBrowser>
        <urAccepted>-1</urAccepted>
        <urURL></urURL>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <releasesURL></releasesURL>
        <crashReportingEnabled>false</crashReportingEnabled>
        <crashReportingURL></crashReportingURL>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <setLowPriority>false</setLowPriority>
    </options>
</configuration>
`;
}

const tag = (xml: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1] ?? '');

/** Throws unless the config keeps Syncthing inside 127.0.0.0/8 (see the module comment). */
export function assertLoopbackOnly(xml: string): void {
  const problems: string[] = [];
  const must = (name: string, value: string) => {
    const values = tag(xml, name);
    if (values.length !== 1 || values[0] !== value)
      problems.push(`${name} must be ${value} (is ${values.join(',') || 'missing'})`);
  };
  must('globalAnnounceEnabled', 'false');
  must('localAnnounceEnabled', 'false');
  must('relaysEnabled', 'false');
  must('natEnabled', 'false');
  must('stunKeepaliveStartS', '0');
  must('stunServer', '');
  must('announceLANAddresses', 'false');
  must('urAccepted', '-1');
  must('autoUpgradeIntervalH', '0');
  must('crashReportingEnabled', 'false');
  must('startBrowser', 'false');
  const loopback = /^(tcp:\/\/)?127\.\d+\.\d+\.\d+:\d+$/;
  for (const name of ['listenAddress', 'address'])
    for (const v of tag(xml, name))
      if (!loopback.test(v)) problems.push(`${name} ${v || '(empty)'} is not on 127.0.0.0/8`);
  if (tag(xml, 'listenAddress').length === 0) problems.push('no listenAddress');
  if (/<address>\s*dynamic\s*<\/address>/.test(xml)) problems.push('a device address is dynamic');
  if (problems.length) throw new Error(`Syncthing config could leave loopback: ${problems.join('; ')}`);
}

/** One running instance. */
export class SyncthingPeer {
  private proc: ChildProcess | null = null;
  log = '';
  constructor(
    readonly home: string,
    readonly config: PeerConfig,
  ) {}

  start(binary: string): void {
    this.proc = spawn(
      binary,
      ['serve', `--home=${this.home}`, '--no-browser', '--no-restart', '--no-upgrade', '--no-default-folder'],
      {
        env: {
          ...process.env,
          HOME: this.home,
          STNOUPGRADE: '1',
          STNORESTART: '1',
          STNODEFAULTFOLDER: '1',
          all_proxy: '',
          http_proxy: '',
          https_proxy: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const keep = (b: Buffer) => {
      this.log = (this.log + b.toString()).slice(-20_000);
    };
    this.proc.stdout?.on('data', keep);
    this.proc.stderr?.on('data', keep);
  }

  async api(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`http://127.0.0.1:${this.config.guiPort}${path}`, {
      method,
      headers: { 'X-API-Key': this.config.apiKey, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  }

  /** Waits until the REST API answers. */
  async ready(timeoutMs = 60_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.api('GET', '/rest/system/ping');
        return;
      } catch (err) {
        if (Date.now() > end)
          throw new Error(`Syncthing ${this.config.name} did not start: ${String(err)}\n${this.log}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  /** Whether it is connected to the other peer now. */
  async connectedTo(deviceId: string): Promise<boolean> {
    const c = (await this.api('GET', '/rest/system/connections')) as {
      connections: Record<string, { connected: boolean }>;
    };
    return Boolean(c.connections[deviceId]?.connected);
  }

  /** Stops syncing (as if offline) or starts again: pauses every remote device. */
  async setPaused(paused: boolean): Promise<void> {
    await this.api('POST', `/rest/system/${paused ? 'pause' : 'resume'}`);
  }

  /** Every remote address it has connected to, for the loopback check after the run. */
  async remoteAddresses(): Promise<string[]> {
    const c = (await this.api('GET', '/rest/system/connections')) as {
      connections: Record<string, { address: string }>;
    };
    return Object.values(c.connections)
      .map((x) => x.address)
      .filter(Boolean);
  }

  stop(): void {
    this.proc?.kill('SIGTERM');
    this.proc = null;
  }
}

/** Makes two peers sharing `folderA` and `folderB` under `base`; checks both configs; does not start them. */
export async function makePair(
  binary: string,
  base: string,
  folderA: string,
  folderB: string,
): Promise<[SyncthingPeer, SyncthingPeer]> {
  const make = async (name: string, folder: string) => {
    const home = join(base, `st-${name}`);
    mkdirSync(home, { recursive: true });
    mkdirSync(folder, { recursive: true });
    const out = execFileSync(binary, ['generate', `--home=${home}`, '--no-default-folder'], {
      encoding: 'utf8',
      env: { ...process.env, HOME: home, STNODEFAULTFOLDER: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const id = /Device ID:\s*([A-Z0-9-]{63})/.exec(out)?.[1] ?? readDeviceId(home);
    // Write the config in the version this Syncthing writes (1.19 reads at most 36).
    const version = Number(
      /<configuration version="(\d+)"/.exec(readFileSync(join(home, 'config.xml'), 'utf8'))?.[1] ?? 36,
    );
    const config: PeerConfig = {
      name,
      deviceId: id,
      listenPort: await freePort(),
      guiPort: await freePort(),
      apiKey: randomBytes(16).toString('hex'),
      folder,
    };
    // Syncthing refuses a folder without its marker when the config says it exists.
    mkdirSync(join(folder, '.stfolder'), { recursive: true });
    return { home, config, version };
  };
  const a = await make('laptop', folderA);
  const b = await make('desktop', folderB);
  for (const [self, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const xml = configXml(self.config, other.config, self.version);
    assertLoopbackOnly(xml);
    writeFileSync(join(self.home, 'config.xml'), xml);
  }
  return [new SyncthingPeer(a.home, a.config), new SyncthingPeer(b.home, b.config)];
}

function readDeviceId(home: string): string {
  const xml = readFileSync(join(home, 'config.xml'), 'utf8');
  const id = /<device id="([A-Z0-9-]{63})"/.exec(xml)?.[1];
  if (!id) throw new Error(`no device id in ${home}`);
  return id;
}
