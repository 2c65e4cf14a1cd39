import { noticesFunction as notices } from '../../cloudfunctions/notices/src/handler';
import type { Member } from '../../src/domain/org/types';
import { ADMIN, makeWorld, type FunctionWorld } from './harness';
import { cast, publishAs } from './notices-fixtures';

/**
 * Every notices action, for every kind of caller, against a branch notice of 心血管内科 (b_demo01):
 * who may do what is decided in code, so each cell is asserted. `ok` = allowed; otherwise the code.
 */
type Who = 'author' | 'committee' | 'recipient' | 'otherMember' | 'otherSecretary' | 'admin' | 'unbound';
type Expect = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'NOT_BOUND';

const MATRIX: Record<string, Record<Who, Expect>> = {
  open: { author: 'ok', committee: 'ok', recipient: 'ok', otherMember: 'NOT_FOUND', otherSecretary: 'NOT_FOUND', admin: 'ok', unbound: 'NOT_BOUND' },
  ack: { author: 'FORBIDDEN', committee: 'ok', recipient: 'ok', otherMember: 'NOT_FOUND', otherSecretary: 'NOT_FOUND', admin: 'FORBIDDEN', unbound: 'NOT_BOUND' },
  track: { author: 'ok', committee: 'ok', recipient: 'FORBIDDEN', otherMember: 'FORBIDDEN', otherSecretary: 'FORBIDDEN', admin: 'ok', unbound: 'NOT_BOUND' },
  rollup: { author: 'ok', committee: 'ok', recipient: 'FORBIDDEN', otherMember: 'FORBIDDEN', otherSecretary: 'FORBIDDEN', admin: 'ok', unbound: 'NOT_BOUND' },
  export: { author: 'ok', committee: 'ok', recipient: 'FORBIDDEN', otherMember: 'FORBIDDEN', otherSecretary: 'FORBIDDEN', admin: 'ok', unbound: 'NOT_BOUND' },
  excuse: { author: 'ok', committee: 'ok', recipient: 'FORBIDDEN', otherMember: 'FORBIDDEN', otherSecretary: 'FORBIDDEN', admin: 'ok', unbound: 'NOT_BOUND' },
  update: { author: 'ok', committee: 'ok', recipient: 'FORBIDDEN', otherMember: 'FORBIDDEN', otherSecretary: 'FORBIDDEN', admin: 'ok', unbound: 'NOT_BOUND' },
  remind: { author: 'ok', committee: 'ok', recipient: 'FORBIDDEN', otherMember: 'FORBIDDEN', otherSecretary: 'FORBIDDEN', admin: 'ok', unbound: 'NOT_BOUND' },
  withdraw: { author: 'ok', committee: 'ok', recipient: 'FORBIDDEN', otherMember: 'FORBIDDEN', otherSecretary: 'FORBIDDEN', admin: 'ok', unbound: 'NOT_BOUND' },
};

let world: FunctionWorld;
let who: Record<Who, string>;
let target: Member;

beforeEach(async () => {
  world = await makeWorld();
  const b1 = await cast(world, 'b_demo01');
  const b2 = await cast(world, 'b_demo02');
  target = b1.members[5];
  who = {
    author: b1.secretary.openid!,
    committee: b1.committee.openid!,
    recipient: b1.members[0].openid!,
    otherMember: b2.members[0].openid!,
    otherSecretary: b2.secretary.openid!,
    admin: ADMIN,
    unbound: 'local:stranger',
  };
});

const inputFor = (action: string, noticeId: string) =>
  action === 'update'
    ? { noticeId, title: '更新', body: '更新正文' }
    : action === 'excuse'
      ? { noticeId, memberId: target._id, excused: true }
      : { noticeId };

describe('notices access matrix', () => {
  for (const [action, row] of Object.entries(MATRIX)) {
    for (const [caller, expected] of Object.entries(row) as Array<[Who, Expect]>) {
      it(`${action} by ${caller}: ${expected}`, async () => {
        const { noticeId } = await publishAs(world, who.author, { requireAck: true });
        const res = await world.call(notices, who[caller], action, inputFor(action, noticeId));
        if (expected === 'ok') expect(res).toMatchObject({ ok: true });
        else expect(res).toMatchObject({ ok: false, code: expected });
      });
    }
  }

  it('inbox and sent show each caller only their own', async () => {
    await publishAs(world, who.author);
    expect((await world.ok(notices, who.recipient, 'inbox')).items).toHaveLength(1);
    expect((await world.ok(notices, who.otherMember, 'inbox')).items).toHaveLength(0);
    expect((await world.ok(notices, who.otherSecretary, 'sent')).items).toHaveLength(0);
    expect((await world.ok(notices, who.committee, 'sent')).items).toHaveLength(1);
    expect((await world.ok(notices, who.recipient, 'sent')).items).toHaveLength(0);
    expect(await world.call(notices, null, 'inbox')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});
