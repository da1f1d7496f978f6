import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { reuseStatements } from '@/db/engine/sqlite';

describe('compiled SQLite statements are reused (issue 16)', () => {
  const open = (kept?: number) => {
    const client = reuseStatements(new Database(':memory:'), kept);
    client.exec("create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b')");
    return client;
  };

  it('the same SQL text gets the same statement, back in object mode whatever the last caller set', () => {
    const client = open();
    const first = client.prepare('select id, name from t order by id');
    expect(first.raw().all()).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    const again = client.prepare('select id, name from t order by id');
    expect(again).toBe(first);
    expect(again.all()).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
    expect(client.prepare('select name from t where id = ?').pluck().get(2)).toBe('b');
    expect(client.prepare('select name from t where id = ?').get(2)).toEqual({ name: 'b' });
    // Writes are reused too.
    const insert = client.prepare('insert into t (name) values (?)');
    expect(client.prepare('insert into t (name) values (?)')).toBe(insert);
    insert.run('c');
    expect(client.prepare('select count(*) as n from t').get()).toEqual({ n: 3 });
  });

  it('a statement still stepping through rows is not handed out: its caller gets a fresh one', () => {
    const client = open();
    const sqlText = 'select id from t order by id';
    const rows = client.prepare(sqlText).iterate();
    expect(rows.next().value).toEqual({ id: 1 });
    const other = client.prepare(sqlText);
    expect(other.all()).toEqual([{ id: 1 }, { id: 2 }]);
    expect(rows.next().value).toEqual({ id: 2 });
    rows.return?.();
  });

  it('keeps a bounded number, least recently used dropped first', () => {
    const client = open(2);
    const a = client.prepare('select 1');
    const b = client.prepare('select 2');
    expect(client.prepare('select 1')).toBe(a);
    client.prepare('select 3'); // drops 'select 2', the least recently used
    expect(client.prepare('select 1')).toBe(a);
    expect(client.prepare('select 2')).not.toBe(b);
  });
});
