import { callAndParse } from "./call.server";
import type { MemberRef } from "./members.server";
import { InvitedFriendListSchema, type InvitedFriend } from "./schemas.server";
import type { DillerTransport } from "./transport.server";

/** Friend referral. */
export function invitationsApiFactory({ transport }: { transport: DillerTransport }) {
  return {
    /** `getInvitedFriends`: every friend the member invited. */
    async listInvitedFriends({ memberId }: MemberRef): Promise<InvitedFriend[]> {
      return callAndParse(transport, "getInvitedFriends", InvitedFriendListSchema, { path: { memberId } });
    },
    /** `getReferrals` (path `invited-friend`, singular, yet a list): invited friends by invitation token. */
    async findInvitedFriendsByToken({
      memberId,
      invitationToken,
    }: MemberRef & { invitationToken: string }): Promise<InvitedFriend[]> {
      return callAndParse(transport, "getReferrals", InvitedFriendListSchema, {
        path: { memberId },
        query: { invitationToken },
      });
    },
  };
}
