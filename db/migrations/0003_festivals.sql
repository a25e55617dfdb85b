CREATE TABLE `search_synonyms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`words` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE TABLE `festival_deals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`festival_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`deal_price_cents` integer,
	`discount_percent` integer,
	`deal_stock` integer,
	`sold_count` integer DEFAULT 0 NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`festival_id`) REFERENCES `festivals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `festival_deals_festival_product_idx` ON `festival_deals` (`festival_id`,`product_id`);--> statement-breakpoint
CREATE INDEX `festival_deals_product_idx` ON `festival_deals` (`product_id`);--> statement-breakpoint
CREATE TABLE `festival_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`festival_id` integer NOT NULL,
	`store_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`title_en` text NOT NULL,
	`title_zh` text NOT NULL,
	`title_fr` text NOT NULL,
	`product_ids` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`festival_id`) REFERENCES `festivals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `festival_sessions_festival_idx` ON `festival_sessions` (`festival_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `festival_stores` (
	`festival_id` integer NOT NULL,
	`store_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`festival_id`, `store_id`),
	FOREIGN KEY (`festival_id`) REFERENCES `festivals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `festivals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_en` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_fr` text NOT NULL,
	`tagline_en` text DEFAULT '' NOT NULL,
	`tagline_zh` text DEFAULT '' NOT NULL,
	`tagline_fr` text DEFAULT '' NOT NULL,
	`theme_color` text DEFAULT '#b45309' NOT NULL,
	`banner_url` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `festivals_slug_unique` ON `festivals` (`slug`);--> statement-breakpoint
CREATE INDEX `festivals_published_window_idx` ON `festivals` (`published`,`starts_at`,`ends_at`);--> statement-breakpoint
ALTER TABLE `stores` ADD `review_note` text DEFAULT '' NOT NULL;