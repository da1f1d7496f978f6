// Every audit row is written by recordAudit (db/queries/audit.ts), inside the transaction of the change
// it records: one place decides what an entry holds, so no query writes a row of its own shape.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.join(process.cwd(), 'db', 'queries');

/** Files of db/queries that insert into the audit table themselves, with the offending lines. */
function directAuditWrites(): string[] {
  const found: string[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    if (name === 'audit.ts') continue;
    const source = fs.readFileSync(path.join(dir, name), 'utf8');
    // Any builder or SQL that names the audit table for writing: insert(auditLog), insert into audit_log.
    for (const match of source.matchAll(/\.insert\(\s*auditLog\s*\)|insert\s+into\s+["`]?audit_log/gi))
      found.push(`${name}: ${match[0]}`);
    // A module that imports the audit table at all has no read of it outside audit.ts either.
    if (/import\s*\{[^}]*\bauditLog\b[^}]*\}\s*from\s*'@\/db\/schema'/.test(source))
      found.push(`${name}: imports auditLog`);
  }
  return found;
}

describe('audit rows', () => {
  it('are written only through recordAudit in db/queries', () => {
    expect(directAuditWrites()).toEqual([]);
  });

  it('recordAudit itself is the one insert into the audit table', () => {
    const source = fs.readFileSync(path.join(dir, 'audit.ts'), 'utf8');
    expect(source.match(/\.insert\(\s*auditLog\s*\)/g)).toHaveLength(1);
  });
});
