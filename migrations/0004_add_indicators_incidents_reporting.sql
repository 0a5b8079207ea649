CREATE TYPE "public"."cycle_state" AS ENUM('open', 'in_review', 'approved', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."discrimination_kind" AS ENUM('racism', 'antisemitism', 'religion', 'gender', 'disability', 'age', 'sexual_identity', 'social_status', 'other');--> statement-breakpoint
CREATE TYPE "public"."indicator_direction" AS ENUM('increase', 'decrease', 'maintain');--> statement-breakpoint
CREATE TYPE "public"."life_area" AS ENUM('work', 'education', 'housing', 'public_authorities', 'goods_services', 'health', 'leisure', 'public_space', 'police_justice', 'media_internet', 'other');--> statement-breakpoint
CREATE TYPE "public"."measure_origin" AS ENUM('new', 'carried_over', 'replacement');--> statement-breakpoint
CREATE TYPE "public"."reporting_channel" AS ENUM('in_person', 'phone', 'mail', 'email', 'online_form', 'social_media', 'other');--> statement-breakpoint
CREATE TABLE "cycle_narratives" (
	"cycle_id" integer NOT NULL,
	"commitment_number" smallint NOT NULL,
	"text_de" text,
	"text_en" text,
	CONSTRAINT "cycle_narratives_cycle_id_commitment_number_pk" PRIMARY KEY("cycle_id","commitment_number")
);
--> statement-breakpoint
CREATE TABLE "cycle_snapshots" (
	"cycle_id" integer PRIMARY KEY NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_counts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "incident_counts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"kind" "discrimination_kind" NOT NULL,
	"area" "life_area" NOT NULL,
	"channel" "reporting_channel" NOT NULL,
	"count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_counts_non_negative" CHECK ("incident_counts"."count" >= 0),
	CONSTRAINT "incident_counts_period_order" CHECK ("incident_counts"."period_end" >= "incident_counts"."period_start")
);
--> statement-breakpoint
CREATE TABLE "indicator_commitments" (
	"indicator_id" integer NOT NULL,
	"commitment_number" smallint NOT NULL,
	CONSTRAINT "indicator_commitments_indicator_id_commitment_number_pk" PRIMARY KEY("indicator_id","commitment_number")
);
--> statement-breakpoint
CREATE TABLE "indicator_measures" (
	"indicator_id" integer NOT NULL,
	"measure_id" integer NOT NULL,
	CONSTRAINT "indicator_measures_indicator_id_measure_id_pk" PRIMARY KEY("indicator_id","measure_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicator_values_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"indicator_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"category" text,
	"value" numeric NOT NULL,
	"source_note" text,
	"entered_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_period_order" CHECK ("indicator_values"."period_end" >= "indicator_values"."period_start")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"name_de" text NOT NULL,
	"name_en" text,
	"definition_de" text,
	"definition_en" text,
	"unit" text NOT NULL,
	"source" text,
	"direction" "indicator_direction" NOT NULL,
	"baseline_value" numeric,
	"baseline_date" date,
	"target_value" numeric,
	"target_date" date,
	"is_public" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_cycles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reporting_cycles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_date" date,
	"state" "cycle_state" DEFAULT 'open' NOT NULL,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_cycles_period_order" CHECK ("reporting_cycles"."period_end" >= "reporting_cycles"."period_start")
);
--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "origin" "measure_origin" DEFAULT 'new' NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "predecessor_measure_id" integer;--> statement-breakpoint
ALTER TABLE "cities" ADD COLUMN "incident_threshold" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "cycle_narratives" ADD CONSTRAINT "cycle_narratives_cycle_id_reporting_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."reporting_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_narratives" ADD CONSTRAINT "cycle_narratives_commitment_number_commitments_number_fk" FOREIGN KEY ("commitment_number") REFERENCES "public"."commitments"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_snapshots" ADD CONSTRAINT "cycle_snapshots_cycle_id_reporting_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."reporting_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_counts" ADD CONSTRAINT "incident_counts_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_commitments" ADD CONSTRAINT "indicator_commitments_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_commitments" ADD CONSTRAINT "indicator_commitments_commitment_number_commitments_number_fk" FOREIGN KEY ("commitment_number") REFERENCES "public"."commitments"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measures" ADD CONSTRAINT "indicator_measures_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measures" ADD CONSTRAINT "indicator_measures_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_cycles" ADD CONSTRAINT "reporting_cycles_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_cycles" ADD CONSTRAINT "reporting_cycles_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_cycles" ADD CONSTRAINT "reporting_cycles_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_cycles" ADD CONSTRAINT "reporting_cycles_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_counts_cell" ON "incident_counts" USING btree ("city_id","period_start","period_end","kind","area","channel");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_period_category" ON "indicator_values" USING btree ("indicator_id","period_start","period_end",coalesce("category", ''));--> statement-breakpoint
CREATE INDEX "indicators_plan_id_index" ON "indicators" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "reporting_cycles_plan_id_index" ON "reporting_cycles" USING btree ("plan_id");--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_predecessor_measure_id_measures_id_fk" FOREIGN KEY ("predecessor_measure_id") REFERENCES "public"."measures"("id") ON DELETE set null ON UPDATE no action;