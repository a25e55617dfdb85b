/**
 * JSON-LD for a product page (schema.org Product with one Offer): the festival price while a deal
 * is live, valid until the festival ends. Serialized so that no text from the catalog can close the
 * script element (`<` is escaped), since titles and descriptions come from merchants.
 */
export interface ProductJsonLdInput {
  origin: string;
  url: string;
  title: string;
  description: string;
  sku: string;
  images: string[];
  category: string;
  countryName: string;
  storeName: string;
  priceCents: number;
  currency: string;
  inStock: boolean;
  deal: { priceCents: number; endsAt: string } | null;
  /** Visible reviews' average and count (decision 028): an AggregateRating when there are any. */
  rating?: { average: number; count: number } | null;
  /** The reviews shown on the page (verified buyers), as schema.org Review. */
  reviews?: { rating: number; body: string; createdAt: string; reviewer: string | null; locale: string }[];
}

export function productJsonLd(p: ProductJsonLdInput): Record<string, unknown> {
  const absolute = (u: string) => (u.startsWith("http") ? u : `${p.origin}${u}`);
  const price = p.deal ? p.deal.priceCents : p.priceCents;
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: p.title,
    description: p.description,
    sku: p.sku,
    image: p.images.map(absolute),
    category: p.category,
    countryOfOrigin: { "@type": "Country", name: p.countryName },
    brand: { "@type": "Brand", name: p.storeName },
    offers: {
      "@type": "Offer",
      url: absolute(p.url),
      priceCurrency: p.currency,
      price: (price / 100).toFixed(2),
      ...(p.deal ? { priceValidUntil: p.deal.endsAt.slice(0, 10) } : {}),
      availability: p.inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      seller: { "@type": "Organization", name: p.storeName },
    },
    ...(p.rating && p.rating.count > 0
      ? {
          aggregateRating: {
            "@type": "AggregateRating",
            ratingValue: p.rating.average.toFixed(1),
            reviewCount: p.rating.count,
            bestRating: "5",
            worstRating: "1",
          },
        }
      : {}),
    ...(p.reviews && p.reviews.length > 0
      ? {
          review: p.reviews.map((r) => ({
            "@type": "Review",
            reviewRating: { "@type": "Rating", ratingValue: String(r.rating), bestRating: "5", worstRating: "1" },
            author: { "@type": "Person", name: r.reviewer ?? "Verified buyer" },
            datePublished: r.createdAt.slice(0, 10),
            reviewBody: r.body,
            inLanguage: r.locale,
          })),
        }
      : {}),
  };
}

export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
