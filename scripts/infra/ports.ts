/**
 * Free-port picking for the real servers we start locally (Postgres, LiveKit,
 * the Next app) in the dev script and in the test suites.
 *
 * Why: tests and parallel dev runs must not fight over fixed ports, so we ask
 * for an unused port (get-port: the kernel picks one, and get-port does not
 * hand it out again for a while) and give the number to the server. There is
 * an unavoidable window between the check and the server binding it; callers
 * that pick ports themselves should be ready to retry once with fresh ports if
 * the server reports "address already in use". get-port checks TCP only;
 * LiveKit's media port must be free for UDP too, checked here.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import getPort from 'get-port';

export interface FreePortOptions {
  /** Address to probe. Default 127.0.0.1. Use 0.0.0.0 for servers that bind all interfaces. */
  host?: string;
  /** Which protocol(s) must be free on that port. Default 'tcp'. */
  protocol?: 'tcp' | 'udp' | 'both';
}

/** Ports already handed out by this process: never hand the same one out twice. */
const handedOut = new Set<number>();

function probeUdp(host: string, port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket({ type: 'udp4', reuseAddr: false });
    socket.unref();
    socket.once('error', () => {
      try {
        socket.close();
      } catch {
        // already closed
      }
      resolve(null);
    });
    socket.bind({ address: host, port, exclusive: true }, () => {
      const picked = socket.address().port;
      socket.close(() => resolve(picked));
    });
  });
}

/**
 * Returns a TCP (and/or UDP) port that is currently free on `host`
 * (127.0.0.1 by default). Throws after 50 unlucky attempts.
 */
export async function freePort(opts: FreePortOptions = {}): Promise<number> {
  const host = opts.host ?? '127.0.0.1';
  const protocol = opts.protocol ?? 'tcp';
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = protocol === 'udp' ? await probeUdp(host, 0) : await getPort({ host, exclude: handedOut });
    if (port === null || handedOut.has(port)) continue;
    if (protocol === 'both' && (await probeUdp(host, port)) === null) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`freePort: could not find a free ${protocol} port on ${host}`);
}

/** True when nothing listens on host:port (TCP). A plain bind, not get-port, which also refuses ports it recently handed out. */
export function isTcpPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
