// The remote window's configuration: documented defaults, and a bad value stops the start naming it.
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../../gateway/src/config.js';
import { startGateway } from '../../../gateway/src/server.js';

const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env }, []);

describe('RW_* configuration', () => {
  test('defaults: on, one worker per core, loopback, ports 40000–49999, 300 s empty, 60 s grace, 30 min join, 15 min waiting', () => {
    const rw = load({ PORT: '8080' }).remoteWindow;
    expect(rw).toMatchObject({ enabled: true, listenIp: '127.0.0.1', rtcMinPort: 40000, rtcMaxPort: 49999, emptyTimeoutS: 300, reconnectGraceS: 60, joinTtlS: 1800, waitingTimeoutS: 900, publicUrl: 'http://127.0.0.1:8080' });
    expect(rw.workers).toBeGreaterThanOrEqual(1);
    expect(rw.announcedIp).toBeUndefined();
    expect(load({ PUBLIC_BASE_URL: 'https://gw.example.gov.cn/' }).remoteWindow.publicUrl).toBe('https://gw.example.gov.cn');
    expect(load({ RW_PUBLIC_URL: 'https://rw.example.gov.cn', RW_ANNOUNCED_IP: '203.0.113.9' }).remoteWindow).toMatchObject({ publicUrl: 'https://rw.example.gov.cn', announcedIp: '203.0.113.9' });
  });

  test.each([
    ['RW_RECONNECT_GRACE_S', '10'],
    ['RW_WORKERS', '0'],
    ['RW_LISTEN_IP', 'localhost'],
    ['RW_ANNOUNCED_IP', 'gw.example'],
    ['RW_ENABLED', 'maybe'],
    ['RW_RTC_MAX_PORT', '40005'],
  ])('%s=%s is refused with the variable named', (name, value) => {
    expect(() => load({ [name]: value })).toThrow(name);
  });

  test('the gateway does not start when the mediasoup worker binary is missing, and says what to do', async () => {
    const config = load({ MEDIASOUP_WORKER_BIN: '/nonexistent/mediasoup-worker', DATA_DIR: '/nonexistent-data-dir' });
    await expect(startGateway({ config, partnerModules: [] })).rejects.toThrow(/MEDIASOUP_WORKER_BIN=\/nonexistent\/mediasoup-worker does not exist .*RW_ENABLED=false/);
    // unset, it defaults to where scripts/setup.sh installs Debian's worker
    expect(load({ MEDIASOUP_WORKER_BIN: '' }).remoteWindow.workerBin).toBe('/usr/lib/x86_64-linux-gnu/mediasoup/mediasoup-worker');
  });
});
