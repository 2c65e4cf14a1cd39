/** @jest-environment jsdom */
import { loadPage, byAction, ok, fail } from './harness';
test('bind', async () => {
  const p = await loadPage('pages/bind/index', { cloud: byAction({ 'org/bind.roster': () => fail('ROSTER_NO_MATCH', '花名册中未找到') }) });
  await p.input('.bind-name', '李四');
  console.log(JSON.stringify(p.page.data, null, 1).slice(0, 3000));
});
