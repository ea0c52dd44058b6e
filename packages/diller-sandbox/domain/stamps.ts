/**
 * Stamp cards. `collected` adds stamps; on a restartable card reaching required_stamps wraps the count
 * round (one completion each time); a non-restartable card stops at required_stamps. `deducted` removes
 * stamps and fails when the member has fewer. Each movement records what it changed, so cancelling a
 * transaction can undo exactly that.
 */
import { type Schemas } from "../operation-types";
import { type MemberState, type StampCardState, type StampMovementState, type StoreState } from "../state/schema";

export type StampRequest = Pick<StampMovementState, "stampCardId" | "action" | "count">;

export function findStampCard(store: StoreState, stampCardId: number): StampCardState | undefined {
  return store.stampCards.find((card) => card.definition.id === stampCardId);
}

export function isCardActive(card: StampCardState, now: Date): boolean {
  const { valid_from, valid_to } = card.definition;
  if (!card.active) return false;
  if (valid_from && now < new Date(valid_from)) return false;
  if (valid_to && now > new Date(valid_to)) return false;
  return true;
}

export function stampsOf(member: MemberState, stampCardId: number): number {
  return member.stampCards.find((candidate) => candidate.stampCardId === stampCardId)?.stampsCollected ?? 0;
}

function progressOf(member: MemberState, stampCardId: number): MemberState["stampCards"][number] {
  let progress = member.stampCards.find((candidate) => candidate.stampCardId === stampCardId);
  if (!progress) {
    progress = { stampCardId, stampsCollected: 0, completedCount: 0 };
    member.stampCards.push(progress);
  }
  return progress;
}

function requiredStamps(card: StampCardState | undefined): number {
  return Math.max(card?.definition.required_stamps ?? 1, 1);
}

/** Applies one movement and returns it with its effect, or an error message when it cannot be applied. */
export function applyStampMovement(
  card: StampCardState,
  member: MemberState,
  movement: StampRequest,
): { movement: StampMovementState } | { error: string } {
  const required = requiredStamps(card);
  const progress = progressOf(member, movement.stampCardId);
  const before = { stamps: progress.stampsCollected, completed: progress.completedCount };
  if (movement.action === "deducted") {
    if (progress.stampsCollected < movement.count) {
      return {
        error: `The member has ${progress.stampsCollected} stamp(s) on card ${movement.stampCardId}, fewer than ${movement.count}.`,
      };
    }
    progress.stampsCollected -= movement.count;
  } else if (card.definition.is_restartable) {
    const total = progress.stampsCollected + movement.count;
    progress.completedCount += Math.floor(total / required);
    progress.stampsCollected = total % required;
  } else {
    const total = Math.min(progress.stampsCollected + movement.count, required);
    if (total === required && progress.stampsCollected < required) progress.completedCount += 1;
    progress.stampsCollected = total;
  }
  return {
    movement: {
      ...movement,
      stampsDelta: progress.stampsCollected - before.stamps,
      completedDelta: progress.completedCount - before.completed,
    },
  };
}

/** Undoes a recorded movement, keeping the card within [0, required_stamps). */
export function reverseStampMovement(
  card: StampCardState | undefined,
  member: MemberState,
  movement: StampMovementState,
): void {
  const required = requiredStamps(card);
  const progress = progressOf(member, movement.stampCardId);
  let stamps = progress.stampsCollected - movement.stampsDelta;
  let completed = Math.max(progress.completedCount - movement.completedDelta, 0);
  if (card?.definition.is_restartable) {
    while (stamps < 0 && completed > 0) {
      stamps += required;
      completed -= 1;
    }
    if (stamps >= required) {
      completed += Math.floor(stamps / required);
      stamps %= required;
    }
  }
  progress.stampsCollected = Math.min(Math.max(stamps, 0), required);
  progress.completedCount = completed;
}

export function toStoreStampCard(card: StampCardState): Schemas["StoreStampCardResponse"] {
  return structuredClone(card.definition);
}

export function toMemberStampCard(card: StampCardState, member: MemberState): Schemas["MemberStampCard"] {
  return { ...structuredClone(card.definition), stamps_collected: stampsOf(member, card.definition.id) };
}
