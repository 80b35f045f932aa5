import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A PostgreSQL primary with a streaming replica, both started by the test in a temporary
 * folder from the machine's server binaries: initdb, then pg_basebackup -R for the standby.
 * PostgreSQL refuses to run as root, so as root the binaries run as the `postgres` user.
 */
export interface ReplicaPair {
  primaryUrl(database: string): string;
  replicaUrl(database: string): string;
  /** Runs one statement on the replica (pausing or resuming its replay, say). */
  onReplica<T = unknown>(sql: string, database?: string): Promise<T[]>;
  /** Runs one statement on the primary, on a connection of its own. */
  onPrimary<T = unknown>(sql: string, database?: string): Promise<T[]>;
  stopReplica(): void;
  stop(): void;
}

/** The newest installed server's bin folder, or null when the machine has none. */
export function serverBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startReplicaPair(bin: string): Promise<ReplicaPair> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'saraban-replica-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
    execFileSync(file, argv, { stdio: 'pipe', timeout: 120_000 });
  };
  const primaryPort = await freePort();
  const replicaPort = await freePort();
  const primaryDir = join(dir, 'primary');
  const replicaDir = join(dir, 'replica');

  run('initdb', ['-D', primaryDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  // initdb's pg_hba with -A trust already admits replication connections from 127.0.0.1.
  appendFileSync(
    join(primaryDir, 'postgresql.conf'),
    [
      `port = ${primaryPort}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${dir}'`,
      'wal_level = replica',
      'max_wal_senders = 4',
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      'hot_standby = on',
      '',
    ].join('\n'),
  );
  run('pg_ctl', ['-D', primaryDir, '-l', join(dir, 'primary.log'), '-w', 'start']);
  const stopped = new Set<string>();
  const stopCluster = (clusterDir: string) => {
    if (stopped.has(clusterDir)) return;
    stopped.add(clusterDir);
    try {
      run('pg_ctl', ['-D', clusterDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already down.
    }
  };
  try {
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
      '--no-sync',
    ]);
    run('pg_ctl', [
      '-D',
      replicaDir,
      '-o',
      `-p ${replicaPort}`,
      '-l',
      join(dir, 'replica.log'),
      '-w',
      'start',
    ]);
  } catch (error) {
    stopCluster(primaryDir);
    throw error;
  }

  const url = (port: number, database: string) =>
    `postgres://postgres@127.0.0.1:${port}/${database}`;
  const once = async <T>(port: number, database: string, sql: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: url(port, database) });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  };
  return {
    primaryUrl: (database) => url(primaryPort, database),
    replicaUrl: (database) => url(replicaPort, database),
    onReplica: <T>(sql: string, database = 'postgres') => once<T>(replicaPort, database, sql),
    onPrimary: <T>(sql: string, database = 'postgres') => once<T>(primaryPort, database, sql),
    stopReplica: () => stopCluster(replicaDir),
    stop() {
      stopCluster(replicaDir);
      stopCluster(primaryDir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
