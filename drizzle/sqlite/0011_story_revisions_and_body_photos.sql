CREATE TABLE `article_media` (
	`article_id` integer NOT NULL,
	`media_id` integer NOT NULL,
	PRIMARY KEY(`article_id`, `media_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_media_media_idx` ON `article_media` (`media_id`);--> statement-breakpoint
CREATE TABLE `story_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`kind` text NOT NULL,
	`user_id` integer,
	`restored_from` integer,
	`title` text NOT NULL,
	`standfirst` text DEFAULT '' NOT NULL,
	`byline` text DEFAULT '' NOT NULL,
	`dateline` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "story_revisions_kind_check" CHECK(kind IN ('save', 'autosave', 'restore'))
);
--> statement-breakpoint
CREATE INDEX `story_revisions_article_idx` ON `story_revisions` (`article_id`,`id`);--> statement-breakpoint
CREATE INDEX `story_revisions_autosave_idx` ON `story_revisions` (`article_id`,`kind`,`user_id`);