// The sections of the case detail page, as pure functions of the case: the page (case-detail.js)
// passes the actions in.
import { h } from '../dom.js';
import {
  STATUSES, KINDS, HANDLING_FORMS, APPLICANT_KINDS, ID_TYPES, MEDIA_TYPES,
  regionName, fmtTime, fmtSize, shortHash, stepLabel, actorLabel, errorCodeLabel,
} from '../format.js';
import { card, descList, statusTag, handoffTag, daysLeft, tag, empty } from '../ui.js';

const statusText = (s) => STATUSES[s]?.label ?? s;

/** 办件进度: the main path of an outbound case, with the current step marked. */
export function progress(c) {
  const steps = [['draft', '登记'], ['received', '收件'], ['forwarded', '转递'], ['accepted', '受理'], ['completed', '办结'], ['delivered', '送达']];
  const order = steps.map(([s]) => s);
  // side states: the main path is shown as far as the case got, with the side state beside it
  const at = { needs_supplement: 'forwarded', rejected: 'forwarded', withdrawn: c.submittedAt ? 'received' : 'draft' }[c.status] ?? c.status;
  const idx = at ? order.indexOf(at) : -1;
  const side = { needs_supplement: ['需补正', 'orange'], rejected: ['不予受理', 'red'], withdrawn: ['已撤回', 'grey'] }[c.status];
  return h('div', { class: 'progress-wrap' },
    h('ol', { class: 'progress', 'aria-label': '办件进度' }, steps.map(([, label], i) => h('li', {
      class: [i < idx && 'is-done', i === idx && !side && 'is-current', i === idx && side && 'is-done'],
      'aria-current': i === idx && !side ? 'step' : null,
    }, h('span', { class: 'progress-dot', 'aria-hidden': 'true' }, i < idx || (i === idx && side) ? '✓' : String(i + 1)), label))),
    side && h('p', { class: 'progress-side' }, '当前：', tag(side[0], side[1])),
  );
}

export function summary(c, item, actions) {
  const outbound = c.direction !== 'inbound';
  return h('section', { class: 'card case-head', 'aria-label': '办件概要' },
    h('div', { class: 'case-head-top' },
      h('div', null,
        h('p', { class: 'case-no-label' }, '办件编号'),
        h('p', { class: 'case-no mono' }, c.caseNo, ' ', statusTag(c.status, c.statusLabel),
          !outbound && h('span', { class: 'ml' }, tag('转入办件（本地为办理地）', 'cyan'))),
      ),
      actions && h('div', { class: 'case-actions' }, actions),
    ),
    descList([
      ['事项', h('span', null, c.itemName, h('span', { class: 'muted' }, `（${c.itemCode}）`))],
      ['受理地 → 办理地', h('span', { class: 'route' }, regionName(c.acceptRegion, c.acceptRegionName), h('span', { class: 'arrow', 'aria-label': '转至' }, ' → '), regionName(c.handlingRegion, c.handlingRegionName))],
      ['承诺办结时间', c.promisedAt ? h('span', null, fmtTime(c.promisedAt), c.workingDaysLeft != null && daysLeft(c.workingDaysLeft)) : h('span', { class: 'muted' }, c.status === 'draft' ? `收件后按 ${c.promisedDays ?? item?.promisedDays ?? '—'} 个工作日计算` : '—')],
      ['办件类型 / 承诺时限', `${KINDS[c.kind] ?? '—'}${c.promisedDays != null ? ` · ${c.promisedDays} 个工作日` : ''}`],
      ['办理形式', HANDLING_FORMS[c.handlingForm] ?? '—'],
      ['创建', `${fmtTime(c.createdAt)}${c.createdBy ? ` · ${c.createdBy}` : ''}`],
      ['收件时间', fmtTime(c.submittedAt)],
      ['办理地办件号', c.partnerRef || c.partnerCaseNo || '—'],
    ]),
    outbound && progress(c),
  );
}

export function applicantCard(c) {
  const a = c.applicant;
  const org = a.kind === 'organization';
  return card('申请人', descList([
    ['申请人类型', APPLICANT_KINDS[a.kind] ?? a.kind],
    [org ? '单位名称' : '姓名', a.name],
    ['证件类型', org ? '统一社会信用代码' : (a.idTypeLabel || ID_TYPES[a.idType] || a.idType)],
    ['证件号码', h('span', { class: 'mono' }, a.idNumberMasked)],
    ['联系电话', h('span', { class: 'mono' }, a.phoneMasked)],
  ]));
}

export function deliveryCard(c) {
  const d = c.delivery ?? {};
  const ways = [d.byPost && '快递寄送', d.electronic && '网络送达'].filter(Boolean);
  const tracking = c.result?.delivery?.trackingNo ?? d.trackingNo;
  return card('结果送达', descList([
    ['送达方式', ways.length ? ways.join('、') : '—'],
    ['物流单号', tracking ? h('span', { class: 'mono' }, tracking) : '—'],
  ]));
}

/** 补正 / 不予受理 / 办理结果, whichever apply. */
export function outcomeCards(c, { onOpenResult }) {
  const out = [];
  if (c.status === 'needs_supplement' && c.supplement) {
    out.push(card('补齐补正', h('div', null,
      h('p', null, '办理地要求补正以下材料，请联系申请人补交，上传后再次「形式审查通过，收件并转递」：'),
      (c.supplement.missing ?? []).length
        ? h('ul', { class: 'bullet' }, c.supplement.missing.map((m) => h('li', null, m)))
        : h('p', { class: 'muted' }, '（办理地未列出具体材料）'),
      c.supplement.note && h('p', null, `说明：${c.supplement.note}`),
      h('p', { class: 'muted' }, `通知时间：${fmtTime(c.supplement.requestedAt)}`),
    ), { className: 'card-warning' }));
  }
  if (c.rejection) {
    out.push(card('不予受理', descList([
      ['原因', c.rejection.reason],
      ['时间', fmtTime(c.rejection.at)],
    ]), { className: 'card-danger' }));
  }
  if (c.result) {
    const r = c.result;
    const doc = r.document;
    out.push(card('办理结果', descList([
      ['结果文书', r.documentName],
      ['证照编号', r.certificateNo || '—'],
      ['办结时间', fmtTime(r.completedAt)],
      ['文书文件', doc
        ? h('span', null, `${doc.fileName ?? ''}（${fmtSize(doc.size)}）`, ' ',
          h('button', { type: 'button', class: 'btn btn-small', dataset: { key: 'result-doc' }, onclick: onOpenResult }, '查看结果文书'))
        : h('span', { class: 'muted' }, '办理地未发回电子文书')],
      ['SHA-256', doc?.sha256 ? h('span', { class: 'mono', title: doc.sha256 }, shortHash(doc.sha256)) : '—'],
      ['物流单号', r.delivery?.trackingNo ? h('span', { class: 'mono' }, r.delivery.trackingNo) : '—'],
    ]), { className: 'card-success' }));
  }
  return out;
}

/**
 * 材料清单: the item's materials (required ones marked 必交) and anything uploaded besides.
 * editable: uploads allowed (草稿 / 需补正). missing: codes the gateway reported missing.
 */
export function materialsTable(c, item, { editable, missing, uploading, onUpload, onView }) {
  const specs = item?.materials ?? [];
  const known = new Set(specs.map((m) => m.code));
  const rows = specs.map((m) => ({ ...m, files: c.materials.filter((f) => f.code === m.code) }));
  const others = c.materials.filter((f) => !known.has(f.code));
  if (editable || others.length) rows.push({ code: 'extra', name: '其他材料', required: false, note: '清单外的补充材料', files: others, extra: true });
  if (rows.length === 0) return empty('该事项没有材料清单，办件也没有材料。');

  return h('div', { class: 'table-wrap' }, h('table', { class: 'table materials' },
    h('caption', { class: 'sr-only' }, '材料清单'),
    h('thead', null, h('tr', null, ['序号', '材料名称', '要求', '已上传', editable && '操作'].filter(Boolean).map((t, i) => h('th', { scope: 'col', class: i === 0 ? 'idx' : null }, t)))),
    h('tbody', null, rows.map((m, i) => {
      const isMissing = missing.has(m.code) && m.files.length === 0;
      return h('tr', { class: [isMissing && 'is-missing'] },
        h('td', { class: 'idx' }, String(i + 1)),
        h('td', null, h('div', null, m.name), m.note && h('div', { class: 'muted small' }, m.note)),
        h('td', null, m.required ? tag('必交', 'red') : tag('选交', 'grey'),
          isMissing && h('div', { class: 'missing-note' }, '未上传')),
        h('td', null, m.files.length === 0
          ? h('span', { class: 'muted' }, '未上传')
          : h('ul', { class: 'files' }, m.files.map((f) => h('li', null,
            h('span', { class: 'file-name' }, m.extra && f.name ? `${f.name}（${f.fileName}）` : f.fileName || f.name),
            h('span', { class: 'file-meta' },
              `${MEDIA_TYPES[f.mediaType] ?? f.mediaType} · ${fmtSize(f.size)} · ${f.pages ?? '—'} 页 · SHA-256 `,
              h('abbr', { class: 'mono', title: f.sha256 }, shortHash(f.sha256)),
              f.addedAt && ` · ${fmtTime(f.addedAt)}`),
            h('button', { type: 'button', class: 'btn btn-link btn-small', dataset: { key: `view-${f.id}` }, onclick: () => onView(f), 'aria-label': `查看 ${f.fileName}` }, '查看'),
          )))),
        editable && h('td', { class: 'nowrap' }, h('button', {
          type: 'button', class: ['btn btn-small', m.required && m.files.length === 0 ? 'btn-primary' : ''],
          dataset: { key: `upload-${m.code}` }, disabled: uploading.has(m.code),
          onclick: () => onUpload(m), 'aria-label': `上传 ${m.name}`,
        }, uploading.has(m.code) ? '上传中…' : m.files.length ? '追加上传' : '上传')),
      );
    })),
  ));
}

/** 转递: each handoff job, with 重新转递 for dead letters. */
export function handoffsTable(c, { retrying, onRetry }) {
  if (!c.handoffs?.length) {
    return empty(c.status === 'draft' ? '收件后自动转递至办理地。' : '没有转递任务。');
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
    h('caption', { class: 'sr-only' }, '转递任务'),
    h('thead', null, h('tr', null, ['转递环节', '办理地', '状态', '尝试次数', '下次重试时间', '送达时间', '最近错误', '操作'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, c.handoffs.map((j) => h('tr', null,
      h('td', null, stepLabel(j.step)),
      h('td', null, regionName(j.partner)),
      h('td', null, handoffTag(j.status)),
      h('td', { class: 'num' }, `${j.attempts} / ${j.maxAttempts}`),
      h('td', { class: 'nowrap' }, fmtTime(j.nextAttemptAt)),
      h('td', { class: 'nowrap' }, fmtTime(j.deliveredAt)),
      h('td', null, j.lastError
        ? h('div', { class: 'err-cell' }, h('strong', null, errorCodeLabel(j.lastError.code)), h('div', null, j.lastError.message), h('div', { class: 'muted small' }, fmtTime(j.lastError.at)))
        : h('span', { class: 'muted' }, '—')),
      h('td', null, j.status === 'dead'
        ? h('button', { type: 'button', class: 'btn btn-primary btn-small', dataset: { key: `retry-${j.id}` }, disabled: retrying.has(j.id), onclick: () => onRetry(j) }, retrying.has(j.id) ? '提交中…' : '重新转递')
        : h('span', { class: 'muted' }, '—')),
    ))),
  ));
}

/** A short line of facts for a timeline event, from the data fields we know. */
function eventDetail(e) {
  const d = e.data ?? {};
  switch (e.type) {
    case 'case.created': return d.window ? `受理窗口：${d.window}` : null;
    case 'case.status_changed': return d.from && d.to ? `${statusText(d.from)} → ${statusText(d.to)}` : null;
    case 'case.withdrawn': return d.reason ? `原因：${d.reason}` : null;
    case 'case.material_added': return [d.code && `材料 ${d.code}`, typeof d.size === 'number' && fmtSize(d.size), d.pages && `${d.pages} 页`].filter(Boolean).join('，') || null;
    case 'case.submitted': return d.promisedAt ? `承诺办结时间 ${fmtTime(d.promisedAt)}` : null;
    case 'case.received_from_partner': return d.partnerCaseNo ? `合作地区办件编号 ${d.partnerCaseNo}` : null;
    case 'handoff.attempt': return d.attempt ? `第 ${d.attempt} 次尝试` : null;
    case 'handoff.delivered': return d.partnerRef ? `办理地办件号 ${d.partnerRef}` : null;
    case 'handoff.failed': return [d.message, d.nextAttemptAt && `下次重试 ${fmtTime(d.nextAttemptAt)}`].filter(Boolean).join('；') || null;
    case 'handoff.dead_lettered': return [d.message, d.attempts && `共尝试 ${d.attempts} 次`].filter(Boolean).join('；') || null;
    case 'partner.result_received': return [d.documentName, d.trackingNo && `物流单号 ${d.trackingNo}`].filter(Boolean).join('，') || null;
    case 'partner.status_received':
    case 'partner.status_ignored': {
      const why = { 'ignore-same': '重复报告', 'ignore-stale': '过期报告', illegal: '不符合办件流转规则' }[d.why];
      return [d.reported && `办理地报告：${statusText(d.reported)}`, d.partnerStatus != null && `对方状态码 ${d.partnerStatus}`, why].filter(Boolean).join('，') || null;
    }
    default: return null;
  }
}

const EVENT_TONES = { 'handoff.failed': 'orange', 'handoff.dead_lettered': 'red', 'handoff.delivered': 'green', 'partner.result_received': 'green', 'case.withdrawn': 'grey' };

/** 时间线, newest first. */
export function timelineList(events) {
  if (!events) return empty('时间线未能加载。');
  if (events.length === 0) return empty('暂无事件。');
  return h('ol', { class: 'timeline', reversed: true },
    [...events].reverse().map((e) => {
      const detail = eventDetail(e);
      return h('li', { class: `tl-${EVENT_TONES[e.type] ?? 'blue'}` },
        h('div', { class: 'tl-head' }, h('span', { class: 'tl-label' }, e.label || e.type), h('time', { datetime: e.at, class: 'tl-time' }, fmtTime(e.at))),
        h('div', { class: 'tl-meta' }, actorLabel(e.actor), detail && h('span', null, ` · ${detail}`)),
      );
    }));
}

/** 审计链 verdict. */
/** whether the chain is pinned by a signed anchor (GET …/audit: anchor) */
function anchorLine(anchor) {
  if (!anchor) return h('p', { class: 'muted small' }, '尚未签名锚定：网关定时（默认每 5 分钟）将链头签名存证，届时可再次校验。');
  return h('p', { class: 'small' }, `已签名锚定：第 ${anchor.n} 号锚点（${fmtTime(anchor.at)}）存证至第 ${anchor.seq} 条记录，与当前链一致。`);
}

export function auditResult(v) {
  if (!v) return h('p', { class: 'muted' }, '审计链记录本办件的每一次收发和状态变化（哈希链，任何改动都可被发现）。');
  if (v.ok) {
    return h('div', { class: 'verdict verdict-ok', role: 'status' },
      h('p', { class: 'verdict-title' }, '✓ 审计链完整'),
      h('p', null, `共 ${v.entries} 条记录，链头 SHA-256 `, h('abbr', { class: 'mono', title: v.head }, shortHash(v.head))),
      anchorLine(v.anchor),
      h('p', { class: 'muted small' }, `校验时间 ${fmtTime(v.checkedAt)}`));
  }
  return h('div', { class: 'verdict verdict-bad', role: 'alert' },
    h('p', { class: 'verdict-title' }, '✗ 审计链被篡改'),
    h('p', null, v.firstBadSeq != null ? `自第 ${v.firstBadSeq} 条记录起校验不通过（共 ${v.entries} 条）。` : `校验不通过（共 ${v.entries} 条）。`),
    v.anchorLogBroken && h('p', null, `审计锚点日志自第 ${v.anchorLogBroken.n} 条起校验不通过，签名锚定已停止。`),
    h('p', null, '请立即报告运维人员，暂停处理本办件。'),
    v.reason && h('p', { class: 'muted small' }, `技术信息：${v.reason}`),
    h('p', { class: 'muted small' }, `校验时间 ${fmtTime(v.checkedAt)}`));
}
