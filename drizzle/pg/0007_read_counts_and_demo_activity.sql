CREATE TABLE "article_reads" (
	"article_id" integer NOT NULL,
	"hour" bigint NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "article_reads_article_id_hour_pk" PRIMARY KEY("article_id","hour"),
	CONSTRAINT "article_reads_nonnegative" CHECK (count >= 0)
);
--> statement-breakpoint
CREATE TABLE "demo_activity" (
	"kind" text NOT NULL,
	"article_id" integer NOT NULL,
	"bucket" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "demo_activity_kind_article_id_bucket_pk" PRIMARY KEY("kind","article_id","bucket")
);
--> statement-breakpoint
ALTER TABLE "article_reads" ADD CONSTRAINT "article_reads_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_activity" ADD CONSTRAINT "demo_activity_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_reads_hour_idx" ON "article_reads" USING btree ("hour","article_id","count");