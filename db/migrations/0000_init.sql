CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'shopper' NOT NULL,
	`display_name` text DEFAULT '' NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_en` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_fr` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_slug_unique` ON `categories` (`slug`);--> statement-breakpoint
CREATE TABLE `countries` (
	`code` text PRIMARY KEY NOT NULL,
	`name_en` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_fr` text NOT NULL,
	`adjective_en` text NOT NULL,
	`of_fr` text NOT NULL,
	`region` text NOT NULL,
	`colors` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `featured_products` (
	`product_id` integer PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`curator_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`curator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `featured_position_idx` ON `featured_products` (`position`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`store_id` integer NOT NULL,
	`slug` text NOT NULL,
	`sku` text NOT NULL,
	`title_en` text NOT NULL,
	`title_zh` text DEFAULT '' NOT NULL,
	`title_fr` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`description_zh` text DEFAULT '' NOT NULL,
	`description_fr` text DEFAULT '' NOT NULL,
	`category_id` integer NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`price_cents` integer NOT NULL,
	`currency` text DEFAULT 'USD' NOT NULL,
	`stock` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`images` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_slug_idx` ON `products` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `products_sku_idx` ON `products` (`sku`);--> statement-breakpoint
CREATE INDEX `products_store_status_idx` ON `products` (`store_id`,`status`);--> statement-breakpoint
CREATE INDEX `products_category_status_price_idx` ON `products` (`category_id`,`status`,`price_cents`);--> statement-breakpoint
CREATE INDEX `products_category_status_created_idx` ON `products` (`category_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `products_status_created_idx` ON `products` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `stores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`owner_id` integer NOT NULL,
	`name_en` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_fr` text NOT NULL,
	`tagline_en` text DEFAULT '' NOT NULL,
	`tagline_zh` text DEFAULT '' NOT NULL,
	`tagline_fr` text DEFAULT '' NOT NULL,
	`story_en` text DEFAULT '' NOT NULL,
	`story_zh` text DEFAULT '' NOT NULL,
	`story_fr` text DEFAULT '' NOT NULL,
	`country_code` text NOT NULL,
	`city_en` text NOT NULL,
	`city_zh` text NOT NULL,
	`city_fr` text NOT NULL,
	`logo_url` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`approved_at` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`country_code`) REFERENCES `countries`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stores_slug_unique` ON `stores` (`slug`);--> statement-breakpoint
CREATE INDEX `stores_country_status_idx` ON `stores` (`country_code`,`status`);--> statement-breakpoint
CREATE INDEX `stores_owner_idx` ON `stores` (`owner_id`);