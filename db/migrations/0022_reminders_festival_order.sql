CREATE TABLE `reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`target_id` integer NOT NULL,
	`locale` text NOT NULL,
	`remind_at` integer NOT NULL,
	`sent_at` integer,
	`cancelled_at` integer,
	`missed_at` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_user_target_idx` ON `reminders` (`user_id`,`kind`,`target_id`);--> statement-breakpoint
CREATE INDEX `reminders_target_idx` ON `reminders` (`kind`,`target_id`);--> statement-breakpoint
CREATE INDEX `reminders_due_idx` ON `reminders` (`remind_at`);--> statement-breakpoint
ALTER TABLE `festivals` ADD `position` integer DEFAULT 0 NOT NULL;