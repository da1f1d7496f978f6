// Were votes lost? Every answer that accepted a vote is matched against the rows the database gained,
// on whichever engine the server under test writes to (SQLite file or PostgreSQL: --db postgres).
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { VoteAudit } from './report';

/** The three reads the audit needs, on the database the server writes its votes to. */
export type VoteStore = {
  newestVoteId(): Promise<number>;
  readersSince(id: number): Promise<string[]>;
  talliesConsistent(articleId: number): Promise<boolean>;
};

/** vote_tallies = COUNT(*) by mood of non-voided votes; vote_hourly = the same by the hour first cast. */
const TALLY_QUERIES = {
  votesByMood: 'select mood, count(*) as n from votes where article_id = $1 and voided_at is null group by mood',
  tallies: 'select mood, count as n from vote_tallies where article_id = $1 and count > 0',
  votesByHour:
    'select (created_at / 3600000) * 3600000 as hour, mood, count(*) as n from votes where article_id = $1 and voided_at is null group by 1, 2',
  hourly: 'select hour, mood, count as n from vote_hourly where article_id = $1 and count > 0',
};
type TallyRow = { hour?: number | string; mood: string; n: number | string };
const key = (rows: TallyRow[]) => rows.map((r) => `${r.hour ?? ''}|${r.mood}|${r.n}`).sort();
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const consistent = (q: Record<keyof typeof TALLY_QUERIES, TallyRow[]>) =>
  same(key(q.votesByMood), key(q.tallies)) && same(key(q.votesByHour), key(q.hourly));

export function sqliteVoteStore(db: Database.Database): VoteStore {
  const all = (sql: string, ...params: unknown[]) => db.prepare(sql.replace(/\$\d+/g, '?')).all(...params) as TallyRow[];
  return {
    newestVoteId: async () => (db.prepare('select coalesce(max(id), 0) as id from votes').get() as { id: number }).id,
    readersSince: async (id) =>
      (db.prepare('select reader_id as readerId from votes where id > ?').all(id) as { readerId: string }[]).map((r) => r.readerId),
    // One read transaction: every query sees the same snapshot even while votes are still landing.
    talliesConsistent: async (articleId) =>
      db.transaction(() =>
        consistent({
          votesByMood: all(TALLY_QUERIES.votesByMood, articleId),
          tallies: all(TALLY_QUERIES.tallies, articleId),
          votesByHour: all(TALLY_QUERIES.votesByHour, articleId),
          hourly: all(TALLY_QUERIES.hourly, articleId),
        }),
      )(),
  };
}

export function postgresVoteStore(client: pg.Client): VoteStore {
  const rows = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows;
  return {
    newestVoteId: async () => Number((await rows<{ id: string }>('select coalesce(max(id), 0) as id from votes'))[0]!.id),
    readersSince: async (id) => (await rows<{ reader_id: string }>('select reader_id from votes where id > $1', [id])).map((r) => r.reader_id),
    // One REPEATABLE READ transaction: the same snapshot for all four queries.
    talliesConsistent: async (articleId) => {
      await client.query('begin isolation level repeatable read read only');
      try {
        const q = {} as Record<keyof typeof TALLY_QUERIES, TallyRow[]>;
        for (const [name, sql] of Object.entries(TALLY_QUERIES)) q[name as keyof typeof TALLY_QUERIES] = await rows<TallyRow>(sql, [articleId]);
        return consistent(q);
      } finally {
        await client.query('commit');
      }
    },
  };
}

/**
 * Records the accepted answers of one vote target across its runs. Before each run, `begin()` notes
 * the newest vote id; after it, `end()` reads the rows written since. When the server names the new
 * reader in its Set-Cookie header (a signed cookie usually holds the id in clear), each accepted
 * answer is matched to its own row; otherwise only the counts can be compared.
 */
export class VoteLedger {
  private accepted = 0;
  private matched = 0;
  private rows = 0;
  private cookies: string[] = [];
  private since = 0;

  constructor(
    private readonly store: VoteStore,
    readonly id: VoteAudit['id'],
  ) {}

  async begin(): Promise<void> {
    this.since = await this.store.newestVoteId();
    this.cookies = [];
  }

  /** For every answer with an accepted status. */
  record(headers: Record<string, string | string[]>): void {
    this.accepted++;
    const set = headers['set-cookie'];
    this.cookies.push(Array.isArray(set) ? set.join('\n') : (set ?? ''));
  }

  async end(): Promise<void> {
    const written = await this.store.readersSince(this.since);
    const readers = new Set(written);
    this.rows += written.length;
    this.matched += this.cookies.filter((c) => c.split(/[^A-Za-z0-9_-]+/).some((token) => token.length >= 8 && readers.has(token))).length;
    this.cookies = [];
  }

  async result(articleId: number): Promise<VoteAudit> {
    const byCookie = this.matched > 0;
    return {
      id: this.id,
      accepted: this.accepted,
      rowsAdded: this.rows,
      lost: byCookie ? this.accepted - this.matched : Math.max(0, this.accepted - this.rows),
      method: byCookie ? 'reader cookie' : 'row count',
      unanswered: byCookie ? this.rows - this.matched : Math.max(0, this.rows - this.accepted),
      talliesConsistent: await this.store.talliesConsistent(articleId),
    };
  }
}
