/**
 * A village's chain 镇 → 镇党委 → 村党组织 → 网格 (网格党组织) → 党员中心户 from organizationChain,
 * each link drawn as a box and every missing link as a red dashed box that says what is missing
 * (read from the chain's structure, so worded in the page's language); below, what breaks the
 * chain as the API words it (`missingLabels`), in the page's language.
 */
import type { ReactNode } from "react";
import { useQuery } from "../../api";
import { ErrorNote } from "../../components/ErrorNote";
import { useI18n, type Key } from "../../i18n";
import type { Label } from "../../../../../src/domain/labels";
import { href } from "../../route";

interface ChainOrganization {
  id: string;
  name: string;
  kind: string;
}

interface Chain {
  town: { code: string; name: string } | null;
  townOrganization: ChainOrganization | null;
  villageOrganization: ChainOrganization | null;
  complete: boolean;
  missingLabels: Label[];
  grids: Array<{
    code: string;
    name: string;
    gridOrganization: ChainOrganization | null;
    centralHouseholds: Array<{ personId: string; name: string; households: number | null }>;
    subGrids: number;
    centralHouseholdsBelow: number;
  }>;
}

const CHAIN = `query ($code: String!) {
  organizationChain(villageCode: $code) {
    town { code name } townOrganization { id name kind } villageOrganization { id name kind } complete missingLabels { zh en }
    grids { code name gridOrganization { id name kind } centralHouseholds { personId name households } subGrids centralHouseholdsBelow }
  }
}`;

function Link({ role, missing, children }: { role: string; missing?: Key; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div
      className={`chain-box${missing ? " missing" : ""}`}
      data-chain={role}
      data-missing={missing ? "true" : undefined}
    >
      <small>{t(`chain.${role}` as Key)}</small>
      {missing ? <b>{t(missing)}</b> : children}
    </div>
  );
}

export function VillageChain({ villageCode }: { villageCode: string }) {
  const { t, label, lang } = useI18n();
  const { data, error } = useQuery<{ organizationChain: Chain }>(CHAIN, { code: villageCode });
  const chain = data?.organizationChain;
  const org = (o: ChainOrganization) => (
    <>
      {o.name} <small>{label("orgKind", o.kind)}</small>
    </>
  );
  return (
    <section className="card wide chain" data-testid="chain">
      <h3>
        {t("chain.title")}
        {chain && (
          <span className={`chain-status ${chain.complete ? "complete" : "broken"}`} data-complete={chain.complete}>
            {t(chain.complete ? "chain.complete" : "chain.broken")}
          </span>
        )}
      </h3>
      <ErrorNote error={error} />
      {chain && (
        <div className="chain-flow">
          <Link role="town" missing={chain.town ? undefined : "chain.missing.town"}>
            {chain.town && <a href={href("dashboard", { region: chain.town.code })}>{chain.town.name}</a>}
          </Link>
          <span className="chain-arrow">→</span>
          <Link role="townOrganization" missing={chain.townOrganization ? undefined : "chain.missing.townOrganization"}>
            {chain.townOrganization && org(chain.townOrganization)}
          </Link>
          <span className="chain-arrow">→</span>
          <Link
            role="villageOrganization"
            missing={chain.villageOrganization ? undefined : "chain.missing.villageOrganization"}
          >
            {chain.villageOrganization && org(chain.villageOrganization)}
          </Link>
          <span className="chain-arrow">→</span>
          <div className="chain-grids">
            {chain.grids.length === 0 && <Link role="grid" missing="chain.missing.grid" />}
            {chain.grids.map((grid) => (
              <div className="chain-grid" key={grid.code} data-grid={grid.code}>
                <Link role="grid">
                  {grid.name}
                  {grid.subGrids > 0 && <small> {t("chain.subGrids", { n: grid.subGrids })}</small>}
                </Link>
                <span className="chain-arrow">→</span>
                <Link
                  role="gridOrganization"
                  missing={grid.gridOrganization ? undefined : "chain.missing.gridOrganization"}
                >
                  {grid.gridOrganization && org(grid.gridOrganization)}
                </Link>
                <span className="chain-arrow">→</span>
                <Link
                  role="centralHouseholds"
                  missing={grid.centralHouseholdsBelow > 0 ? undefined : "chain.missing.centralHouseholds"}
                >
                  {grid.centralHouseholds.map((household) => household.name).join("、")}
                  {grid.centralHouseholdsBelow > grid.centralHouseholds.length && (
                    <small>
                      {" "}
                      {t("chain.below", { n: grid.centralHouseholdsBelow - grid.centralHouseholds.length })}
                    </small>
                  )}
                </Link>
              </div>
            ))}
          </div>
        </div>
      )}
      {chain && chain.missingLabels.length > 0 && (
        <ul className="chain-breaks" data-testid="chain-breaks">
          {chain.missingLabels.map((missing) => (
            <li key={missing.en}>{missing[lang]}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
