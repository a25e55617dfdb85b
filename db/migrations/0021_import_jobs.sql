CREATE TABLE `import_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`status` text DEFAULT 'parsing' NOT NULL,
	`file_name` text NOT NULL,
	`file_path` text,
	`bytes` integer DEFAULT 0 NOT NULL,
	`row_count` integer DEFAULT 0 NOT NULL,
	`new_count` integer DEFAULT 0 NOT NULL,
	`changed_count` integer DEFAULT 0 NOT NULL,
	`unchanged_count` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`created_count` integer,
	`updated_count` integer,
	`skipped_count` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`imported_at` integer,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_jobs_store_idx` ON `import_jobs` (`store_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `import_jobs_expiry_idx` ON `import_jobs` (`status`,`expires_at`);--> statement-breakpoint
CREATE TABLE `import_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` text NOT NULL,
	`line` integer NOT NULL,
	`sku` text NOT NULL,
	`kind` text NOT NULL,
	`values` text,
	`changes` text,
	`errors` text,
	FOREIGN KEY (`job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_rows_job_idx` ON `import_rows` (`job_id`,`kind`,`line`);