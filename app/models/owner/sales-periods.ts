/** The periods the owner's sales are shown for, in Beijing days (shared by the model and the page's links). */
export const SALES_PERIODS = [7, 30, 90] as const;
export type SalesPeriod = (typeof SALES_PERIODS)[number];
