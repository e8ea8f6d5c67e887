import { useState } from "react";
import { useI18n } from "../i18n";

export function SignIn({ message, onToken }: { message?: string; onToken: (token: string) => void }) {
  const { t, lang, setLang } = useI18n();
  const [token, setToken] = useState("");
  return (
    <form
      className="sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        if (token.trim()) onToken(token);
      }}
    >
      <h1>{t("app.title")}</h1>
      <h2>{t("signIn.title")}</h2>
      <p className="hint">{t("signIn.help")}</p>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      <label>
        {t("signIn.token")}
        <textarea
          name="token"
          rows={5}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          spellCheck={false}
        />
      </label>
      <div className="row">
        <button type="submit" className="primary">
          {t("signIn.submit")}
        </button>
        <button type="button" onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
          {t("lang.other")}
        </button>
      </div>
    </form>
  );
}
