CREATE TABLE `flash_slot_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slot_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`slot_price_cents` integer NOT NULL,
	`slot_stock` integer NOT NULL,
	`per_shopper_limit` integer,
	`sold_count` integer DEFAULT 0 NOT NULL,
	`reserved_count` integer DEFAULT 0 NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`slot_id`) REFERENCES `flash_slots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "flash_slot_items_units_check" CHECK("flash_slot_items"."sold_count" >= 0 AND "flash_slot_items"."reserved_count" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `flash_slot_items_slot_product_idx` ON `flash_slot_items` (`slot_id`,`product_id`);--> statement-breakpoint
CREATE INDEX `flash_slot_items_product_idx` ON `flash_slot_items` (`product_id`);--> statement-breakpoint
CREATE TABLE `flash_slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`festival_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	FOREIGN KEY (`festival_id`) REFERENCES `festivals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `flash_slots_festival_idx` ON `flash_slots` (`festival_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `flash_slots_window_idx` ON `flash_slots` (`starts_at`,`ends_at`);--> statement-breakpoint
ALTER TABLE `order_items` ADD `flash_slot_item_id` integer REFERENCES flash_slot_items(id);