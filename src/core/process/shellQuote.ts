/**
 * Quoting for the one case where a command line goes through a shell: a user's own test command
 * (a setting or --test-cmd) followed by the adapter's arguments.
 */
export function shellQuote(arg: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    // cmd.exe: double quotes, inner quotes doubled; % and ! are left to the user's own command.
    return /^[\w@%+=:,./\\-]+$/.test(arg) ? arg : `"${arg.replace(/"/g, '""')}"`;
  }
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function shellLine(prefix: string, args: readonly string[], platform: NodeJS.Platform = process.platform): string {
  return [prefix.trim(), ...args.map((a) => shellQuote(a, platform))].join(' ');
}
