ALTER TABLE `products` ADD `on_hand` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `reserved` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `festival_deals` ADD `reserved_count` integer DEFAULT 0 NOT NULL;