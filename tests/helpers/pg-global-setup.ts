// Once per vitest run, for the 'postgres' project: a database migrated to the latest schema, which
// every test file copies (CREATE DATABASE … TEMPLATE, a file copy on the server: fast). Databases of
// earlier runs that died before their teardown are dropped here.
import type { TestProject } from 'vitest/node';
import { createPgEngine } from '@/db/engine/pg';
import { adminQuery, databaseUrl, runPrefix, stalePrefix } from './pg-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const stale = await adminQuery<{ datname: string }>(`select datname from pg_database where datname like $1`, [
    `${stalePrefix()}%`,
  ]);
  for (const { datname } of stale.rows) {
    const pid = Number(/_p(\d+)_/.exec(datname)?.[1]);
    let alive = false;
    try {
      if (pid) process.kill(pid, 0);
      alive = Boolean(pid);
    } catch {
      alive = false;
    }
    if (!alive) await adminQuery(`drop database if exists "${datname}" with (force)`);
  }

  const template = `${runPrefix()}template`;
  await adminQuery(`drop database if exists "${template}" with (force)`);
  await adminQuery(`create database "${template}"`);
  const engine = createPgEngine({ url: databaseUrl(template), poolSize: 1 });
  try {
    await engine.migrate();
  } finally {
    await engine.close();
  }
  project.provide('pgTemplate', template);
  return async () => {
    await adminQuery(`drop database if exists "${template}" with (force)`);
  };
}
