// Where the personal settings live: $XDG_CONFIG_HOME/kith/config.yaml (else ~/.config/kith/).
import { join } from 'node:path';

export function configPath(vars: Readonly<Record<string, string | undefined>>): string {
  const base = vars.XDG_CONFIG_HOME || join(vars.HOME || '.', '.config');
  return join(base, 'kith', 'config.yaml');
}
