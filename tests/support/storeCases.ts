// Case records and events for the store tests and the crash writer: valid-looking, small, varied by n.
import { defaultPiiKeysFile } from '../../gateway/src/config.js';
import type { CaseRecord, HandoffJob } from '../../gateway/src/domain/case.js';
import { openKeyringFile, type Keyring } from '../../gateway/src/store/keyring.js';
import type { NewEvent } from '../../gateway/src/store/types.js';

/** the keyring a gateway on `dataDir` would use with PII_KEYS_FILE unset (beside it; made at first use), so processes opening the same directory share it */
export const keyringBeside = (dataDir: string): Promise<Keyring> => openKeyringFile({ file: defaultPiiKeysFile(dataDir), create: true });

const BASE = Date.UTC(2026, 10, 1, 1, 0, 0);
export const minutesAfterBase = (m: number): string => new Date(BASE + m * 60_000).toISOString();

export function caseRecord(n: number, overrides: Partial<CaseRecord> = {}): CaseRecord {
  const createdAt = minutesAfterBase(n);
  return {
    id: `case-${String(n).padStart(5, '0')}`,
    caseNo: `330681-20261101-${String(n).padStart(8, '0')}`,
    direction: 'outbound',
    itemCode: '000121009000',
    implementationCode: '11310104MB2F12345X000121009000',
    itemName: '个体工商户注销登记',
    kind: '2',
    handlingForm: '1',
    acceptRegion: '330681',
    handlingRegion: '310104',
    partner: '310104',
    status: 'received',
    applicant: { kind: 'person', name: '张三', idType: '111', idNumber: '330681199003071233', phone: '13812345678' },
    materials: [],
    promisedDays: 5,
    delivery: { byPost: false, electronic: true },
    handoffs: [],
    createdAt,
    createdBy: 'clerk:wangfang',
    updatedAt: createdAt,
    version: 1,
    ...overrides,
  };
}

export function handoffJob(id: string, nextAttemptAt: string, overrides: Partial<HandoffJob> = {}): HandoffJob {
  return {
    id,
    partner: '310104',
    step: 'submit',
    idempotencyKey: `idem-${id}`,
    status: 'pending',
    attempts: 0,
    maxAttempts: 8,
    nextAttemptAt,
    createdAt: nextAttemptAt,
    ...overrides,
  };
}

export function event(type: NewEvent['type'], data: Record<string, unknown> = {}, actor = 'clerk:wangfang'): NewEvent {
  return { at: new Date(BASE).toISOString(), actor, type, data };
}
