/**
 * Free-port picking for the real servers we start locally (Postgres, LiveKit,
 * the Next app) in the dev script and in the test suites.
 *
 * Why: tests and parallel dev runs must not fight over fixed ports, so we ask
 * the kernel for an unused port (bind to port 0), release it and hand the
 * number to the server. There is an unavoidable window between release and the
 * server binding it; callers that pick ports themselves should be ready to
 * retry once with fresh ports if the server reports "address already in use".
 */
import net from 'node:net';
import dgram from 'node:dgram';

export interface FreePortOptions {
  /** Address to probe. Default 127.0.0.1. Use 0.0.0.0 for servers that bind all interfaces. */
  host?: string;
  /** Which protocol(s) must be free on that port. Default 'tcp'. */
  protocol?: 'tcp' | 'udp' | 'both';
}

/** Ports already handed out by this process: never hand the same one out twice. */
const handedOut = new Set<number>();

function probeTcp(host: string, port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(null));
    server.listen({ host, port, exclusive: true }, () => {
      const address = server.address();
      const picked = typeof address === 'object' && address ? address.port : null;
      server.close(() => resolve(picked));
    });
  });
}

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
    const port =
      protocol === 'udp' ? await probeUdp(host, 0) : await probeTcp(host, 0);
    if (port === null || handedOut.has(port)) continue;
    if (protocol === 'both' && (await probeUdp(host, port)) === null) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`freePort: could not find a free ${protocol} port on ${host}`);
}

/** True when nothing listens on host:port (TCP). */
export async function isTcpPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return (await probeTcp(host, port)) !== null;
}
