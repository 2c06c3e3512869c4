import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface IsolatedProcess {
  child: ChildProcess;
  /** stdout and stderr so far (the last 200 KB). */
  output(): string;
  exited: Promise<number | null>;
  /** SIGTERM to the whole process group, SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/**
 * Runs `command` in `cwd` inside a private mount namespace (util-linux `unshare`) in which every
 * folder of `hide` is covered by an empty read-only tmpfs, and every folder of `readOnly` by one
 * too: the process cannot see what those folders hold, and cannot write there. Before the command
 * starts, the shell checks each hidden folder is empty from inside, and gives up (exit 97) if not.
 * Needs root, or unprivileged user namespaces (then `--map-root-user`).
 */
export function spawnIsolated(options: {
  command: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  hide: string[];
  readOnly?: string[];
}): IsolatedProcess {
  const covered = [...options.hide, ...(options.readOnly ?? [])];
  const script = [
    ...covered.map((dir) => `mount -t tmpfs -o ro,size=16k tmpfs ${quote(dir)}`),
    ...options.hide.map((dir) => `{ [ -z "$(ls -A ${quote(dir)})" ] || exit 97; }`),
    `cd ${quote(options.cwd)}`,
    `exec ${options.command.map(quote).join(" ")}`,
  ].join(" && ");
  const asRoot = process.getuid?.() === 0;
  const child = spawn("unshare", [...(asRoot ? [] : ["--map-root-user"]), "--mount", "--fork", "sh", "-c", script], {
    env: options.env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const append = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-200_000));
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => log,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const signal = (name: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, name);
        } catch {}
      };
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The pids of the processes in `child`'s process group (it was spawned detached, so it leads one). */
export function processGroup(child: ChildProcess): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // Fields after the command name (which may hold spaces): state, ppid, pgrp, ...
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === child.pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}
