import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

/** Debian's dovecot (`apt-get install dovecot-imapd`); tests that need it skip without it. */
export const DOVECOT_BINARY = '/usr/sbin/dovecot';
export const hasDovecot = (): boolean => existsSync(DOVECOT_BINARY);

export interface ImapAccount {
  user: string;
  password: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not listen on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A real IMAP server for one test file: Debian's dovecot with its own configuration in a
 * temporary folder (plain authentication on 127.0.0.1, a passwd-file of accounts, maildirs
 * in the folder, a free port), run in the foreground as the current user. When that user
 * is root, mail is kept as `nobody`, since dovecot refuses mail access as uid 0.
 */
export class DovecotServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'saraban-imap-'));
  port = 0;
  private child?: ChildProcess;

  constructor(readonly accounts: ImapAccount[]) {}

  async start(port?: number): Promise<number> {
    this.port = port ?? (await freePort());
    const me = userInfo();
    const mailUid = me.uid === 0 ? 65534 : me.uid;
    const mailGid = me.uid === 0 ? 65534 : me.gid;
    const loginUser = me.uid === 0 ? 'nobody' : me.username;
    for (const sub of ['run', 'state', 'mail']) mkdirSync(join(this.dir, sub), { recursive: true });
    if (me.uid === 0) {
      for (const sub of ['', 'mail']) {
        const { chownSync } = await import('node:fs');
        chownSync(join(this.dir, sub), mailUid, mailGid);
      }
    }
    writeFileSync(
      join(this.dir, 'passwd'),
      this.accounts.map((a) => `${a.user}:{PLAIN}${a.password}\n`).join(''),
    );
    writeFileSync(
      join(this.dir, 'dovecot.conf'),
      `base_dir = ${this.dir}/run
state_dir = ${this.dir}/state
log_path = ${this.dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${this.dir}/mail/%u
first_valid_uid = ${Math.min(mailUid, 500)}
last_valid_uid = 0
default_internal_user = ${loginUser}
default_internal_group = ${me.uid === 0 ? 'nogroup' : String(me.gid)}
default_login_user = ${loginUser}
mail_uid = ${mailUid}
mail_gid = ${mailGid}
namespace inbox {
  inbox = yes
  separator = /
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${this.port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${this.dir}/passwd
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${this.dir}/mail/%u
}
`,
    );
    this.child = spawn(DOVECOT_BINARY, ['-F', '-c', join(this.dir, 'dovecot.conf')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    this.child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    try {
      await waitForPort(this.port, 15_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}: ${stderr}${this.log()}`, { cause: error });
    }
    return this.port;
  }

  log(): string {
    const path = join(this.dir, 'dovecot.log');
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  }

  /** Kills the server (SIGKILL: open connections drop at once, as in a crash). */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    // The master's children notice it is gone and exit; its pid file goes with it.
    rmSync(join(this.dir, 'run', 'master.pid'), { force: true });
    this.child = undefined;
  }

  /** Back up on the same port, with the same maildirs. */
  async restart(): Promise<void> {
    await this.kill();
    // The killed master's children may hold the port for a moment.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.start(this.port);
        return;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    this.child = undefined;
    rmSync(this.dir, { recursive: true, force: true });
  }

  client(account: ImapAccount, port = this.port): ImapFlow {
    return new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user: account.user, pass: account.password },
      logger: false,
    });
  }

  /** Appends a raw message to a folder of the account (creating the folder if needed). */
  async append(account: ImapAccount, raw: string | Buffer, folder = 'INBOX'): Promise<void> {
    const client = this.client(account);
    await client.connect();
    try {
      if (folder !== 'INBOX') await client.mailboxCreate(folder).catch(() => undefined);
      await client.append(folder, raw);
    } finally {
      await client.logout();
    }
  }

  /** Subjects of the messages in a folder, in order. */
  async subjects(account: ImapAccount, folder: string): Promise<string[]> {
    const client = this.client(account);
    await client.connect();
    try {
      const exists = (await client.list()).some((m) => m.path === folder);
      if (!exists) return [];
      const lock = await client.getMailboxLock(folder);
      try {
        const subjects: string[] = [];
        for await (const message of client.fetch('1:*', { envelope: true })) {
          subjects.push(message.envelope?.subject ?? '');
        }
        return subjects;
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
  }
}
