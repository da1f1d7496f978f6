// A throwaway redis-server of a test's own (no saving, no append-only file), which the test may kill
// and start again on the same port: empty, like a Redis that lost its memory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server';

/** Why the tests of the shared cache cannot run here (undefined: they can). */
export function redisServerMissing(): string | undefined {
  return spawnSync(REDIS_SERVER, ['--version']).status === 0 ? undefined : `redis-server not found at ${REDIS_SERVER}`;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export class ThrowawayRedis {
  private child: ChildProcess | undefined;
  constructor(readonly port: number) {}

  get url() {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  async start(): Promise<void> {
    if (await listening(this.port)) throw new Error(`port ${this.port} is already in use`);
    this.child = spawn(
      REDIS_SERVER,
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100 && !(await listening(this.port)); i++) await new Promise((r) => setTimeout(r, 50));
    if (!(await listening(this.port))) throw new Error(`redis-server did not start on port ${this.port}`);
  }

  /** SIGSTOP / SIGCONT: Redis hung (its connections stay open, nothing answers), then going on. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** SIGKILL: Redis gone at once, as in a crash. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}
