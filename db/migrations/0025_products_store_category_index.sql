DROP INDEX `products_store_status_idx`;--> statement-breakpoint
CREATE INDEX `products_store_status_category_price_idx` ON `products` (`store_id`,`status`,`category_id`,`price_cents`);