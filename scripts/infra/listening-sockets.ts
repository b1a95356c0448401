/**
 * The TCP listeners and bound UDP sockets of one process, read from Linux's
 * /proc (no `ss` or `netstat` needed): the tests use it to prove that the
 * local servers keep every socket on loopback.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface BoundSocket {
  protocol: 'tcp' | 'udp';
  address: string;
  port: number;
}

/** "0100007F" (little-endian IPv4) → "127.0.0.1"; 32 hex digits (IPv6, four little-endian words) → "::1" style. */
export function decodeProcAddress(hex: string): string {
  if (hex.length === 8) {
    return [6, 4, 2, 0].map((i) => parseInt(hex.slice(i, i + 2), 16)).join('.');
  }
  const bytes: number[] = [];
  for (let word = 0; word < 4; word++) {
    const chunk = hex.slice(word * 8, word * 8 + 8);
    for (const i of [6, 4, 2, 0]) bytes.push(parseInt(chunk.slice(i, i + 2), 16));
  }
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return `::ffff:${bytes.slice(12).join('.')}`;
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  const full = groups.join(':');
  if (full === '0:0:0:0:0:0:0:0') return '::';
  if (full === '0:0:0:0:0:0:0:1') return '::1';
  return full;
}

const TCP_LISTEN = '0A';

/**
 * Parses one /proc/net/{tcp,tcp6,udp,udp6} table, keeping the rows whose inode
 * is in `inodes`: TCP sockets in LISTEN state, UDP sockets of any state.
 */
export function parseProcNetTable(text: string, protocol: 'tcp' | 'udp', inodes: Set<string>): BoundSocket[] {
  const sockets: BoundSocket[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10) continue;
    const [local, , state] = [fields[1]!, fields[2]!, fields[3]!];
    const inode = fields[9]!;
    if (!inodes.has(inode)) continue;
    if (protocol === 'tcp' && state !== TCP_LISTEN) continue;
    const [addressHex, portHex] = local.split(':') as [string, string];
    sockets.push({ protocol, address: decodeProcAddress(addressHex), port: parseInt(portHex, 16) });
  }
  return sockets;
}

/** Every TCP listener and UDP socket the process `pid` holds (Linux only). */
export function listeningSockets(pid: number): BoundSocket[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]!);
    } catch {
      // closed between readdir and readlink
    }
  }
  const read = (table: string) => {
    try {
      return readFileSync(`/proc/${pid}/net/${table}`, 'utf8');
    } catch {
      return '';
    }
  };
  return [
    ...parseProcNetTable(read('tcp'), 'tcp', inodes),
    ...parseProcNetTable(read('tcp6'), 'tcp', inodes),
    ...parseProcNetTable(read('udp'), 'udp', inodes),
    ...parseProcNetTable(read('udp6'), 'udp', inodes),
  ];
}
