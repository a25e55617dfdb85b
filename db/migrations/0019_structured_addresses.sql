CREATE TABLE `addresses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`country` text NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`province_code` text DEFAULT '' NOT NULL,
	`city_code` text DEFAULT '' NOT NULL,
	`district_code` text DEFAULT '' NOT NULL,
	`address` text NOT NULL,
	`address2` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`postcode` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `addresses_user_idx` ON `addresses` (`user_id`,`id`);--> statement-breakpoint
ALTER TABLE `orders` ADD `ship_address2` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `ship_region` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `ship_district` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `ship_region_codes` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `customs_name` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `customs_id_sealed` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `customs_id_purged_at` integer;