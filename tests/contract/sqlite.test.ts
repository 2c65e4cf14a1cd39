/**
 * The local adapter against the storage contract, in memory and on a file, plus what only SQLite
 * can show: persistence across reopen, the declared indexes, isolation of `atomically` from
 * concurrent requests, and Mongo's unique-index treatment of missing fields.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { DuplicateKeyError } from '../../cloudfunctions/_runtime/storage/port';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { runStorageContract } from './storage.contract';

const dir = mkdtempSync(path.join(tmpdir(), 'weizhibu-storage-'));
let fileCount = 0;
const nextFile = () => path.join(dir, `db-${++fileCount}.sqlite`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStorageContract('sqlite :memory:', async () => openSqliteStorage(':memory:'));
runStorageContract('sqlite file', async () => openSqliteStorage(nextFile()));

describe('sqlite storage specifics', () => {
  it('keeps data after close and reopen, in WAL mode', async () => {
    const file = nextFile();
    const first = openSqliteStorage(file);
    await first.collection('members').insert({ _id: 'm1', employeeNo: 'E1', name: '张三', tags: ['a'] });
    await first.collection('notes').insertMany([{ _id: 'n1', at: 1 }, { _id: 'n2', at: 2 }]);
    await first.collection('notes').updateById('n2', { $inc: { at: 5 } });
    await first.close();

    const second = openSqliteStorage(file);
    expect(await second.collection('members').get('m1')).toEqual({ _id: 'm1', employeeNo: 'E1', name: '张三', tags: ['a'] });
    expect(await second.collection('notes').find({}, { orderBy: [['at', 'desc']] })).toEqual([
      { _id: 'n2', at: 7 },
      { _id: 'n1', at: 1 },
    ]);
    await expect(second.collection('members').insert({ _id: 'm2', employeeNo: 'E1' })).rejects.toBeInstanceOf(DuplicateKeyError);
    await second.close();

    const raw = new Database(file);
    expect((raw.prepare('PRAGMA journal_mode').raw().all() as string[][])[0]?.[0]).toBe('wal');
    raw.close();
  });

  it('creates the declared indexes, unique ones as UNIQUE', async () => {
    const file = nextFile();
    const storage = openSqliteStorage(file);
    await storage.collection('members').count({});
    await storage.close();
    const raw = new Database(file);
    const rows = raw
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members' AND sql IS NOT NULL")
      .raw()
      .all() as Array<[string, string]>;
    raw.close();
    const sqlByName = new Map(rows);
    expect(sqlByName.get('members__u_employeeNo')).toMatch(/^CREATE UNIQUE INDEX/);
    expect(sqlByName.get('members__k_openid')).toContain(`json_extract(doc, '$.openid'), id)`);
    expect(sqlByName.get('members__k_branchId_status_employeeNo')).toContain(
      `json_extract(doc, '$.branchId'), json_extract(doc, '$.status'), json_extract(doc, '$.employeeNo'), id)`,
    );
    expect(sqlByName.has('members__k_name')).toBe(true);
  });

  it('lets only one document lack a unique field, as Mongo/CloudBase unique indexes do', async () => {
    const storage = openSqliteStorage(':memory:');
    const members = storage.collection('members');
    await members.insert({ _id: 'a', name: 'no number' });
    await expect(members.insert({ _id: 'b', name: 'no number either' })).rejects.toMatchObject({
      name: 'DuplicateKeyError',
      key: 'employeeNo=undefined',
    });
    await expect(members.insert({ _id: 'c', employeeNo: null })).rejects.toBeInstanceOf(DuplicateKeyError);
    // A string and a number are different keys.
    await members.insert({ _id: 'd', employeeNo: '1' });
    await members.insert({ _id: 'e', employeeNo: 1 });
    await expect(members.insert({ _id: 'f', employeeNo: '1' })).rejects.toMatchObject({ key: 'employeeNo=1' });
    await storage.close();
  });

  it('keeps other requests out of an open transaction instead of rolling them back with it', async () => {
    const storage = openSqliteStorage(':memory:');
    const c = storage.collection('items');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const tx = storage.atomically(async () => {
      await c.insert({ _id: 'inside' });
      await gate;
      throw new Error('abort');
    });
    // Started while the transaction is open: it must wait and then survive the rollback.
    const outside = c.insert({ _id: 'outside' });
    const counted = c.count({});
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await expect(tx).rejects.toThrow('abort');
    await outside;
    expect(await counted).toBe(1);
    expect(await c.find({})).toEqual([{ _id: 'outside' }]);
    await storage.close();
  });

  it('serialises concurrent atomically calls', async () => {
    const storage = openSqliteStorage(':memory:');
    const c = storage.collection('counters');
    await c.insert({ _id: 'n', v: 0 });
    const bump = () =>
      storage.atomically(async () => {
        const current = (await c.get('n')) as { v: number } | null;
        await new Promise((resolve) => setTimeout(resolve, 1));
        await c.put({ _id: 'n', v: (current?.v ?? 0) + 1 });
      });
    await Promise.all(Array.from({ length: 10 }, bump));
    expect(await c.get('n')).toEqual({ _id: 'n', v: 10 });
    await storage.close();
  });

  it('stays quick with thousands of documents', async () => {
    const storage = openSqliteStorage(':memory:');
    const members = storage.collection('members');
    const docs = Array.from({ length: 5000 }, (_, i) => ({
      _id: `m${String(i).padStart(5, '0')}`,
      employeeNo: `E${i}`,
      openid: `o${i}`,
      branchId: `b${i % 40}`,
      status: i % 4 ? 'active' : 'left',
    }));
    const started = Date.now();
    expect(await members.insertMany(docs)).toEqual({ inserted: 5000, duplicates: [] });
    expect(await members.update({ status: 'active' }, { $inc: { points: 1 } })).toBe(3750);
    for (let i = 0; i < 200; i++) expect(await members.find({ openid: `o${i * 7}` })).toHaveLength(1);
    expect(await members.findAll({ branchId: 'b3' })).toHaveLength(125);
    expect(Date.now() - started).toBeLessThan(5000);
    await storage.close();
  });
});
