/**
 * H5: a page's code arrives as a separate chunk when the member first opens it. If the network drops at
 * that moment the router has already changed the address but has nothing to show; without this, the
 * screen stays as it was and nothing says why. Here a failed chunk (script or stylesheet) shows a
 * notice with 重试 (reloads the address once the host answers again) and 返回.
 */
const NOTICE_ID = 'load-failure';

export function isChunkLoadError(reason: unknown): boolean {
  if (!reason || typeof reason !== 'object') return false;
  const { name, message } = reason as { name?: unknown; message?: unknown };
  if (name === 'ChunkLoadError') return true;
  return typeof message === 'string' && /Loading (CSS )?chunk \S+ failed/i.test(message);
}

/** Whether the host that served the app answers again (a tiny uncached request). */
async function hostReachable(): Promise<boolean> {
  try {
    const res = await fetch(`${window.location.pathname}?alive=${Date.now()}`, { method: 'HEAD', cache: 'no-store' });
    return res.ok;
  } catch {
    return false;
  }
}

function button(label: string, className: string, onPress: () => void): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = `load-failure__button ${className}`;
  el.textContent = label;
  el.addEventListener('click', onPress);
  return el;
}

export function showLoadFailure(): void {
  if (document.getElementById(NOTICE_ID)) return;
  const box = document.createElement('div');
  box.id = NOTICE_ID;
  box.className = 'load-failure';
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-labelledby', `${NOTICE_ID}-title`);
  const title = document.createElement('p');
  title.id = `${NOTICE_ID}-title`;
  title.className = 'load-failure__title';
  title.textContent = '网络连接失败，页面没有打开';
  const detail = document.createElement('p');
  detail.className = 'load-failure__detail';
  detail.setAttribute('aria-live', 'polite');
  detail.textContent = '请检查网络（病区、地下室信号弱时可稍后再试），然后点“重试”。';
  const retry = button('重试', 'load-failure-retry', () => {
    detail.textContent = '正在重新连接…';
    void hostReachable().then((ok) => {
      if (ok) window.location.reload();
      else detail.textContent = '仍然无法连接，请确认网络后再点“重试”。';
    });
  });
  const back = button('返回', 'load-failure-back', () => {
    box.remove();
    window.history.back();
  });
  const actions = document.createElement('div');
  actions.className = 'load-failure__actions';
  actions.append(back, retry);
  box.append(title, detail, actions);
  document.body.appendChild(box);
  retry.focus();
}

export function watchLoadFailures(): void {
  window.addEventListener('unhandledrejection', (event) => {
    if (!isChunkLoadError(event.reason)) return;
    event.preventDefault();
    showLoadFailure();
  });
  // A failed chunk that something else already caught still reports through `error` on its tag.
  window.addEventListener(
    'error',
    (event) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'SCRIPT' || target.tagName === 'LINK') && /\/(js|css|chunk)\//.test((target as HTMLScriptElement).src || (target as HTMLLinkElement).href || '')) showLoadFailure();
    },
    true,
  );
}
