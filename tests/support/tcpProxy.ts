// A TCP proxy at the network edge between a browser and the gateway, for the reconnection tests: it
// forwards every connection until told to cut them all and refuse new ones for a while, like a phone
// that loses its network (Wi-Fi → mobile data) and comes back.
import net from 'node:net';

export interface TcpProxy {
  url: string;
  port: number;
  /** connections currently open through the proxy */
  readonly open: number;
  /** destroy every open connection and refuse (reset) new ones until `restore()` */
  sever(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let refusing = false;
  const server = net.createServer((client) => {
    if (refusing) { client.resetAndDestroy(); return; }
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.setNoDelay(true);
      s.on('error', () => undefined);
      s.on('close', () => { sockets.delete(s); });
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get open() { return sockets.size / 2; },
    sever() {
      refusing = true;
      for (const s of sockets) s.resetAndDestroy();
      sockets.clear();
    },
    restore() { refusing = false; },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
