import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ApiProcess {
  child: ChildProcess;
  /** The port the API bound (it starts with PORT=0, so the system picks a free one). */
  port: number;
  url: string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

const STARTUP_MS = 60_000;

/**
 * `node dist/main.js` on this test file's database and queue prefix (process.env, set by
 * the setup file), on a port the system chooses. Resolves once `/health/ready` answers
 * 200; if the process exits or stays unready, rejects with the tail of its output, so a
 * failed start says why. `npm test` builds dist first.
 */
export async function startApi(
  env: Record<string, string> = {},
  args: string[] = [],
): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['dist/main.js', ...args], {
    env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output: string[] = [];
  const remember = (line: string) => {
    output.push(line);
    if (output.length > 40) output.shift();
  };
  createInterface({ input: child.stderr }).on('line', remember);
  const lines = createInterface({ input: child.stdout });
  const bound = new Promise<number>((resolve) => {
    lines.on('line', (line) => {
      remember(line);
      const port = listeningPort(line);
      if (port !== undefined) resolve(port);
    });
  });

  const failed = (why: string) =>
    new Error(`the API process ${why}; its last output:\n${output.join('\n')}`);
  const deadline = Date.now() + STARTUP_MS;
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(failed(`did not listen within ${STARTUP_MS} ms`)), STARTUP_MS).unref(),
  );
  const exit = exited.then((code) => {
    throw failed(`exited with ${code ?? 'a signal'} before it was ready`);
  });
  try {
    const port = await Promise.race([bound, exit, timeout]);
    const url = `http://127.0.0.1:${port}`;
    for (;;) {
      const status = await Promise.race([
        fetch(`${url}/health/ready`).then(
          (r) => r.status,
          () => 0,
        ),
        exit,
      ]);
      if (status === 200) return { child, port, url, exited };
      if (Date.now() > deadline) throw failed(`answered /health/ready with ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    exit.catch(() => undefined);
  }
}

/** The port of the API's "listening" log line, if `line` is that line. */
function listeningPort(line: string): number | undefined {
  try {
    const entry = JSON.parse(line) as { port?: unknown; msg?: unknown };
    if (typeof entry.port === 'number' && String(entry.msg).startsWith('Saraban API on'))
      return entry.port;
  } catch {
    // Not a JSON log line.
  }
  return undefined;
}
