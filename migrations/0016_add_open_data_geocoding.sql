ALTER TABLE "city_open_data" ADD COLUMN "municipality_key" text;--> statement-breakpoint
ALTER TABLE "city_open_data" ADD COLUMN "contributor_id" text;