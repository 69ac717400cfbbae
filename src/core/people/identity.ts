// Who the user is on the team: the rule that turns a configured handle or a git identity
// into a member handle. Pure: the config, environment and identity come in.
import { KithError } from '../model/errors.js';
import type { Member } from '../model/types.js';

export interface IdentitySources {
  /** `handle:` from the personal config, or $KITH_USER. */
  readonly configured?: string;
  readonly git: { readonly name?: string; readonly email?: string };
  readonly members: readonly Member[];
}

/**
 * The user's team handle: the configured one first, then the member whose e-mail (or name)
 * is the git identity's, then the git e-mail's local part.
 */
export function chooseHandle(s: IdentitySources): string {
  if (s.configured) return s.configured.replace(/^@/, '');
  const { email, name } = s.git;
  const member = s.members.find((m) => (email && m.emails.includes(email.toLowerCase())) || (name && m.name === name));
  if (member) return member.handle;
  if (email) return email.split('@')[0]!.toLowerCase();
  throw new KithError('cannot tell which teammate you are', 'set `handle: yourname` in ~/.config/kith/config.yaml');
}

/** The handle `kith init` gives its first member: the git e-mail's local part, made safe. */
export function initialHandle(email: string | undefined): string {
  return (email?.split('@')[0] ?? 'me').toLowerCase().replace(/[^a-z0-9_-]/g, '');
}
