ALTER TYPE "public"."prediction_kind" ADD VALUE 'backtest';--> statement-breakpoint
CREATE INDEX "predictions_kind_created_idx" ON "predictions" USING btree ("kind","created_at");