// 文书: the case's documents (受理回执, 材料流转单, 补齐补正通知书, 办结通知, 送达回执, and the 办理地's result
// document) with 下载 (the original; recorded in the audit trail) and 补打（副本） (a new signed copy
// marked 副本; recorded too). One panel per case page: its element is kept across the page's renders.
import { h, mount } from '../dom.js';
import { api } from '../api.js';
import { fmtTime, fmtSize, shortHash } from '../format.js';
import { tag, toast, confirmDialog, openBlob, empty, loading } from '../ui.js';

const TYPE_LABELS = {
  acceptance_receipt: '受理回执（收件凭证）',
  transfer_sheet: '材料流转单',
  supplement_notice: '补齐补正通知书',
  completion_notice: '办结通知',
  delivery_receipt: '送达回执',
  acceptance_notice: '受理通知书',
  rejection_notice: '不予受理通知书',
  partner_result: '办理结果文书（办理地出具）',
};

/** createDocumentsPanel({ caseId, onError }) → { element, refresh() } */
export function createDocumentsPanel({ caseId, onError }) {
  const element = h('div', { class: 'documents-panel' }, loading('正在读取文书…'));
  const busy = new Set();
  let items = null;
  let count = -1;

  async function refresh() {
    try {
      const list = await api.listDocuments(caseId);
      items = list.items;
    } catch (err) {
      if (items === null) mount(element, empty('文书暂时无法读取。'));
      onError(err);
      return;
    }
    render();
  }

  async function download(d) {
    busy.add(`dl-${d.id}`);
    render();
    try {
      openBlob(await api.documentFile(caseId, d.id), d.fileName);
    } catch (err) {
      onError(err);
    } finally {
      busy.delete(`dl-${d.id}`);
      render();
    }
  }

  async function reprint(d) {
    const ok = await confirmDialog({
      title: '补打文书（副本）',
      message: h('p', null, `将出具「${d.title.replace(/（副本）$/, '')}」的副本：内容与原件相同，每页标注“副本 COPY”及补打次数，重新电子签名，并记入审计链。确认补打？`),
      confirmText: '补打副本',
    });
    if (!ok) return;
    busy.add(`rp-${d.id}`);
    render();
    try {
      const pdf = await api.reprintDocument(caseId, d.copy ? d.copy.originalId : d.id);
      openBlob(pdf, d.fileName);
      toast('已出具副本，可在新窗口打印。');
      await refresh();
    } catch (err) {
      onError(err);
    } finally {
      busy.delete(`rp-${d.id}`);
      render();
    }
  }

  function render() {
    if (items === null) return;
    if (items.length === 0) {
      mount(element, empty('办件收件后出具受理回执；转递、补正、办结和送达时出具相应文书。'));
      return;
    }
    count = items.length;
    mount(element, h('div', { class: 'table-wrap' }, h('table', { class: 'table table-compact documents' },
      h('caption', { class: 'sr-only' }, '办件文书'),
      h('thead', null, h('tr', null, ['文书', '出具', '文件', '签名', '操作'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, items.map((d) => h('tr', { class: d.copy ? 'is-copy' : null },
        h('td', null,
          h('div', null, TYPE_LABELS[d.type] ?? d.title, d.copy && h('span', { class: 'ml' }, tag(`副本 · 第 ${d.copy.reprintNo} 次`, 'orange'))),
          d.copy && h('div', { class: 'muted small' }, `补打 ${fmtTime(d.copy.printedAt)} · ${d.copy.printedBy}`)),
        h('td', { class: 'nowrap' }, fmtTime(d.issuedAt)),
        h('td', null,
          h('div', { class: 'file-name' }, d.fileName),
          h('div', { class: 'muted small' }, `${fmtSize(d.size)}${d.pages ? ` · ${d.pages} 页` : ''} · SHA-256 `, h('abbr', { class: 'mono', title: d.sha256 }, shortHash(d.sha256)))),
        h('td', null, d.signed
          ? h('span', { title: `Ed25519 · 密钥 ${d.keyId}` }, tag('网关签名', 'green'))
          : h('span', { title: '办理地出具，网关保存其 SHA-256' }, tag('办理地出具', 'grey'))),
        h('td', { class: 'nowrap' },
          h('button', { type: 'button', class: 'btn btn-small', dataset: { key: `dl-${d.id}` }, disabled: busy.has(`dl-${d.id}`), onclick: () => download(d), 'aria-label': `下载 ${d.title}` },
            busy.has(`dl-${d.id}`) ? '下载中…' : '下载'),
          d.reprintable && !d.copy && h('button', { type: 'button', class: 'btn btn-small ml', dataset: { key: `rp-${d.id}` }, disabled: busy.has(`rp-${d.id}`), onclick: () => reprint(d), 'aria-label': `补打 ${d.title}（副本）` },
            busy.has(`rp-${d.id}`) ? '出具中…' : '补打（副本）')),
      ))),
    )));
  }

  return {
    element,
    /** reload the list (after the case changed) */
    refresh,
    get count() { return count; },
  };
}
