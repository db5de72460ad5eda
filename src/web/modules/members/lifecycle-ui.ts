import { allowedMoves, type MemberStatus } from '../../../modules/members/contract';
import type { MemberData } from './use-members';

/** The key of the label of a move: renewing a CAPE and withdrawing a notice read differently. */
export type MoveLabel = MemberStatus | 'renew' | 'withdraw';

export function moveLabelOf(from: MemberStatus, to: MemberStatus): Exclude<MoveLabel, 'candidate'> {
  if (from === 'leaving' && to !== 'left') return 'withdraw';
  if (from === 'in_support' && to === 'in_support') return 'renew';
  return to as Exclude<MoveLabel, 'candidate'>;
}

/** The moves offered to staff: the same rule the API applies, from the shared domain. */
export function movesOf(member: Pick<MemberData, 'membershipType' | 'status' | 'statusBeforeLeaving'>): MemberStatus[] {
  return allowedMoves(member);
}
