/**
 * The storage contract: what every adapter of the port must answer, in Mongo/CloudBase terms.
 * Each adapter's test file calls `runStorageContract` with a factory for a fresh, empty storage.
 * Queries run on two collections: `members` (declared indexes, a unique `employeeNo`) and an
 * undeclared one, so indexed and unindexed paths must give the same answers.
 */
import { ALL_DOCUMENTS } from '../../cloudfunctions/_runtime/storage/guards';
import { DuplicateKeyError, StorageError, type Doc, type Filter, type Storage } from '../../cloudfunctions/_runtime/storage/port';

export interface ContractOptions {
  /** False for adapters whose `atomically` cannot roll back (CloudBase). */
  rollback?: boolean;
}

const PEOPLE: Doc[] = [
  { _id: 'p1', employeeNo: 'p1', name: 'Ann', age: 30, active: true, branchId: 'b1', status: 'active', tags: ['lead', 'nurse'], profile: { city: 'Shanghai', level: 2 } },
  { _id: 'p2', employeeNo: 'p2', name: 'Bob', age: 25, active: false, branchId: 'b1', status: 'left', tags: ['doctor'], profile: { city: 'Beijing' }, openid: null },
  { _id: 'p3', employeeNo: 'p3', name: 'Cy', age: '30', active: 1, branchId: 'b2', status: 'active', tags: [], profile: null, openid: 'o3' },
  { _id: 'p4', employeeNo: 'p4', name: 'Dee', age: 41, branchId: 'b2', status: 'pending', openid: 'o4', nums: [1, 5, 9] },
  { _id: 'p5', employeeNo: 'p5', name: 'Eve', active: 0, branchId: 'b3', status: 'active', flag: 'true', openid: '' },
];

const ids = (docs: Doc[]): string[] => docs.map((d) => d._id);
const sortedIds = (docs: Doc[]): string[] => ids(docs).sort();

export function runStorageContract(
  name: string,
  makeStorage: () => Promise<Storage>,
  options: ContractOptions = {},
): void {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await makeStorage();
    });
    afterEach(async () => {
      await storage.close();
    });

    describe.each(['members', 'contract_items'])('queries on %s', (collectionName) => {
      const seed = async () => {
        const c = storage.collection(collectionName);
        await c.insertMany(PEOPLE.map((p) => structuredClone(p)));
        return c;
      };
      const match = async (filter: Filter) => sortedIds(await (await seed()).find(filter));

      it('round-trips documents exactly and answers null for a missing id', async () => {
        const c = await seed();
        expect(await c.get('p1')).toEqual(PEOPLE[0]);
        expect(await c.get('p4')).toEqual(PEOPLE[3]);
        expect(await c.get('nope')).toBeNull();
      });

      it('matches equality on strings and numbers without crossing types', async () => {
        expect(await match({ name: 'Ann' })).toEqual(['p1']);
        expect(await match({ branchId: 'b1' })).toEqual(['p1', 'p2']);
        expect(await match({ age: 30 })).toEqual(['p1']);
        expect(await match({ age: '30' })).toEqual(['p3']);
      });

      it('keeps booleans apart from 1/0 and from the string "true"', async () => {
        expect(await match({ active: true })).toEqual(['p1']);
        expect(await match({ active: false })).toEqual(['p2']);
        expect(await match({ active: 1 })).toEqual(['p3']);
        expect(await match({ active: 0 })).toEqual(['p5']);
        expect(await match({ flag: true })).toEqual([]);
        expect(await match({ flag: 'true' })).toEqual(['p5']);
      });

      it('matches { field: null } on missing or null fields, and $exists on presence', async () => {
        expect(await match({ openid: null })).toEqual(['p1', 'p2']);
        expect(await match({ openid: { $eq: null } })).toEqual(['p1', 'p2']);
        expect(await match({ openid: { $ne: null } })).toEqual(['p3', 'p4', 'p5']);
        expect(await match({ openid: { $exists: false } })).toEqual(['p1']);
        expect(await match({ openid: { $exists: true } })).toEqual(['p2', 'p3', 'p4', 'p5']);
        expect(await match({ profile: null })).toEqual(['p3', 'p4', 'p5']);
        expect(await match({ openid: '' })).toEqual(['p5']);
      });

      it('treats $ne as "not equal", matching missing fields too', async () => {
        expect(await match({ status: { $ne: 'active' } })).toEqual(['p2', 'p4']);
        expect(await match({ openid: { $ne: 'o3' } })).toEqual(['p1', 'p2', 'p4', 'p5']);
        expect(await match({ age: { $ne: 30 } })).toEqual(['p2', 'p3', 'p4', 'p5']);
      });

      it('compares with $gt/$gte/$lt/$lte within one type only', async () => {
        expect(await match({ age: { $gt: 25 } })).toEqual(['p1', 'p4']);
        expect(await match({ age: { $gte: 30 } })).toEqual(['p1', 'p4']);
        expect(await match({ age: { $lt: 30 } })).toEqual(['p2']);
        expect(await match({ age: { $lte: 30 } })).toEqual(['p1', 'p2']);
        expect(await match({ age: { $gt: 20, $lt: 35 } })).toEqual(['p1', 'p2']);
        expect(await match({ name: { $gt: 'Bob' } })).toEqual(['p3', 'p4', 'p5']);
        expect(await match({ name: { $gte: 'Bob', $lt: 'Dee' } })).toEqual(['p2', 'p3']);
        expect(await match({ age: { $gt: '2' } })).toEqual(['p3']);
      });

      it('supports $in and $nin, including null and mixed types', async () => {
        expect(await match({ status: { $in: ['active', 'pending'] } })).toEqual(['p1', 'p3', 'p4', 'p5']);
        expect(await match({ openid: { $in: [null, 'o3'] } })).toEqual(['p1', 'p2', 'p3']);
        expect(await match({ age: { $in: [30, '41'] } })).toEqual(['p1']);
        expect(await match({ active: { $in: [true, 0] } })).toEqual(['p1', 'p5']);
        expect(await match({ status: { $in: [] } })).toEqual([]);
        expect(await match({ status: { $nin: ['active'] } })).toEqual(['p2', 'p4']);
        expect(await match({ openid: { $nin: [null] } })).toEqual(['p3', 'p4', 'p5']);
        expect(await match({ openid: { $nin: [] } })).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
      });

      it('reaches into nested objects with dotted paths', async () => {
        expect(await match({ 'profile.city': 'Shanghai' })).toEqual(['p1']);
        expect(await match({ 'profile.level': { $gte: 2 } })).toEqual(['p1']);
        expect(await match({ 'profile.city': { $ne: 'Shanghai' } })).toEqual(['p2', 'p3', 'p4', 'p5']);
        // Null and $exists through a dotted path: engines disagree once arrays are involved, so refused.
        const c = await seed();
        for (const filter of [{ 'profile.city': null }, { 'profile.city': { $exists: true } }, { 'profile.city': { $in: ['X', null] } }]) {
          await expect(c.find(filter as Filter)).rejects.toBeInstanceOf(StorageError);
        }
      });

      it('follows dotted paths through arrays of objects and array indexes, as MongoDB/CloudBase do', async () => {
        const c = storage.collection(`${collectionName}_arrays`);
        await c.insertMany([
          { _id: 'o1', items: [{ memberId: 'm1', n: 1 }, { memberId: 'm2', n: 5 }], numbers: [10, 20, 30] },
          { _id: 'o2', items: { memberId: 'm1', n: 7 }, numbers: [20] },
          { _id: 'o3', items: [[{ memberId: 'm1' }]], numbers: [1, [20]] },
          { _id: 'o4', items: [{ memberId: 'm3', tags: ['x', 'y'] }, 'm1'], numbers: 20 },
        ]);
        const m = async (filter: Filter) => sortedIds(await c.find(filter));
        expect(await m({ 'items.memberId': 'm1' })).toEqual(['o1', 'o2']);
        expect(await m({ 'items.memberId': { $in: ['m2', 'm3'] } })).toEqual(['o1', 'o4']);
        expect(await m({ 'items.memberId': { $ne: 'm1' } })).toEqual(['o3', 'o4']);
        expect(await m({ 'items.n': { $gt: 4, $lt: 6 } })).toEqual(['o1']);
        expect(await m({ 'items.tags': 'y' })).toEqual(['o4']);
        // Arrays reached through an array of objects are searched too, by every operator.
        expect(await m({ 'items.tags': { $in: ['y', 'q'] } })).toEqual(['o4']);
        expect(await m({ 'items.tags': { $gt: 'x' } })).toEqual(['o4']);
        expect(await m({ 'items.tags': { $nin: ['x'] } })).toEqual(['o1', 'o2', 'o3']);
        expect(await m({ 'numbers.1': 20 })).toEqual(['o1', 'o3']);
        expect(await m({ 'numbers.0': { $gte: 20 } })).toEqual(['o2']);
        expect(await m({ 'items.0.memberId': 'm1' })).toEqual(['o1', 'o3']);
        // MongoDB walks one array level per path segment: `items: [[{memberId}]]` has no items.memberId.
        expect(await m({ 'items.memberId': { $in: ['m1'] } })).toEqual(['o1', 'o2']);
        expect(await m({ status: 'x', 'items.memberId': 'm1' })).toEqual([]);
        expect(await m({ $or: [{ 'items.n': 7 }, { _id: 'o4' }] })).toEqual(['o2', 'o4']);
        expect(await c.count({ 'items.memberId': 'm1' })).toBe(2);
        expect(ids(await c.find({ 'items.memberId': 'm1' }, { orderBy: [['_id', 'desc']], limit: 1 }))).toEqual(['o2']);
        expect(await c.update({ 'items.memberId': 'm2' }, { $set: { hit: true } })).toBe(1);
        expect(await c.remove({ 'items.memberId': 'm3' })).toBe(1);
        expect(sortedIds(await c.find({}))).toEqual(['o1', 'o2', 'o3']);
      });

      it('matches array fields that contain the value', async () => {
        expect(await match({ tags: 'nurse' })).toEqual(['p1']);
        expect(await match({ tags: { $in: ['doctor', 'lead'] } })).toEqual(['p1', 'p2']);
        expect(await match({ tags: { $ne: 'lead' } })).toEqual(['p2', 'p3', 'p4', 'p5']);
        expect(await match({ tags: { $nin: ['lead', 'doctor'] } })).toEqual(['p3', 'p4', 'p5']);
        expect(await match({ nums: 5 })).toEqual(['p4']);
        expect(await match({ nums: { $gt: 8 } })).toEqual(['p4']);
        expect(await match({ nums: { $gt: 9 } })).toEqual([]);
        // Mongo: each operator may be satisfied by a different element.
        expect(await match({ nums: { $gt: 5, $lt: 6 } })).toEqual(['p4']);
      });

      it('combines conditions with $and / $or and implicit AND', async () => {
        expect(await match({ $or: [{ branchId: 'b3' }, { age: { $gte: 40 } }] })).toEqual(['p4', 'p5']);
        expect(await match({ status: 'active', $or: [{ branchId: 'b1' }, { branchId: 'b3' }] })).toEqual(['p1', 'p5']);
        expect(await match({ $and: [{ status: 'active' }, { $or: [{ age: 30 }, { active: 0 }] }] })).toEqual(['p1', 'p5']);
        expect(await match({ $and: [{ branchId: 'b1' }], $or: [{ name: 'Bob' }, { name: 'Zed' }] })).toEqual(['p2']);
      });

      it('filters on _id like any other string field', async () => {
        expect(await match({ _id: 'p2' })).toEqual(['p2']);
        expect(await match({ _id: { $in: ['p1', 'p3', 'zz'] } })).toEqual(['p1', 'p3']);
        expect(await match({ _id: { $gt: 'p3' } })).toEqual(['p4', 'p5']);
        expect(await match({ _id: { $nin: ['p1'] }, status: 'active' })).toEqual(['p3', 'p5']);
      });

      it('orders by several keys, across types as Mongo does, with _id breaking ties', async () => {
        const c = await seed();
        expect(ids(await c.find({}, { orderBy: [['status', 'asc']] }))).toEqual(['p1', 'p3', 'p5', 'p2', 'p4']);
        // The _id tie-breaker runs in the last key's direction (so one index scan serves the order).
        expect(ids(await c.find({}, { orderBy: [['status', 'desc']] }))).toEqual(['p4', 'p2', 'p5', 'p3', 'p1']);
        // missing < numbers < strings
        expect(ids(await c.find({}, { orderBy: [['age', 'asc']] }))).toEqual(['p5', 'p2', 'p1', 'p4', 'p3']);
        expect(ids(await c.find({}, { orderBy: [['age', 'desc']] }))).toEqual(['p3', 'p4', 'p1', 'p2', 'p5']);
        expect(ids(await c.find({}, { orderBy: [['branchId', 'asc'], ['age', 'desc']] }))).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
        expect(ids(await c.find({}, { orderBy: [['profile.city', 'asc'], ['_id', 'asc']] }))).toEqual(['p3', 'p4', 'p5', 'p2', 'p1']);
        expect(ids(await c.find({}, { orderBy: [['active', 'asc'], ['_id', 'asc']] }))).toEqual(['p4', 'p5', 'p3', 'p2', 'p1']);
        expect(ids(await c.find({}, { orderBy: [['_id', 'desc']] }))).toEqual(['p5', 'p4', 'p3', 'p2', 'p1']);
      });

      it('refuses to sort on array or object values, even when they sort last', async () => {
        const c = await seed();
        await expect(c.find({}, { orderBy: [['tags', 'asc']] })).rejects.toBeInstanceOf(StorageError);
        await expect(c.find({}, { orderBy: [['profile', 'desc']], limit: 1 })).rejects.toBeInstanceOf(StorageError);
        await expect(c.find({ _id: { $in: ['p1', 'p4'] } }, { orderBy: [['nums', 'desc']], limit: 1 })).rejects.toBeInstanceOf(StorageError);
        // No array among the matches: sorting on that field is fine.
        expect(ids(await c.find({ _id: { $in: ['p4', 'p5'] } }, { orderBy: [['tags', 'asc']] }))).toEqual(['p4', 'p5']);
      });

      it('projects nested paths through arrays as Mongo does, and refuses colliding or indexed paths', async () => {
        const c = await seed();
        await c.insert({ _id: 'p9', employeeNo: 'p9', items: [{ n: 1, m: 2 }, 5, { m: 3 }, [{ n: 4 }]] });
        expect(await c.find({ _id: 'p9' }, { fields: ['items.n'] })).toEqual([{ _id: 'p9', items: [{ n: 1 }, {}, [{ n: 4 }]] }]);
        expect(await c.find({ _id: 'p1' }, { fields: ['profile.city', 'profile.none'] })).toEqual([{ _id: 'p1', profile: { city: 'Shanghai' } }]);
        await expect(c.find({}, { fields: ['profile', 'profile.city'] })).rejects.toBeInstanceOf(StorageError);
        await expect(c.find({}, { fields: ['tags.0'] })).rejects.toBeInstanceOf(StorageError);
      });

      it('projects the listed fields plus _id', async () => {
        const c = await seed();
        const [p1] = await c.find({ _id: 'p1' }, { fields: ['name', 'profile.city', 'missing'] });
        expect(p1).toEqual({ _id: 'p1', name: 'Ann', profile: { city: 'Shanghai' } });
        const all = await c.find({}, { fields: ['tags'], orderBy: [['_id', 'asc']] });
        expect(all).toEqual([
          { _id: 'p1', tags: ['lead', 'nurse'] },
          { _id: 'p2', tags: ['doctor'] },
          { _id: 'p3', tags: [] },
          { _id: 'p4' },
          { _id: 'p5' },
        ]);
      });

      it('counts matches', async () => {
        const c = await seed();
        expect(await c.count({})).toBe(5);
        expect(await c.count({ status: 'active' })).toBe(3);
        expect(await c.count({ tags: 'lead', status: 'active' })).toBe(1);
        expect(await c.count({ name: 'nobody' })).toBe(0);
      });

      it('refuses malformed filters', async () => {
        const c = await seed();
        const bad: unknown[] = [
          { 'a..b': 1 },
          { "a'b": 1 },
          { '1abc': 1 },
          { $where: 'true' },
          { age: { $regex: 'x' } },
          { age: {} },
          { age: { $gt: true } },
          { age: { $in: 'x' } },
          { age: { $exists: 1 } },
          { tags: ['lead'] },
          { profile: { city: 'Shanghai' } },
          { $and: [] },
          { $or: 'x' },
          { age: Number.NaN },
        ];
        for (const filter of bad) {
          await expect(c.find(filter as Filter)).rejects.toBeInstanceOf(StorageError);
        }
        await expect(c.find({}, { orderBy: [['a b', 'asc']] })).rejects.toBeInstanceOf(StorageError);
        await expect(c.find({}, { fields: ['$x'] })).rejects.toBeInstanceOf(StorageError);
      });
    });

    describe('paging and limits', () => {
      const seedMany = async (n: number, collectionName = 'contract_paging') => {
        const c = storage.collection(collectionName);
        const docs = Array.from({ length: n }, (_, i) => ({
          _id: `d${String(i).padStart(4, '0')}`,
          employeeNo: `e${i}`,
          createdAt: 1000 + (i % 10) * 7,
          n: i,
        }));
        const result = await c.insertMany(docs);
        expect(result).toEqual({ inserted: n, duplicates: [] });
        return { c, docs };
      };

      it('pages by key with an after-filter on the sort key and _id', async () => {
        const { c, docs } = await seedMany(37);
        const expected = [...docs]
          .sort((a, b) => b.createdAt - a.createdAt || (a._id < b._id ? -1 : 1))
          .map((d) => d._id);
        const seen: string[] = [];
        let last: { createdAt: number; _id: string } | undefined;
        for (let guard = 0; guard < 20; guard++) {
          const filter: Filter = last
            ? { $or: [{ createdAt: { $lt: last.createdAt } }, { createdAt: last.createdAt, _id: { $gt: last._id } }] }
            : {};
          const page = await c.find(filter, { orderBy: [['createdAt', 'desc'], ['_id', 'asc']], limit: 5 });
          seen.push(...ids(page));
          if (page.length < 5) break;
          const tail = page[page.length - 1] as Doc & { createdAt: number };
          last = { createdAt: tail.createdAt, _id: tail._id };
        }
        expect(seen).toEqual(expected);
      });

      it('pages ascending with $gt on the sort key', async () => {
        const { c, docs } = await seedMany(12);
        const page1 = await c.find({}, { orderBy: [['n', 'asc']], limit: 5 });
        const page2 = await c.find({ n: { $gt: (page1[4] as Doc & { n: number }).n } }, { orderBy: [['n', 'asc']], limit: 5 });
        expect([...ids(page1), ...ids(page2)]).toEqual(ids(docs.slice(0, 10)));
      });

      it('defaults limit to 100, allows up to 1000 and refuses more', async () => {
        const { c } = await seedMany(150);
        expect(await c.find({})).toHaveLength(100);
        expect(await c.find({}, { limit: 120 })).toHaveLength(120);
        expect(await c.find({}, { limit: 1000 })).toHaveLength(150);
        await expect(c.find({}, { limit: 1001 })).rejects.toBeInstanceOf(StorageError);
        await expect(c.find({}, { limit: 0 })).rejects.toBeInstanceOf(StorageError);
        await expect(c.find({}, { limit: 2.5 })).rejects.toBeInstanceOf(StorageError);
      });

      it('findAll returns every match across pages', async () => {
        const { c } = await seedMany(23);
        expect(await c.findAll({}, 5)).toHaveLength(23);
        expect(ids(await c.findAll({}, 5))).toEqual(Array.from({ length: 23 }, (_, i) => `d${String(i).padStart(4, '0')}`));
        expect(await c.findAll({ n: { $gte: 10 } }, 4)).toHaveLength(13);
        expect(await c.findAll({ n: { $gte: 10 } })).toHaveLength(13);
        expect(await c.findAll({}, 23)).toHaveLength(23);
        await expect(c.findAll({}, 1001)).rejects.toBeInstanceOf(StorageError);
      });
    });

    describe('writes', () => {
      it('insert refuses an existing _id with DuplicateKeyError and keeps the original', async () => {
        const c = storage.collection('contract_items');
        await c.insert({ _id: 'a', v: 1 });
        const error = await c.insert({ _id: 'a', v: 2 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateKeyError);
        expect(error).toMatchObject({ collectionName: 'contract_items' });
        expect(await c.get('a')).toEqual({ _id: 'a', v: 1 });
      });

      it('insert refuses a duplicate unique key (members.employeeNo)', async () => {
        const c = storage.collection('members');
        await c.insert({ _id: 'm1', employeeNo: 'E1', name: 'A' });
        await expect(c.insert({ _id: 'm2', employeeNo: 'E1', name: 'B' })).rejects.toBeInstanceOf(DuplicateKeyError);
        await c.insert({ _id: 'm3', employeeNo: 'E3', name: 'C' });
        await expect(c.updateById('m3', { $set: { employeeNo: 'E1' } })).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await c.count({})).toBe(2);
        expect(await c.get('m3')).toMatchObject({ employeeNo: 'E3' });
      });

      it('insertMany inserts each document independently and reports duplicates', async () => {
        const c = storage.collection('contract_items');
        await c.insert({ _id: 'a', v: 0 });
        const result = await c.insertMany([
          { _id: 'a', v: 1 },
          { _id: 'b', v: 1 },
          { _id: 'b', v: 2 },
          { _id: 'c', v: 1 },
        ]);
        expect(result).toEqual({ inserted: 2, duplicates: ['a', 'b'] });
        expect(await c.find({}, { orderBy: [['_id', 'asc']] })).toEqual([
          { _id: 'a', v: 0 },
          { _id: 'b', v: 1 },
          { _id: 'c', v: 1 },
        ]);
        expect(await c.insertMany([])).toEqual({ inserted: 0, duplicates: [] });
      });

      it('put creates or replaces the whole document', async () => {
        const c = storage.collection('contract_items');
        await c.put({ _id: 'x', a: 1, b: { c: 2 } });
        expect(await c.get('x')).toEqual({ _id: 'x', a: 1, b: { c: 2 } });
        await c.put({ _id: 'x', d: 'new' });
        expect(await c.get('x')).toEqual({ _id: 'x', d: 'new' });
        expect(await c.count({})).toBe(1);
      });

      it('$set writes top-level and dotted fields, creating nested objects', async () => {
        const c = storage.collection('contract_items');
        await c.insertMany([
          { _id: 'a', kind: 'k', profile: { city: 'X' } },
          { _id: 'b', kind: 'k' },
          { _id: 'c', kind: 'other' },
        ]);
        expect(await c.update({ kind: 'k' }, { $set: { seen: true, 'profile.address.street': 'Main' } })).toBe(2);
        expect(await c.get('a')).toEqual({ _id: 'a', kind: 'k', profile: { city: 'X', address: { street: 'Main' } }, seen: true });
        expect(await c.get('b')).toEqual({ _id: 'b', kind: 'k', profile: { address: { street: 'Main' } }, seen: true });
        expect(await c.get('c')).toEqual({ _id: 'c', kind: 'other' });
        expect(await c.updateById('a', { $set: { profile: { city: 'Y' } } })).toBe(true);
        expect(await c.get('a')).toMatchObject({ profile: { city: 'Y' } });
        await expect(c.updateById('c', { $set: { 'kind.sub': 1 } })).rejects.toBeInstanceOf(StorageError);
      });

      it('$unset removes fields (dotted too) and counts only changed documents', async () => {
        const c = storage.collection('contract_items');
        await c.insertMany([
          { _id: 'a', t: 1, p: { q: 1, r: 2 } },
          { _id: 'b', t: 1 },
        ]);
        expect(await c.update({ t: 1 }, { $unset: { 'p.q': true } })).toBe(1);
        expect(await c.get('a')).toEqual({ _id: 'a', t: 1, p: { r: 2 } });
        expect(await c.updateById('a', { $unset: { t: '', nothing: true } })).toBe(true);
        expect(await c.get('a')).toEqual({ _id: 'a', p: { r: 2 } });
        expect(await c.updateById('b', { $unset: { nothing: true } })).toBe(false);
      });

      it('$inc adds to numbers, treating a missing field as 0', async () => {
        const c = storage.collection('contract_items');
        await c.insertMany([
          { _id: 'a', g: 'x', n: 5 },
          { _id: 'b', g: 'x' },
          { _id: 's', n: 'five' },
        ]);
        expect(await c.update({ g: 'x' }, { $inc: { n: 2, 'stats.hits': 1 } })).toBe(2);
        expect(await c.get('a')).toEqual({ _id: 'a', g: 'x', n: 7, stats: { hits: 1 } });
        expect(await c.get('b')).toEqual({ _id: 'b', g: 'x', n: 2, stats: { hits: 1 } });
        expect(await c.updateById('a', { $inc: { n: -0.5 } })).toBe(true);
        expect(await c.get('a')).toMatchObject({ n: 6.5 });
        await expect(c.updateById('s', { $inc: { n: 1 } })).rejects.toBeInstanceOf(StorageError);
        expect(await c.get('s')).toEqual({ _id: 's', n: 'five' });
      });

      it('$push appends one element, creating the array when missing', async () => {
        const c = storage.collection('contract_items');
        await c.insertMany([
          { _id: 'a', list: [1] },
          { _id: 'b' },
          { _id: 's', list: 'no' },
        ]);
        expect(await c.updateById('a', { $push: { list: 2 } })).toBe(true);
        expect(await c.updateById('b', { $push: { list: { at: 1 } } })).toBe(true);
        expect(await c.updateById('a', { $push: { list: [3, 4] } })).toBe(true);
        expect(await c.get('a')).toEqual({ _id: 'a', list: [1, 2, [3, 4]] });
        expect(await c.get('b')).toEqual({ _id: 'b', list: [{ at: 1 }] });
        await expect(c.updateById('s', { $push: { list: 1 } })).rejects.toBeInstanceOf(StorageError);
      });

      it('applies updates in path order, padding arrays with null; refuses overflow and all-digit keys', async () => {
        const c = storage.collection('contract_items');
        await c.insertMany([{ _id: 'a', list: [] }, { _id: 'big', n: 1.7e308 }, { _id: 'o', obj: {} }]);
        expect(await c.updateById('a', { $set: { 'list.3': 'x' }, $inc: { 'list.1': 2 } })).toBe(true);
        expect(await c.get('a')).toEqual({ _id: 'a', list: [null, 2, null, 'x'] });
        expect(await c.updateById('a', { $unset: { 'list.0': true }, $push: { 'list.5': 'p' } })).toBe(true);
        expect(await c.get('a')).toEqual({ _id: 'a', list: [null, 2, null, 'x', null, ['p']] });
        await expect(c.updateById('big', { $inc: { n: 1.7e308 } })).rejects.toBeInstanceOf(StorageError);
        expect(await c.get('big')).toEqual({ _id: 'big', n: 1.7e308 });
        await expect(c.updateById('o', { $set: { 'obj.1': 5 } })).rejects.toBeInstanceOf(StorageError);
        await expect(c.insert({ _id: 'd', m: { 7: 'x' } })).rejects.toBeInstanceOf(StorageError);
      });

      it('combines operators in one update', async () => {
        const c = storage.collection('contract_items');
        await c.insert({ _id: 'a', n: 1, old: true, log: [] });
        expect(await c.updateById('a', { $set: { name: 'A' }, $unset: { old: true }, $inc: { n: 1 }, $push: { log: 'x' } })).toBe(true);
        expect(await c.get('a')).toEqual({ _id: 'a', n: 2, log: ['x'], name: 'A' });
      });

      it('reports 0 / false when nothing matched or nothing changed', async () => {
        const c = storage.collection('contract_items');
        await c.insert({ _id: 'a', v: 1 });
        expect(await c.updateById('missing', { $set: { v: 2 } })).toBe(false);
        expect(await c.update({ v: 99 }, { $set: { v: 2 } })).toBe(0);
        expect(await c.updateById('a', { $set: { v: 1 } })).toBe(false);
        expect(await c.update({ v: 1 }, { $set: { v: 1 } })).toBe(0);
      });

      it('refuses bad updates', async () => {
        const c = storage.collection('contract_items');
        await c.insert({ _id: 'a', v: 1 });
        const bad: unknown[] = [
          {},
          { $set: {} },
          { v: 2 },
          { $rename: { v: 'w' } },
          { $set: { _id: 'b' } },
          { $set: { v: 1 }, $inc: { v: 1 } },
          { $set: { p: 1 }, $unset: { 'p.q': true } },
          { $inc: { v: '1' } },
          { $unset: { v: 1 } },
          { $set: { 'a..b': 1 } },
          { $set: { 'x.$': 1 } },
          { $set: { v: { 'a.b': 1 } } },
        ];
        for (const update of bad) {
          await expect(c.updateById('a', update as never)).rejects.toBeInstanceOf(StorageError);
          await expect(c.update({ _id: 'a' }, update as never)).rejects.toBeInstanceOf(StorageError);
        }
        expect(await c.get('a')).toEqual({ _id: 'a', v: 1 });
      });

      it('remove deletes matches and returns how many', async () => {
        const c = storage.collection('contract_items');
        await c.insertMany([
          { _id: 'a', g: 1 },
          { _id: 'b', g: 1 },
          { _id: 'c', g: 2 },
        ]);
        expect(await c.remove({ g: 1 })).toBe(2);
        expect(await c.remove({ g: 1 })).toBe(0);
        expect(ids(await c.find({}))).toEqual(['c']);
      });
    });

    describe('guards', () => {
      it('refuses an empty filter for update and remove', async () => {
        const c = storage.collection('contract_items');
        await c.insertMany([{ _id: 'a', v: 1 }, { _id: 'b', v: 2 }]);
        const empties: unknown[] = [{}, { $and: [{}] }, { $or: [{ v: 1 }, {}] }];
        for (const filter of empties) {
          await expect(c.update(filter as Filter, { $set: { v: 0 } })).rejects.toBeInstanceOf(StorageError);
          await expect(c.remove(filter as Filter)).rejects.toBeInstanceOf(StorageError);
        }
        expect(await c.find({}, { orderBy: [['_id', 'asc']] })).toEqual([
          { _id: 'a', v: 1 },
          { _id: 'b', v: 2 },
        ]);
      });

      it('refuses writes whose filter pins no field, unless ALL_DOCUMENTS says so', async () => {
        const c = storage.collection('contract_items');
        await c.insertMany([{ _id: 'a', v: 1 }, { _id: 'b', v: 2 }]);
        const wide: unknown[] = [
          { _id: { $exists: true } },
          { _id: { $nin: [] } },
          { v: { $exists: true } },
          { $or: [{ v: 1 }, { _id: { $ne: '' } }] },
          { v: { $gt: 0 } },
          { v: null },
          { v: { $in: [1, null] } },
          { $and: [{ v: { $ne: 3 } }] },
        ];
        for (const filter of wide) {
          await expect(c.update(filter as Filter, { $set: { v: 0 } })).rejects.toBeInstanceOf(StorageError);
          await expect(c.remove(filter as Filter)).rejects.toBeInstanceOf(StorageError);
        }
        expect(await c.find({}, { orderBy: [['_id', 'asc']] })).toEqual([{ _id: 'a', v: 1 }, { _id: 'b', v: 2 }]);
        // Selective: equality or $in somewhere on every path.
        expect(await c.update({ $or: [{ v: 1 }, { _id: { $in: ['b'] } }] }, { $inc: { v: 10 } })).toBe(2);
        expect(await c.update({ $and: [{ v: { $gt: 0 } }, { _id: 'a' }] }, { $inc: { v: 1 } })).toBe(1);
        expect(await c.update(ALL_DOCUMENTS, { $set: { w: true } })).toBe(2);
        expect(await c.remove(ALL_DOCUMENTS)).toBe(2);
        expect(await c.count({})).toBe(0);
      });

      it('keeps declared index fields to strings, numbers and null', async () => {
        const c = storage.collection('members');
        await c.insert({ _id: 'm1', employeeNo: 'E1', status: 'active', tags: ['free'] });
        const badDocs: unknown[] = [
          { _id: 'm2', employeeNo: 'E2', status: ['active'] },
          { _id: 'm2', employeeNo: 'E2', branchId: { id: 'b1' } },
          { _id: 'm2', employeeNo: true },
        ];
        for (const doc of badDocs) {
          await expect(c.insert(doc as Doc)).rejects.toBeInstanceOf(StorageError);
          await expect(c.put(doc as Doc)).rejects.toBeInstanceOf(StorageError);
        }
        const badUpdates: unknown[] = [{ $set: { status: ['x'] } }, { $set: { 'status.x': 1 } }, { $push: { branchId: 'b' } }, { $set: { name: false } }];
        for (const update of badUpdates) await expect(c.updateById('m1', update as never)).rejects.toBeInstanceOf(StorageError);
        expect(await c.updateById('m1', { $set: { status: null, name: 'A' }, $push: { tags: 'x' } })).toBe(true);
        expect(await c.get('m1')).toEqual({ _id: 'm1', employeeNo: 'E1', status: null, name: 'A', tags: ['free', 'x'] });
      });

      it('refuses undefined anywhere in filters, updates and documents, writing nothing', async () => {
        const c = storage.collection('contract_items');
        await c.insert({ _id: 'a', v: 1 });
        const u = undefined as unknown as string;
        await expect(c.find({ v: u })).rejects.toBeInstanceOf(StorageError);
        await expect(c.count({ v: { $in: [u] } })).rejects.toBeInstanceOf(StorageError);
        await expect(c.update({ _id: u }, { $set: { v: 2 } })).rejects.toBeInstanceOf(StorageError);
        await expect(c.update({ _id: 'a', other: u }, { $set: { v: 2 } })).rejects.toBeInstanceOf(StorageError);
        await expect(c.remove({ $or: [{ v: 1 }, { w: u }] })).rejects.toBeInstanceOf(StorageError);
        await expect(c.remove({ v: { $gt: 0, $lt: u } } as Filter)).rejects.toBeInstanceOf(StorageError);
        await expect(c.updateById('a', { $set: { v: u } })).rejects.toBeInstanceOf(StorageError);
        await expect(c.updateById('a', { $set: { w: { deep: [1, u] } } } as never)).rejects.toBeInstanceOf(StorageError);
        await expect(c.updateById(u, { $set: { v: 2 } })).rejects.toBeInstanceOf(StorageError);
        await expect(c.get(u)).rejects.toBeInstanceOf(StorageError);
        await expect(c.insert({ _id: 'b', nested: { x: u } })).rejects.toBeInstanceOf(StorageError);
        await expect(c.insert({ _id: 'b', list: [1, u] } as never)).rejects.toBeInstanceOf(StorageError);
        await expect(c.put({ _id: 'a', v: u })).rejects.toBeInstanceOf(StorageError);
        await expect(c.insertMany([{ _id: 'b' }, { _id: 'c', v: u }])).rejects.toBeInstanceOf(StorageError);
        await expect(c.find({}, { limit: u as unknown as number, orderBy: u as never })).resolves.toHaveLength(1);
        expect(await c.find({})).toEqual([{ _id: 'a', v: 1 }]);
      });

      it('refuses values JSON cannot keep (NaN, Infinity, Date, class instances) and bad ids', async () => {
        const c = storage.collection('contract_items');
        await expect(c.insert({ _id: 'a', n: Number.NaN })).rejects.toBeInstanceOf(StorageError);
        await expect(c.insert({ _id: 'a', n: Infinity })).rejects.toBeInstanceOf(StorageError);
        await expect(c.insert({ _id: 'a', d: new Date() } as never)).rejects.toBeInstanceOf(StorageError);
        await expect(c.insert({ _id: 'a', m: new Map() } as never)).rejects.toBeInstanceOf(StorageError);
        await expect(c.insert({ _id: '' })).rejects.toBeInstanceOf(StorageError);
        await expect(c.insert({ _id: 7 } as never)).rejects.toBeInstanceOf(StorageError);
        await expect(c.insert({ _id: 'a', 'x.y': 1 })).rejects.toBeInstanceOf(StorageError);
        await expect(c.insert({ _id: 'a', $x: 1 })).rejects.toBeInstanceOf(StorageError);
        expect(await c.count({})).toBe(0);
        expect(() => storage.collection('bad-name')).toThrow(StorageError);
      });
    });

    describe('atomically', () => {
      it('commits the work and returns its value', async () => {
        const c = storage.collection('contract_items');
        const value = await storage.atomically(async () => {
          await c.insert({ _id: 'a', v: 1 });
          await c.updateById('a', { $inc: { v: 1 } });
          return 'done';
        });
        expect(value).toBe('done');
        expect(await c.get('a')).toEqual({ _id: 'a', v: 2 });
      });

      it('runs nested calls inline', async () => {
        const c = storage.collection('contract_items');
        await storage.atomically(async () => {
          await c.insert({ _id: 'a' });
          await storage.atomically(async () => c.insert({ _id: 'b' }));
        });
        expect(await c.count({})).toBe(2);
      });

      if (options.rollback !== false) {
        it('rolls everything back when the work throws', async () => {
          const c = storage.collection('contract_items');
          const other = storage.collection('members');
          await c.insert({ _id: 'keep', v: 1 });
          const boom = new Error('boom');
          await expect(
            storage.atomically(async () => {
              await c.insert({ _id: 'a', v: 1 });
              await c.updateById('keep', { $set: { v: 2 } });
              await other.insert({ _id: 'm', employeeNo: 'E' });
              await c.remove({ _id: 'keep' });
              throw boom;
            }),
          ).rejects.toBe(boom);
          expect(await c.find({})).toEqual([{ _id: 'keep', v: 1 }]);
          expect(await other.count({})).toBe(0);
        });

        it('rolls back a first-use collection and can use it again afterwards', async () => {
          const fresh = storage.collection('contract_fresh');
          await expect(
            storage.atomically(async () => {
              await fresh.insert({ _id: 'a' });
              throw new Error('no');
            }),
          ).rejects.toThrow('no');
          expect(await fresh.count({})).toBe(0);
          await fresh.insert({ _id: 'b' });
          expect(await fresh.count({})).toBe(1);
        });
      }
    });
  });
}
