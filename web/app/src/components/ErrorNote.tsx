import { useI18n } from "../i18n";

export function ErrorNote({ error }: { error: Error | undefined }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {t("error", { message: error.message })}
    </p>
  );
}
