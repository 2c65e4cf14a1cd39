import { xlsxFromRows } from '../functions/xlsx-fixtures';
import { bundleCodeOf, bundleContext, demoStorage, dependenciesOf, loadBundle, requiresOf, undeclaredRequiresOf } from './support';

/** The deployable cloudfunctions/org/index.js, loaded as CloudBase loads it. */
describe('org bundle', () => {
  it('requires nothing but Node built-ins and the CloudBase SDK declared in its package.json', () => {
    expect(undeclaredRequiresOf('org')).toEqual([]);
    expect(requiresOf('org')).toContain('@cloudbase/node-sdk');
  });

  it('loads wx-server-sdk lazily, for the invite mini program code only, and lists it in its package.json', () => {
    // The SDK is required inside the loader (_runtime/wechat/sdk), never at the top of the bundle.
    expect(bundleCodeOf('org')).toMatch(/require\(["']wx-server-sdk["']\)/);
    expect(dependenciesOf('org')).toContain('wx-server-sdk');
  });

  it('loads the SMS SDK lazily, for reach test sends only, and lists it in its package.json', () => {
    const code = bundleCodeOf('org');
    expect(code).toMatch(/require\(["']tencentcloud-sdk-nodejs-sms["']\)/);
    // Inside the loader function, not at the top level: a cold start that sends no SMS never loads it.
    expect(code).not.toMatch(/^(var|const|let) [\w$]+ = require\(["']tencentcloud-sdk-nodejs-sms["']\)/m);
    expect(dependenciesOf('org')).toContain('tencentcloud-sdk-nodejs-sms');
  });

  it('exports the CloudBase entry and answers a real request through the bundled handler', async () => {
    const bundle = loadBundle('org', 'orgFunction');
    expect(typeof bundle.main).toBe('function');
    const ctx = bundleContext('demo:m_H01001', await demoStorage(Date.now()), () => Date.now());
    const res = await bundle.orgFunction({ action: 'branches.list', data: {} }, ctx);
    expect(res.ok).toBe(true);
    expect(res.data.branches).toHaveLength(14);
    expect(await bundle.orgFunction({ action: 'nope', data: {} }, ctx)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    // The spreadsheet library is loaded lazily inside the bundle: an xlsx roster still reads.
    const xlsx = await xlsxFromRows([['姓名', '工号', '科室', '支部'], ['包测一', 'BND001', '骨科', '骨科党支部']]);
    const roster = await bundle.orgFunction({ action: 'roster.validate', data: { fileName: 'r.xlsx', contentBase64: xlsx } }, ctx);
    expect(roster).toMatchObject({ ok: true, data: { valid: true, creates: 1 } });
  });
});
