import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderProductArt } from "#app/models/art.server.ts";
import { svgResponse } from "#app/utils/svg-response.server.ts";

// Two static segments, so "/art/products/x.svg" outranks "/:lang?/products/:slug".
export async function loader({ params }: LoaderFunctionArgs) {
  return svgResponse(renderProductArt(params.file));
}
