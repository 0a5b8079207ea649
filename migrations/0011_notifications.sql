CREATE TYPE "public"."mail_error" AS ENUM('connection', 'rejected', 'temporary', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."mail_kind" AS ENUM('deadline-reminders', 'weekly-digest', 'meeting-due', 'cycle-changes', 'invitation', 'password-reset', 'second-factor-reset');--> statement-breakpoint
CREATE TYPE "public"."mail_language" AS ENUM('de', 'en');--> statement-breakpoint
CREATE TYPE "public"."mail_state" AS ENUM('held', 'queued', 'sending', 'sent', 'retrying', 'failed');--> statement-breakpoint
CREATE TABLE "mails" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mails_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer,
	"user_id" integer,
	"recipient" text NOT NULL,
	"kind" "mail_kind" NOT NULL,
	"language" "mail_language" NOT NULL,
	"subject" text NOT NULL,
	"template_data" jsonb,
	"idempotency_key" text NOT NULL,
	"unsubscribe_token" text,
	"state" "mail_state" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" "mail_error",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"language" "mail_language" DEFAULT 'de' NOT NULL,
	"digest_day" smallint DEFAULT 1 NOT NULL,
	"kinds" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cities" ADD COLUMN "time_zone" text DEFAULT 'Europe/Berlin' NOT NULL;--> statement-breakpoint
ALTER TABLE "cities" ADD COLUMN "reminder_steps" integer[] DEFAULT '{28,7,0,-7}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mails_idempotency" ON "mails" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "mails_unsubscribe_token" ON "mails" USING btree ("unsubscribe_token");--> statement-breakpoint
CREATE INDEX "mails_city_created" ON "mails" USING btree ("city_id","created_at");--> statement-breakpoint
CREATE INDEX "mails_due" ON "mails" USING btree ("next_attempt_at") WHERE "mails"."state" in ('queued', 'retrying', 'sending');