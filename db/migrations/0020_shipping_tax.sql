CREATE TABLE `category_tax_classes` (
	`category_id` integer PRIMARY KEY NOT NULL,
	`tax_class_id` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tax_class_id`) REFERENCES `tax_classes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `exchange_rates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`base` text DEFAULT 'USD' NOT NULL,
	`quote` text DEFAULT 'CNY' NOT NULL,
	`rate_micros` integer NOT NULL,
	`as_of` integer NOT NULL,
	`set_by` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `exchange_rates_pair_idx` ON `exchange_rates` (`base`,`quote`,`id`);--> statement-breakpoint
CREATE TABLE `order_shipments` (
	`order_id` integer NOT NULL,
	`store_id` integer NOT NULL,
	`method` text NOT NULL,
	`zone` text NOT NULL,
	`destination` text NOT NULL,
	`cost_cents` integer NOT NULL,
	`min_days` integer NOT NULL,
	`max_days` integer NOT NULL,
	`arrive_from` text NOT NULL,
	`arrive_by` text NOT NULL,
	`refunded_cents` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`order_id`, `store_id`),
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `order_taxes` (
	`order_id` integer PRIMARY KEY NOT NULL,
	`tax_cents` integer NOT NULL,
	`dutiable_fen` integer NOT NULL,
	`tax_fen` integer NOT NULL,
	`rate_micros` integer NOT NULL,
	`user_id` integer,
	`email` text NOT NULL,
	`year` integer NOT NULL,
	`refunded_cents` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `order_taxes_user_year_idx` ON `order_taxes` (`user_id`,`year`);--> statement-breakpoint
CREATE INDEX `order_taxes_email_year_idx` ON `order_taxes` (`email`,`year`);--> statement-breakpoint
CREATE TABLE `refund_charges` (
	`refund_id` integer NOT NULL,
	`kind` text NOT NULL,
	`store_id` integer DEFAULT 0 NOT NULL,
	`amount_cents` integer NOT NULL,
	PRIMARY KEY(`refund_id`, `kind`, `store_id`),
	FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `shipping_profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`store_id` integer NOT NULL,
	`method` text NOT NULL,
	`pricing` text DEFAULT 'item' NOT NULL,
	`free_over_cents` integer,
	`rates` text DEFAULT '{}' NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipping_profiles_store_method_idx` ON `shipping_profiles` (`store_id`,`method`);--> statement-breakpoint
CREATE TABLE `tax_classes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_en` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_fr` text NOT NULL,
	`vat_bp` integer NOT NULL,
	`consumption_bp` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tax_classes_code_unique` ON `tax_classes` (`code`);--> statement-breakpoint
ALTER TABLE `products` ADD `shipping_grams` integer DEFAULT 500 NOT NULL;