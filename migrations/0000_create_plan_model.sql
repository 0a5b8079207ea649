CREATE TYPE "public"."measure_status" AS ENUM('planned', 'examining', 'exam_done_go', 'exam_done_no', 'in_progress', 'done', 'ongoing', 'delayed', 'dropped', 'carried_over');--> statement-breakpoint
CREATE TYPE "public"."measure_type" AS ENUM('implementation', 'examination', 'aspiration', 'ongoing', 'advocacy');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('municipal_unit', 'municipal_enterprise', 'advisory_council', 'civil_society', 'state_body', 'external');--> statement-breakpoint
CREATE TYPE "public"."plan_state" AS ENUM('draft', 'adopted', 'closed');--> statement-breakpoint
CREATE TYPE "public"."recurrence" AS ENUM('once', 'half_yearly', 'yearly', 'biennial', 'regular', 'continuous', 'on_request');--> statement-breakpoint
CREATE TABLE "measure_example_actions" (
	"measure_id" integer NOT NULL,
	"example_action_key" text NOT NULL,
	CONSTRAINT "measure_example_actions_measure_id_example_action_key_pk" PRIMARY KEY("measure_id","example_action_key")
);
--> statement-breakpoint
CREATE TABLE "measure_involved_organisations" (
	"measure_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	CONSTRAINT "measure_involved_organisations_measure_id_organisation_id_pk" PRIMARY KEY("measure_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "measure_relations" (
	"measure_id" integer NOT NULL,
	"related_measure_id" integer NOT NULL,
	"note_de" text,
	"note_en" text,
	CONSTRAINT "measure_relations_measure_id_related_measure_id_pk" PRIMARY KEY("measure_id","related_measure_id"),
	CONSTRAINT "measure_relations_not_self" CHECK ("measure_relations"."measure_id" <> "measure_relations"."related_measure_id")
);
--> statement-breakpoint
CREATE TABLE "measure_secondary_commitments" (
	"measure_id" integer NOT NULL,
	"commitment_number" smallint NOT NULL,
	CONSTRAINT "measure_secondary_commitments_measure_id_commitment_number_pk" PRIMARY KEY("measure_id","commitment_number")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "measures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"primary_commitment" smallint NOT NULL,
	"title_de" text NOT NULL,
	"title_en" text,
	"description_de" text,
	"description_en" text,
	"type" "measure_type" NOT NULL,
	"lead_organisation_id" integer,
	"start_date" date,
	"end_date" date,
	"recurrence" "recurrence" DEFAULT 'once' NOT NULL,
	"recurrence_on" text,
	"timeframe_note_de" text,
	"timeframe_note_en" text,
	"funding_note_de" text,
	"funding_note_en" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"internal_note" text,
	"status" "measure_status" DEFAULT 'planned' NOT NULL,
	"status_reason" text,
	"progress" smallint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "measures_progress_range" CHECK ("measures"."progress" between 0 and 100),
	CONSTRAINT "measures_date_order" CHECK ("measures"."end_date" is null or "measures"."start_date" is null or "measures"."end_date" >= "measures"."start_date")
);
--> statement-breakpoint
CREATE TABLE "status_updates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "status_updates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"measure_id" integer NOT NULL,
	"date" date NOT NULL,
	"from_status" "measure_status",
	"status" "measure_status" NOT NULL,
	"from_progress" smallint,
	"progress" smallint NOT NULL,
	"note_de" text,
	"note_en" text,
	"reason" text,
	"evidence_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"organisation_id" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"kind" "organisation_kind" NOT NULL,
	"description_de" text,
	"description_en" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_city_name" UNIQUE("city_id","name")
);
--> statement-breakpoint
CREATE TABLE "cities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cities_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "plan_commitments" (
	"plan_id" integer NOT NULL,
	"commitment_number" smallint NOT NULL,
	"local_title_de" text,
	"local_title_en" text,
	"context_de" text,
	"context_en" text,
	CONSTRAINT "plan_commitments_plan_id_commitment_number_pk" PRIMARY KEY("plan_id","commitment_number")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"title_de" text NOT NULL,
	"title_en" text,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"resolution_number" text,
	"resolution_date" date,
	"state" "plan_state" DEFAULT 'draft' NOT NULL,
	"predecessor_id" integer,
	"intro_de" text,
	"intro_en" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_period_order" CHECK ("plans"."period_end" >= "plans"."period_start")
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"number" smallint PRIMARY KEY NOT NULL,
	"title_en" text NOT NULL,
	"title_de" text NOT NULL,
	"aim_en" text NOT NULL,
	"aim_de" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eccar_example_actions" (
	"key" text PRIMARY KEY NOT NULL,
	"commitment_number" smallint NOT NULL,
	"text_en" text NOT NULL,
	"text_de" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "measure_example_actions" ADD CONSTRAINT "measure_example_actions_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_example_actions" ADD CONSTRAINT "measure_example_actions_example_action_key_eccar_example_actions_key_fk" FOREIGN KEY ("example_action_key") REFERENCES "public"."eccar_example_actions"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_involved_organisations" ADD CONSTRAINT "measure_involved_organisations_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_involved_organisations" ADD CONSTRAINT "measure_involved_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_relations" ADD CONSTRAINT "measure_relations_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_relations" ADD CONSTRAINT "measure_relations_related_measure_id_measures_id_fk" FOREIGN KEY ("related_measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_secondary_commitments" ADD CONSTRAINT "measure_secondary_commitments_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_secondary_commitments" ADD CONSTRAINT "measure_secondary_commitments_commitment_number_commitments_number_fk" FOREIGN KEY ("commitment_number") REFERENCES "public"."commitments"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_primary_commitment_commitments_number_fk" FOREIGN KEY ("primary_commitment") REFERENCES "public"."commitments"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_updates" ADD CONSTRAINT "status_updates_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_updates" ADD CONSTRAINT "status_updates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_commitments" ADD CONSTRAINT "plan_commitments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_commitments" ADD CONSTRAINT "plan_commitments_commitment_number_commitments_number_fk" FOREIGN KEY ("commitment_number") REFERENCES "public"."commitments"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_predecessor_id_plans_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eccar_example_actions" ADD CONSTRAINT "eccar_example_actions_commitment_number_commitments_number_fk" FOREIGN KEY ("commitment_number") REFERENCES "public"."commitments"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_involved_organisations_organisation_id_index" ON "measure_involved_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "measure_relations_related_measure_id_index" ON "measure_relations" USING btree ("related_measure_id");--> statement-breakpoint
CREATE INDEX "measure_secondary_commitments_commitment_number_index" ON "measure_secondary_commitments" USING btree ("commitment_number");--> statement-breakpoint
CREATE UNIQUE INDEX "measures_plan_code" ON "measures" USING btree ("plan_id","code") WHERE "measures"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "measures_plan_position" ON "measures" USING btree ("plan_id","primary_commitment","position");--> statement-breakpoint
CREATE INDEX "measures_lead" ON "measures" USING btree ("lead_organisation_id");--> statement-breakpoint
CREATE INDEX "status_updates_measure" ON "status_updates" USING btree ("measure_id","date","id");