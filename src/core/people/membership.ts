// Whether the person about to work in a clone is one of the team: their git identity matched
// to kith.yaml's members, and what to do when it is not. Pure.
import type { Member } from '../model/types.js';

export interface IdentityCheck {
  /** The member the identity belongs to. */
  readonly handle?: string;
  /** What is wrong, and how to put it right; absent when all is well. */
  readonly problem?: { readonly message: string; readonly hint: string };
}

export function checkIdentity(
  git: { readonly name?: string; readonly email?: string },
  members: readonly Member[],
  configured?: string,
): IdentityCheck {
  if (!git.email || !git.name)
    return {
      problem: {
        message: 'git does not know who you are, so kith cannot author your commits here',
        hint: 'run: git config --global user.name "Your Name" && git config --global user.email you@example.com',
      },
    };
  const byHandle = configured ? members.find((m) => m.handle === configured.replace(/^@/, '')) : undefined;
  const member = byHandle ?? members.find((m) => m.emails.includes(git.email!.toLowerCase()));
  if (member) return { handle: member.handle };
  return {
    problem: {
      message: `your git e-mail ${git.email} is not one of the team's members in kith.yaml`,
      hint:
        `add yourself under members: in kith.yaml ` +
        `({handle: ..., name: ${git.name}, emails: [${git.email}]}), then kith sync`,
    },
  };
}
