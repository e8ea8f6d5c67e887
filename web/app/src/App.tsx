import { useEffect, useState } from "react";
import { gql, onSignOut, session } from "./api";
import { ScopeCheck } from "./components/ScopeCheck";
import { SignIn } from "./components/SignIn";
import { useI18n } from "./i18n";
import { Dashboard } from "./pages/dashboard/Dashboard";
import { LayoutPage } from "./pages/layout/LayoutPage";
import { NetworkPage } from "./pages/network/NetworkPage";
import { Planner } from "./pages/planner/Planner";
import { href, useRoute, type Page } from "./route";
import { access, type Me } from "./types";

const ME = `{ me { subject role regions } }`;

type SessionState = { status: "checking" } | { status: "signedOut"; message?: string } | { status: "signedIn"; me: Me };

export function App() {
  const { t, label, lang, setLang } = useI18n();
  const route = useRoute();
  const [state, setState] = useState<SessionState>(() =>
    session.token() ? { status: "checking" } : { status: "signedOut" },
  );

  const check = () => {
    setState({ status: "checking" });
    gql<{ me: Me }>(ME).then(
      ({ me }) => setState({ status: "signedIn", me }),
      (error: Error) => {
        // A refused token has already ended the session, and the sign-out listener said why.
        if (!session.token()) return;
        session.signOut();
        setState({ status: "signedOut", message: error.message });
      },
    );
  };

  useEffect(() => {
    if (session.token()) check();
    // Any request the server refuses (expired token) ends the session wherever it happened.
    return onSignOut((refused) =>
      setState({ status: "signedOut", message: refused ? t("signIn.refused") : undefined }),
    );
  }, []);

  if (state.status === "checking") return <p className="centered">{t("loading")}</p>;
  if (state.status === "signedOut") {
    return (
      <SignIn
        message={state.message}
        onToken={(token) => {
          session.signIn(token);
          check();
        }}
      />
    );
  }

  const { me } = state;
  const allowed = access(me);
  const pages: Page[] = [
    "dashboard",
    ...(allowed.details ? (["network"] as const) : []),
    ...(allowed.planning ? (["planner"] as const) : []),
    ...(allowed.layout ? (["layout"] as const) : []),
  ];
  const page = pages.includes(route.page) ? route.page : "dashboard";

  return (
    <div className="app">
      <header className="topbar">
        <h1>{t("app.title")}</h1>
        <nav>
          {pages.map((p) => (
            <a key={p} href={href(p)} className={p === page ? "active" : undefined} data-tab={p}>
              {t(`nav.${p}`)}
            </a>
          ))}
          <a href="/graphiql">{t("nav.graphiql")}</a>
        </nav>
        <span className="who" data-testid="who">
          {me.subject} · {label("role", me.role)}
        </span>
        <button type="button" onClick={() => setLang(lang === "zh" ? "en" : "zh")} data-testid="lang">
          {t("lang.other")}
        </button>
        <button type="button" onClick={() => session.signOut()}>
          {t("signOut")}
        </button>
      </header>
      <main>
        <ScopeCheck me={me}>
          {(roots) =>
            page === "network" ? (
              <NetworkPage roots={roots} params={route.params} />
            ) : page === "planner" ? (
              <Planner params={route.params} />
            ) : page === "layout" ? (
              <LayoutPage roots={roots} params={route.params} />
            ) : (
              <Dashboard roots={roots} details={allowed.details} params={route.params} />
            )
          }
        </ScopeCheck>
      </main>
    </div>
  );
}
