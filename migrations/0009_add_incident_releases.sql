ALTER TYPE "public"."role" ADD VALUE 'incidents';--> statement-breakpoint
CREATE TABLE "incident_releases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "incident_releases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"version" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"threshold" integer NOT NULL,
	"counts" jsonb NOT NULL,
	"audit" jsonb,
	"views" jsonb,
	"prepared_by" integer,
	"prepared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_by" integer,
	"checked_at" timestamp with time zone,
	"published_by" integer,
	"published_at" timestamp with time zone,
	CONSTRAINT "incident_releases_period_order" CHECK ("incident_releases"."period_end" >= "incident_releases"."period_start"),
	CONSTRAINT "incident_releases_threshold" CHECK ("incident_releases"."threshold" >= 3),
	CONSTRAINT "incident_releases_published" CHECK ("incident_releases"."state" <> 'published' or ("incident_releases"."published_at" is not null and "incident_releases"."views" is not null))
);
--> statement-breakpoint
ALTER TABLE "incident_releases" ADD CONSTRAINT "incident_releases_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_releases" ADD CONSTRAINT "incident_releases_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_releases" ADD CONSTRAINT "incident_releases_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_releases" ADD CONSTRAINT "incident_releases_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_releases_version" ON "incident_releases" USING btree ("city_id","period_start","period_end","version");--> statement-breakpoint
CREATE INDEX "incident_releases_city" ON "incident_releases" USING btree ("city_id","state");