CREATE TABLE "city_open_data" (
	"city_id" integer PRIMARY KEY NOT NULL,
	"licence" text NOT NULL,
	"publisher_name" text NOT NULL,
	"contact_email" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "city_open_data" ADD CONSTRAINT "city_open_data_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;