// 远程帮办 from the console: createSession (for a case, or a walk-in without one), then the clerk's
// session panel (/rw/clerk.html?session=…) in this same tab, so that it reuses this tab's login
// (sessionStorage). The answer (join code, link, QR code) is handed to the panel through sessionStorage.
import { h } from './dom.js';
import { api } from './api.js';
import { showAlert } from './ui.js';

export function remoteButton({ caseId, label, alertSlot, primary = false }) {
  const btn = h('button', { type: 'button', class: ['btn', primary && 'btn-primary'], dataset: { key: 'remote' } }, label);
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    btn.textContent = '正在发起…';
    try {
      const s = await api.createSession(caseId ? { caseId } : {});
      sessionStorage.setItem(`kytb.rw.created.${s.sessionId}`, JSON.stringify(s));
      window.location.assign(s.clerkPanelUrl);
    } catch (err) {
      showAlert(alertSlot, err);
      btn.disabled = false;
      btn.textContent = label;
    }
  });
  return btn;
}
