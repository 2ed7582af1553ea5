/**
 * Who is named on a case. The creator is always a member (they keep sight of what they opened);
 * the owner and the team see the case whatever its confidentiality: `viewers` unites them.
 */
export function casePeople(input: {
  members: readonly string[];
  team: readonly string[];
  ownerId: string | null;
  createdBy: string | null;
}) {
  const lower = (ids: readonly string[]) => ids.map((id) => id.toLowerCase());
  const members = [...new Set([...lower(input.members), ...(input.createdBy ? [input.createdBy] : [])])];
  const team = [...new Set(lower(input.team))];
  const ownerId = input.ownerId?.toLowerCase() ?? null;
  const viewers = [...new Set([...members, ...team, ...(ownerId ? [ownerId] : [])])];
  return { members, team, ownerId, viewers };
}
