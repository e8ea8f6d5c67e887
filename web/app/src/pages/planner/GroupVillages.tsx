/** The villages of each group by name, for a confirmation: the planner sees what a click will merge or undo. */
import type { MergeGroup } from "./planning";

export function GroupVillages({
  groups,
  villageName,
}: {
  groups: MergeGroup[];
  villageName: (code: string) => string;
}) {
  return (
    <ul className="confirm-groups" data-testid="confirm-villages">
      {groups.map((group, index) => (
        <li key={group.code ?? index} data-group-name={group.name}>
          <b>{group.name}</b>
          {group.code && <small> {group.code}</small>}：
          <span data-villages>{group.villageCodes.map(villageName).join("、")}</span>
        </li>
      ))}
    </ul>
  );
}
