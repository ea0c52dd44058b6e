/** Friend referral: the friends a member invited, and lookup by invitation token. */
import { requireMember } from "../domain/members";
import { type Handler } from "./context";

const getInvitedFriends: Handler<"getInvitedFriends"> = ({ store }, { path }) => ({
  status: 200,
  body: requireMember(store, path.memberId).invitedFriends.map(({ friend }) => ({ ...friend })),
});

/** With invitationToken: the matching invitations (an array, possibly empty); without: all of them. */
const getReferrals: Handler<"getReferrals"> = ({ store }, { path, query }) => {
  const member = requireMember(store, path.memberId);
  const token = query.invitationToken?.trim();
  return {
    status: 200,
    body: member.invitedFriends
      .filter((invitation) => !token || invitation.invitationToken === token)
      .map(({ friend }) => ({ ...friend })),
  };
};

export const invitationHandlers = { getInvitedFriends, getReferrals };
