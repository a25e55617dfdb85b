export * from "./users.ts";
export * from "./catalog.ts";
export * from "./search.ts";
export * from "./festivals.ts";
export * from "./orders.ts";
export * from "./notifications.ts";
export * from "./imports.ts";
