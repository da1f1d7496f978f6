// npm run admin -- create|reset-password|disable|enable …  Manage staff accounts from the command line.
import { parseArgs } from 'node:util';
import { closeEngine, getEngine } from '../db/engine';
import { removeDemoActivity } from '../db/queries/demo-activity';
import { createUserFromCli, resetPasswordFromCli, setDisabledFromCli, type CliResult } from '../lib/accounts';
import { ROLES, type Role } from '../db/schema';

const USAGE = `Usage:
  npm run admin -- create --email <e-mail> [--name <name>] [--role writer|editor|admin] [--password <password>]
  npm run admin -- reset-password --email <e-mail> [--password <password>]
  npm run admin -- disable --email <e-mail>
  npm run admin -- enable --email <e-mail>
  npm run admin -- remove-demo-activity

Without --password a random one is generated and printed once. Passwords are 12–128 characters and
not a common one. The database is DATABASE_URL (postgres://…) when set, else DATABASE_PATH (default
data/moodwire.db).
remove-demo-activity takes away the votes, reads and shares seeded on the first start (decision 044).`;

/** Takes away the demo's seeded activity, on either engine; real readers' votes, reads and shares stay. */
async function removeDemo(): Promise<number> {
  try {
    await getEngine().migrate();
    const removed = await removeDemoActivity();
    console.log(
      removed.votes + removed.reads + removed.shares === 0
        ? 'No demo activity to remove.'
        : `Removed the demo activity: ${removed.votes} votes, ${removed.reads} reads, ${removed.shares} shares. ` +
            'Cached pages catch up within five minutes.',
    );
    return 0;
  } finally {
    await closeEngine();
  }
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'remove-demo-activity' && rest.length === 0) return removeDemo();
  let values: { email?: string; name?: string; role?: string; password?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
      },
    }));
  } catch (error) {
    console.error((error as Error).message + '\n\n' + USAGE);
    return 2;
  }
  if (!command || !['create', 'reset-password', 'disable', 'enable'].includes(command) || !values.email) {
    console.error(USAGE);
    return 2;
  }
  const role = (values.role ?? 'writer') as Role;
  if (!ROLES.includes(role)) {
    console.error(`--role must be one of ${ROLES.join(', ')}`);
    return 2;
  }
  try {
    await getEngine().migrate();
    let result: CliResult;
    if (command === 'create')
      result = await createUserFromCli({ email: values.email, name: values.name, role, password: values.password });
    else if (command === 'reset-password')
      result = await resetPasswordFromCli({ email: values.email, password: values.password });
    else result = await setDisabledFromCli({ email: values.email, disabled: command === 'disable' });
    if (!result.ok) {
      console.error(result.message);
      return 1;
    }
    console.log(result.message);
    if ('password' in result && result.password) console.log(`Password (shown once): ${result.password}`);
    return 0;
  } finally {
    await closeEngine();
  }
}

main().then((code) => process.exit(code));
