CREATE TABLE `order_line_discounts` (
	`order_item_id` integer NOT NULL,
	`voucher_id` integer NOT NULL,
	`claim_id` integer,
	`order_id` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`funder` text NOT NULL,
	PRIMARY KEY(`order_item_id`, `voucher_id`),
	FOREIGN KEY (`order_item_id`) REFERENCES `order_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`voucher_id`) REFERENCES `vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_id`) REFERENCES `voucher_claims`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `order_line_discounts_order_idx` ON `order_line_discounts` (`order_id`);--> statement-breakpoint
CREATE TABLE `voucher_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`voucher_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`status` text DEFAULT 'claimed' NOT NULL,
	`order_id` integer,
	`claimed_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`voucher_id`) REFERENCES `vouchers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `voucher_claims_user_idx` ON `voucher_claims` (`user_id`,`status`);--> statement-breakpoint
CREATE INDEX `voucher_claims_voucher_idx` ON `voucher_claims` (`voucher_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `voucher_claims_order_idx` ON `voucher_claims` (`order_id`);--> statement-breakpoint
CREATE TABLE `vouchers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`store_id` integer,
	`festival_id` integer,
	`kind` text NOT NULL,
	`tiers` text DEFAULT '[]' NOT NULL,
	`percent_off` integer,
	`cap_cents` integer,
	`min_cents` integer DEFAULT 0 NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`total_quantity` integer NOT NULL,
	`claimed_count` integer DEFAULT 0 NOT NULL,
	`per_shopper_limit` integer DEFAULT 1 NOT NULL,
	`code` text,
	`funder` text NOT NULL,
	`stopped_at` integer,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`festival_id`) REFERENCES `festivals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `vouchers_store_idx` ON `vouchers` (`store_id`,`ends_at`);--> statement-breakpoint
CREATE INDEX `vouchers_festival_idx` ON `vouchers` (`festival_id`,`ends_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `vouchers_code_idx` ON `vouchers` (`code`);