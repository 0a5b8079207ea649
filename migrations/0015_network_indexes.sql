CREATE INDEX "plans_city" ON "plans" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "plans_predecessor" ON "plans" USING btree ("predecessor_id");