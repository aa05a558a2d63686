// Reading the write-ahead log at start: the segments from the last checkpoint on, oldest first,
// folded into the latest state of every case they mention.
//
// A crash can leave the end of the log torn (a batch half written: its sync never returned, so no
// caller was told it succeeded). Bad lines with no good line after them anywhere in the log are such
// a tail: they are ignored and cut off. A bad line with a good one after it is damage from outside:
// starting without it could silently lose an acknowledged write, so the start stops and names it.
import { readFileSync, statSync, truncateSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseDoc } from './caseDoc.js';
import { isNotFound, readTextIfExists, TEMP_SUFFIX } from './durableFile.js';
import { type Layout, segmentNumber } from './paths.js';
import { applyEntry, decodeLine } from './walFormat.js';

export interface WalCheckpoint {
  /** the first segment to replay: every older one is reflected in durable case documents */
  segment: number;
  /** lsns below this are reflected in durable case documents */
  lsn: number;
}

export interface LogContents {
  checkpoint: WalCheckpoint;
  /** the state of each case after its last entry in the log */
  docs: Map<string, CaseDoc>;
  entries: number;
  /** segment files from the checkpoint on, oldest first */
  segments: string[];
  /** segment files older than the checkpoint (a crash came between the checkpoint record and their removal) */
  obsolete: string[];
  /** temp files of checkpoint records a crash interrupted */
  leftovers: string[];
  /** the highest segment number seen */
  lastSegment: number;
  maxLsn: number;
  torn?: { file: string; line: number; bytes: number; reason: string };
}

export function readWalCheckpoint(layout: Layout): WalCheckpoint {
  const text = readTextIfExists(layout.walCheckpointFile);
  if (text === undefined) return { segment: 0, lsn: 0 };
  const c = JSON.parse(text) as Partial<WalCheckpoint>;
  if (typeof c.segment !== 'number' || typeof c.lsn !== 'number') throw new Error(`${layout.walCheckpointFile} is not a log checkpoint`);
  return { segment: c.segment, lsn: c.lsn };
}

async function listLogDir(layout: Layout): Promise<{ segments: { n: number; path: string }[]; leftovers: string[] }> {
  let names: string[];
  try {
    names = await readdir(layout.walDir);
  } catch (e) {
    if (isNotFound(e)) return { segments: [], leftovers: [] };
    throw e;
  }
  const segments = names
    .map((name) => ({ n: segmentNumber(name), path: layout.segmentFile(segmentNumber(name) ?? 0) }))
    .filter((s): s is { n: number; path: string } => s.n !== undefined)
    .sort((a, b) => a.n - b.n);
  return { segments, leftovers: names.filter((n) => n.endsWith(TEMP_SUFFIX)).map((n) => join(layout.walDir, n)) };
}

export async function readLog(layout: Layout): Promise<LogContents> {
  const checkpoint = readWalCheckpoint(layout);
  const { segments: all, leftovers } = await listLogDir(layout);
  const out: LogContents = {
    checkpoint,
    docs: new Map(),
    entries: 0,
    segments: all.filter((s) => s.n >= checkpoint.segment).map((s) => s.path),
    obsolete: all.filter((s) => s.n < checkpoint.segment).map((s) => s.path),
    leftovers,
    lastSegment: Math.max(checkpoint.segment, all.at(-1)?.n ?? 0),
    maxLsn: 0,
  };
  let bad: { file: string; line: number; offset: number; reason: string } | undefined;
  for (const file of out.segments) {
    const buf = readFileSync(file);
    let start = 0;
    for (let line = 1; start < buf.length; line++) {
      const nl = buf.indexOf(0x0a, start);
      const end = nl === -1 ? buf.length : nl;
      const entry = nl === -1 ? 'no line end' : decodeLine(buf.toString('utf8', start, end));
      if (typeof entry === 'string') {
        bad ??= { file, line, offset: start, reason: entry };
      } else {
        if (bad) {
          throw new Error(
            `write-ahead log ${bad.file} line ${bad.line} is damaged (${bad.reason}) and good entries follow it: ` +
              'restore the file or move it aside knowingly (its writes would be lost)',
          );
        }
        const at = `write-ahead log ${file} line ${line}`;
        if (entry.lsn <= out.maxLsn) throw new Error(`${at}: lsn ${entry.lsn} does not follow ${out.maxLsn}`);
        try {
          out.docs.set(entry.id, applyEntry(out.docs.get(entry.id), entry));
        } catch (e) {
          throw new Error(`${at}: ${(e as Error).message}`, { cause: e });
        }
        out.maxLsn = entry.lsn;
        out.entries++;
      }
      start = end + 1;
    }
  }
  if (bad) out.torn = { ...cutTail(out.segments, bad.file, bad.offset), file: bad.file, line: bad.line, reason: bad.reason };
  return out;
}

/** cuts the torn tail off: its segment from `offset` on, and any (bad or empty) segment after it */
function cutTail(segments: string[], file: string, offset: number): { bytes: number } {
  let bytes = 0;
  for (const f of segments.slice(segments.indexOf(file))) {
    const from = f === file ? offset : 0;
    bytes += statSync(f).size - from;
    truncateSync(f, from);
  }
  return { bytes };
}
