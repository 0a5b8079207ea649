ALTER TABLE "reporting_cycles" ADD COLUMN "kind" text DEFAULT 'eccar' NOT NULL;--> statement-breakpoint
ALTER TABLE "reporting_cycles" ADD COLUMN "approval_meeting_id" integer;--> statement-breakpoint
ALTER TABLE "reporting_cycles" ADD CONSTRAINT "reporting_cycles_approval_meeting_id_steering_meetings_id_fk" FOREIGN KEY ("approval_meeting_id") REFERENCES "public"."steering_meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_cycles" ADD CONSTRAINT "reporting_cycles_kind" CHECK ("reporting_cycles"."kind" in ('eccar', 'council'));