CREATE TABLE "import_sources" (
	"system" text NOT NULL,
	"site" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"source_id" text NOT NULL,
	"target_id" integer NOT NULL,
	"checksum" text NOT NULL,
	"target_updated_at" bigint,
	"imported_at" bigint NOT NULL,
	CONSTRAINT "import_sources_system_site_kind_source_id_pk" PRIMARY KEY("system","site","kind","source_id")
);
--> statement-breakpoint
CREATE INDEX "import_sources_target_idx" ON "import_sources" USING btree ("kind","target_id");