import type { Page } from 'playwright-core';
import type { Lesson } from '../../src/domain/lesson/lesson';
import { minReadingSeconds } from '../../src/domain/lesson/library';
import type { Member } from '../../src/domain/org/types';
import { collectPageErrors, phoneContext, signInAs, visible } from './support/browser';
import { tomorrowAt } from './support/daytime';
import { hostAndBrowserPerFile } from './support/suite';

const suite = hostAndBrowserPerFile();

/** Reads like a person: activity on the page, then the clocks (browser and host) move on together. */
async function read(page: Page, seconds: number) {
  for (let s = 0; s < seconds; s += 10) {
    await visible(page, '.lesson-article').click({ position: { x: 20, y: 20 } });
    suite.host.clock.advance(10_000);
    await page.clock.runFor(10_000);
  }
}

/** Stays on the page without touching it: only the clocks (browser and host) move on. */
async function stay(page: Page, seconds: number) {
  for (let s = 0; s < seconds; s += 10) {
    suite.host.clock.advance(10_000);
    await page.clock.runFor(10_000);
  }
}

describe('the daily micro-lesson in the browser', () => {
  it("a member reads today's article to the end, answers the check and sees it completed; the secretary counts them", async () => {
    const { at, date } = tomorrowAt('10:00');
    suite.host.clock.set(at);
    const storage = suite.host.storage;
    const [lesson] = await storage.collection<Lesson>('lessons').find({ kind: 'article' }, { orderBy: [['_id', 'asc']], limit: 1 });
    const [member] = await storage.collection<Member>('members').find({ branchId: 'b_demo04', role: 'member', openid: { $ne: null } }, { limit: 1 });
    const [secretary] = await storage.collection<Member>('members').find({ branchId: 'b_demo04', role: 'secretary' });
    // Members who never bound WeChat are listed apart, outside x / y.
    const total = await storage.collection<Member>('members').count({ branchId: 'b_demo04', status: 'active', openid: { $ne: null } });

    // The committee plans that article for the day (through the UI's function, as the plan page does).
    const admin = await (await phoneContext(suite.browser)).newPage();
    await admin.clock.install({ time: at });
    await signInAs(admin, suite.host.url, '周立群');
    const planned = await admin.evaluate(
      async ({ date, lessonId }) => {
        const raw = localStorage.getItem('wzb.session') ?? '';
        const token = (() => {
          try {
            return (JSON.parse(raw) as { data?: string }).data ?? raw;
          } catch {
            return raw;
          }
        })();
        const res = await fetch('/api/fn/lessons', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ action: 'plan.set', data: { scope: 'central', branchId: null, date, lessonId } }),
        });
        return res.json();
      },
      { date, lessonId: lesson._id },
    );
    expect(planned).toMatchObject({ ok: true });
    await admin.context().close();

    // The member: home card → the lesson → read to the end → the check.
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.clock.install({ time: at });
    await signInAs(page, suite.host.url, member.name);
    await visible(page, '.today-lesson-title').waitFor({ timeout: 15000 });
    expect((await visible(page, '.today-lesson-title').textContent())?.trim()).toBe(lesson.title);
    await visible(page, '.today-lesson-start').click();
    await visible(page, '.lesson-article').waitFor({ timeout: 15000 });

    // A fast reader: at the end after 20 s, then stays there without another gesture.
    await read(page, 20);
    await visible(page, '.lesson-article-end').scrollIntoViewIfNeeded();
    await stay(page, 10);
    expect(await visible(page, '.lesson-read-left').textContent()).toMatch(/还需阅读 \d+ 秒/);
    await stay(page, minReadingSeconds(lesson) + 10);
    await visible(page, '.lesson-completed').waitFor({ timeout: 20000 });
    expect(await page.locator('.lesson-read-left:visible').count()).toBe(0);

    for (let q = 0; q < lesson.questions.length; q++) {
      for (const option of lesson.questions[q].correct) {
        await visible(page, '.check-question').nth(q).locator('.check-option').nth(option).click();
      }
    }
    await visible(page, '.check-submit').click();
    await visible(page, '.check-score').waitFor({ timeout: 15000 });
    expect(await visible(page, '.check-score').textContent()).toContain(`${lesson.questions.length} / ${lesson.questions.length}`);
    // Right picks turn green: nothing stays in the red “picking” or “wrong” state.
    expect(await page.locator('.check-option.is-selected:visible, .check-option.is-wrong:visible').count()).toBe(0);
    expect(await page.locator('.check-option.is-answer.is-chosen:visible').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();

    // The secretary's view counts the member as studied.
    const officer = await (await phoneContext(suite.browser)).newPage();
    await officer.clock.install({ time: suite.host.clock.now() });
    await signInAs(officer, suite.host.url, secretary.name);
    await officer.goto(`${suite.host.url}#/admin/lesson-stats/index?branchId=b_demo04`);
    await visible(officer, '.lesson-stats-count').waitFor({ timeout: 15000 });
    expect((await visible(officer, '.lesson-stats-count').textContent())?.replace(/\s/g, '')).toBe(`1/${total}`);
    await officer.context().close();
  });
});
