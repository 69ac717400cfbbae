// Who the user is on the team: the rule that turns a configured handle or a git identity
// into a member handle. Pure: the config, environment and identity come in.
import { KithError } from '../model/errors.js';
import type { Member } from '../model/types.js';

export interface IdentitySources {
  /** $KITH_USER: wins over the personal config. */
  readonly envUser?: string;
  /** `handle:` from the personal config. */
  readonly configured?: unknown;
  readonly git: { readonly name?: string; readonly email?: string };
  readonly members: readonly Member[];
}

const memberList = (members: readonly Member[]) => members.map((m) => m.handle).join(', ');

/** A handle the user named must be a member's: it is written into files as an owner or author. */
function namedMember(handle: string, from: string, members: readonly Member[]): string {
  const bare = handle.trim().replace(/^@/, '');
  if (!members.length || members.some((m) => m.handle === bare)) return bare;
  throw new KithError(`${from} "${handle}" is not one of the team's members`, `members: ${memberList(members)}`);
}

/**
 * The user's team handle: $KITH_USER first, then the personal config's, then the member whose
 * e-mail (or name) is the git identity's. A git e-mail that is no member's is an error, never
 * a handle made up from its local part (it would be written into files as an owner).
 */
export function chooseHandle(s: IdentitySources): string {
  if (s.envUser?.trim()) return namedMember(s.envUser, 'KITH_USER', s.members);
  if (s.configured !== undefined && s.configured !== null && String(s.configured).trim())
    return namedMember(String(s.configured), 'the handle in your kith config', s.members);
  const { email, name } = s.git;
  const member = s.members.find((m) => (email && m.emails.includes(email.toLowerCase())) || (name && m.name === name));
  if (member) return member.handle;
  // a repository without members has nobody to check against (written before members existed)
  if (email && !s.members.length) return email.split('@')[0]!.toLowerCase();
  if (email) {
    throw new KithError(
      `your git e-mail ${email} is not one of the team's members in kith.yaml`,
      `add yourself under members: in kith.yaml, or set KITH_USER to your handle (${memberList(s.members)})`,
    );
  }
  throw new KithError('cannot tell which teammate you are', 'set `handle: yourname` in ~/.config/kith/config.yaml');
}

/** The handle `kith init` gives its first member: the git e-mail's local part, made safe. */
export function initialHandle(email: string | undefined): string {
  return (email?.split('@')[0] ?? 'me').toLowerCase().replace(/[^a-z0-9_-]/g, '');
}
