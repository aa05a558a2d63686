// Bodies of contracts/partners/610700-hanzhong.yaml, written out by hand in the partner's own field names
// (the contract is the source of truth; its descriptions carry the glossary).
import { loadContract } from '../../gateway/src/contracts/contract.js';

export const CONTRACT_FILE = 'partners/610700-hanzhong.yaml';
/** the one contract the adapter and the simulator both hold to */
export const contract = loadContract(CONTRACT_FILE);

export type Zjlx = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '49' | '99';
export type Blzt = '1' | '2' | '3' | '4' | '5' | '11' | '12' | '13' | '99';
export type Wjlx = 'pdf' | 'jpg' | 'png';
export type Sfbz = '0' | '1';

export interface Cl { clbh: string; clbm: string; clmc: string }

/** operationId clsc (材料上传) */
export interface ClscRequest {
  qqlsh: string; bjbh: string; clbm: string; clmc: string; wjmc: string;
  wjlx: Wjlx; wjdx: number; ys: number; wjnr: string; wjhash: string;
}

/** operationId sb (申报) */
export interface SbRequest {
  qqlsh: string; bjbh: string; sxbm: string; ssbm: string; sxmc: string;
  bjlx: string; blxs: string; sjdqhdm: string; bldqhdm: string;
  sqrlx: '1' | '2'; sqrxm: string; zjlx: Zjlx; zjhm: string; lxdh: string; jbrxm?: string;
  sqsj: string; cnbjsx: number; cnbjsj: string; sjdw: string; sjr: string;
  sfyj: Sfbz; yjdz?: string; cllb: Cl[];
}

/** operationId bqbz (补齐补正) */
export interface BqbzRequest { qqlsh: string; bjbh: string; cllb: Cl[] }
/** operationId cxsq (撤回申请) */
export interface CxsqRequest { qqlsh: string; sblsh: string; bjbh: string; cxyy: string; sqsj: string }
export interface CxsqData { sblsh: string; blzt: '13'; cxsj: string }
/** operationId cxzt (查询状态) */
export interface CxztRequest { sblsh: string }
/** operationId jgxz (结果下载) */
export interface JgxzRequest { sblsh: string; jgwjbh: string }

export interface ClscData { clbh: string }
export interface SbData { sblsh: string; blzt: Blzt; sjsj: string }

export interface Bjjg { jgmc: string; zzbh?: string; jgwjbh: string; sfyj: Sfbz; yjdh?: string }

/** one entry of the status history (流水记录) */
export interface Lsjl {
  jlid: string; blzt: Blzt; blztmc: string; clsj: string;
  sldw?: string; blyj?: string; bqclqd?: string[]; byslyy?: string; bjjg?: Bjjg;
}

export interface CxztData { sblsh: string; bjbh: string; blzt: Blzt; lsjl: Lsjl[] }
export interface JgxzData { jgwjbh: string; wjmc: string; wjlx: Wjlx; wjnr: string; wjhash: string }

/** every reply: code '0' is success */
export interface Reply<T = unknown> { code: string; msg: string; data?: T | null }
