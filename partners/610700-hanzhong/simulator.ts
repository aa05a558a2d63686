// The simulated 汉中市政务服务平台: a real HTTP server holding to contracts/partners/610700-hanzhong.yaml.
// Materials are verified on arrival, writes are deduplicated by qqlsh in the kit's ledger, and status
// changes are kept as 流水记录 with stable ids for the gateway to poll.
import { createHash, randomBytes } from 'node:crypto';
import type { Express, Request, Response } from 'express';
import { materialsView, startSimServer, type Decision, type SimCaseView, type SimKit, type SimPartnerSpec } from '../_kit/sim-server.js';
import type { SimulatedPartner } from '../../gateway/src/ports/partner.js';
import type { PartnerSimulatorOptions } from '../_kit/sim-store.js';
import { REGION } from './adapter.js';
import { BLZT, formatSj } from './mapping.js';
import { answer, guard, NonceBook, renderError, reply } from './sim-guard.js';
import { mountHandover } from '../_kit/handover.js';
import { createPoller, HzHandoverBook, mountPolls, type HzHandedCase } from './sim-handover.js';
import { contract, type Blzt, type BqbzRequest, type Cl, type ClscRequest, type CxsqRequest, type CxztRequest, type JgxzRequest, type Lsjl, type SbRequest } from './types.js';

interface StoredMaterial { bjbh: string; clmc: string; sha256: string; size: number }
interface ResultFile { wjmc: string; content: Buffer }
interface HzCase { sblsh: string; bjbh: string; qqlsh: string; blzt: Blzt; cllb: Cl[]; lsjl: Lsjl[]; results: Map<string, ResultFile> }
type Out = ReturnType<typeof reply>;
/** the simulator's state as plain data, for its state file (result files in base64) */
interface HzSnapshot {
  seq: number;
  materials: [string, StoredMaterial][];
  cases: Array<Omit<HzCase, 'results'> & { results: Array<{ jgwjbh: string; wjmc: string; contentBase64: string }> }>;
  handed?: HzHandedCase[];
}

const SLDW = '汉中市政务服务中心';
/** 办理状态 from which the applicant may still withdraw: nothing decided yet */
const WITHDRAWABLE: ReadonlySet<Blzt> = new Set(['1', '2', '3', '11', '12']);
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export async function startHanzhongSimulator(options: PartnerSimulatorOptions): Promise<SimulatedPartner> {
  const { settings } = options;
  const now = options.now ?? (() => new Date());
  const materials = new Map<string, StoredMaterial>();
  const bySblsh = new Map<string, HzCase>();
  const byBjbh = new Map<string, HzCase>();
  let seq = 0;
  const handover = new HzHandoverBook(now);
  const poller = createPoller(handover, options, { appKey: settings.APP_KEY ?? '', appSecret: settings.APP_SECRET ?? '' }, now);
  const nextId = (prefix: 'CL' | 'JG'): string => `${prefix}${formatSj(now())}${String(++seq).padStart(6, '0')}`;
  const nextSblsh = (): string => `SB610700${formatSj(now()).slice(0, 8)}${String(++seq).padStart(6, '0')}`;

  const record = (c: HzCase, blzt: Blzt, extra: Partial<Lsjl> = {}): void => {
    c.blzt = blzt;
    c.lsjl.push({ jlid: randomBytes(16).toString('hex'), blzt, blztmc: BLZT[blzt].mc, clsj: formatSj(now()), sldw: SLDW, ...extra });
  };
  const unknownMaterials = (bjbh: string, cllb: Cl[]): string[] =>
    cllb.filter((cl) => materials.get(cl.clbh)?.bjbh !== bjbh).map((cl) => cl.clbh);

  const clsc = (b: ClscRequest, kit: SimKit): Out => {
    const bytes = kit.faults.arrived(Buffer.from(b.wjnr, 'base64'));
    if (sha256(bytes) !== b.wjhash) return reply('3001', { wjhash: b.wjhash, sjhash: sha256(bytes) });
    if (bytes.length !== b.wjdx) return reply('3002', { wjdx: b.wjdx, sjdx: bytes.length });
    const clbh = nextId('CL');
    materials.set(clbh, { bjbh: b.bjbh, clmc: b.clmc, sha256: b.wjhash, size: bytes.length });
    return reply('0', { clbh });
  };

  const sb = (b: SbRequest, kit: SimKit): Out => {
    if (byBjbh.has(b.bjbh)) return reply('3005', { sblsh: byBjbh.get(b.bjbh)?.sblsh });
    const unknown = unknownMaterials(b.bjbh, b.cllb);
    if (unknown.length > 0) return reply('3003', { clbh: unknown });
    const c: HzCase = { sblsh: nextSblsh(), bjbh: b.bjbh, qqlsh: b.qqlsh, blzt: '1', cllb: b.cllb, lsjl: [], results: new Map() };
    record(c, '1', { blyj: '异地收件材料已接收' });
    bySblsh.set(c.sblsh, c);
    byBjbh.set(c.bjbh, c);
    kit.autoAdvance(c.sblsh);
    return reply('0', { sblsh: c.sblsh, blzt: c.blzt, sjsj: c.lsjl[0]?.clsj });
  };

  const bqbz = (b: BqbzRequest): Out => {
    const c = byBjbh.get(b.bjbh);
    if (!c) return reply('3004');
    if (c.blzt !== '11') return reply('3006', { blzt: c.blzt });
    const unknown = unknownMaterials(b.bjbh, b.cllb);
    if (unknown.length > 0) return reply('3003', { clbh: unknown });
    c.cllb = b.cllb;
    record(c, '1', { blyj: '补正材料已接收' });
    return reply('0', { sblsh: c.sblsh, blzt: c.blzt, sjsj: c.lsjl.at(-1)?.clsj });
  };

  /** 撤回申请: withdrawn while nothing is decided; whichever the platform records first wins */
  const cxsq = (b: CxsqRequest): Out => {
    const c = bySblsh.get(b.sblsh);
    if (!c || c.bjbh !== b.bjbh) return reply('3004');
    if (!WITHDRAWABLE.has(c.blzt)) return reply('3008', { blzt: c.blzt });
    record(c, '13', { blyj: `申请人撤回：${b.cxyy}` });
    return reply('0', { sblsh: c.sblsh, blzt: '13', cxsj: c.lsjl.at(-1)?.clsj });
  };

  const cxzt = (b: CxztRequest): Out => {
    const c = bySblsh.get(b.sblsh);
    return c ? reply('0', { sblsh: c.sblsh, bjbh: c.bjbh, blzt: c.blzt, lsjl: c.lsjl }) : reply('3004');
  };

  const jgxz = (b: JgxzRequest): Out => {
    const file = bySblsh.get(b.sblsh)?.results.get(b.jgwjbh);
    if (!file) return reply('3007');
    return reply('0', { jgwjbh: b.jgwjbh, wjmc: file.wjmc, wjlx: 'pdf', wjnr: file.content.toString('base64'), wjhash: sha256(file.content) });
  };

  const decide = (ref: string, d: Decision): boolean => {
    const c = bySblsh.get(ref);
    if (!c) return false;
    // a department decides nothing on a withdrawn application: the withdrawal came first
    if (c.blzt === '13') throw Object.assign(new Error(`申报 ${ref} 已由申请人撤回，不能再作出决定`), { status: 409 });
    if (d.to === 'accepted') record(c, '2', { blyj: '材料齐全，予以受理' });
    if (d.to === 'needs_supplement') record(c, '11', { blyj: '请补齐补正以下材料', bqclqd: d.missing ?? [] });
    if (d.to === 'rejected') record(c, '5', { byslyy: d.reason ?? '不符合受理条件' });
    if (d.to === 'completed') {
      const r = d.result ?? { documentName: '办结通知书' };
      const jgwjbh = nextId('JG');
      c.results.set(jgwjbh, { wjmc: `${c.sblsh}-${r.documentName}.pdf`, content: resultPdf(c.sblsh, jgwjbh) });
      record(c, '4', {
        blyj: '准予办结',
        bjjg: {
          jgmc: r.documentName, jgwjbh, sfyj: r.byPost ? '1' : '0',
          ...(r.certificateNo ? { zzbh: r.certificateNo } : {}), ...(r.byPost && r.trackingNo ? { yjdh: r.trackingNo } : {}),
        },
      });
    }
    return true;
  };

  const snapshot = (): HzSnapshot => ({
    seq,
    materials: [...materials],
    handed: handover.views(),
    cases: [...bySblsh.values()].map((c) => ({
      ...c, results: [...c.results].map(([jgwjbh, f]) => ({ jgwjbh, wjmc: f.wjmc, contentBase64: f.content.toString('base64') })),
    })),
  });
  const restore = (saved: HzSnapshot): void => {
    seq = saved.seq;
    handover.restore(saved.handed);
    for (const [clbh, m] of saved.materials) materials.set(clbh, m);
    for (const s of saved.cases) {
      const c: HzCase = { ...s, results: new Map(s.results.map((r) => [r.jgwjbh, { wjmc: r.wjmc, content: Buffer.from(r.contentBase64, 'base64') }])) };
      bySblsh.set(c.sblsh, c);
      byBjbh.set(c.bjbh, c);
    }
  };

  const nonces = new NonceBook();
  const door = (op: string) => guard(op, { appKey: settings.APP_KEY ?? '', appSecret: settings.APP_SECRET ?? '', now, nonces });
  const spec: SimPartnerSpec = {
    region: REGION,
    name: '汉中市政务服务平台（模拟）',
    renderError: (status, message) => renderError(status, message),
    mount(app: Express, kit: SimKit) {
      const path = (op: string): string => contract.operation(op).path;
      app.post(path('clsc'), door('clsc'), (req, res) => once(kit, req, res, () => clsc(req.body as ClscRequest, kit)));
      app.post(path('sb'), door('sb'), (req, res) => once(kit, req, res, () => sb(req.body as SbRequest, kit)));
      app.post(path('bqbz'), door('bqbz'), (req, res) => once(kit, req, res, () => bqbz(req.body as BqbzRequest)));
      app.post(path('cxsq'), door('cxsq'), (req, res) => once(kit, req, res, () => cxsq(req.body as CxsqRequest), ['3008']));
      app.post(path('cxzt'), door('cxzt'), (req, res) => { res.json(cxzt(req.body as CxztRequest)); });
      app.post(path('jgxz'), door('jgxz'), (req, res) => { res.json(jgxz(req.body as JgxzRequest)); });
      mountHandover(app, handover, options);
      mountPolls(app, poller);
      app.use((_req, res) => answer(res, 404, '1004'));
    },
    decide: (ref, decision) => decide(ref, decision),
    cases: (): SimCaseView[] => [...bySblsh.values()].map((c) => ({
      ref: c.sblsh, caseNo: c.bjbh, idempotencyKey: c.qqlsh, status: c.blzt,
      ...materialsView(c.cllb.flatMap((cl) => {
        const m = materials.get(cl.clbh);
        return m ? [{ code: cl.clbm, name: m.clmc, sha256: m.sha256, size: m.size }] : [];
      })),
    })),
    snapshot,
    restore: (saved) => restore(saved as HzSnapshot),
  };
  const port = Number(new URL(settings.URL ?? 'http://127.0.0.1:0').port || 0);
  const server = await startSimServer(spec, {
    port, ...(options.host ? { host: options.host } : {}), ...(options.autoAdvance ? { autoAdvance: options.autoAdvance } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  // a platform that only polls: with autoAdvance (the demo) it polls every handed case by itself
  const polling = options.autoAdvance
    ? setInterval(() => { for (const bjbh of handover.handed.keys()) void poller.poll(bjbh).catch(() => undefined); }, options.autoAdvance.acceptAfterMs)
    : undefined;
  return { url: server.url, close: () => { clearInterval(polling); return server.close(); } };
}

/** a write with a qqlsh: a repeat gets the first successful answer; refusals are not remembered, so a corrected
 *  retry can pass, except the business answers an operation defines (3008 to cxsq), which a repeat gets again */
function once(kit: SimKit, req: Request, res: Response, handle: () => Out, answers: readonly string[] = []): void {
  const body = req.body as { qqlsh: string };
  const earlier = kit.ledger.lookup(body.qqlsh, body);
  if (earlier === 'conflict') return answer(res, 409, '1003');
  if (earlier) {
    res.status(earlier.status).json(earlier.body);
    return;
  }
  const out = handle();
  if (out.code === '0' || answers.includes(out.code)) kit.ledger.remember(body.qqlsh, body, 200, out);
  res.status(200).json(out);
}

/** a one-page PDF standing in for the 结果文书 */
function resultPdf(sblsh: string, jgwjbh: string): Buffer {
  const text = `BT /F1 14 Tf 72 760 Td (Hanzhong result ${sblsh} ${jgwjbh}) Tj ET`;
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n' +
    `4 0 obj<</Length ${text.length}>>stream\n${text}\nendstream endobj\n` +
    '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}
