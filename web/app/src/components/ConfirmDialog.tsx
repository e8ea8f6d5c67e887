import type { ReactNode } from "react";
import { useI18n } from "../i18n";

/** A modal question, with what it concerns below it (`children`); nothing happens until the user confirms. */
export function ConfirmDialog({
  message,
  onConfirm,
  onCancel,
  children,
}: {
  message: string;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="overlay">
      <div className="dialog" role="dialog" aria-modal="true">
        <p>{message}</p>
        {children}
        <div className="row">
          <button type="button" className="primary" onClick={onConfirm} data-testid="confirm">
            {t("confirm.ok")}
          </button>
          <button type="button" onClick={onCancel} data-testid="cancel">
            {t("confirm.cancel")}
          </button>
        </div>
      </div>
    </div>
  );
}
