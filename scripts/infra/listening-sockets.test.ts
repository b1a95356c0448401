import { describe, expect, it } from 'vitest';
import { decodeProcAddress, parseProcNetTable } from './listening-sockets';

const header = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
const row = (local: string, state: string, inode: number) =>
  `   0: ${local} 00000000:0000 ${state} 00000000:00000000 00:00000000 00000000     0        0 ${inode} 1 0000000000000000 100 0 0 10 0\n`;

describe('decodeProcAddress', () => {
  it('reads little-endian IPv4', () => {
    expect(decodeProcAddress('0100007F')).toBe('127.0.0.1');
    expect(decodeProcAddress('00000000')).toBe('0.0.0.0');
    expect(decodeProcAddress('0F02000A')).toBe('10.0.2.15');
  });
  it('reads IPv6 as four little-endian words', () => {
    expect(decodeProcAddress('00000000000000000000000001000000')).toBe('::1');
    expect(decodeProcAddress('00000000000000000000000000000000')).toBe('::');
    expect(decodeProcAddress('0000000000000000FFFF00000100007F')).toBe('::ffff:127.0.0.1');
  });
});

describe('parseProcNetTable', () => {
  const table = header + row('0100007F:1EC8', '0A', 11) + row('00000000:1EC9', '0A', 12) + row('0100007F:9C40', '01', 11) + row('0100007F:1ECA', '07', 13);

  it('keeps only listeners of the given inodes', () => {
    expect(parseProcNetTable(table, 'tcp', new Set(['11', '12']))).toEqual([
      { protocol: 'tcp', address: '127.0.0.1', port: 7880 },
      { protocol: 'tcp', address: '0.0.0.0', port: 7881 },
    ]);
  });
  it('keeps UDP sockets of any state', () => {
    expect(parseProcNetTable(table, 'udp', new Set(['13']))).toEqual([{ protocol: 'udp', address: '127.0.0.1', port: 7882 }]);
  });
  it('ignores sockets of other processes', () => {
    expect(parseProcNetTable(table, 'tcp', new Set(['99']))).toEqual([]);
  });
});
