// 汉中 only polls: our reports of the decisions on the cases it hands us are published (report checks
// the 流水记录 against the contract and calls no one) and 汉中 fetches them from the interface its
// contract describes for a 办理地 (webhooks fkcx, fkxz), signed in its own scheme with the same appKey and
// appSecret we use towards it, and answered in its { code, msg, data } style.
import { GatewayError, type ErrorCode } from '../../gateway/src/errors.js';
import {
  PartnerFailure, type CallbackAuth, type DecisionReport, type InboundHttpRequest, type PartnerReply, type PollQuery, type PublishedCase,
} from '../../gateway/src/ports/partner.js';
import type { ClientConfig } from './client.js';
import { parseSj } from './mapping.js';
import { MappingError, findDocument, toFkcxRecord, toFkcxReply, toFkxzReply } from './mapping-report.js';
import { MESSAGES, reply } from './codes.js';
import { computeSign, signMatches } from './sign.js';
import { contract } from './types.js';

const OPERATIONS = new Set(['fkcx', 'fkxz']);
const HEADERS = { appKey: 'AppKey', timestamp: 'Sj', nonce: 'Nonce', sign: 'Sign' } as const;

/** our refusals in 汉中's codes and HTTP statuses (its contract's 返回码 table) */
const REFUSALS: Partial<Record<ErrorCode, { status: number; code: string }>> = {
  PARTNER_UNKNOWN: { status: 401, code: '2001' },
  SIGNATURE_INVALID: { status: 401, code: '2002' },
  TIMESTAMP_STALE: { status: 401, code: '2003' },
  NONCE_REPLAYED: { status: 401, code: '2004' },
  VALIDATION_FAILED: { status: 400, code: '1001' },
  MEDIA_TYPE_UNSUPPORTED: { status: 400, code: '1001' },
  MALFORMED_JSON: { status: 400, code: '1002' },
  NOT_FOUND: { status: 404, code: '1004' },
  PAYLOAD_TOO_LARGE: { status: 413, code: '1005' },
  SERVER_BUSY: { status: 503, code: '9999' },
};

const json = (status: number, body: unknown): PartnerReply => ({ status, contentType: 'application/json; charset=utf-8', body });

export function pollSide(cfg: ClientConfig) {
  return {
    pollMaxBytes: 16 * 1024,

    checkPollHeaders(operation: string, headers: InboundHttpRequest['headers']): { operationId: string; auth: CallbackAuth } {
      if (!OPERATIONS.has(operation)) throw new GatewayError('NOT_FOUND', `汉中查询接口没有 ${operation.slice(0, 20)}`);
      const h = Object.fromEntries(Object.keys(HEADERS).map((k) => [k, headers[k.toLowerCase()] ?? ''])) as Record<keyof typeof HEADERS, string>;
      const bad = Object.entries(HEADERS).filter(([name, schema]) => contract.validateSchema(schema, h[name as keyof typeof HEADERS]).length > 0).map(([name]) => name);
      if (bad.length > 0) throw new GatewayError('SIGNATURE_INVALID', `签名参数缺失或格式错误：${bad.join('、')}`);
      if (h.appKey !== cfg.appKey) throw new GatewayError('PARTNER_UNKNOWN', 'appKey 无效');
      let timestamp: Date;
      try {
        timestamp = parseSj(h.timestamp);
      } catch {
        throw new GatewayError('TIMESTAMP_STALE', 'timestamp 不是有效的日期时间');
      }
      return { operationId: operation, auth: { timestamp, nonce: h.nonce } };
    },

    verifyPoll(req: InboundHttpRequest, operationId: string): PollQuery {
      const uri = req.path.split('?')[0] ?? req.path;
      const expected = computeSign(cfg.appSecret, { appKey: cfg.appKey, timestamp: req.headers.timestamp ?? '', nonce: req.headers.nonce ?? '', uri, body: req.rawBody });
      if (!signMatches(expected, req.headers.sign ?? '')) throw new GatewayError('SIGNATURE_INVALID', '签名校验失败');
      const errors = contract.validateRequest(operationId, req.body ?? null);
      if (errors.length > 0) throw new GatewayError('VALIDATION_FAILED', '请求参数不符合接口规范', errors);
      const body = req.body as { bjbh: string; wjbh?: string };
      return { operationId, partnerCaseNo: body.bjbh, params: body.wjbh ? { wjbh: body.wjbh } : {} };
    },

    async answerPoll(query: PollQuery, found: PublishedCase | undefined): Promise<PartnerReply> {
      if (!found) return json(200, reply('3004', null, '办件不存在或不是由汉中转交'));
      if (query.operationId === 'fkcx') return json(200, checked('fkcx', toFkcxReply(found)));
      const wjbh = query.params.wjbh ?? '';
      const hit = findDocument(found, wjbh);
      if (!hit) return json(200, reply('3007', null, '文书不存在'));
      return json(200, checked('fkxz', toFkxzReply(wjbh, hit.document, await hit.report.readDocument(hit.document.fileName))));
    },

    pollReply(refusal: { code: string; message: string }): PartnerReply {
      const r = REFUSALS[refusal.code as ErrorCode] ?? { status: 500, code: '9999' };
      return json(r.status, reply(r.code, null, `${MESSAGES[r.code] ?? ''}：${refusal.message}`.slice(0, 500)));
    },

    /** publishing: the 流水记录 this report becomes, checked against the contract before 汉中 may see it */
    async report(r: DecisionReport): Promise<{ partnerStatus: string }> {
      let record;
      try {
        record = toFkcxRecord(r);
      } catch (e) {
        if (e instanceof MappingError || e instanceof RangeError) throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `汉中 fkcx: ${e.message}`, false);
        throw e;
      }
      const errors = contract.validateSchema('BldLsjl', record);
      if (errors.length > 0) throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `汉中 fkcx 流水记录不符合接口约定: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, false);
      return { partnerStatus: record.blzt };
    },
  };
}

/** an answer that breaks 汉中's contract is our bug: it fails here, not at 汉中 */
function checked<T>(operationId: string, body: T): T {
  const errors = contract.validateResponse(operationId, 200, body);
  if (errors.length > 0) throw new Error(`汉中 ${operationId} answer breaks the contract: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
  return body;
}
