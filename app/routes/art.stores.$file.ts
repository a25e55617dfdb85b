import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderStoreLogo } from "#app/models/art.server.ts";
import { svgResponse } from "#app/utils/svg-response.server.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  return svgResponse(renderStoreLogo(params.file));
}
