import crypto from "node:crypto";
import fs from "node:fs";
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { importDir } from "#app/models/owner/import-export.server.ts";
import { MAX_CSV_BYTES } from "./csv.ts";

/**
 * The `csv` part of a multipart upload, streamed to a file in data/imports/ as it arrives (never
 * held in memory), refused once it passes MAX_CSV_BYTES (the partial file is removed). Other parts
 * are small fields kept in memory. Decision 029.
 */
export async function receiveCsvUpload(
  request: Request,
): Promise<
  | { ok: true; file: { filePath: string; fileName: string; bytes: number } }
  | { ok: false; error: "tooLarge" | "noFile" }
> {
  fs.mkdirSync(importDir(), { recursive: true });
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(
        unstable_createFileUploadHandler({
          directory: importDir(),
          file: () => `${crypto.randomUUID()}.csv`,
          maxPartSize: MAX_CSV_BYTES,
          filter: ({ name }) => name === "csv",
        }),
        unstable_createMemoryUploadHandler({ maxPartSize: 1024 }),
      ),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, error: "tooLarge" };
    throw error;
  }
  const file = form.get("csv");
  if (!file || typeof file === "string" || !("getFilePath" in file)) return { ok: false, error: "noFile" };
  const onDisk = file as File & { getFilePath(): string };
  if (onDisk.size === 0) {
    await fs.promises.rm(onDisk.getFilePath(), { force: true });
    return { ok: false, error: "noFile" };
  }
  return { ok: true, file: { filePath: onDisk.getFilePath(), fileName: onDisk.name, bytes: onDisk.size } };
}
