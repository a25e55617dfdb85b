import { useT } from "#app/i18n/use-locale.ts";
import { carrierKey, trackingUrl } from "#app/utils/tracking.ts";

/** A carrier's name in the reader's language (a carrier from the list), or as the owner typed it (older lines). */
export function useCarrierName() {
  const t = useT();
  return (carrier: string | null) => {
    if (!carrier) return "";
    const key = carrierKey(carrier);
    return key ? t(key) : carrier;
  };
}

/** "Shipped · DHL 1234…" with the tracking number as a link to the carrier's tracking page. */
export function Shipment({ carrier, trackingNumber }: { carrier: string | null; trackingNumber: string | null }) {
  const t = useT();
  const carrierName = useCarrierName();
  const url = carrier && trackingNumber ? trackingUrl(carrier, trackingNumber) : null;
  return (
    <>
      {t("order.shippedWith", { carrier: carrierName(carrier) })}{" "}
      {url ? (
        <a href={url} rel="noopener noreferrer external" className="font-mono underline" data-testid="tracking-link">
          {trackingNumber}
        </a>
      ) : (
        <span className="font-mono">{trackingNumber}</span>
      )}
    </>
  );
}
