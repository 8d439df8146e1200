import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Throwaway redis-server processes for the scenario tests and the lab
 * runner's self-check: a standalone server and a three-master cluster on
 * loopback, no persistence, stopped by pid. Node-only; never loaded by
 * the browser.
 */

export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
export const REDIS_CLI = process.env.REDIS_CLI ?? '/usr/bin/redis-cli';

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A free port p whose cluster bus port p + 10000 is free too. */
async function freeClusterPort(taken: Set<number>): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const p = 20_000 + Math.floor(Math.random() * 30_000);
    if (taken.has(p) || taken.has(p + 10_000)) continue;
    if ((await portFree(p)) && (await portFree(p + 10_000))) {
      taken.add(p);
      taken.add(p + 10_000);
      return p;
    }
  }
  throw new Error('no free port pair for a cluster node');
}

/** A running server process. */
export interface ServerProcess {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

function startServer(port: number, extra: string[], dir: string): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server on ${port} did not start in 10 s`)),
      10_000,
    );
    let log = '';
    child.stdout?.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('Ready to accept connections')) {
        clearTimeout(timer);
        const pid = child.pid!;
        resolve({
          port,
          pid,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              process.kill(pid, 'SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}: ${log}`));
    });
  });
}

/** Starts a standalone server on a free port. */
export async function startStandalone(): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'lb-redis-'));
  const port = await freeClusterPort(new Set());
  const s = await startServer(port, [], dir);
  return {
    ...s,
    stop: async () => {
      await s.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A running three-master cluster. */
export interface ClusterProcess {
  nodes: { host: string; port: number }[];
  pids: number[];
  stop(): Promise<void>;
}

/**
 * Starts three servers with cluster mode on, joins them with
 * `redis-cli --cluster create … --cluster-replicas 0 --cluster-yes`, and
 * waits until every node reports cluster_state:ok (up to 15 s).
 */
export async function startCluster(size = 3): Promise<ClusterProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'lb-cluster-'));
  const taken = new Set<number>();
  const servers: ServerProcess[] = [];
  const stopAll = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < size; i++) {
      const port = await freeClusterPort(taken);
      servers.push(
        await startServer(
          port,
          [
            '--cluster-enabled',
            'yes',
            '--cluster-config-file',
            `nodes-${port}.conf`,
            '--cluster-node-timeout',
            '5000',
          ],
          dir,
        ),
      );
    }
    const addrs = servers.map((s) => `127.0.0.1:${s.port}`);
    const created = spawnSync(
      REDIS_CLI,
      ['--cluster', 'create', ...addrs, '--cluster-replicas', '0', '--cluster-yes'],
      {
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    if (created.status !== 0)
      throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const ok = servers.every((s) => {
        const info = spawnSync(REDIS_CLI, ['-p', String(s.port), 'cluster', 'info'], {
          encoding: 'utf8',
        });
        return info.stdout.includes('cluster_state:ok');
      });
      if (ok) break;
      if (Date.now() > deadline) throw new Error('cluster did not reach cluster_state:ok in 15 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) {
    await stopAll();
    throw e;
  }
  return {
    nodes: servers.map((s) => ({ host: '127.0.0.1', port: s.port })),
    pids: servers.map((s) => s.pid),
    stop: stopAll,
  };
}
