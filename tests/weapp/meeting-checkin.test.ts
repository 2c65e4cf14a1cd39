/** @jest-environment jsdom */
/**
 * The built check-in page (pages/meeting/checkin, in the meetings subpackage) in miniprogram-simulate:
 * in WeChat a member scans the secretary's rotating QR code with the camera only (no album: a photo of
 * an old code must not be offered), the scanned text goes to meetings/checkin as `token`, and the
 * server's answer is shown — 签到成功, or its Chinese refusal. Only wx is faked.
 */
import type { CheckinResult } from '../../src/domain/api/meetings';
import { byAction, fail, loadPage, ok } from './harness';
import { memberMe } from './fixtures';

const me = memberMe();

const TOKEN = 'mt1.meeting-1.59012345.abcdef0123456789';
const result: CheckinResult = { meetingId: 'meeting-1', topic: '学习贯彻全会精神', checkinAt: Date.UTC(2026, 10, 28, 6, 32), method: 'qr', late: true };

/** wx.scanCode answering `answer` (or failing with `errMsg`), recording its options. */
function scanner(answer: { result: string } | { errMsg: string }) {
  const seen: any[] = [];
  return {
    seen,
    extendWx: (wx: any) => {
      wx.scanCode = (opts: any = {}) => {
        seen.push({ onlyFromCamera: opts.onlyFromCamera, scanType: opts.scanType });
        const run = 'result' in answer ? Promise.resolve({ errMsg: 'scanCode:ok', result: answer.result, scanType: 'QR_CODE' }) : Promise.reject({ errMsg: answer.errMsg });
        run.then(
          (r) => {
            opts.success?.(r);
            opts.complete?.(r);
          },
          (e) => {
            opts.fail?.(e);
            opts.complete?.(e);
          },
        );
        return run;
      };
    },
  };
}

describe('meeting check-in (pages/meeting/checkin/index)', () => {
  test('scanning sends the scanned token once and shows 签到成功 with the time and 迟到', async () => {
    const scan = scanner({ result: TOKEN });
    const p = await loadPage('pages/meeting/checkin/index', {
      query: { meetingId: 'meeting-1' },
      extendWx: scan.extendWx,
      cloud: byAction({ 'org/me': () => ok(me), 'meetings/checkin': () => ok(result) }),
    });
    // WeChat has a scanner: no code field, one 扫码签到 button.
    expect(p.exists('.checkin-code-input')).toBe(false);
    await p.tap('.checkin-scan');
    await p.waitFor(() => p.exists('.checkin-success'));

    expect(scan.seen).toEqual([{ onlyFromCamera: true, scanType: ['qrCode'] }]);
    const checkins = p.calls.filter((c) => c.name === 'meetings');
    expect(checkins.map((c) => [c.action, c.payload])).toEqual([['checkin', { token: TOKEN }]]);
    expect(p.text('.checkin-success')).toContain('签到成功');
    expect(p.text('.checkin-result__topic')).toContain('学习贯彻全会精神');
    // 06:32 UTC is 14:32 in Shanghai, whatever the test machine's zone.
    expect(p.text('.checkin-result__time')).toContain('14:32');
    expect(p.text('.checkin-result__time')).toContain('迟到');
    expect(p.errors).toEqual([]);
    expect(p.missingTemplates).toEqual([]);
    p.unload();
  });

  test('a refused code shows the server’s Chinese message and the member can scan again', async () => {
    const scan = scanner({ result: 'forged-token' });
    const p = await loadPage('pages/meeting/checkin/index', {
      query: { meetingId: 'meeting-1' },
      extendWx: scan.extendWx,
      cloud: byAction({ 'org/me': () => ok(me), 'meetings/checkin': () => fail('CHECKIN_INVALID', '签到码无效或已过期，请扫描屏幕上最新的二维码') }),
    });
    await p.tap('.checkin-scan');
    await p.waitFor(() => p.exists('.checkin-error'));
    expect(p.text('.checkin-error')).toContain('签到码无效或已过期');
    expect(p.exists('.checkin-success')).toBe(false);
    expect(p.exists('.checkin-scan')).toBe(true);
    p.unload();
  });

  test('closing the scanner sends nothing and shows no error', async () => {
    const scan = scanner({ errMsg: 'scanCode:fail cancel' });
    const p = await loadPage('pages/meeting/checkin/index', {
      query: { meetingId: 'meeting-1' },
      extendWx: scan.extendWx,
      cloud: byAction({ 'org/me': () => ok(me) }),
    });
    await p.tap('.checkin-scan');
    await p.flush();
    expect(scan.seen).toHaveLength(1);
    expect(p.calls.filter((c) => c.name === 'meetings')).toEqual([]);
    expect(p.exists('.checkin-error')).toBe(false);
    p.unload();
  });
});
