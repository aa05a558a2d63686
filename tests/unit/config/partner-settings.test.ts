// A partner's settings as the gateway reads them: required ones must be set in production, optional ones
// may be left out anywhere, and settings only its simulator has are never the adapter's.
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../../gateway/src/config.js';
import type { PartnerModule } from '../../../gateway/src/ports/partner.js';
import { PARTNERS, simulatorOnlySettings } from '../../../partners/index.js';

const [base] = PARTNERS;
const module: PartnerModule = {
  ...base!,
  region: '350200',
  settings: {
    URL: { description: '开放平台网关地址', devDefault: 'http://127.0.0.1:7199' },
    APP_ID: { description: '应用 ID', devDefault: 'dev-app' },
    NOTIFY_PUBLIC_KEY: { description: '通知验签公钥（未设置时以 APP_ID 的登记公钥为准）', optional: true },
  },
  simulatorSettings: { PLATFORM_PRIVATE_KEY: { description: '模拟平台的签名私钥', devDefault: 'dev-only-private-key' } },
};
const PROD = { NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(40), INBOUND_350200_SECRET: 's'.repeat(32), PII_KEYS_FILE: '/nonexistent' };

describe('PARTNER_<REGION>_<KEY>', () => {
  test('outside production the development values serve; an optional setting without one is absent', () => {
    const c = loadConfig({}, [module]);
    expect(c.partners['350200']).toEqual({ URL: 'http://127.0.0.1:7199', APP_ID: 'dev-app' });
  });

  test('a value set wins, optional ones included', () => {
    const c = loadConfig({ PARTNER_350200_NOTIFY_PUBLIC_KEY: 'pem', PARTNER_350200_URL: 'https://open.example.gov.cn' }, [module]);
    expect(c.partners['350200']).toMatchObject({ URL: 'https://open.example.gov.cn', NOTIFY_PUBLIC_KEY: 'pem' });
  });

  test('in production a required setting left unset stops the start, naming the variable; an optional one does not', () => {
    let thrown: unknown;
    try {
      loadConfig({ ...PROD, PARTNER_350200_URL: 'https://open.example.gov.cn' }, [module]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toMatch(/PARTNER_350200_APP_ID/);
    expect((thrown as Error).message).not.toMatch(/NOTIFY_PUBLIC_KEY/);
  });

  test('a simulator-only setting is never read for the adapter, even when the variable is set', () => {
    const c = loadConfig({ PARTNER_350200_PLATFORM_PRIVATE_KEY: 'leaked' }, [module]);
    expect(c.partners['350200']).not.toHaveProperty('PLATFORM_PRIVATE_KEY');
    expect(simulatorOnlySettings(module)).toEqual({ PLATFORM_PRIVATE_KEY: 'dev-only-private-key' });
  });
});
