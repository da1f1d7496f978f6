CREATE TABLE `article_reads` (
	`article_id` integer NOT NULL,
	`hour` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`article_id`, `hour`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "article_reads_nonnegative" CHECK(count >= 0)
);
--> statement-breakpoint
CREATE INDEX `article_reads_hour_idx` ON `article_reads` (`hour`,`article_id`,`count`);--> statement-breakpoint
CREATE TABLE `demo_activity` (
	`kind` text NOT NULL,
	`article_id` integer NOT NULL,
	`bucket` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`kind`, `article_id`, `bucket`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
