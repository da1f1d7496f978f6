DROP INDEX `vote_hourly_hour_idx`;--> statement-breakpoint
CREATE INDEX `vote_hourly_hour_idx` ON `vote_hourly` (`hour`,`mood`,`article_id`,`count`);