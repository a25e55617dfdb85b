CREATE TABLE `order_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`actor_kind` text NOT NULL,
	`actor_user_id` integer,
	`reason` text,
	`detail` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `order_events_order_idx` ON `order_events` (`order_id`,`id`);--> statement-breakpoint
CREATE TABLE `refund_lines` (
	`refund_id` integer NOT NULL,
	`order_item_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`restock` integer NOT NULL,
	PRIMARY KEY(`refund_id`, `order_item_id`),
	FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`order_item_id`) REFERENCES `order_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`reason` text NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_user_id` integer,
	`store_id` integer,
	`provider` text NOT NULL,
	`provider_ref` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`failure_reason` text,
	`created_at` integer NOT NULL,
	`settled_at` integer,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_providerRef_unique` ON `refunds` (`provider_ref`);--> statement-breakpoint
CREATE INDEX `refunds_order_idx` ON `refunds` (`order_id`);--> statement-breakpoint
CREATE INDEX `refunds_pending_idx` ON `refunds` (`status`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `orders` ADD `refunded_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `cart_id` integer REFERENCES carts(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `festival_deals` ADD `per_shopper_limit` integer;--> statement-breakpoint
ALTER TABLE `order_items` ADD `refunded_quantity` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_items` ADD `refunded_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The order lifecycle (decision 016) names its statuses after what they mean: an unpaid order is
-- pending_payment, and one whose reservation ran out is expired, no longer "cancelled".
UPDATE `orders` SET `status` = 'expired' WHERE `status` = 'cancelled' AND `cancel_reason` IN ('expired', 'checkout-expired');
--> statement-breakpoint
UPDATE `orders` SET `status` = 'pending_payment' WHERE `status` = 'pending';
--> statement-breakpoint
UPDATE `orders` SET `status` = 'partially_fulfilled' WHERE `status` = 'partly_fulfilled';
--> statement-breakpoint
UPDATE `orders` SET `refunded_cents` = `total_cents` WHERE `status` = 'refunded';
--> statement-breakpoint
-- Orders placed before the timeline existed start it with the status they have.
INSERT INTO `order_events` (`order_id`, `kind`, `from_status`, `to_status`, `actor_kind`, `reason`, `at`)
	SELECT `id`, 'status', NULL, `status`, 'system', 'before-timeline', `updated_at` FROM `orders`;
