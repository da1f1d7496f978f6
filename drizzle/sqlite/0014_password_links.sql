CREATE TABLE `password_links` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "password_links_purpose_check" CHECK(purpose IN ('reset', 'invite'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `password_links_token_unique` ON `password_links` (`token_hash`);