import { useT } from "#app/i18n/use-locale.ts";
import type { OrderDetail } from "#app/models/orders.server.ts";

/**
 * An order's address, formatted for its destination (address-format.ts), and for mainland China
 * the customs payer with the ID number masked (decision 026).
 */
export function ShippingAddress({
  shipping,
  className = "",
  testId = "ship-address",
  showCustoms = true,
}: {
  shipping: OrderDetail["shipping"];
  className?: string;
  testId?: string;
  showCustoms?: boolean;
}) {
  const t = useT();
  return (
    <div className={className}>
      <address className="not-italic" data-testid={testId}>
        {shipping.name}
        {shipping.phone ? <> · {shipping.phone}</> : null}
        {shipping.lines.map((line, i) => (
          <span key={i} className="block">
            {line}
          </span>
        ))}
      </address>
      {showCustoms && shipping.customs ? (
        <p className="mt-1" data-testid="customs-id">
          {t("address.customsHeading")}: {shipping.customs.name} · {t("address.customsIdLabel")}{" "}
          <span className="font-mono">
            {shipping.customs.idMasked ??
              (shipping.customs.idPurged ? t("address.customsIdPurged") : t("address.customsIdUnavailable"))}
          </span>
        </p>
      ) : null}
    </div>
  );
}
