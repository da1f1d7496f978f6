// Were votes lost? Every answer that accepted a vote is matched against the rows the database gained.
import type Database from 'better-sqlite3';
import type { VoteAudit } from './report';

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
    private readonly db: Database.Database,
    readonly id: VoteAudit['id'],
  ) {}

  begin(): void {
    this.since = (this.db.prepare('select coalesce(max(id), 0) as id from votes').get() as { id: number }).id;
    this.cookies = [];
  }

  /** For every answer with an accepted status. */
  record(headers: Record<string, string | string[]>): void {
    this.accepted++;
    const set = headers['set-cookie'];
    this.cookies.push(Array.isArray(set) ? set.join('\n') : (set ?? ''));
  }

  end(): void {
    const rows = this.db.prepare('select reader_id as readerId from votes where id > ?').all(this.since) as { readerId: string }[];
    const readers = new Set(rows.map((r) => r.readerId));
    this.rows += rows.length;
    this.matched += this.cookies.filter((c) => c.split(/[^A-Za-z0-9_-]+/).some((token) => token.length >= 8 && readers.has(token))).length;
    this.cookies = [];
  }

  result(articleId: number): VoteAudit {
    const byCookie = this.matched > 0;
    return {
      id: this.id,
      accepted: this.accepted,
      rowsAdded: this.rows,
      lost: byCookie ? this.accepted - this.matched : Math.max(0, this.accepted - this.rows),
      method: byCookie ? 'reader cookie' : 'row count',
      unanswered: byCookie ? this.rows - this.matched : Math.max(0, this.rows - this.accepted),
      talliesConsistent: talliesConsistent(this.db, articleId),
    };
  }
}

/** vote_tallies = COUNT(*) by mood of non-voided votes; vote_hourly = the same by the hour first cast. */
export function talliesConsistent(db: Database.Database, articleId: number): boolean {
  // One read transaction: every query sees the same snapshot even while votes are still landing.
  return db.transaction(() => compareTallies(db, articleId))();
}

function compareTallies(db: Database.Database, articleId: number): boolean {
  const rows = (sql: string) => (db.prepare(sql).all(articleId) as { hour?: number; mood: string; n: number }[]).map((r) => `${r.hour ?? ''}|${r.mood}|${r.n}`).sort();
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return (
    same(
      rows('select mood, count(*) as n from votes where article_id = ? and voided_at is null group by mood'),
      rows('select mood, count as n from vote_tallies where article_id = ? and count > 0'),
    ) &&
    same(
      rows('select (created_at / 3600000) * 3600000 as hour, mood, count(*) as n from votes where article_id = ? and voided_at is null group by 1, 2'),
      rows('select hour, mood, count as n from vote_hourly where article_id = ? and count > 0'),
    )
  );
}
