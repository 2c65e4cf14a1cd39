/**
 * H5: an image picked while the network is down waits in the outbox, survives a reload (its bytes are
 * kept in IndexedDB: the picked blob: URL dies with the page), and goes out exactly once when the
 * network returns. The upload endpoint stays blocked across the reload, so the page itself can load
 * while the image still cannot leave.
 */
import type { Page } from 'playwright-core';
import type { Member } from '../../src/domain/org/types';
import { collectPageErrors, phoneContext, signInAs, visible } from './support/browser';
import { hostAndBrowserPerFile } from './support/suite';

const suite = hostAndBrowserPerFile();
const BRANCH = 'b_demo01';

/** A 40×30 PNG, drawn in the page (any real image does; the picker re-encodes it as JPEG). */
async function pngBytes(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 40;
    canvas.height = 30;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#c8161d';
    ctx.fillRect(0, 0, 40, 30);
    return canvas.toDataURL('image/png').split(',')[1];
  });
  return Buffer.from(base64, 'base64');
}

const keptImages = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('wzb-outbox', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('images', { keyPath: 'path' });
        req.onsuccess = () => {
          const count = req.result.transaction('images', 'readonly').objectStore('images').count();
          count.onsuccess = () => {
            req.result.close();
            resolve(count.result);
          };
        };
        req.onerror = () => resolve(-1);
      }),
  );

it('offline → pick an image → reload → online: the image is delivered once', async () => {
  const [member] = await suite.host.storage.collection<Member>('members').find({ branchId: BRANCH, role: 'member', openid: { $ne: null } }, { orderBy: [['employeeNo', 'asc']], limit: 1 });
  const context = await phoneContext(suite.browser);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  try {
    await signInAs(page, suite.host.url, member.name);
    await page.goto(`${suite.host.url}#/pages/chat/index`);
    await visible(page, '.chat-composer').waitFor({ timeout: 20000 });
    const png = await pngBytes(page);

    await context.setOffline(true);
    const chooser = page.waitForEvent('filechooser');
    await visible(page, '.chat-tool--image').click();
    await (await chooser).setFiles({ name: 'ward.png', mimeType: 'image/png', buffer: png });
    await visible(page, '.chat-pending').first().waitFor({ timeout: 10000 });
    expect(await keptImages(page)).toBe(1);
    const queued = (JSON.parse((await page.evaluate(() => localStorage.getItem('wzb.chatOutbox'))) ?? '{}') as { data: Array<{ clientId: string; image: unknown }> }).data; // Taro's storage wraps values in { data }
    expect(queued).toHaveLength(1);
    expect(queued[0].image).toBeTruthy();

    // The network is back for the page, not yet for uploads; reload (the blob: URL dies here).
    let blockedUploads = 0;
    await context.route('**/api/files', (route) => {
      blockedUploads += 1;
      return route.abort('internetdisconnected');
    });
    await context.setOffline(false);
    await page.reload();
    await visible(page, '.chat-composer').waitFor({ timeout: 20000 });
    await visible(page, '.chat-pending').first().waitFor({ timeout: 10000 });
    expect(await keptImages(page)).toBe(1);
    // the bubble shows the kept bytes, not the dead blob: URL
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.chat-pending img')).some((img) => (img as HTMLImageElement).naturalWidth > 0), undefined, { timeout: 10000 });

    // The network returns for good: it goes out, once.
    await context.unroute('**/api/files');
    await context.setOffline(true);
    await context.setOffline(false);
    await page.waitForFunction(() => document.querySelectorAll('.chat-pending').length === 0, undefined, { timeout: 20000 });
    const stored = await suite.host.storage.collection<{ _id: string; clientMsgId: string; kind: string; senderId: string }>('chatMessages').find({ branchId: BRANCH, clientMsgId: queued[0].clientId });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: 'image', senderId: member._id });
    expect(blockedUploads).toBeGreaterThan(0);
    await page.waitForFunction(() => !localStorage.getItem('wzb.chatOutbox'), undefined, { timeout: 5000 });
    expect(await keptImages(page)).toBe(0);
    await visible(page, '.chat-image').last().waitFor({ timeout: 10000 });
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
