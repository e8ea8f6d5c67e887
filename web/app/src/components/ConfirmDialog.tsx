import { useI18n } from "../i18n";

/** A modal question; nothing happens until the user confirms. */
export function ConfirmDialog({ message, onConfirm, onCancel }: { message: string; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="overlay">
      <div className="dialog" role="dialog" aria-modal="true">
        <p>{message}</p>
        <div className="row">
          <button type="button" className="primary" onClick={onConfirm} data-testid="confirm">
            {t("confirm.ok")}
          </button>
          <button type="button" onClick={onCancel}>
            {t("confirm.cancel")}
          </button>
        </div>
      </div>
    </div>
  );
}
