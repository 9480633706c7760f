// A private Virtuoso Open Source 7 for tests and the bench: its own ini,
// database, log and lock in a temp dir, loopback ports, updates granted to
// the SPARQL user; shut down by `stop()`.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Virtuoso {
  /** http://127.0.0.1:PORT/sparql */
  endpoint: string;
  sqlPort: number;
  dir: string;
  /** Runs SQL through isql-vt. */
  isql(sql: string): string;
  /** CPU seconds the server has used (Linux /proc), or NaN: a measure that other load on the machine barely moves. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export const VIRTUOSO_BIN = process.env.VIRTUOSO_BIN ?? '/usr/bin/virtuoso-t';
export const ISQL_BIN = process.env.ISQL_BIN ?? '/usr/bin/isql-vt';

export function hasVirtuoso(): boolean {
  return existsSync(VIRTUOSO_BIN) && existsSync(ISQL_BIN);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function ini(dir: string, sqlPort: number, httpPort: number): string {
  return `[Database]
DatabaseFile = ${dir}/virtuoso.db
ErrorLogFile = ${dir}/virtuoso.log
LockFile = ${dir}/virtuoso.lck
TransactionFile = ${dir}/virtuoso.trx
xa_persistent_file = ${dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = ${dir}/virtuoso-temp.db
TransactionFile = ${dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:${sqlPort}
LiteMode = 0
DisableUnixSocket = 1
DirsAllowed = ., ${dir}, /usr/share/virtuoso-opensource-7/vad
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
CheckpointInterval = 0
MaxSortedTopRows = 10000000
MaxQueryMem = 512M
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/

[HTTPServer]
ServerPort = 127.0.0.1:${httpPort}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 8
ServerThreads = 8
MaxKeepAlives = 8
KeepAliveTimeout = 10
EnabledDavVSP = 0
HTTPProxyEnabled = 0

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 600
DefaultGraph = http://localhost/nothing
`;
}

/** Starts a Virtuoso of its own (about 4 s), ready for queries and updates on /sparql. */
export async function startVirtuoso(): Promise<Virtuoso> {
  const dir = mkdtempSync(join(tmpdir(), 'actorgraph-virtuoso-'));
  const sqlPort = await freePort(),
    httpPort = await freePort();
  const file = join(dir, 'virtuoso.ini');
  writeFileSync(file, ini(dir, sqlPort, httpPort));
  await new Promise<void>((resolve, reject) => {
    // +wait: the command returns once the server accepts connections (the server itself goes to the background).
    const p = spawn(VIRTUOSO_BIN, ['+configfile', file, '+wait'], { cwd: dir, stdio: 'ignore' });
    p.once('error', reject);
    p.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `virtuoso-t exited with ${code}: ${existsSync(join(dir, 'virtuoso.log')) ? readFileSync(join(dir, 'virtuoso.log'), 'utf8').slice(-2000) : ''}`,
            ),
          ),
    );
  });
  const isql = (sql: string) =>
    execFileSync(ISQL_BIN, [`127.0.0.1:${sqlPort}`, 'dba', 'dba', `exec=${sql}`], {
      encoding: 'utf8',
      timeout: 600_000,
    });
  isql('GRANT SPARQL_UPDATE TO "SPARQL";');
  isql('GRANT EXECUTE ON DB.DBA.SPARQL_INSERT_DICT_CONTENT TO "SPARQL";');
  isql('GRANT EXECUTE ON DB.DBA.SPARQL_DELETE_DICT_CONTENT TO "SPARQL";');
  return {
    endpoint: `http://127.0.0.1:${httpPort}/sparql`,
    sqlPort,
    dir,
    isql,
    cpuSeconds() {
      try {
        const pid = /VIRT_PID=(\d+)/.exec(readFileSync(join(dir, 'virtuoso.lck'), 'utf8'))?.[1];
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (Number(f[11]) + Number(f[12])) / 100;
      } catch {
        return NaN;
      }
    },
    async stop() {
      try {
        isql('shutdown;');
      } catch {
        /* already down */
      }
      for (let i = 0; i < 50 && existsSync(join(dir, 'virtuoso.lck')); i++)
        await new Promise((r) => setTimeout(r, 100));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
