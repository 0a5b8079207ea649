ALTER TABLE "measures" ADD COLUMN "good_practice" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "good_practice_description_de" text;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "good_practice_description_en" text;--> statement-breakpoint
ALTER TABLE "cycle_narratives" ADD COLUMN "challenges_de" text;--> statement-breakpoint
ALTER TABLE "cycle_narratives" ADD COLUMN "challenges_en" text;--> statement-breakpoint
ALTER TABLE "cycle_narratives" ADD COLUMN "needs_de" text;--> statement-breakpoint
ALTER TABLE "cycle_narratives" ADD COLUMN "needs_en" text;--> statement-breakpoint
ALTER TABLE "cycle_narratives" ADD COLUMN "exchange_topics_de" text;--> statement-breakpoint
ALTER TABLE "cycle_narratives" ADD COLUMN "exchange_topics_en" text;--> statement-breakpoint
ALTER TABLE "cycle_narratives" ADD COLUMN "no_narrative_reason_de" text;--> statement-breakpoint
ALTER TABLE "cycle_narratives" ADD COLUMN "no_narrative_reason_en" text;--> statement-breakpoint
ALTER TABLE "cycle_narratives" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "unit_en" text;--> statement-breakpoint
ALTER TABLE "reporting_cycles" ADD COLUMN "title_en" text;