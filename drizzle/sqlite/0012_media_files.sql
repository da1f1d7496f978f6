CREATE TABLE `media_files` (
	`media_key` text NOT NULL,
	`file` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`media_key`, `file`)
);
