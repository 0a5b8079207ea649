CREATE TABLE "city_branding" (
	"city_id" integer PRIMARY KEY NOT NULL,
	"accent_colour" text,
	"website" text,
	"feedback_email" text,
	"feedback_phone" text,
	"feedback_url" text,
	"enforcement_name" text,
	"enforcement_url" text,
	"embed_origins" text[] DEFAULT '{}'::text[] NOT NULL,
	"logo" "bytea",
	"logo_type" text,
	"logo_updated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "easy_read_texts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "easy_read_texts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"commitment" smallint NOT NULL,
	"body" text NOT NULL,
	"checked_by" text,
	"checked_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "city_branding" ADD CONSTRAINT "city_branding_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "easy_read_texts" ADD CONSTRAINT "easy_read_texts_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "easy_read_texts_plan_commitment" ON "easy_read_texts" USING btree ("plan_id","commitment");