/**
 * A token may name regions the graph does not hold (a mistyped code): every page would then
 * answer "no region has code …" with an empty tree. Instead, say what is wrong and what to do,
 * and leave out the missing codes when the token names others that exist.
 */
import type { ReactNode } from "react";
import { session, useQuery } from "../api";
import { useI18n } from "../i18n";
import { access, type Me } from "../types";
import { ErrorNote } from "./ErrorNote";

const FOUND = `query ($codes: [String!]!) { regions(where: { code: { in: $codes } }) { code } }`;

export function ScopeCheck({ me, children }: { me: Me; children: (roots: string[]) => ReactNode }) {
  const { t, label } = useI18n();
  const { roots } = access(me);
  // ADMIN's tree starts at the city whatever its token names.
  const skip = me.role === "ADMIN";
  const { data, error } = useQuery<{ regions: Array<{ code: string }> }>(FOUND, { codes: roots }, skip);
  if (skip) return <>{children(roots)}</>;
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p>{t("loading")}</p>;
  const found = new Set(data.regions.map((region) => region.code));
  const existing = roots.filter((code) => found.has(code));
  const missing = roots.filter((code) => !found.has(code));
  if (existing.length === 0) {
    return (
      <section className="content notice" role="alert" data-testid="missing-regions">
        <h2>{t("scope.missing.title")}</h2>
        <p>{roots.length ? t("scope.missing.what", { codes: missing.join("、") }) : t("scope.none.what")}</p>
        <p>{t("scope.missing.do")}</p>
        <pre>{`npm run token -- --role ${me.role} --region 370285000000`}</pre>
        <p className="hint">{t("scope.missing.who", { subject: me.subject, role: label("role", me.role) })}</p>
        <button type="button" className="primary" onClick={() => session.signOut()}>
          {t("scope.missing.signOut")}
        </button>
      </section>
    );
  }
  return (
    <>
      {missing.length > 0 && (
        <p className="error" role="alert" data-testid="missing-regions">
          {t("scope.partly", { codes: missing.join("、") })}
        </p>
      )}
      {children(existing)}
    </>
  );
}
