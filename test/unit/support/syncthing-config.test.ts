import { describe, expect, it } from 'vitest';
import { assertLoopbackOnly, configXml, type PeerConfig } from '../../support/syncthing';

const peer = (name: string, port: number): PeerConfig => ({
  name,
  deviceId: `${name.toUpperCase().padEnd(7, 'X')}-AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA`,
  listenPort: port,
  guiPort: port + 1,
  apiKey: 'k',
  folder: `/tmp/${name}`,
});
const xml = configXml(peer('laptop', 22000), peer('desktop', 22010));

describe('the Syncthing config of the sync e2e test (issue 20: no packet leaves 127.0.0.0/8)', () => {
  it('passes for the config the test writes', () => {
    expect(() => assertLoopbackOnly(xml)).not.toThrow();
  });

  it.each([
    [
      'global discovery',
      '<globalAnnounceEnabled>false</globalAnnounceEnabled>',
      '<globalAnnounceEnabled>true</globalAnnounceEnabled>',
    ],
    [
      'local discovery',
      '<localAnnounceEnabled>false</localAnnounceEnabled>',
      '<localAnnounceEnabled>true</localAnnounceEnabled>',
    ],
    ['relays', '<relaysEnabled>false</relaysEnabled>', '<relaysEnabled>true</relaysEnabled>'],
    ['NAT traversal', '<natEnabled>false</natEnabled>', '<natEnabled>true</natEnabled>'],
    ['usage reporting', '<urAccepted>-1</urAccepted>', '<urAccepted>3</urAccepted>'],
    [
      'crash reporting',
      '<crashReportingEnabled>false</crashReportingEnabled>',
      '<crashReportingEnabled>true</crashReportingEnabled>',
    ],
    [
      'upgrade checks',
      '<autoUpgradeIntervalH>0</autoUpgradeIntervalH>',
      '<autoUpgradeIntervalH>12</autoUpgradeIntervalH>',
    ],
    [
      'a listen address on every interface',
      '<listenAddress>tcp://127.0.0.1:22000</listenAddress>',
      '<listenAddress>default</listenAddress>',
    ],
    ['a dynamic peer address', '<address>tcp://127.0.0.1:22010</address>', '<address>dynamic</address>'],
    [
      'a peer off loopback',
      '<address>tcp://127.0.0.1:22010</address>',
      '<address>tcp://192.168.1.5:22010</address>',
    ],
  ])('refuses a config with %s', (_what, from, to) => {
    expect(xml.includes(from)).toBe(true);
    expect(() => assertLoopbackOnly(xml.replace(from, to))).toThrow(/could leave loopback/);
  });
});
