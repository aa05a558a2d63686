// The one object of dependencies the core is built from (no DI container, no module singletons).
import type { AxiosInstance } from 'axios';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import type { Store } from './store/types.js';
import type { ChangeFeed } from './store/index.js';
import type { PartnerAdapter } from './ports/partner.js';
import type { Metrics } from './metrics.js';
import type { WorkCalendar } from './domain/workdays.js';
import type { DocumentService } from './receipts/types.js';
import type { OpenSessionJournal } from './store/sql/openSessions.js';
import type { Catalog } from './domain/catalogOf.js';
import type { RegionDirectory } from './domain/region.js';

import type { AnchorStatus, AnchorSummary } from './audit/anchors.js';
import type { AuditVerdict } from './audit/verify.js';

export type { AuditVerdict };

export interface AuditService {
  /** wait until every event written so far is chained */
  flush(): Promise<void>;
  verify(caseId: string): Promise<AuditVerdict>;
}

export interface PartnerDirectory {
  get(region: string): PartnerAdapter | undefined;
  list(): PartnerAdapter[];
}

export interface Core {
  config: Config;
  store: Store;
  audit: AuditService;
  /** the signed anchors of the audit chain heads: the latest one is for operators to copy elsewhere */
  anchors: { status(): AnchorStatus; record(n: number): Promise<AnchorSummary | undefined>; export(): Promise<string> };
  partners: PartnerDirectory;
  /** the items our windows receive for each partner, and those our region decides (built at start) */
  catalog: Catalog;
  /** the names of the provinces, our home area and each partner's area */
  regions: RegionDirectory;
  now(): Date;
  logger: Logger;
  /** the HTTP client for calls to partners */
  http: AxiosInstance;
  metrics: Metrics;
  /** inbound replay protection (durable: survives restarts) */
  nonces: { remember(partner: string, nonce: string): Promise<boolean> };
  /** the remote-window sessions of cases this instance hosts, noted open so a crash still ends them */
  sessions: OpenSessionJournal;
  /** wake the handoff worker (a job was queued) */
  kickHandoffs(): void;
  /** committed case changes, from this instance and every other one on the same database */
  changes: Pick<ChangeFeed, 'subscribe'>;
  /** the signed documents of cases (受理回执, 材料流转单, …) and the key that signs them */
  documents: DocumentService;
  /** the working-day calendar deadlines are counted by (shipped years and the operator's, calendar.ts) */
  calendar: WorkCalendar;
}
