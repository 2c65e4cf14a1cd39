import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { phoneContext, signInAs, visible } from './support/browser';
import { boundMember, openRoute } from './support/screens';
import { hostAndBrowserPerFile } from './support/suite';

const suite = hostAndBrowserPerFile();

describe('invites that travel (H5)', () => {
  it('the secretary shows a QR of the bind link; scanning it opens the bind page with the code filled in; she then sees who joined', async () => {
    const secretary = await boundMember(suite.host, 'b_demo01', 'secretary');
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    await signInAs(page, suite.host.url, secretary.name);
    await openRoute(page, suite.host.url, '/admin/invites/index?branchId=b_demo01');
    await visible(page, '.issue-invite').click();
    const code = (await visible(page, '.issued-code').textContent())!.trim();
    await visible(page, '.issued .show-invite-qr').click();
    const img = visible(page, '.issued .invite-qr__image img');
    await img.waitFor({ timeout: 15000 });
    expect(await img.getAttribute('alt')).toContain(code);
    await page.screenshot({ path: '/tmp/screens/invite-qr.png' });
    const dataUrl = (await img.getAttribute('src'))!;
    const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
    const link = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? '';
    expect(link).toBe(`${suite.host.url}#/pages/bind/index?code=${code}`);

    // A nurse who never used the app scans it.
    const nurseContext = await phoneContext(suite.browser);
    const nurse = await nurseContext.newPage();
    await nurse.goto(link);
    const codeInput = visible(nurse, '.invite-code input');
    await codeInput.waitFor({ timeout: 20000 });
    expect(await codeInput.inputValue()).toBe(code);
    await visible(nurse, '.invite-name input').fill('林扫码');
    await visible(nurse, '.invite-employee-no input').fill('QR2001');
    await visible(nurse, '.submit-invite').click();
    await visible(nurse, '.page-home').waitFor({ timeout: 20000 });
    await nurseContext.close();

    // The secretary sees the newcomer on the invites page.
    await page.reload();
    await visible(page, '.recent-join').first().waitFor({ timeout: 15000 });
    expect(await visible(page, '.recent-joins').innerText()).toContain('林扫码');
    await context.close();
  });
});
