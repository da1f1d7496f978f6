CREATE TABLE "media_files" (
	"media_key" text NOT NULL,
	"file" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "media_files_media_key_file_pk" PRIMARY KEY("media_key","file")
);
